"""Group commit: callers that arrive together share one transaction.

A webhook must be committed before it is acknowledged, and a send's outcome before the next
message of that conversation may go. One transaction each costs a round trip and a commit
per item, and on SQLite every one of them queues for the single write lock. Here the first
caller starts a flush; whatever arrives while it runs goes into the next one. Nobody waits
on a timer, and each caller returns only once its own item is committed (or gets the error).

    webhooks = GroupCommit(lambda batch: store_events(db, batch))
    await webhooks.submit(event)
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class GroupCommit(Generic[T]):
    def __init__(self, flush: Callable[[list[T]], Awaitable[None]], max_batch: int = 500) -> None:
        self.flush = flush
        self.max_batch = max_batch
        self._waiting: list[tuple[T, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> None:
        """Return once `item` is committed; raise what the commit raised."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.add_done_callback(_retrieve)  # an error nobody awaits any more is not logged
        self._waiting.append((item, done))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._run())
        await asyncio.shield(done)  # a caller giving up must not cancel the others' commit

    async def _run(self) -> None:
        while self._waiting:
            batch = self._waiting[: self.max_batch]
            del self._waiting[: self.max_batch]
            try:
                await self.flush([item for item, _ in batch])
            except BaseException as exc:  # every caller in the batch gets it
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise
            else:
                for _, done in batch:
                    if not done.done():
                        done.set_result(None)


def _retrieve(done: asyncio.Future[None]) -> None:
    if not done.cancelled():
        done.exception()
