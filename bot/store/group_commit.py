"""Group commit: callers that arrive together share one transaction.

A webhook must be committed before it is acknowledged, and a send's outcome before the next
message of that conversation may go. One transaction each costs a round trip and a commit
per item, and on SQLite every one of them queues for the single write lock. Here the first
caller starts a flush; whatever arrives while it runs goes into the next one. Nobody waits
on a timer, and each caller returns only once its own item is committed (or gets the error).

    webhooks = GroupCommit(lambda batch: store_events(db, batch))
    await webhooks.submit(event)

A flush may return one result per item (in order): each caller gets its own back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from itertools import repeat
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class GroupCommit(Generic[T]):
    def __init__(
        self, flush: Callable[[list[T]], Awaitable[list[Any] | None]], max_batch: int = 500
    ) -> None:
        self.flush = flush
        self.max_batch = max_batch
        self._waiting: list[tuple[T, asyncio.Future[Any]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def submit(self, item: T) -> Any:
        """Return once `item` is committed (with its result, if the flush gave results);
        raise what the commit raised."""
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        done.add_done_callback(_retrieve)  # an error nobody awaits any more is not logged
        self._waiting.append((item, done))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._run())
        return await asyncio.shield(done)  # a caller giving up must not cancel the others

    async def _run(self) -> None:
        while self._waiting:
            batch = self._waiting[: self.max_batch]
            del self._waiting[: self.max_batch]
            try:
                results = await self.flush([item for item, _ in batch])
            except BaseException as exc:  # every caller in the batch gets it
                for _, done in batch:
                    if not done.done():
                        done.set_exception(exc)
                if not isinstance(exc, Exception):
                    raise
            else:
                for (_, done), result in zip(batch, results or repeat(None), strict=False):
                    if not done.done():
                        done.set_result(result)


def _retrieve(done: asyncio.Future[Any]) -> None:
    if not done.cancelled():
        done.exception()
