"""The inbox pages of groups of people in one situation (issue #10), in one router.

- groups_links.py: the "Probably linked" panel of a case (confirm, reject, add to a group);
- groups_pages.py: `/inbox/groups`, one group at a glance, members in and out;
- groups_send.py: one update to everyone in a group, each on their own;
- groups_patterns.py: `/inbox/patterns` and its CSV, for admins.
"""

from __future__ import annotations

from fastapi import APIRouter

from bot.web.inbox import groups_links, groups_pages, groups_patterns, groups_send

router = APIRouter()
for part in (groups_links, groups_pages, groups_send, groups_patterns):
    router.include_router(part.router)

__all__ = ["router"]
