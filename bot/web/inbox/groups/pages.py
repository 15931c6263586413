"""`/inbox/groups…`: the caller's groups, one group at a glance, and its membership forms.

A group is shown only to a caseworker who may see every case in it (or an admin), exactly
as in the groups API; anyone else gets "not found". Forms are plain posts with the
session's CSRF token that redirect back with a message (they work without JavaScript).
Sending an update lives in send.py.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from bot.cases.errors import CaseError, NotFound
from bot.groups import groups
from bot.web.deps import AppStateDep, CurrentUser
from bot.web.inbox.groups.common import (
    go,
    group_id_of,
    group_not_found,
    is_htmx,
    plural,
    sees_group,
    sentence,
    topbar,
    typed_ids,
)
from bot.web.inbox.groups.data import group_page, visible_groups
from bot.web.render import page
from bot.web.session import SessionRoute, require_csrf

router = APIRouter(prefix="/inbox/groups", route_class=SessionRoute, include_in_schema=False)
CSRF = [Depends(require_csrf)]


@router.get("")
async def group_list(request: Request, app: AppStateDep, user: CurrentUser) -> Response:
    async with app.db.session() as s:
        context = {"groups": await visible_groups(s, user), **await topbar(s, user)}
    return page(request, "inbox/groups/list.html", context, user=user)


@router.post("", dependencies=CSRF)
async def create(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    name: Annotated[str, Form(max_length=1000)] = "",
    case_ids: Annotated[str, Form(max_length=30_000)] = "",
) -> Response:
    try:
        async with app.db.session() as s, s.begin():
            group = await groups.create_group(s, user, name, typed_ids(case_ids))
    except NotFound:
        return go(request, "/inbox/groups", "error", "No case with that id in your teams.")
    except CaseError as exc:
        return go(request, "/inbox/groups", "error", sentence(exc.message))
    return go(request, f"/inbox/groups/{group.id}", "ok", f"Group “{group.name}” created.")


@router.get("/{group_id}")
async def group_detail(
    request: Request, app: AppStateDep, user: CurrentUser, group_id: str
) -> Response:
    gid = group_id_of(group_id)
    try:
        if gid is None:
            raise NotFound("group not found")
        async with app.db.session() as s:
            group = await groups.load_group(s, user, gid)
            context = {**await group_page(s, app, user, group), **await topbar(s, user)}
            context["sent"] = request.query_params.get("sent", "")
    except NotFound:
        return group_not_found(request, user)
    return page(request, "inbox/groups/group.html", context, user=user)


@router.get("/{group_id}/members")
async def members_fragment(
    request: Request, app: AppStateDep, user: CurrentUser, group_id: str
) -> Response:
    """The members table alone, re-fetched by the group page so statuses stay current."""
    gid = group_id_of(group_id)
    try:
        if gid is None:
            raise NotFound("group not found")
        async with app.db.session() as s:
            group = await groups.load_group(s, user, gid)
            context = await group_page(s, app, user, group)
    except NotFound:
        return Response(status_code=404) if is_htmx(request) else group_not_found(request, user)
    return page(request, "inbox/groups/_members.html", context, user=user)


@router.post("/{group_id}/members", dependencies=CSRF)
async def add(
    request: Request,
    app: AppStateDep,
    user: CurrentUser,
    group_id: str,
    case_ids: Annotated[str, Form(max_length=30_000)] = "",
) -> Response:
    gid = group_id_of(group_id)
    if gid is None or not await sees_group(app, user, gid):
        return group_not_found(request, user)
    back = f"/inbox/groups/{gid}"
    try:
        async with app.db.session() as s, s.begin():
            added = await groups.add_members(s, user, gid, typed_ids(case_ids))
    except NotFound:  # a typed case outside her teams: said the same way as a missing one
        return go(request, back, "error", "No case with that id in your teams.")
    except CaseError as exc:
        return go(request, back, "error", sentence(exc.message))
    if not added:
        return go(request, back, "ok", "Those cases were already in the group.")
    return go(request, back, "ok", f"Added {plural(len(added), 'case')}.")


@router.post("/{group_id}/members/{case_id}/remove", dependencies=CSRF)
async def remove(
    request: Request, app: AppStateDep, user: CurrentUser, group_id: str, case_id: str
) -> Response:
    gid = group_id_of(group_id)
    if gid is None or not await sees_group(app, user, gid):
        return group_not_found(request, user)
    back = f"/inbox/groups/{gid}"
    try:
        async with app.db.session() as s, s.begin():
            await groups.remove_member(s, user, gid, case_id)
    except NotFound:
        return go(request, back, "error", "That case is not in the group.")
    return go(request, back, "ok", f"Case {case_id.strip().upper()[:20]} left the group.")
