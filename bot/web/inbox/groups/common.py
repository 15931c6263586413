"""What the group, link and pattern pages share: their "not found" page,
redirects with a flash message, case ids as people type them, and the town reader.

Access is never decided here: every page asks bot.groups (or bot.cases) under the signed-in
user, so the inbox refuses exactly what the groups API refuses.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.access import load_case
from bot.cases.errors import NotFound
from bot.groups import groups
from bot.groups.match import LinkRules
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.deps import row_id
from bot.web.inbox.pages import counts
from bot.web.render import page
from bot.web.session import session_of

_ID_SPLIT = re.compile(r"[\s,;]+")
MAX_TYPED_IDS = 1000


async def topbar(s: AsyncSession, user: User) -> dict[str, Any]:
    """What the inbox header needs (the open and urgent counter)."""
    return {"counts": await counts(s, user)}


def group_not_found(request: Request, user: User) -> Response:
    return page(request, "inbox/groups/not_found.html", {}, status_code=404, user=user)


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def go(request: Request, url: str, kind: str | None = None, text: str = "") -> Response:
    """Redirect (303, after a form post) with a flash message on the next page."""
    if kind:
        session_of(request).add_flash(kind, text)
    return RedirectResponse(url, status_code=303)


def sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."


def typed_ids(raw: str | list[str] | None) -> list[str]:
    """Case ids typed or pasted as "K7P2-9XQM, k8aa-77bc", in order, without repeats."""
    parts = raw if isinstance(raw, list) else [raw or ""]
    ids = [i for p in parts for i in _ID_SPLIT.split(p.strip()) if i]
    return list(dict.fromkeys(i.upper() for i in ids))[:MAX_TYPED_IDS]


def group_id_of(raw: str) -> int | None:
    """A group id from the path; None (shown as not found) for anything else."""
    return row_id(raw)


def link_rules(app: Runtime) -> LinkRules:
    return LinkRules.from_settings(app.settings)


async def sees_group(app: Runtime, user: User, group_id: int | None) -> bool:
    """Whether the group exists for this user (all its cases in her teams, or an admin)."""
    if group_id is None:
        return False
    try:
        async with app.db.session() as s:
            await groups.load_group(s, user, group_id)
    except NotFound:
        return False
    return True


async def sees_case(app: Runtime, user: User, case_id: str) -> bool:
    try:
        async with app.db.session() as s:
            await load_case(s, user, case_id)
    except NotFound:
        return False
    return True


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
