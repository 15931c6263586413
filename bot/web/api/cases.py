"""`/api/cases…`: list, read, claim, write, note, release, resolve, route (thin over
bot.cases)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Query, Request
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import actions, routing
from bot.cases.access import load_case, visible_teams
from bot.cases.replies import canned_replies, fitting_templates
from bot.cases.views import case_json, case_payload, message_json, note_json, user_names
from bot.store.models import User, utcnow
from bot.web.api.common import api_router, transaction
from bot.web.api.responses import (
    CannedReply,
    CaseOut,
    CasePage,
    CaseReplies,
    Me,
    MessageOut,
    NoteOut,
)
from bot.web.api.schemas import ConsentBody, NoteBody, ResolveBody, RouteBody, SendBody
from bot.web.deps import ApiUser, AppStateDep, Offset

router = api_router()


@router.get("/cases", response_model=CasePage, response_model_exclude_unset=True)
async def list_cases(
    request: Request,
    app: AppStateDep,
    user: ApiUser,
    status: str | None = None,
    priority: str | None = None,
    team: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The caller's teams' cases, newest first: {cases, total, limit, offset, next}."""
    now = utcnow()
    filters = {"status": status, "priority": priority, "team": team}
    async with transaction(app) as session:
        rows = await actions.list_cases(session, user, limit=limit, offset=offset, **filters)
        total = await actions.count_cases(session, user, **filters)
        names = await user_names(session, {c.assignee_id for c, _ in rows})
        cases = [case_json(c, v, now=now, assignee=names.get(c.assignee_id or 0)) for c, v in rows]
    following = None
    if offset + len(rows) < total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
    return {"cases": cases, "total": total, "limit": limit, "offset": offset, "next": following}


@router.get("/cases/{case_id}", response_model=CaseOut, response_model_exclude_unset=True)
async def get_case(case_id: str, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    async with transaction(app) as session:
        case, conv = await actions.get_case(session, user, case_id)
        return await case_payload(session, case, conv, now=utcnow())


@router.get(
    "/cases/{case_id}/messages", response_model=list[MessageOut], response_model_exclude_unset=True
)
async def messages(case_id: str, app: AppStateDep, user: ApiUser) -> list[dict[str, Any]]:
    """The transcript, oldest first."""
    async with transaction(app) as session:
        rows = await actions.transcript(session, user, case_id)
        states = await actions.media_states(session, [m.id for m in rows if m.kind == "media"])
    ref = case_id.strip().upper()
    return [message_json(m, case_id=ref, media_state=states.get(m.id)) for m in rows]


@router.post("/cases/{case_id}/claim", response_model=CaseOut, response_model_exclude_unset=True)
async def claim(case_id: str, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    async with transaction(app) as session:
        case = await actions.claim(session, user, case_id)
        _case, conv = await load_case(session, user, case.id)
        return case_json(case, conv, now=utcnow(), assignee=user.name)


@router.post(
    "/cases/{case_id}/messages",
    status_code=201,
    response_model=MessageOut,
    response_model_exclude_unset=True,
)
async def send(
    case_id: str,
    body: SendBody,
    app: AppStateDep,
    user: ApiUser,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> dict[str, Any]:
    """Send to the person on their channel; 409 with fitting templates outside the window."""
    async with transaction(app) as session:
        msg = await actions.send_text(
            session,
            app,
            user,
            case_id,
            body.text,
            canned=body.canned,
            template=body.template,
            params=body.params,
            client_key=idempotency_key,
        )
    return message_json(msg, case_id=case_id.strip().upper())


@router.post(
    "/cases/{case_id}/consent",
    status_code=201,
    response_model=MessageOut,
    response_model_exclude_unset=True,
)
async def ask_consent(
    case_id: str, body: ConsentBody, app: AppStateDep, user: ApiUser
) -> dict[str, Any]:
    """Ask the person, in her language with yes/no buttons, whether we may contact
    `recipient`; her answer is recorded on the case (`consent.share_with`)."""
    async with transaction(app) as session:
        msg = await actions.ask_consent(session, app, user, case_id, body.recipient)
    return message_json(msg, case_id=case_id.strip().upper())


@router.get(
    "/cases/{case_id}/notes", response_model=list[NoteOut], response_model_exclude_unset=True
)
async def list_notes(case_id: str, app: AppStateDep, user: ApiUser) -> list[dict[str, Any]]:
    async with transaction(app) as session:
        rows = await actions.notes(session, user, case_id)
    return [note_json(note, name) for note, name in rows]


@router.post(
    "/cases/{case_id}/notes",
    status_code=201,
    response_model=NoteOut,
    response_model_exclude_unset=True,
)
async def add_note(case_id: str, body: NoteBody, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    async with transaction(app) as session:
        note = await actions.add_note(session, user, case_id, body.text)
    return note_json(note, user.name)


@router.post("/cases/{case_id}/release", response_model=CaseOut, response_model_exclude_unset=True)
async def release(case_id: str, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    """Hand the chat back to the bot, which resumes where it stopped."""
    async with transaction(app) as session:
        case = await actions.release(session, app, user, case_id)
        return await _fresh(session, user, case.id)


@router.post("/cases/{case_id}/resolve", response_model=CaseOut, response_model_exclude_unset=True)
async def resolve(
    case_id: str, body: ResolveBody, app: AppStateDep, user: ApiUser
) -> dict[str, Any]:
    async with transaction(app) as session:
        case = await actions.resolve(
            session, user, case_id, body.outcome, runtime=app, closing=body.closing
        )
        return await _fresh(session, user, case.id)


@router.post("/cases/{case_id}/route", response_model=CaseOut, response_model_exclude_unset=True)
async def route(case_id: str, body: RouteBody, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    """Send the case to a team (audited); the answer is the case as routed, even when the
    caller is not in that team and will not see it again."""
    async with transaction(app) as session:
        case, conv = await routing.route_case(session, user, case_id, body.team)
        return await case_payload(session, case, conv, now=utcnow())


async def _fresh(session: AsyncSession, user: User, case_id: str) -> dict[str, Any]:
    case, conv = await load_case(session, user, case_id)
    return await case_payload(session, case, conv, now=utcnow())


@router.get(
    "/cases/{case_id}/replies", response_model=CaseReplies, response_model_exclude_unset=True
)
async def replies(case_id: str, app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    """Canned replies in the person's language (with previews in the caller's), and the
    templates that fit this case."""
    async with transaction(app) as session:
        case, conv = await actions.load_case(session, user, case_id)
    lang = conv.language or case.language or "en"
    settings = app.settings
    canned = actions.canned_replies(app.catalogs, lang, user.language, flows_dir=settings.flows_dir)
    templates = []
    if conv.channel == "whatsapp":
        templates = fitting_templates(settings.flows_dir, language=lang, priority=case.priority)
    return {"case_id": case.id, "language": lang, "replies": canned, "templates": templates}


@router.get("/replies", response_model=list[CannedReply], response_model_exclude_unset=True)
async def replies_for_language(
    app: AppStateDep, user: ApiUser, lang: Annotated[str, Query(max_length=20)] = "en"
) -> list[dict[str, Any]]:
    """Canned replies in any language (`?lang=`), previews in the caller's."""
    if lang not in app.catalogs.languages:
        lang = "en"
    return canned_replies(app.catalogs, lang, user.language, flows_dir=app.settings.flows_dir)


@router.get("/me", response_model=Me, response_model_exclude_unset=True)
async def me(app: AppStateDep, user: ApiUser) -> dict[str, Any]:
    """Who the token belongs to, and which teams' cases it sees (null: all, an admin)."""
    async with transaction(app) as session:
        teams = await visible_teams(session, user)
    return {"name": user.name, "role": user.role, "language": user.language, "teams": teams}
