"""`/webhooks/meta`: the verify handshake, and receiving events from all three Meta products.

A POST is checked (size, then signature over the raw bytes) before anything is parsed, and
answered 200 only once the raw body is committed: everything after that is retried from the
database, so a crash loses nothing.

The POST is a plain ASGI handler that `bot.app.SautiApp` calls before FastAPI's routing and
middleware: it is the one route a crisis hammers, and that stack cost several times what
storing the body does (see bench/). The handshake is an ordinary FastAPI route.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse
from starlette.types import Receive, Scope, Send

from bot import metrics
from bot.channels.meta import handshake as meta_handshake
from bot.channels.signature import verify
from bot.runtime import Runtime
from bot.web.deps import AppStateDep
from bot.web.security import HEADERS

log = logging.getLogger(__name__)

PATH = "/webhooks/meta"

router = APIRouter(tags=["webhooks"])


@router.get(PATH, response_class=PlainTextResponse)
async def handshake(request: Request, app: AppStateDep) -> Response:
    """Meta's subscription check: echo hub.challenge when the verify token matches."""
    challenge = meta_handshake(request.query_params, app.settings.verify_token)
    if challenge is None:
        return PlainTextResponse("forbidden", status_code=403)
    return PlainTextResponse(challenge)


async def receive_post(runtime: Runtime | None, scope: Scope, receive: Receive, send: Send) -> None:
    """POST /webhooks/meta: store a signed event; the reply is produced after the response."""
    if runtime is None:  # the lifespan has not run (or failed): nothing to store into
        await _answer(send, 503, b"not ready")
        return
    headers = dict(scope["headers"])
    limit = runtime.settings.max_body_bytes
    declared = headers.get(b"content-length", b"")
    try:
        too_large = declared.isdigit() and int(declared) > limit
        body = None if too_large else await _read_limited(receive, limit)
    except _ClientGone:
        return  # nobody is left to answer
    if body is None:
        metrics.rejected.labels("too_large").inc()
        await _answer(send, 413, b"payload too large")
        return
    signature = headers.get(b"x-hub-signature-256", b"").decode("latin-1")
    if not verify(runtime.settings.app_secret, body, signature):
        metrics.rejected.labels("signature").inc()
        await _answer(send, 403, b"invalid signature")
        return
    try:
        await runtime.intake.submit(body)  # committed, with whatever arrived alongside
    except Exception:  # noqa: BLE001 - not stored: Meta sends it again on any non-200
        log.exception("a webhook could not be stored")
        await _answer(send, 503, b"try again later")
        return
    metrics.received.labels("meta").inc()
    runtime.kick()
    await _answer(send, 200, b"")


class _ClientGone(Exception):
    """The client disconnected before sending the whole body."""


async def _read_limited(receive: Receive, limit: int) -> bytes | None:
    """The body, or None as soon as it is longer than `limit` bytes."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return bytes(body)


_HEADERS = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()] + [
    (b"cache-control", b"no-store")
]


async def _answer(send: Send, status: int, text: bytes) -> None:
    headers = [
        *_HEADERS,
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(text)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text})
