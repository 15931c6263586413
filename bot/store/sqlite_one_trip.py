"""One trip to SQLite's thread per statement, not four.

aiosqlite runs each call on the connection's own thread, and SQLAlchemy's adapter makes
four of them per statement: open a cursor, execute, fetch the rows, close. Each trip is a
hand-off to the thread and a wake-up of the event loop (a queue, a pipe, a poll); processing
a message took ~44 of them for 6 statements, about a third of its CPU. Here the whole statement
runs in one function on that thread and comes back with its rows, description, rowcount and
last row id. Errors are the driver's own exceptions, mapped by SQLAlchemy as before.
"""

from __future__ import annotations

import collections
import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
)
from sqlalchemy.ext.asyncio import AsyncEngine


class _Outcome:
    """What a statement left on its cursor, read on the event loop without another trip."""

    __slots__ = ("arraysize", "description", "lastrowid", "rowcount")

    def __init__(self) -> None:
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.arraysize = 1

    def close(self) -> None:
        """Nothing to close: the real cursor was closed on the thread."""


def _statement(conn: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> tuple:
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        rows = cursor.fetchall() if cursor.description else None
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class _OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ()
    _awaitable_cursor_close = False

    def _make_new_cursor(self, connection: Any) -> Any:
        return _Outcome()

    def _aenter_cursor(self, cursor: Any) -> Any:
        return cursor

    async def _run(self, operation: str, parameters: Any, many: bool) -> None:
        aio = self._connection
        async with self._adapt_connection._execute_mutex:
            outcome = await aio._execute(_statement, aio._conn, operation, parameters, many)  # type: ignore[attr-defined]
        self._cursor.description, self._cursor.rowcount, self._cursor.lastrowid, rows = outcome
        if rows is not None:
            self._rows = collections.deque(rows)

    async def _execute_async(self, operation: Any, parameters: Any) -> None:
        await self._run(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> None:
        await self._run(operation, seq_of_parameters, many=True)


class _OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = _OneTripCursor


def install(engine: AsyncEngine) -> None:
    """Every connection `engine` opens uses one trip per statement."""

    @event.listens_for(engine.sync_engine, "connect")
    def _one_trip(dbapi_connection: Any, _record: Any) -> None:
        if type(dbapi_connection) is AsyncAdapt_aiosqlite_connection:
            dbapi_connection.__class__ = _OneTripConnection
