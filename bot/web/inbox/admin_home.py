"""`/inbox/admin`: the admin area's front page, what each part is for, and the latest changes
to users and teams from the audit log (made in the inbox or with `sauti`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.admin_audit import recent_changes
from bot.web.deps import AppStateDep
from bot.web.inbox.admin_common import AreaAdmin
from bot.web.inbox.groups.common import topbar
from bot.web.render import page
from bot.web.session import SessionRoute

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)


@router.get("/admin")
async def home(request: Request, app: AppStateDep, user: AreaAdmin) -> Response:
    async with app.db.session() as s:
        context = {"changes": await recent_changes(s), **await topbar(s, user)}
    return page(request, "inbox/admin/home.html", context, user=user)
