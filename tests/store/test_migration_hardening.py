"""Migration 0005h on a database that already holds cases: a case without a team becomes
'unrouted' (every caseworker sees it), the others keep their team; masked ids stored in the
old format (8 of 12 digits shown) keep only the country code and the last two digits."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import MetaData, Table, insert, inspect, select, text

from bot.store.db import Database, drop_all
from bot.store.migrate import upgrade_async
from bot.store.models import Case, Conversation, utcnow

OLD = [
    ("whatsapp", "+2126•••5678", "+212•••78"),
    ("whatsapp", "GB.7•••9147", "•••47"),  # a business-scoped id, no number
    ("messenger", "+7730•••9147", "•••47"),  # a page-scoped id the old mask took for a number
    ("whatsapp", "•••", "•••"),
    ("simulator", "erased", "erased"),
]


@pytest.fixture
async def at_0001(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    if not db.is_sqlite:
        await drop_all(db.engine)
        async with db.engine.begin() as conn:
            await conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    await upgrade_async(database_url, "0001")
    try:
        yield db
    finally:
        if not db.is_sqlite:
            await drop_all(db.engine)
            async with db.engine.begin() as conn:
                await conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        await db.dispose()


NAMES = ("conversation", "case_file")


async def test_existing_cases_and_masked_ids_are_migrated(
    database_url: str, at_0001: Database
) -> None:
    now = utcnow()
    # The tables as migration 0001 left them: today's column types (encryption, JSON), but
    # only the columns that exist at 0001 (this and later migrations add others).
    async with at_0001.engine.connect() as c:
        existing = await c.run_sync(
            lambda sync: {t: {col["name"] for col in inspect(sync).get_columns(t)} for t in NAMES}
        )
    conv, case = (
        Table(
            name,
            MetaData(),
            *(
                col._copy()
                for col in model.__table__.columns  # type: ignore[attr-defined]
                if col.name in existing[name]
            ),
        )
        for name, model in zip(NAMES, (Conversation, Case), strict=True)
    )
    async with at_0001.engine.begin() as c:
        for n, (channel, masked, _) in enumerate(OLD):
            await c.execute(
                insert(conv).values(
                    id=n + 1, channel=channel, business_id="1", contact_hash=f"h{n}",
                    contact_ref="x", masked_id=masked, status="active", claimed=False,
                    flood_count=0, flood_noticed=False, created_at=now, updated_at=now,
                )
            )  # fmt: skip
        for case_id, team in (("ROUTED", "libya"), ("NOWHERE", None)):
            await c.execute(
                insert(case).values(
                    id=case_id, conversation_id=1, status="open", priority="urgent",
                    rules_fired=[], channel="whatsapp", team=team, answers={},
                    created_at=now, updated_at=now,
                )
            )  # fmt: skip

    await upgrade_async(database_url)

    async with at_0001.engine.connect() as c:
        masked = dict((await c.execute(select(conv.c.id, conv.c.masked_id))).all())
        routing = dict((await c.execute(text("SELECT id, routing FROM case_file"))).all())
    assert [masked[n + 1] for n in range(len(OLD))] == [new for _, _, new in OLD]
    assert routing == {"ROUTED": "country", "NOWHERE": "unrouted"}
