"""`insert_if_absent`: the first writer of a unique key wins, the others change nothing and
get no error, on both databases."""

from __future__ import annotations

import asyncio

from sqlalchemy import Table, select

from bot.store.db import Database
from bot.store.insert_if_absent import insert_if_absent
from bot.store.models import FlowSource, Receipt, utcnow

FLOWS: Table = FlowSource.__table__  # type: ignore[attr-defined]
RECEIPTS: Table = Receipt.__table__  # type: ignore[attr-defined]


async def test_a_key_already_there_is_left_as_it_was(db: Database) -> None:
    async with db.engine.begin() as conn:
        stmt = insert_if_absent(conn, FLOWS, "flow_id", "version")
        first = await conn.execute(stmt.values(flow_id="f", version="1", source="one", path=""))
        again = await conn.execute(stmt.values(flow_id="f", version="1", source="two", path=""))
        other = await conn.execute(stmt.values(flow_id="f", version="2", source="new", path=""))
    assert (first.rowcount, again.rowcount, other.rowcount) == (1, 0, 1)
    async with db.engine.connect() as conn:
        rows = (await conn.execute(select(FLOWS.c.version, FLOWS.c.source))).all()
    assert sorted(rows) == [("1", "one"), ("2", "new")]


async def test_returning_says_which_rows_were_new(db: Database) -> None:
    async with db.session() as session, session.begin():
        await session.execute(
            insert_if_absent(session, RECEIPTS).values(dedupe_key="a", applied_at=utcnow())
        )
        stmt = insert_if_absent(session, RECEIPTS, "dedupe_key").returning(RECEIPTS.c.dedupe_key)
        rows = [{"dedupe_key": k, "applied_at": utcnow()} for k in ("a", "b")]
        new = (await session.execute(stmt, rows)).scalars().all()
    assert list(new) == ["b"]


async def test_writers_racing_for_one_key_all_succeed_and_one_row_is_stored(db: Database) -> None:
    async def write() -> None:
        async with db.engine.begin() as conn:
            await conn.execute(
                insert_if_absent(conn, RECEIPTS, "dedupe_key").values(
                    dedupe_key="same", applied_at=utcnow()
                )
            )

    await asyncio.gather(*(write() for _ in range(5)))
    async with db.engine.connect() as conn:
        count = len((await conn.execute(select(RECEIPTS.c.dedupe_key))).all())
    assert count == 1
