"""`Database.insert_rows`: what a webhook waits for before it is acknowledged. Every row is
committed when it returns, or none is."""

from __future__ import annotations

import pytest
from sqlalchemy import Table, func, select
from sqlalchemy.exc import IntegrityError

from bot.store.db import Database
from bot.store.models import WebhookEvent, utcnow

EVENTS: Table = WebhookEvent.__table__  # type: ignore[attr-defined]


def row(body: bytes, state: str | None = "pending") -> dict[str, object]:
    return {"source": "meta", "body": body, "received_at": utcnow(), "state": state, "attempts": 0}


async def stored_bodies(db: Database) -> list[bytes]:
    other = Database(db.url)  # another connection: sees only what is committed
    try:
        async with other.session() as session:
            return list(
                (await session.execute(select(EVENTS.c.body).order_by(EVENTS.c.id))).scalars()
            )
    finally:
        await other.dispose()


async def test_every_row_is_committed_on_return(db: Database) -> None:
    await db.insert_rows(EVENTS, [row(b"one"), row(b"two"), row(b"three")])
    assert await stored_bodies(db) == [b"one", b"two", b"three"]


async def test_a_row_that_cannot_be_stored_takes_the_others_with_it(db: Database) -> None:
    with pytest.raises(IntegrityError):
        await db.insert_rows(EVENTS, [row(b"one"), row(b"two", state=None), row(b"three")])
    assert await stored_bodies(db) == []
    await db.insert_rows(EVENTS, [row(b"four")])  # the connection is still good
    assert await stored_bodies(db) == [b"four"]


async def test_the_body_is_encrypted_at_rest(db: Database) -> None:
    await db.insert_rows(EVENTS, [row(b"my passport was taken")])
    async with db.engine.connect() as conn:
        raw = (await conn.execute(select(func.count()).select_from(EVENTS))).scalar_one()
        stored = (await conn.exec_driver_sql("SELECT body FROM webhook_event")).scalar_one()
    assert raw == 1
    assert b"passport" not in bytes(stored)


async def test_the_row_reads_back_through_the_model_as_written(db: Database) -> None:
    # The SQLite intake writes through plain sqlite3: the columns' conversions (the time's
    # format, the body's encryption) must still be SQLAlchemy's, or the workers misread it.
    written = row(b"where are you?")
    await db.insert_rows(EVENTS, [written])
    async with db.session() as session:
        event = (await session.execute(select(WebhookEvent))).scalar_one()
    assert (event.body, event.received_at, event.state) == (
        b"where are you?",
        written["received_at"],
        "pending",
    )


async def test_the_database_says_what_it_can_do(db: Database) -> None:
    """Code outside the store asks these, never which database it is."""
    if db.is_sqlite:
        assert db.one_writer and not db.can_notify
    else:
        assert not db.one_writer and db.can_notify
