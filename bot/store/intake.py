"""Durable storage of raw webhook bodies, many per commit (group commit).

Each webhook must be committed before it is acknowledged. One transaction per request costs
a round trip and a commit each, and on SQLite every one of them queues for the single write
lock. Instead, requests that arrive together wait for one shared commit: the first request
starts a flush, and whatever arrives while it runs goes into the next one. Nobody waits for
a timer, and a request returns only after its own body is committed (or gets the error).
"""

from __future__ import annotations

import asyncio

from bot.store.db import Database
from bot.store.models import WebhookEvent


class Intake:
    def __init__(self, db: Database, max_batch: int = 500) -> None:
        self.db = db
        self.max_batch = max_batch
        self._waiting: list[tuple[WebhookEvent, asyncio.Future[None]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def store(self, source: str, body: bytes) -> None:
        """Return once the body is committed; raise if the database refused it."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        done.add_done_callback(_retrieve)  # an error nobody awaits any more is not logged
        self._waiting.append((WebhookEvent(source=source, body=body), done))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        await asyncio.shield(done)  # a client hanging up must not cancel the others' commit

    async def _flush(self) -> None:
        while self._waiting:
            batch = self._waiting[: self.max_batch]
            del self._waiting[: self.max_batch]
            try:
                async with self.db.session() as session, session.begin():
                    session.add_all([event for event, _ in batch])
            except BaseException as exc:  # each waiting request answers with it (500)
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
