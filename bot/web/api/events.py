"""`GET /api/events`: server-sent events about the caller's teams' cases.

Each event is `event: <type>` + `data: <json>` (ids and metadata only: fetch the case or
its messages to see them). A comment line is sent every 15 s to keep proxies from closing
the stream, and, as a safety net for changes made by other server processes, cases updated
since the last check are announced as `case_updated`. `max_events` and `timeout` end the
stream early (for polling clients and tests).
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import StreamingResponse

from bot.cases.access import visible_teams
from bot.cases.events import Subscription
from bot.cases.views import updated_since
from bot.runtime import Runtime
from bot.store.models import utcnow
from bot.web.api.common import api_router
from bot.web.deps import ApiUser, AppStateDep

router = api_router()

HEARTBEAT = 15.0
SWEEP = 10.0


def sse(event: dict[str, Any], seq: int) -> str:
    return f"id: {seq}\nevent: {event.get('type', 'message')}\ndata: {json.dumps(event)}\n\n"


@router.get("/events")
async def events(
    request: Request,
    app: AppStateDep,
    user: ApiUser,
    max_events: Annotated[int | None, Query(ge=1, le=10_000)] = None,
    timeout: Annotated[float | None, Query(gt=0, le=3600)] = None,
) -> StreamingResponse:
    async with app.db.session() as session:
        teams = await visible_teams(session, user)
    sub = app.events.subscribe(teams)  # before responding: nothing is missed
    stream = _stream(request, app, sub, teams, max_events, timeout)
    return StreamingResponse(
        stream,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _stream(
    request: Request,
    app: Runtime,
    sub: Subscription,
    teams: list[str] | None,
    max_events: int | None,
    timeout: float | None,
) -> AsyncIterator[str]:
    deadline = time.monotonic() + timeout if timeout else None
    sent, since = 0, utcnow()
    last_sweep = time.monotonic()
    try:
        yield "retry: 3000\n: connected\n\n"
        while max_events is None or sent < max_events:
            wait = HEARTBEAT if deadline is None else min(HEARTBEAT, deadline - time.monotonic())
            if wait <= 0:
                return
            event = await sub.get(timeout=wait)
            if event is None:
                if sub.closed or await request.is_disconnected():
                    return
                if time.monotonic() - last_sweep >= SWEEP:
                    last_sweep = time.monotonic()
                    for swept in await _updated_since(app, teams, since):
                        sent += 1
                        yield sse(swept, sent)
                    since = utcnow()
                yield ": keep-alive\n\n"
                continue
            sent += 1
            yield sse(event, sent)
    finally:
        sub.close()


async def _updated_since(
    app: Runtime, teams: list[str] | None, since: datetime
) -> list[dict[str, Any]]:
    async with app.db.session() as session:
        cases = await updated_since(session, teams, since)
    return [
        {
            "type": "case_updated",
            "case_id": c.id,
            "team": c.team,
            "priority": c.priority,
            "status": c.status,
            "swept": True,
        }
        for c in cases
    ]
