"""The HTTP client Sauti talks to the Graph API with.

It is an `httpx.AsyncClient` (what `GraphClient` and the tests speak) over aiohttp's
connection pool (`httpx_aiohttp.AiohttpTransport`). Why not httpx's own pool: httpcore
scans every pooled connection, with a `poll()` per idle one, on each request and each
response (encode/httpcore#1035). At crisis volume that made the Graph sends the largest
single cost of a reply; aiohttp's pool costs about half as much (docs/scaling.md).

    client = graph_http_client(httpx.Timeout(10.0, connect=5.0), max_connections=32)
"""

from __future__ import annotations

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

__all__ = ["failure_kind", "graph_http_client", "maybe_delivered"]


def graph_http_client(timeout: httpx.Timeout, *, max_connections: int) -> httpx.AsyncClient:
    """A client that keeps up to `max_connections` connections open and alive."""
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    return httpx.AsyncClient(
        timeout=timeout, limits=limits, transport=AiohttpTransport(limits=limits)
    )


def failure_kind(exc: httpx.TransportError) -> str:
    """ "timeout" or "network error", for operators reading the outbox.

    Judged from aiohttp's own exception where there is one: the transport maps a refused
    connection to `httpx.ConnectTimeout`, which would send them looking at the wrong thing."""
    cause = exc.__cause__
    if isinstance(cause, aiohttp.ClientError):
        timed_out = isinstance(cause, aiohttp.ServerTimeoutError)
    else:
        timed_out = isinstance(exc, httpx.TimeoutException)
    return "timeout" if timed_out else "network error"


# The request went out whole but no answer came back: Meta may have processed it.
_MAYBE_SENT = (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError)


def maybe_delivered(exc: httpx.TransportError) -> bool:
    """Whether a failed request may still have reached the platform.

    The aiohttp transport reports a connection the server dropped before answering as a
    connect error; the request may have been read and acted on all the same."""
    return isinstance(exc, _MAYBE_SENT) or isinstance(
        exc.__cause__, aiohttp.ServerDisconnectedError
    )
