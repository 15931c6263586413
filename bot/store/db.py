"""Database engine and sessions: SQLite (embedded default) or PostgreSQL.

SQLite engines are set up in `sqlite_setup` (WAL, `BEGIN IMMEDIATE`, the writers' file lock).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Table, insert, make_url, text
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import (
    idle_ping,
    models,  # noqa: F401  (registers the tables on SQLModel.metadata)
    sqlite_one_trip,
    sqlite_setup,
)
from bot.store.sqlite_writer import SqliteWriter


def sqlite_file(url: str) -> str | None:
    """The file of a SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        # One connection: every transaction takes the write lock anyway (BEGIN IMMEDIATE), so
        # they queue for it here, in asyncio, instead of sleeping in SQLite's busy handler.
        path = sqlite_file(url)
        if path is not None:
            kwargs.setdefault("pool_size", 1)
            kwargs.setdefault("max_overflow", 0)
            kwargs.setdefault("pool_timeout", 60)
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        sqlite_one_trip.install(engine)
        sqlite_setup.configure(engine, path)
        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    engine = create_async_engine(url, **kwargs)
    if not kwargs.get("pool_pre_ping"):
        idle_ping.install(engine)  # pre-ping's safety without its cost in a burst
    return engine


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def create_all(engine: AsyncEngine) -> None:
    """Create missing tables (tests and the demo; production uses `sauti db upgrade`)."""
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)


async def drop_all(engine: AsyncEngine) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.drop_all)


def lost_a_race(exc: BaseException) -> bool:
    """A deadlock or serialization failure: PostgreSQL picked this transaction to undo, and
    running it again is the cure (the data is not at fault)."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) in ("40P01", "40001")


def not_at_fault(exc: BaseException) -> bool:
    """A failure of the database, not of the data: a lost race, a lost or refused connection,
    a busy SQLite file, an exhausted pool. Worth trying again; never a reason to set the data
    aside as poison."""
    return lost_a_race(exc) or isinstance(
        exc, OperationalError | InterfaceError | PoolTimeout | OSError
    )


async def ping(engine: AsyncEngine) -> bool:
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False


class Database:
    """The engine and session factory of one process."""

    def __init__(self, url: str, **kwargs: Any) -> None:
        self.url = url
        self.engine = make_engine(url, **kwargs)
        self.sessions = make_sessionmaker(self.engine)
        # Same pool; on PostgreSQL each statement commits by itself (see `insert_rows`).
        self._autocommit = (
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        self._sqlite_writer: SqliteWriter | None = None
        # The intake writer needs a file: another connection to ":memory:" is another database.
        self._sqlite_file = sqlite_file(url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    # What the rest of the code needs to know of the database, by what it does (only the
    # store knows which database does what).

    @property
    def one_writer(self) -> bool:
        """Write transactions run one at a time, each holding the whole database from its
        first statement (SQLite's BEGIN IMMEDIATE; one process): no row locks to take or
        skip, nothing to gain from writing side by side, nothing to share with other
        processes. False on PostgreSQL, which locks rows and serves many processes."""
        return self.is_sqlite

    @property
    def can_notify(self) -> bool:
        """Processes can wake each other through the database (PostgreSQL's LISTEN/NOTIFY)."""
        return not self.is_sqlite

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessions() as session:
            yield session

    async def insert_rows(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert `rows` all or none, committed on return.

        It is what a webhook waits for before it is acknowledged, so it takes the shortest
        way. On PostgreSQL: one statement outside a transaction block; asyncpg sends the rows
        in one pipeline that the server applies atomically, so the commit costs one round
        trip instead of three (BEGIN, INSERT, COMMIT). On SQLite: one write transaction in
        one trip to a thread (`bot.store.sqlite_writer`), not one per statement."""
        if self.is_sqlite:
            if self._sqlite_file is None:
                async with self.engine.begin() as conn:
                    await conn.execute(insert(table), rows)
                return
            if self._sqlite_writer is None:
                self._sqlite_writer = SqliteWriter(self._sqlite_file)
            await self._sqlite_writer.insert_rows(table, rows)
            return
        async with self._autocommit.connect() as conn:
            await conn.execute(insert(table), rows)

    async def dispose(self) -> None:
        if self._sqlite_writer is not None:
            await self._sqlite_writer.dispose()
            self._sqlite_writer = None
        await self.engine.dispose()
