"""Group commit (bot/store/group_commit.py): callers that arrive together share one flush,
each gets its own result back, and a failed flush fails every caller in it."""

from __future__ import annotations

import asyncio

import pytest

from bot.store.group_commit import GroupCommit


async def test_callers_arriving_together_share_one_flush_and_get_their_own_result() -> None:
    flushes: list[list[int]] = []

    async def flush(items: list[int]) -> list[int]:
        flushes.append(items)
        await asyncio.sleep(0)
        return [item * 10 for item in items]

    group = GroupCommit(flush)
    assert await asyncio.gather(*(group.submit(i) for i in range(5))) == [0, 10, 20, 30, 40]
    assert flushes == [[0, 1, 2, 3, 4]]


async def test_a_flush_without_results_returns_none_to_each_caller() -> None:
    async def flush(items: list[int]) -> None:
        return None

    group = GroupCommit(flush)
    assert await asyncio.gather(group.submit(1), group.submit(2)) == [None, None]


async def test_a_failed_flush_fails_every_caller_in_it() -> None:
    async def flush(items: list[int]) -> None:
        raise RuntimeError("disk full")

    group = GroupCommit(flush)
    results = await asyncio.gather(group.submit(1), group.submit(2), return_exceptions=True)
    assert all(isinstance(r, RuntimeError) for r in results)
    with pytest.raises(RuntimeError):
        await group.submit(3)
