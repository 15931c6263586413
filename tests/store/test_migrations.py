"""Alembic migrations build exactly the schema the models describe (no drift)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from bot.store.db import Database, drop_all
from bot.store.migrate import current_revision, head_revision, upgrade_async


async def test_upgrade_to_head_matches_the_models(database_url: str) -> None:
    db = Database(database_url)
    try:
        if not db.is_sqlite:
            await drop_all(db.engine)
            async with db.engine.begin() as conn:
                await conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        await upgrade_async(database_url)
        assert await current_revision(database_url) == head_revision()

        def diff(sync_conn: object) -> list:
            ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})  # type: ignore[arg-type]
            return compare_metadata(ctx, SQLModel.metadata)

        async with db.engine.connect() as conn:
            changes = await conn.run_sync(diff)
            tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
        assert changes == []
        assert set(SQLModel.metadata.tables) <= tables
    finally:
        if not db.is_sqlite:
            await drop_all(db.engine)
            async with db.engine.begin() as conn:
                await conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        await db.dispose()
