"""The whole app on its own event loop, for Hypothesis tests (which are synchronous: one
example after another, each driven to completion on this loop)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from contextlib import AsyncExitStack
from typing import Any, TypeVar

import httpx

from bot.config import Settings
from bot.runtime import Runtime
from tests.conftest import running_app

T = TypeVar("T")


class AppHarness:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loop = asyncio.new_event_loop()
        self._stack = AsyncExitStack()
        self.client: httpx.AsyncClient | None = None

    def __enter__(self) -> AppHarness:
        self.client = self.run(self._stack.enter_async_context(running_app(self.settings)))
        return self

    def __exit__(self, *_exc: object) -> None:
        try:
            self.run(self._stack.aclose())
        finally:
            self.loop.close()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    @property
    def runtime(self) -> Runtime:
        return self.client.app.state.runtime  # type: ignore[union-attr,attr-defined,no-any-return]
