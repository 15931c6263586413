"""Alembic environment: async engine, SQLModel metadata, batch mode for SQLite."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from bot.store import models  # noqa: F401  (registers the tables)
from bot.store.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


# Every container migrates as it starts, so replicas started together race on one empty
# database; PostgreSQL makes the others wait on this lock, then find it already at head.
_MIGRATION_LOCK = 0x5341555449  # "SAUTI"


async def _run_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        if engine.dialect.name != "postgresql":
            async with engine.connect() as connection:
                await connection.run_sync(_configure)
            return
        async with engine.connect() as lock:
            # A session lock on a connection of its own: released when it closes, even if
            # this process dies, and independent of the migration's transaction.
            await lock.execution_options(isolation_level="AUTOCOMMIT")
            await lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
            async with engine.connect() as connection:
                await connection.run_sync(_configure)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
