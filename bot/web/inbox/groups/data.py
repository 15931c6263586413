"""What the group pages read, under the signed-in user: the group at a glance (members,
who can be reached now, canned replies in each member's language) and its update history.

Built on the same functions and JSON as the groups API (bot.groups.groups, .views), so a
page shows what `GET /api/groups/{id}` and `/messages` give the same user.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.errors import BadRequest
from bot.cases.replies import load_replies, render_canned
from bot.cases.views import user_names
from bot.groups import groups, views
from bot.runtime import Runtime
from bot.store.models import CaseGroup, User, utcnow
from bot.web.inbox.groups import shapes

HISTORY = 20


async def visible_groups(s: AsyncSession, user: User) -> list[dict[str, Any]]:
    """The caller's groups (all of whose cases she may see), most recently changed first."""
    return [
        views.group_json(g["group"], members=g["members"], last_update_at=g["last_update_at"])
        for g in await groups.list_groups(s, user)
    ]


async def groups_of_case(
    s: AsyncSession, case_id: str, visible: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Which of the caller's visible groups hold this case."""
    ids = await views.group_ids_of_case(s, case_id)
    return [g for g in visible if g["id"] in ids]


async def history(
    s: AsyncSession, app: Runtime, user: User, group_id: int, live: set[str]
) -> list[dict[str, Any]]:
    """The group's updates, newest first, each split into reached / skipped / untranslated
    (people no longer in the group, or erased, are left out, as in the API)."""
    updates = await views.recent_updates(s, group_id, live, limit=HISTORY)
    names = await user_names(s, {u.user_id for u, _ in updates})
    flows_dir = shapes.flows_dir_of(app.settings, app.catalogs)
    out = []
    for update, kept in updates:
        states = await views.message_states(s, kept)
        masked = await views.masked_ids(s, kept)
        shaped = views.update_json(update, kept, states, masked)
        if update.canned:
            try:
                shaped["preview"] = render_canned(
                    app.catalogs, flows_dir, update.canned, user.language or "en"
                )
            except BadRequest:  # the reply was taken out of replies.yaml since
                shaped["preview"] = ""
        out.append(shapes.update_result(shaped, names.get(update.user_id or 0)))
    return out


async def group_page(s: AsyncSession, app: Runtime, user: User, group: CaseGroup) -> dict[str, Any]:
    """Everything the group page shows."""
    group_id = group.id or 0
    people = await groups.members(s, group_id)
    detail = await views.group_detail(s, group, people)
    now = utcnow()
    by_case = {case.id: (case, conv) for case, conv in people}
    for member in detail["members"]:
        case, conv = by_case[member["case_id"]]
        member["language"] = shapes.person_lang(case, conv)
        member["language_name"] = shapes.language_name(member["language"])
        member["reach"] = shapes.reachable(case, conv, now)
        if member["last_update"]:
            member["last_update"]["words"] = shapes.skip_words(member["last_update"]["reason"])
    worker_lang = user.language or "en"
    flows_dir = shapes.flows_dir_of(app.settings, app.catalogs)
    replies = load_replies(flows_dir, app.catalogs)
    langs = [m["language"] for m in detail["members"]]
    return {
        "group": detail,
        "members": detail["members"],
        "reachable_now": sum(1 for m in detail["members"] if m["reach"]["send"]),
        "canned": shapes.canned_options(app.catalogs, replies, worker_lang, langs),
        "untranslated": shapes.untranslated(worker_lang, detail["members"]),
        "worker_lang": shapes.language_name(worker_lang),
        "updates": await history(s, app, user, group_id, set(by_case)),
        "client_key": secrets.token_urlsafe(12),
    }
