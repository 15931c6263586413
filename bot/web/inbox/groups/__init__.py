"""The inbox pages of groups of people in one situation (issue #10), in one router.

- links.py: the "Probably linked" panel of a case (confirm, reject, add to a group);
- pages.py: `/inbox/groups`, one group at a glance, members in and out;
- send.py: one update to everyone in a group, each on their own;
- patterns.py: `/inbox/patterns` and its CSV, for admins.
"""

from __future__ import annotations

from fastapi import APIRouter

from bot.web.inbox.groups import links, pages, patterns, send

router = APIRouter()
for part in (links, pages, send, patterns):
    router.include_router(part.router)

__all__ = ["router"]
