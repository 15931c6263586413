"""Server-sent events that tell a page "this part changed, fetch it again".

A stream watches a few named fingerprints (cheap queries: ids, states, update times) and
sends an event named after each one that changed; the page's htmx elements listen with
`hx-trigger="sse:<name>"` and re-fetch their fragment. An optional wake-up source (the
cases event bus) makes changes show at once; polling every `interval` seconds catches what
no event announces (delivery ticks, another process's writes).

Streams end after `lifetime` seconds and the browser reconnects (EventSource does so by
itself), so a server shutdown never waits on an open tab; every (re)connection sends all
events once, so nothing that changed in between is missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import StreamingResponse

from bot.web.security import add_headers

log = logging.getLogger(__name__)

Probe = Callable[[], Awaitable[dict[str, Any]]]


class StreamOver(Exception):  # noqa: N818 - a signal, not an error
    """Raised by a probe to end the stream at once (e.g. the session behind it has ended)."""


Subscribe = Callable[[], AsyncIterator[Any]]  # e.g. the cases event bus, for these teams


def frame(event: str, data: str = "1") -> str:
    return f"event: {event}\ndata: {data}\n\n"


async def _watch(source: AsyncIterator[Any], wake: asyncio.Event) -> None:
    async for _item in source:
        wake.set()


async def _close(source: Any) -> None:
    """Unsubscribe: the bus's subscriptions have close(), async generators aclose()."""
    for name in ("close", "aclose"):
        method = getattr(source, name, None)
        if method is not None:
            with contextlib.suppress(Exception):
                result = method()
                if inspect.isawaitable(result):
                    await result
            return


async def changes(
    request: Request,
    probe: Probe,
    *,
    subscribe: Subscribe | None = None,
    interval: float = 1.0,
    lifetime: float = 25.0,
) -> AsyncIterator[str]:
    wake = asyncio.Event()
    source = subscribe() if subscribe is not None else None
    watcher = asyncio.create_task(_watch(source, wake)) if source is not None else None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + lifetime
    last: dict[str, Any] = {}
    try:
        yield "retry: 1000\n\n"
        while loop.time() < deadline and not await request.is_disconnected():
            wake.clear()  # before probing: an event during the probe or a send is kept
            try:
                now = await probe()
            except StreamOver:
                return
            except Exception:  # noqa: BLE001 - a failed probe must not kill the stream
                log.exception("live update probe failed")
                now = last
            for name, value in now.items():
                if last.get(name, object()) != value:
                    yield frame(name)
            last = now
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), timeout=interval)
    finally:
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await watcher
        if source is not None:
            await _close(source)


def event_stream(
    request: Request,
    probe: Probe,
    *,
    subscribe: Subscribe | None = None,
    interval: float = 1.0,
    lifetime: float = 25.0,
) -> StreamingResponse:
    response = StreamingResponse(
        changes(request, probe, subscribe=subscribe, interval=interval, lifetime=lifetime),
        media_type="text/event-stream",
        headers={"X-Accel-Buffering": "no"},  # nginx: do not hold events back
    )
    return add_headers(response)  # type: ignore[return-value]
