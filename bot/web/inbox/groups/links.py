"""The "Probably linked" panel of a case: suggestions with their reasons, confirm or reject,
the confirmed links, and adding the case (with its confirmed links) to a group.

The case page loads the panel with htmx (`GET /inbox/cases/{id}/links`, the fragment);
without JavaScript the panel links to the same URL, which then answers a whole page. The
suggestions are bot.groups.links.suggest under the signed-in user: only cases she may see,
shown by masked id, never by name. A case outside her teams is "not found".
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from bot.cases.access import normalize_id
from bot.cases.errors import CaseError, NotFound
from bot.groups import groups, links
from bot.web.deps import AppStateDep, CurrentUser
from bot.web.inbox.groups.common import (
    go,
    group_id_of,
    is_htmx,
    link_rules,
    plural,
    sees_case,
    sentence,
    topbar,
    typed_ids,
)
from bot.web.inbox.groups.data import groups_of_case, visible_groups
from bot.web.inbox.pages import not_found
from bot.web.render import page
from bot.web.session import SessionRoute, require_csrf

router = APIRouter(prefix="/inbox/cases", route_class=SessionRoute, include_in_schema=False)
CSRF = [Depends(require_csrf)]


def _back(case_id: str, where: str) -> str:
    path = f"/inbox/cases/{quote(normalize_id(case_id), safe='-')}"
    return f"{path}/links" if where == "links" else f"{path}#linked"


@router.get("/{case_id}/links")
async def panel(request: Request, app: AppStateDep, user: CurrentUser, case_id: str) -> Response:
    fragment = is_htmx(request)
    try:
        async with app.db.session() as s:
            found = await links.suggest(s, user, case_id, rules=link_rules(app), towns=app.towns)
            mine = await visible_groups(s, user)
            context = {
                "case_id": found["case_id"],
                "rules": found["rules"],
                "suggestions": found["suggestions"],
                "confirmed": found["confirmed"],
                "groups": mine,
                "in_groups": await groups_of_case(s, found["case_id"], mine),
                "where": "case" if fragment else "links",
            }
            if not fragment:
                context.update(await topbar(s, user))
    except NotFound:
        return Response(status_code=404) if fragment else not_found(request, user)
    name = "inbox/groups/_linked.html" if fragment else "inbox/groups/links.html"
    return page(request, name, context, user=user)


@router.post("/{case_id}/links", dependencies=CSRF)
async def decide(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    other_case_id: Annotated[str, Form(max_length=40)] = "",
    decision: Annotated[str, Form(max_length=20)] = "",
    where: Annotated[str, Form(max_length=10)] = "case",
) -> Response:
    back = _back(case_id, where)
    try:
        async with app.db.session() as s, s.begin():
            link = await links.decide(
                s, user, case_id, other_case_id, decision, rules=link_rules(app), towns=app.towns
            )
    except NotFound:
        return not_found(request, user)
    except CaseError as exc:
        return go(request, back, "error", sentence(exc.message))
    other = normalize_id(other_case_id)
    if link.decision == "confirmed":
        return go(request, back, "ok", f"Case {other} is marked as linked to this one.")
    return go(request, back, "ok", f"Case {other} is marked as not linked: not suggested again.")


@router.post("/{case_id}/group", dependencies=CSRF)
async def add_to_group(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    case_id: str,
    group_id: Annotated[str, Form(max_length=12)] = "",
    name: Annotated[str, Form(max_length=1000)] = "",
    also: Annotated[list[str] | None, Form()] = None,
    where: Annotated[str, Form(max_length=10)] = "case",
) -> Response:
    """Into an existing group (`group_id`), or a new one named `name`; `also`: confirmed
    linked cases ticked to go with it."""
    if not await sees_case(app, user, case_id):
        return not_found(request, user)
    back = _back(case_id, where)
    ids = list(dict.fromkeys([normalize_id(case_id), *typed_ids(also)]))
    gid = group_id_of(group_id) if group_id else None
    if group_id and gid is None:
        return go(request, back, "error", "Choose a group.")
    try:
        async with app.db.session() as s, s.begin():
            if gid is not None:
                added = await groups.add_members(s, user, gid, ids)
                group = await groups.load_group(s, user, gid)
                done = f"Added {plural(len(added), 'case')} to “{group.name}”."
            else:
                group = await groups.create_group(s, user, name, ids)
                done = f"Group “{group.name}” created with {plural(len(ids), 'case')}."
    except NotFound:  # the group, or a ticked case, is not (or no longer) in her teams
        return go(request, back, "error", "That group or case is not in your teams.")
    except CaseError as exc:
        return go(request, back, "error", sentence(exc.message))
    return go(request, f"/inbox/groups/{group.id}", "ok", done)
