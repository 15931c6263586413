"""Alembic, driven from Python: `sauti db upgrade` and the migration checks in tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


async def upgrade_async(database_url: str, revision: str = "head") -> None:
    # env.py runs its own event loop; keep it off ours.
    await asyncio.to_thread(upgrade, database_url, revision)


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


async def current_revision(database_url: str) -> str | None:
    """The schema's revision, or None before the first upgrade. A database that cannot be
    reached raises: telling an operator to migrate a server that is down would mislead."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from bot.store.db import make_engine

    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            try:
                row = await conn.execute(text("SELECT version_num FROM alembic_version"))
            except DBAPIError:  # no table yet: not migrated
                return None
            return row.scalar_one_or_none()
    finally:
        await engine.dispose()
