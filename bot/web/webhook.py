"""`/webhooks/meta`: the verify handshake, and receiving events from all three Meta products.

A POST is checked (size, then signature over the raw bytes) before anything is parsed, and
answered 200 only once the raw body is committed: everything after that is retried from the
database, so a crash loses nothing.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse
from sqlalchemy import insert

from bot import metrics
from bot.channels.signature import verify
from bot.runtime import Runtime
from bot.store.group_commit import GroupCommit
from bot.store.models import WebhookEvent, utcnow
from bot.web.deps import AppStateDep

router = APIRouter(tags=["webhooks"])


@router.get("/webhooks/meta", response_class=PlainTextResponse)
async def handshake(request: Request, app: AppStateDep) -> Response:
    """Meta's subscription check: echo hub.challenge when the verify token matches."""
    params = request.query_params
    token = params.get("hub.verify_token") or ""
    expected = app.settings.verify_token
    if (
        params.get("hub.mode") == "subscribe"
        and expected
        and hmac.compare_digest(token.encode(), expected.encode())
    ):
        return PlainTextResponse(params.get("hub.challenge") or "")
    return PlainTextResponse("forbidden", status_code=403)


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it is longer than `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _intake(app: Runtime) -> GroupCommit[bytes]:
    """This process's webhook writer: bodies that arrive together share one commit."""
    intake = app.extras.get("intake")
    if intake is None:

        async def store(bodies: list[bytes]) -> None:
            # Plain rows into the table (the body column encrypts on the way in): building a
            # model object per webhook costs more than the insert.
            now = utcnow()
            rows = [
                {"source": "meta", "body": b, "received_at": now, "state": "pending", "attempts": 0}
                for b in bodies
            ]
            async with app.db.session() as session, session.begin():
                await session.execute(insert(WebhookEvent.__table__), rows)

        intake = app.extras["intake"] = GroupCommit(store)
    return intake  # type: ignore[no-any-return]


@router.post("/webhooks/meta")
async def receive(request: Request) -> Response:
    """Store a signed event; the reply is produced after the response."""
    # The runtime straight from the app state, not through a dependency: this is the one
    # route a crisis hammers, and resolving dependencies is a measurable share of its cost.
    app: Runtime = request.app.state.runtime
    body = await read_limited(request, app.settings.max_body_bytes)
    if body is None:
        metrics.rejected.labels("too_large").inc()
        return PlainTextResponse("payload too large", status_code=413)
    header = request.headers.get("x-hub-signature-256")
    if not verify(app.settings.app_secret, body, header):
        metrics.rejected.labels("signature").inc()
        return PlainTextResponse("invalid signature", status_code=403)
    await _intake(app).submit(body)  # committed, with whatever arrived alongside
    metrics.received.labels("meta").inc()
    app.kick()
    return Response(status_code=200)
