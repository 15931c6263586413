"""SQLite's write lock, handed from one process to the next at once.

Every transaction takes SQLite's write lock (BEGIN IMMEDIATE). A process that finds it taken
sleeps in SQLite's busy handler in growing steps (1, 2, 5 ... 100 ms) without knowing when
the lock comes free, while the process that holds it takes it again for its next
transaction: with two processes (`serve --workers 2`), one of them could wait for seconds
while webhooks queue behind it. So the processes first queue on an OS file lock next to the
database, which wakes the waiter the moment it is released; SQLite's own lock is then free.
The file lock only orders the writers: SQLite's lock (and its busy timeout) still guards the
data, so a process that does not take the file lock (sqlite3 on the command line) is safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_

_FD, _HELD = "sauti_write_lock_fd", "sauti_write_lock_held"


def open_lock_file(database_path: str) -> int:
    """A descriptor of the file every writer of `database_path` queues on (flock it)."""
    return os.open(f"{database_path}.lock", os.O_RDWR | os.O_CREAT, 0o600)


def install(engine: AsyncEngine | Engine, database_path: str) -> None:
    """Take `<database>.lock` before each transaction of `engine`, release it on check-in.
    An async engine waits for it in a thread; a plain one (already in a thread) blocks."""
    blocking = isinstance(engine, Engine)
    sync_engine = engine if blocking else engine.sync_engine  # type: ignore[union-attr]

    @event.listens_for(sync_engine, "connect")
    def _open(_dbapi_connection: Any, record: Any) -> None:
        record.info[_FD] = open_lock_file(database_path)

    @event.listens_for(sync_engine, "begin")
    def _acquire(conn: Any) -> None:
        info = conn.connection.info
        if info.get(_HELD):
            return
        fd = info[_FD]
        if blocking:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                await_(_wait(fd))
        info[_HELD] = True

    @event.listens_for(sync_engine.pool, "checkin")
    def _release(_dbapi_connection: Any, record: Any) -> None:
        if record.info.pop(_HELD, False):
            fcntl.flock(record.info[_FD], fcntl.LOCK_UN)

    @event.listens_for(sync_engine.pool, "close")
    def _close(_dbapi_connection: Any, record: Any) -> None:
        record.info.pop(_HELD, None)
        fd = record.info.pop(_FD, None)
        if fd is not None:
            os.close(fd)  # releases the lock too


async def _wait(fd: int) -> None:
    """Block in a thread (the kernel wakes it on release), not on the event loop."""
    waiting = asyncio.ensure_future(asyncio.to_thread(fcntl.flock, fd, fcntl.LOCK_EX))
    try:
        await asyncio.shield(waiting)
    except BaseException:
        # Given up (cancelled): once the thread gets the lock, nobody is there to use it.
        waiting.add_done_callback(lambda done: _unlock_if_taken(done, fd))
        raise


def _unlock_if_taken(done: asyncio.Future[None], fd: int) -> None:
    if not done.cancelled() and done.exception() is None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
