"""Routing a case to a team by hand, and what "not routed yet" means.

The pipeline routes a case to the team that covers the person's country (bot.cases.sink).
When no team covers it, or the country is not known yet, the case goes to the default team
as a fallback but is *not routed*: every caseworker sees it, under a banner, so a person
writing from a country nobody planned for still reaches someone. A caseworker (or an admin)
then routes it to the right team; from then on only that team sees it, and the pipeline
leaves it there. Routing is in the audit log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.access import is_admin, is_unrouted, load_case
from bot.cases.errors import BadRequest, Conflict
from bot.cases.events import case_event, queue_event
from bot.cases.notify import queue_notice
from bot.store.models import Case, Conversation, Team, User, utcnow


async def team_names(session: AsyncSession) -> list[str]:
    """Every team a case can be routed to."""
    return list((await session.execute(select(Team.name).order_by(Team.name))).scalars())


async def route_case(
    session: AsyncSession, user: User, case_id: str, team: str, *, now: datetime | None = None
) -> tuple[Case, Conversation]:
    """Send the case to `team`. The caller must see the case; a case claimed by someone
    else stays with her (only she or an admin may move it)."""
    now = now or utcnow()
    case, conv = await load_case(session, user, case_id, lock=True)
    name = (team or "").strip().lower()
    target = (await session.execute(select(Team).where(Team.name == name))).scalar_one_or_none()
    if target is None:
        raise BadRequest(f"no team named {name or '(empty)'}")
    if case.status == "resolved":
        raise Conflict("the case is resolved")
    if case.status == "claimed" and case.assignee_id != user.id and not is_admin(user):
        raise Conflict("the case is claimed by another caseworker")
    was_unrouted, before = is_unrouted(case), case.team
    case.team, case.routing, case.updated_at = target.name, "caseworker", now
    audit.record(session, user, "route", case.id, now=now, team=target.name, before=before)
    queue_event(
        session, case_event("case_updated", case, user_id=user.id, was_unrouted=was_unrouted)
    )
    if case.priority == "urgent" or case.handoff:
        # The new team hears of it the way it would have had the case come to it directly.
        kind = "urgent" if case.priority == "urgent" else "handoff"
        await queue_notice(session, case, kind, now=now, url=target.notify_url or "")
    return case, conv
