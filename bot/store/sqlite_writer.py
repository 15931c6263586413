"""Webhook intake on SQLite: the whole write transaction in one trip to a thread.

Through aiosqlite every statement, and BEGIN and COMMIT, is a trip to the connection's thread
and back to the event loop; a webhook's commit took about ten of them, over a millisecond of
CPU on a small machine, and the acknowledgement waited for all of them. Here a plain sqlite3
connection, owned by one thread of its own, runs BEGIN IMMEDIATE, the insert and COMMIT in
one call. It takes the same file lock and SQLite lock as every other writer, so it queues
with them as before.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Table, create_engine, insert

from bot.store import sqlite_setup


class SqliteWriter:
    def __init__(self, database_path: str) -> None:
        # One connection, created and used by one thread (sqlite3 requires it).
        self.engine = create_engine(
            f"sqlite:///{database_path}",
            connect_args={"timeout": 30},
            pool_size=1,
            max_overflow=0,
        )
        sqlite_setup.configure(self.engine, database_path)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sauti-sqlite-writer")

    async def insert_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self._insert, table, rows)

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(table), rows)

    async def dispose(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self.engine.dispose)  # in the owning thread
        self._thread.shutdown(wait=True)
