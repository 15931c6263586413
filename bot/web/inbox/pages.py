"""The inbox pages: the case list (urgent first) and one case, with their live fragments.

Everything a page shows comes from the cases layer under the same user, so the inbox shows
exactly what the API would: another team's case is "not found" here too. Opening a case is
audited (`get_case`, `transcript`); the fragments a live page re-fetches are not, so the
audit trail says who opened what rather than how often a screen refreshed.
"""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import actions, routing, views
from bot.cases.access import load_case, visible_teams
from bot.cases.errors import BadRequest, NotFound
from bot.cases.replies import fitting_templates
from bot.runtime import Runtime
from bot.store.models import Case, Conversation, Message, User, utcnow
from bot.web.deps import AppStateDep, CurrentUser, RowId
from bot.web.inbox import shapes
from bot.web.render import page
from bot.web.session import SessionRoute

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)

STATUS_FILTERS: dict[str, str | None] = {
    "active": "open,claimed",
    "open": "open",
    "claimed": "claimed",
    "resolved": "resolved",
    "all": None,
}
OUTCOMES = actions.OUTCOMES


async def counts(s: AsyncSession, user: User) -> dict[str, int]:
    return {
        "active": await actions.count_cases(s, user, status="open,claimed"),
        "urgent_unclaimed": await actions.count_cases(s, user, status="open", priority="urgent"),
    }


async def team_choices(s: AsyncSession, user: User) -> list[str]:
    teams = await visible_teams(s, user)
    if teams is None:  # an admin: every team
        teams = await routing.team_names(s)
    return teams


def _filters(request: Request) -> dict[str, str]:
    q = request.query_params
    status = q.get("status", "active")
    return {
        "status": status if status in STATUS_FILTERS else "active",
        "priority": q.get("priority", "") if q.get("priority") in shapes.PRIORITY_RANK else "",
        "team": q.get("team", "")[:100],
    }


async def _list_context(app: Runtime, user: User, filters: dict[str, str]) -> dict[str, Any]:
    now = utcnow()
    async with app.db.session() as s:
        try:
            pairs = await actions.list_cases(
                s,
                user,
                status=STATUS_FILTERS[filters["status"]],
                priority=filters["priority"] or None,
                team=filters["team"] or None,
                limit=200,
            )
        except BadRequest:
            pairs = []
        pairs.sort(key=shapes.sort_key)
        cases = [await views.case_payload(s, case, conv, now=now) for case, conv in pairs]
        return {
            # Not routed to a team yet: shown apart, above the rest, to every caseworker.
            "unrouted": [c for c in cases if not c["routed"]],
            "cases": [c for c in cases if c["routed"]],
            "counts": await counts(s, user),
            "teams": await team_choices(s, user),
            "filters": filters,
        }


@router.get("")
async def case_list(request: Request, app: AppStateDep, user: CurrentUser) -> Response:
    context = await _list_context(app, user, _filters(request))
    return page(request, "inbox/list.html", context, user=user)


@router.get("/fragments/cases")
async def case_list_fragment(request: Request, app: AppStateDep, user: CurrentUser) -> Response:
    context = await _list_context(app, user, _filters(request))
    return page(request, "inbox/_cases.html", context, user=user)


@router.get("/fragments/counter")
async def counter_fragment(request: Request, app: AppStateDep, user: CurrentUser) -> Response:
    async with app.db.session() as s:
        context = {"counts": await counts(s, user)}
    return page(request, "inbox/_counter.html", context, user=user)


def not_found(request: Request, user: User) -> Response:
    return page(request, "inbox/not_found.html", {}, status_code=404, user=user)


async def _messages(s: AsyncSession, case_id: str, rows: list[Message]) -> list[dict[str, Any]]:
    media = await actions.media_states(s, [m.id for m in rows if m.kind == "media" and m.id])
    return [shapes.entry(m, case_id, media.get(m.id or 0)) for m in rows]


def _composer(app: Runtime, user: User, case: Case, conv: Conversation, payload: dict) -> dict:
    """What the caseworker may send: canned replies, and templates when the window is shut."""
    lang = conv.language or case.language
    canned = actions.canned_replies(
        app.catalogs, lang, user.language, flows_dir=app.settings.flows_dir
    )
    templates: list[dict[str, Any]] = []
    if conv.channel == "whatsapp" and not payload["window"]["open"]:
        templates = fitting_templates(app.settings.flows_dir, language=lang, priority=case.priority)
    return {"canned": canned, "templates": templates, "client_key": secrets.token_urlsafe(12)}


@router.get("/cases/{case_id}")
async def case_page(
    request: Request, app: AppStateDep, user: CurrentUser, case_id: str
) -> Response:
    now = utcnow()
    try:
        async with app.db.session() as s, s.begin():
            case, conv = await actions.get_case(s, user, case_id, now=now)
            payload = await views.case_payload(s, case, conv, now=now)
            rows = await actions.transcript(s, user, case.id, now=now)
            context = {
                "case": payload,
                "messages": await _messages(s, case.id, rows),
                "notes": await actions.notes(s, user, case.id),
                "counts": await counts(s, user),
                "holder": _holds(payload, user),
                "outcomes": OUTCOMES,
                "route_teams": await routing.team_names(s),
                "window_words": shapes.window_words(payload["window"], payload["channel"]),
                **_composer(app, user, case, conv, payload),
            }
    except NotFound:
        return not_found(request, user)
    return page(request, "inbox/case.html", context, user=user)


def _holds(payload: dict[str, Any], user: User) -> bool:
    """May this user write in the case (it is claimed by them, or they are an admin)?"""
    if payload["status"] != "claimed":
        return False
    return payload.get("assignee_id") == user.id or user.role == "admin"


async def _fragment(
    request: Request, app: Runtime, user: User, case_id: str, name: str
) -> Response:
    now = utcnow()
    try:
        async with app.db.session() as s:
            case, conv = await load_case(s, user, case_id)
            payload = await views.case_payload(s, case, conv, now=now)
            context: dict[str, Any] = {
                "case": payload,
                "holder": _holds(payload, user),
                "window_words": shapes.window_words(payload["window"], payload["channel"]),
            }
            if name == "inbox/_transcript.html":
                rows = await views.conversation_messages(s, conv.id)
                context["messages"] = await _messages(s, case.id, rows)
    except NotFound:
        return Response(status_code=404)
    return page(request, name, context, user=user)


@router.get("/cases/{case_id}/summary")
async def summary_fragment(
    request: Request, app: AppStateDep, user: CurrentUser, case_id: str
) -> Response:
    return await _fragment(request, app, user, case_id, "inbox/_summary.html")


@router.get("/cases/{case_id}/transcript")
async def transcript_fragment(
    request: Request, app: AppStateDep, user: CurrentUser, case_id: str
) -> Response:
    return await _fragment(request, app, user, case_id, "inbox/_transcript.html")


SAFE_INLINE = ("audio/", "image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4")


@router.get("/cases/{case_id}/media/{message_id}")
async def media(app: AppStateDep, user: CurrentUser, case_id: str, message_id: RowId) -> Response:
    """A file the person sent. Served inert: sandboxed, never sniffed, risky types downloaded."""
    try:
        async with app.db.session() as s, s.begin():
            blob = await actions.media_blob(s, user, case_id, message_id)
    except NotFound:
        return Response(status_code=404)
    if blob.state != "stored" or blob.content is None:
        return Response(status_code=404)
    mime = (blob.mime_type or "application/octet-stream").split(";")[0].strip().lower()
    inline = mime.startswith(SAFE_INLINE)
    headers = {
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Content-Disposition": "inline" if inline else "attachment",
        "Cache-Control": "private, no-store",
    }
    return Response(
        blob.content, media_type=mime if inline else "application/octet-stream", headers=headers
    )
