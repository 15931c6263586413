"""What a caseworker does from a case page: claim, reply (typed, canned or a template), add a
note, release, resolve. Each is a plain form post (CSRF-checked) that calls the cases layer
and redirects back to the case with a message saying what happened or why it could not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import actions, routing
from bot.cases.errors import CaseError, NotFound, WindowClosed
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.deps import AppStateDep, CurrentUser
from bot.web.inbox.pages import not_found
from bot.web.session import SessionRoute, require_csrf, session_of

router = APIRouter(
    prefix="/inbox/cases",
    route_class=SessionRoute,
    include_in_schema=False,
    dependencies=[Depends(require_csrf)],
)

Action = Callable[[AsyncSession], Awaitable[Any]]


async def _do(
    request: Request,
    app: Runtime,
    user: User,
    case_id: str,
    action: Action,
    done: str,
    anchor: str = "",
) -> Response:
    session = session_of(request)
    try:
        async with app.db.session() as s, s.begin():
            await action(s)
    except NotFound:
        return not_found(request, user)
    except WindowClosed as exc:
        session.add_flash("error", exc.reason)
    except CaseError as exc:
        session.add_flash("error", _sentence(exc.message))
    else:
        session.add_flash("ok", done)
    return RedirectResponse(f"/inbox/cases/{quote(case_id, safe='-')}{anchor}", status_code=303)


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


@router.post("/{case_id}/route")
async def route(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    team: Annotated[str, Form()] = "",
) -> Response:
    """Send the case to a team (a case not routed yet, or one that belongs elsewhere)."""

    async def run(s: AsyncSession) -> Any:
        return await routing.route_case(s, user, case_id, team)

    return await _do(request, app, user, case_id, run, f"Routed to team {team.strip().lower()}.")


@router.post("/{case_id}/claim")
async def claim(request: Request, app: AppStateDep, user: CurrentUser, case_id: str) -> Response:
    async def run(s: AsyncSession) -> Any:
        return await actions.claim(s, user, case_id)

    return await _do(request, app, user, case_id, run, "You have the case: the bot stays silent.")


@router.post("/{case_id}/reply")
async def reply(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    text: Annotated[str, Form()] = "",
    canned: Annotated[str, Form()] = "",
    template: Annotated[str, Form()] = "",
    params: Annotated[list[str] | None, Form()] = None,
    client_key: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Typed text, a canned reply (`canned`) or an approved template (`template`)."""
    values = [p.strip() for p in params or []]

    async def run(s: AsyncSession) -> Any:
        kwargs: dict[str, Any] = {"client_key": client_key or None}
        if template:
            kwargs.update(template=template, params=values if any(values) else None)
        elif canned:
            kwargs["canned"] = canned
        else:
            kwargs["text"] = text
        return await actions.send_text(s, app, user, case_id, **kwargs)

    return await _do(request, app, user, case_id, run, "Message queued.", "#composer")


@router.post("/{case_id}/notes")
async def note(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    text: Annotated[str, Form()] = "",
) -> Response:
    async def run(s: AsyncSession) -> Any:
        return await actions.add_note(s, user, case_id, text)

    return await _do(request, app, user, case_id, run, "Note added.", "#notes")


@router.post("/{case_id}/release")
async def release(request: Request, app: AppStateDep, user: CurrentUser, case_id: str) -> Response:
    async def run(s: AsyncSession) -> Any:
        return await actions.release(s, app, user, case_id)

    return await _do(request, app, user, case_id, run, "Handed back to the bot.")


@router.post("/{case_id}/resolve")
async def resolve(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    outcome: Annotated[str, Form()] = "",
    closing: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    async def run(s: AsyncSession) -> Any:
        return await actions.resolve(
            s, user, case_id, outcome, runtime=app, closing=closing or None
        )

    return await _do(request, app, user, case_id, run, "Case resolved: the bot asks nothing more.")


@router.post("/{case_id}/consent")
async def ask_consent(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    recipient: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    """Ask the person, in her language, whether we may contact `recipient`."""

    async def run(s: AsyncSession) -> Any:
        return await actions.ask_consent(s, app, user, case_id, recipient.strip())

    done = "Question sent: her answer will show under Consent to share."
    return await _do(request, app, user, case_id, run, done, "#composer")
