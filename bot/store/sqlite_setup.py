"""How every SQLite engine of ours is set up, async (the pool) or plain (the intake writer).

WAL, a busy timeout and `BEGIN IMMEDIATE`, so concurrent writers queue instead of failing
with "database is locked" when a reader tries to upgrade to a writer; `secure_delete`, so
deleted rows are overwritten; and, for a database on disk, a file created 0600 and the file
lock that hands the write lock from one process to the next (`sqlite_lock`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store import sqlite_lock
from bot.store.file_modes import create_private

# secure_delete: deleted rows (an erased person) are overwritten, not left in free pages.
PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=NORMAL",
    "busy_timeout=30000",
    "foreign_keys=ON",
    "secure_delete=ON",
)


def configure(engine: AsyncEngine | Engine, database_path: str | None) -> None:
    """`database_path` is None for an in-memory database (no file to lock)."""
    sync_engine = engine if isinstance(engine, Engine) else engine.sync_engine
    if database_path is not None:
        create_private(database_path)  # 0600 before SQLite creates it; its -wal/-shm follow
        sqlite_lock.install(engine, database_path)

    @event.listens_for(sync_engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Take over transaction control from the driver so we can say BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
