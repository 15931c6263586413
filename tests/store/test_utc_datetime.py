"""Every datetime column stores UTC and reads back an aware UTC datetime, on both databases,
so no code outside the store has to guess what a naive datetime meant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import DateTime, select
from sqlalchemy.exc import StatementError
from sqlmodel import SQLModel

from bot.store.db import Database
from bot.store.models import FlowSource
from bot.store.utc_datetime import UtcDateTime

NAIROBI = timezone(timedelta(hours=3))


def test_every_datetime_column_of_the_models_is_utc() -> None:
    plain = [
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, DateTime) and not isinstance(column.type, UtcDateTime)
    ]
    assert plain == []
    assert isinstance(FlowSource.__table__.c.created_at.type, UtcDateTime)  # type: ignore[attr-defined]


async def test_a_time_in_any_zone_comes_back_as_the_same_instant_in_utc(db: Database) -> None:
    at = datetime(2026, 3, 10, 22, 30, tzinfo=NAIROBI)
    async with db.session() as session, session.begin():
        session.add(FlowSource(flow_id="f", version="1", source="", created_at=at))
    async with db.session() as session:
        stored = (await session.execute(select(FlowSource.created_at))).scalar_one()
        found = (
            await session.execute(
                select(FlowSource.flow_id).where(FlowSource.created_at <= at + timedelta(seconds=1))
            )
        ).scalars()
        assert list(found) == ["f"]
    assert stored == at and stored.tzinfo is UTC
    assert stored.hour == 19


async def test_a_time_written_without_a_zone_is_read_as_utc(db: Database) -> None:
    """What another tool (sqlite3 on the command line, a hand-written fix) may leave."""
    stamp = "2026-03-10 19:30:00" if db.is_sqlite else "2026-03-10 19:30:00+00"
    async with db.engine.begin() as conn:
        await conn.exec_driver_sql(
            "INSERT INTO flow_source (flow_id, version, source, path, created_at) "
            f"VALUES ('f', '1', '', '', '{stamp}')"
        )
    async with db.session() as session:
        stored = (await session.execute(select(FlowSource.created_at))).scalar_one()
    assert stored == datetime(2026, 3, 10, 19, 30, tzinfo=UTC) and stored.tzinfo is UTC


async def test_a_naive_time_is_refused_rather_than_stored_in_an_unknown_zone(
    db: Database,
) -> None:
    with pytest.raises(StatementError, match="timezone-aware"):
        async with db.session() as session, session.begin():
            session.add(
                FlowSource(flow_id="f", version="1", source="", created_at=datetime(2026, 3, 10))
            )
