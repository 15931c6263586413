"""INSERT … ON CONFLICT DO NOTHING: store a row unless its unique key is already taken.

Redelivered webhooks, replicas starting together and concurrent workers all race to create
the same rows; this lets the first one win and the others carry on, with no error and no
lock. PostgreSQL and SQLite spell it alike, but SQLAlchemy builds it from each dialect's own
`insert`. A statement's `rowcount` (or what it RETURNs) says whether the row was new.
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel.ext.asyncio.session import AsyncSession

Bind = AsyncConnection | AsyncSession | str  # a connection, a session, or a dialect's name


def dialect_name(bind: Bind) -> str:
    if isinstance(bind, str):
        return bind
    if isinstance(bind, AsyncSession):
        return bind.bind.dialect.name if bind.bind is not None else "sqlite"
    return bind.dialect.name


def insert_if_absent(bind: Bind, table: Table, *keys: str) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into `table` that does nothing when the row's `keys` (columns of a unique
    index; none: any unique constraint) are already there. Built for `bind`'s dialect."""
    insert = postgresql.insert if dialect_name(bind) == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=list(keys) or None)
