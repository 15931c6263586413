"""`/inbox/events`: server-sent events telling inbox pages which part to re-fetch.

Event names: `counter` (the open/urgent numbers in the top bar), `cases` (the list), and
with `?case=ID`, `case` (its summary) and `transcript` (messages and delivery ticks).
The cases event bus wakes the stream at once; a short poll catches what the bus does not
announce (delivery receipts, changes made by another server process).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import views
from bot.cases.access import load_case, visible_teams
from bot.cases.errors import NotFound
from bot.store.models import User
from bot.web.deps import AppStateDep, StreamUser, signed_in
from bot.web.inbox.pages import counts
from bot.web.inbox.sse import StreamOver, event_stream
from bot.web.session import SessionRoute

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)
POLL_SECONDS = 1.5
STREAM_SECONDS = 25.0  # then the browser reconnects (see sse.py)


async def _cases_print(s: AsyncSession, user: User) -> tuple[Any, ...]:
    return await views.open_case_marks(s, await visible_teams(s, user))


async def _case_print(s: AsyncSession, user: User, case_id: str) -> tuple[Any, Any]:
    try:
        case, conv = await load_case(s, user, case_id)
    except NotFound:
        return ("gone",), ()
    summary = (case.status, case.priority, case.assignee_id, str(case.updated_at), conv.claimed)
    return summary, await views.message_marks(s, conv.id)


@router.get("/events")
async def events(request: Request, app: AppStateDep, user: StreamUser, case: str = "") -> Response:
    async with app.db.session() as s:
        teams = await visible_teams(s, user)
    bus = app.events
    case_id = case[:32]

    async def probe() -> dict[str, Any]:
        # A session ended elsewhere (sign-out, disabled, new password) ends its streams too.
        if await signed_in(request, app) is None:
            raise StreamOver
        async with app.db.session() as s:
            found: dict[str, Any] = {"counter": await counts(s, user)}
            if case_id:
                found["case"], found["transcript"] = await _case_print(s, user, case_id)
            else:
                found["cases"] = await _cases_print(s, user)
            return found

    # Subscribed inside the stream, so a stream that never starts leaves nothing behind.
    return event_stream(
        request,
        probe,
        subscribe=lambda: bus.subscribe(teams),
        interval=POLL_SECONDS,
        lifetime=STREAM_SECONDS,
    )
