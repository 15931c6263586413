"""The caseworker inbox (`/inbox`): server-rendered pages with htmx and server-sent events.

Also serves `/static` (vendored htmx, CSS, JS) for the inbox and the simulator.
"""

from __future__ import annotations

from fastapi import APIRouter

from bot.web.inbox import (
    actions,
    admin_flows,
    admin_home,
    admin_numbers,
    admin_teams,
    admin_users,
    assets,
    auth,
    groups,
    live,
    pages,
)

router = APIRouter()
for part in (
    auth,
    live,
    pages,
    actions,
    assets,
    groups,
    admin_numbers,
    admin_home,
    admin_teams,
    admin_users,
    admin_flows,
):
    router.include_router(part.router)

__all__ = ["router"]
