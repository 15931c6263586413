"""Webhook intake on SQLite: the whole write transaction in one trip to a thread.

Through aiosqlite every statement, and BEGIN and COMMIT, is a trip to the connection's thread
and back to the event loop; a webhook's commit took about ten of them, over a millisecond of
CPU on a small machine, and the acknowledgement waited for all of them. Here a connection
owned by one thread of its own runs BEGIN IMMEDIATE, the insert and COMMIT in one call. It
takes the same file lock and SQLite lock as every other writer, so it queues with them.

The thread runs plain sqlite3, not a SQLAlchemy engine. Every Python step of the thread needs
the GIL, which a busy event loop gives up only every few milliseconds, so the fewer steps the
sooner the acknowledgement (docs/scaling.md has the figures). SQLAlchemy still writes the
statement and supplies the columns' conversions (the body's encryption), once per table.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DBAPIError

from bot.store import sqlite_lock, sqlite_setup

# The statement, and each parameter's name and conversion, in the statement's order.
_Plan = tuple[str, list[tuple[str, Callable[[Any], Any] | None]]]


class SqliteWriter:
    def __init__(self, database_path: str) -> None:
        self.path = database_path
        self.dialect = sqlite.dialect()
        # One connection, created and used by one thread (sqlite3 requires it).
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sauti-sqlite-writer")
        self._conn: sqlite3.Connection | None = None
        self._lock_fd = -1
        self._plans: dict[tuple[str, tuple[str, ...]], _Plan] = {}

    async def insert_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self._insert, table, rows)

    def _plan(self, table: Table, names: tuple[str, ...]) -> _Plan:
        plan = self._plans.get((table.name, names))
        if plan is None:
            compiled = insert(table).compile(dialect=self.dialect, column_keys=list(names))
            columns = [
                (name, table.c[name].type.dialect_impl(self.dialect).bind_processor(self.dialect))
                for name in compiled.positiontup or []
            ]
            plan = self._plans[(table.name, names)] = (str(compiled), columns)
        return plan

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        for pragma in sqlite_setup.PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        self._lock_fd = sqlite_lock.open_lock_file(self.path)
        self._conn = conn
        return conn

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        conn = self._conn or self._connect()
        sql, columns = self._plan(table, tuple(rows[0]))
        params = [
            tuple(convert(row[name]) if convert else row[name] for name, convert in columns)
            for row in rows
        ]
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(sql, params)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:  # as SQLAlchemy raises it everywhere else
            raise DBAPIError.instance(
                sql, None, exc, sqlite3.Error, hide_parameters=True, dialect=self.dialect
            ) from exc
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            os.close(self._lock_fd)
            self._conn = None

    async def dispose(self) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, self._close)  # in the owning thread
        self._thread.shutdown(wait=True)
