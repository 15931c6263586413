"""The one datetime column type: UTC in the database, aware UTC datetimes in Python.

PostgreSQL stores `timestamp with time zone`; SQLite has no time zones and keeps the UTC
wall time. Either way a value read back is aware and in UTC, so no code outside the store
ever has to guess what a naive datetime meant.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import types
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.operators import OperatorType


class UtcDateTime(types.TypeDecorator[datetime]):
    impl = types.DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def __repr__(self) -> str:  # what Alembic writes into a generated migration
        return "UtcDateTime()"

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> types.TypeEngine[Any]:
        # `column - timedelta(...)` is an interval, not a datetime to convert.
        if isinstance(value, timedelta):
            return types.Interval()
        return self

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            # A naive value could mean any zone: refuse it rather than store a wrong time.
            raise ValueError("a datetime stored in the database must be timezone-aware")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:  # SQLite: the UTC wall time we stored
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
