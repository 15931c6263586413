"""Check a pooled PostgreSQL connection before use only if it has sat idle for a while.

SQLAlchemy's `pool_pre_ping` checks every connection at every checkout; with asyncpg that is
three round trips (BEGIN, a no-op, ROLLBACK) before the caller's own statement, about a
tenth of a py-spy profile of a burst (time waiting, more than CPU). A connection handed back
a moment ago is almost surely alive. One that has been idle may have been closed by a
database restart, a firewall or a proxy's idle timeout: that one is checked, and if it is
dead every connection older than it is replaced (as pre-ping does). A connection that dies
while in steady use fails its statement; SQLAlchemy then replaces the pool's connections,
and the caller's retry (Meta's for a webhook, the next round for a worker) goes through.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine

IDLE_BEFORE_PING = 1.0  # seconds a connection may sit in the pool and still be trusted
_RETURNED = "sauti_returned_at"  # in the record's `info`, which a reconnection clears


def install(engine: AsyncEngine, idle_before_ping: float | None = None) -> None:
    pool, dialect = engine.sync_engine.pool, engine.sync_engine.dialect
    if idle_before_ping is None:
        idle_before_ping = IDLE_BEFORE_PING

    @event.listens_for(pool, "checkin")
    def _returned(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_RETURNED] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def _check_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get(_RETURNED)
        if returned is None or time.monotonic() - returned < idle_before_ping:
            return  # new, or just handed back
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool reconnects and tries again; older connections are likely dead too.
            raise exc.InvalidatePoolError("idle connection failed its ping") from error
