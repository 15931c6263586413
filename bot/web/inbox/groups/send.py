"""`POST /inbox/groups/{id}/updates`: one update to everyone in a group, each on their own.

bot.groups.send does the work (a separate 1:1 message per person, canned replies in each
person's language, skipped people recorded with the reason). This page posts the form,
then shows the result on the group page: who gets it, who was skipped and why, and who
gets free text untranslated. The form's `client_key` makes a double click send once.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from bot.cases.errors import CaseError, NotFound
from bot.groups import send
from bot.web.deps import AppStateDep, CurrentUser
from bot.web.inbox.groups.common import go, group_id_of, group_not_found, sentence
from bot.web.session import SessionRoute, require_csrf

router = APIRouter(prefix="/inbox/groups", route_class=SessionRoute, include_in_schema=False)


def _people(n: int) -> str:
    return f"{n} person" if n == 1 else f"{n} people"


@router.post("/{group_id}/updates", dependencies=[Depends(require_csrf)])
async def send_update(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    group_id: str,
    text: Annotated[str, Form(max_length=10_000)] = "",
    canned: Annotated[str, Form(max_length=100)] = "",
    client_key: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    gid = group_id_of(group_id)
    if gid is None:
        return group_not_found(request, user)
    back = f"/inbox/groups/{gid}"
    try:
        async with app.db.session() as s, s.begin():
            update, rows = await send.send_update(
                s,
                app,
                user,
                gid,
                text=None if canned else text,
                canned=canned or None,
                client_key=client_key or None,
            )
    except NotFound:
        return group_not_found(request, user)
    except CaseError as exc:
        return go(request, f"{back}#send", "error", sentence(exc.message))
    queued = sum(1 for r in rows if r.status != "skipped")
    skipped = len(rows) - queued
    words = f"Update queued for {_people(queued)}, each on their own."
    if skipped:
        words += f" {_people(skipped)} skipped: see why below."
    return go(request, f"{back}?sent={update.id}#update-{update.id}", "ok", words)
