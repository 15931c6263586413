"""Who sees which case: caseworkers see their teams' cases and the cases not routed to a
team yet; admins see all.

A case of another team is reported as not found, everywhere (list, detail, messages,
actions, events, media).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.accounts import team_names
from bot.cases.errors import Conflict, NotFound
from bot.store.models import Case, Conversation, User


def is_admin(user: User) -> bool:
    return user.role == "admin"


async def visible_teams(session: AsyncSession, user: User) -> list[str] | None:
    """The teams whose cases `user` may see; None means all (an admin)."""
    if is_admin(user):
        return None
    return await team_names(session, user)


def is_unrouted(case: Case) -> bool:
    """Not routed to a team yet (no team, or the default team as a fallback) and not
    resolved: every caseworker sees it, so nobody is missed (bot.cases.routing)."""
    return case.routing == "unrouted" and case.status != "resolved"


def can_see(case: Case, teams: list[str] | None) -> bool:
    return teams is None or (case.team is not None and case.team in teams) or is_unrouted(case)


def visible_to(teams: list[str]) -> Any:
    """`can_see` as a SQL condition on Case, for a caseworker of `teams`."""
    return or_(
        Case.team.in_(teams),
        and_(Case.routing == "unrouted", Case.status != "resolved"),
    )


def normalize_id(case_id: str) -> str:
    """Case ids are read out and typed by people: accept lower case and stray spaces."""
    return case_id.strip().upper()


async def load_case(
    session: AsyncSession, user: User, case_id: str, *, lock: bool = False
) -> tuple[Case, Conversation]:
    """The case and its conversation, fresh from the database, or NotFound.

    `lock` takes the conversation's row lock (PostgreSQL), so the pipeline does not apply a
    message to it while a caseworker hands it back; SQLite's BEGIN IMMEDIATE already
    serializes writers.
    """
    teams = await visible_teams(session, user)
    case = (
        await session.execute(
            select(Case)
            .where(Case.id == normalize_id(case_id))
            .execution_options(populate_existing=True)
        )
    ).scalar_one_or_none()
    if case is None or not can_see(case, teams):
        raise NotFound("case not found")
    query = select(Conversation).where(Conversation.id == case.conversation_id)
    if lock:  # a row lock on PostgreSQL; SQLite has none to take (nor a FOR UPDATE to send)
        query = query.with_for_update()
    conv = (await session.execute(query.execution_options(populate_existing=True))).scalar_one()
    return case, conv


def require_holder(case: Case, user: User) -> None:
    """Only the caseworker who claimed the case (or an admin) may write or hand it back."""
    if case.status == "resolved":
        raise Conflict("the case is resolved")
    if case.status != "claimed":
        raise Conflict("claim the case first")
    if case.assignee_id != user.id and not is_admin(user):
        raise Conflict("the case is claimed by another caseworker")
