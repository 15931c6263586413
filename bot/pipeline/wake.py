"""Wake the workers of every process when new work is stored: PostgreSQL LISTEN/NOTIFY.

Each process keeps one dedicated asyncpg connection that LISTENs on `sauti_work`. When a
webhook has committed an event, the process announces it (a NOTIFY on the same connection,
sent after the commit and coalesced: one per `min_gap` however many webhooks came in), and
the workers of every other process wake at once instead of at their next poll.

Polling stays as the fallback: a notification lost while the connection was down (the
database restarting, a network cut) only delays work until the next poll, never loses it,
and the waker reconnects by itself. SQLite has no LISTEN: there the workers poll.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy import make_url

log = logging.getLogger(__name__)

CHANNEL = "sauti_work"


def asyncpg_dsn(url: str) -> str:
    """The SQLAlchemy URL (`postgresql+asyncpg://…`) as a plain libpq DSN for asyncpg."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class Waker:
    """LISTEN for work announced by other processes; NOTIFY work stored by this one."""

    def __init__(
        self,
        url: str,
        on_wake: Callable[[str], None],
        *,
        channel: str = CHANNEL,
        min_gap: float = 0.005,
        health_every: float = 10.0,
    ) -> None:
        self.dsn = asyncpg_dsn(url)
        self.on_wake = on_wake
        self.channel = channel
        self.min_gap = min_gap
        self.health_every = health_every
        self.connected = asyncio.Event()
        self._pending: set[str] = set()
        self._wanted = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._conn: Any = None
        self._pid: int | None = None
        self._lost = asyncio.Event()  # set when the current connection drops

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="sauti-waker")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        await self._close()

    def announce(self, kind: str = "in") -> None:
        """Tell the other processes new work is stored (never blocks, never raises)."""
        self._pending.add(kind)
        self._wanted.set()

    # -- the connection ---------------------------------------------------------------

    async def _run(self) -> None:
        delay = 0.1
        while True:
            try:
                await self._connect()
                delay = 0.1
                self.on_wake("in")  # anything announced while we were away: look now
                await self._serve()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - reconnect whatever went wrong
                log.warning("work notifications unavailable (%s); polling", type(exc).__name__)
            self.connected.clear()
            await self._close()
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)

    async def _connect(self) -> None:
        self._conn = await asyncpg.connect(self.dsn, timeout=5)
        self._pid = self._conn.get_server_pid()
        lost = self._lost = asyncio.Event()
        self._conn.add_termination_listener(lambda _conn: lost.set())
        await self._conn.add_listener(self.channel, self._heard)
        self.connected.set()

    async def _serve(self) -> None:
        """Send coalesced NOTIFYs until the connection is lost; check it now and then."""
        lost = self._lost
        while not lost.is_set():
            wanted = asyncio.ensure_future(self._wanted.wait())
            gone = asyncio.ensure_future(lost.wait())
            done, _ = await asyncio.wait(
                {wanted, gone}, timeout=self.health_every, return_when=asyncio.FIRST_COMPLETED
            )
            for future in (wanted, gone):
                future.cancel()
            if lost.is_set():
                raise ConnectionError("connection lost")
            if not done:
                await self._conn.execute("SELECT 1", timeout=5)
                continue
            self._wanted.clear()
            kinds, self._pending = self._pending, set()
            for kind in sorted(kinds):
                await self._conn.execute("SELECT pg_notify($1, $2)", self.channel, kind)
            await asyncio.sleep(self.min_gap)  # let a burst of webhooks share one NOTIFY

    def _heard(self, _conn: Any, pid: int, _channel: str, payload: str) -> None:
        if pid != self._pid:  # our own NOTIFY: our workers were kicked already
            self.on_wake(payload or "in")

    async def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), 2)
            if not conn.is_closed():
                conn.terminate()
