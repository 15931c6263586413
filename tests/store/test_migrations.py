"""Alembic migrations build exactly the schema the models describe (no drift), and several
processes migrating one empty database at once all succeed."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from bot.store.db import Database, drop_all
from bot.store.migrate import current_revision, head_revision, upgrade_async


async def _drop_everything(db: Database) -> None:
    """No tables at all, not even Alembic's (a new SQLite file has none to begin with)."""
    if db.is_sqlite:
        return
    await drop_all(db.engine)
    async with db.engine.begin() as conn:
        await conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


@pytest.fixture
async def empty(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    await _drop_everything(db)
    try:
        yield db
    finally:
        await _drop_everything(db)
        await db.dispose()


async def test_upgrade_to_head_matches_the_models(database_url: str, empty: Database) -> None:
    await upgrade_async(database_url)
    assert await current_revision(database_url) == head_revision()

    def diff(sync_conn: object) -> list:
        ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})  # type: ignore[arg-type]
        return compare_metadata(ctx, SQLModel.metadata)

    async with empty.engine.connect() as conn:
        changes = await conn.run_sync(diff)
        tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert changes == []
    assert set(SQLModel.metadata.tables) <= tables


async def test_replicas_starting_together_migrate_once_and_all_succeed(
    database_url: str, empty: Database
) -> None:
    """Every container runs `sauti db upgrade` as it starts (see the Dockerfile), so with
    `docker compose up --scale app=3` several processes migrate one empty database at once."""
    env = {**os.environ, "SAUTI_DATABASE_URL": database_url}
    procs = [
        await asyncio.create_subprocess_exec(
            str(Path(sys.executable).parent / "sauti"),
            "db",
            "upgrade",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        for _ in range(4)
    ]
    outputs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in procs)), 120)
    for proc, (out, _) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, out.decode()[-2000:]
    assert await current_revision(database_url) == head_revision()
    async with empty.engine.connect() as conn:
        versions = await conn.exec_driver_sql("SELECT count(*) FROM alembic_version")
        assert versions.scalar_one() == 1
