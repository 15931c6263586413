"""The SQLite intake writer (one trip to its own thread per transaction) queues behind the
other writers of the process on the same file lock, and lets its thread go when disposed."""

from __future__ import annotations

import asyncio
import fcntl
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, String, Table, text

from bot.store.db import Database

LOG = Table("log", MetaData(), Column("who", String))


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'intake.db'}")
    async with database.engine.begin() as conn:
        await conn.run_sync(LOG.metadata.create_all)
    try:
        yield database
    finally:
        await database.dispose()


async def test_the_writer_waits_for_a_transaction_in_progress_then_goes_in_at_once(
    db: Database,
) -> None:
    order: list[str] = []
    async with db.engine.begin() as conn:
        await conn.execute(LOG.insert(), {"who": "worker"})
        intake = asyncio.create_task(db.insert_rows(LOG, [{"who": "webhook"}]))
        await asyncio.sleep(0.2)
        assert not intake.done()  # queued behind the open transaction, not failing
        order.append("worker commits")
    await intake
    order.append("webhook stored")
    async with db.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT who FROM log ORDER BY rowid"))).scalars().all()
    assert (order, rows) == (["worker commits", "webhook stored"], ["worker", "webhook"])


async def test_disposing_lets_the_writer_thread_go(db: Database) -> None:
    await db.insert_rows(LOG, [{"who": "webhook"}])
    writers = [name for name in _threads() if name.startswith("sauti-sqlite-writer")]
    assert writers
    await db.dispose()
    assert not [name for name in _threads() if name.startswith("sauti-sqlite-writer")]


def _threads() -> list[str]:
    import threading

    return [t.name for t in threading.enumerate()]


async def test_the_writer_queues_on_the_writers_file_lock(db: Database, tmp_path: Path) -> None:
    # Another process's writer holding the file lock: the writer must wait for it, even
    # though SQLite's own lock is free.
    other = os.open(tmp_path / "intake.db.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(other, fcntl.LOCK_EX)
        intake = asyncio.create_task(db.insert_rows(LOG, [{"who": "webhook"}]))
        await asyncio.sleep(0.2)
        assert not intake.done()
        fcntl.flock(other, fcntl.LOCK_UN)
        await asyncio.wait_for(intake, timeout=5)
    finally:
        os.close(other)
