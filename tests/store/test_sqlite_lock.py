"""SQLite's write lock across processes: a waiter gets it the moment it is released, a waiter
that gives up leaves it free, and a closed connection lets it go. Two engines on one file
stand for two processes (an OS file lock held through one open file is not shared with
another open of the same file, even in one process)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.db import make_engine


@pytest.fixture
async def engines(tmp_path: Path) -> AsyncIterator[tuple[AsyncEngine, AsyncEngine]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    first, second = make_engine(url), make_engine(url)
    async with first.begin() as conn:
        await conn.execute(text("CREATE TABLE log (who TEXT)"))
    try:
        yield first, second
    finally:
        await first.dispose()
        await second.dispose()


async def write(engine: AsyncEngine, who: str, order: list[str]) -> None:
    async with engine.begin() as conn:
        order.append(f"{who} in")
        await conn.execute(text("INSERT INTO log VALUES (:who)"), {"who": who})
        await asyncio.sleep(0.05)
        order.append(f"{who} out")


async def test_transactions_of_two_processes_take_turns_without_failing(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    order: list[str] = []
    named = zip("ab", engines, strict=True)
    writers = [write(e, f"{who}{i}", order) for who, e in named for i in range(3)]
    await asyncio.gather(*writers)
    # Never two inside at once: every "in" is followed by its own "out".
    assert all(order[i][:-3] == order[i + 1][:-4] for i in range(0, len(order), 2))
    async with engines[1].connect() as conn:
        rows = (await conn.execute(text("SELECT count(*) FROM log"))).scalar_one()
    assert rows == 6


async def test_the_waiter_goes_in_as_soon_as_the_holder_commits(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    first, second = engines
    order: list[str] = []
    holder = asyncio.create_task(write(first, "a", order))
    await asyncio.sleep(0.01)  # a is inside
    await write(second, "b", order)
    await holder
    assert order == ["a in", "a out", "b in", "b out"]


async def test_a_waiter_that_gives_up_leaves_the_lock_free(
    engines: tuple[AsyncEngine, AsyncEngine],
) -> None:
    first, second = engines
    order: list[str] = []
    async with first.begin() as conn:
        await conn.execute(text("INSERT INTO log VALUES ('a')"))
        impatient = asyncio.create_task(write(second, "b", order))
        await asyncio.sleep(0.05)  # b waits for the lock
        impatient.cancel()
        with pytest.raises(asyncio.CancelledError):
            await impatient
    await asyncio.sleep(0.05)  # b's waiting thread got the lock, and let it go
    await asyncio.wait_for(write(first, "a2", order), timeout=5)
    await asyncio.wait_for(write(second, "b2", order), timeout=5)
    assert order == ["a2 in", "a2 out", "b2 in", "b2 out"]


async def test_disposing_of_an_engine_releases_the_lock(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    first, second = make_engine(url), make_engine(url)
    try:
        conn = await first.connect()
        await conn.execute(text("SELECT 1"))  # inside a transaction: holds the lock
        await conn.invalidate()
        await first.dispose()
        async with second.begin() as other:
            assert (await other.execute(text("SELECT 1"))).scalar_one() == 1
    finally:
        await second.dispose()
