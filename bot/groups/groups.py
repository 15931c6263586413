"""Named groups of cases: create, add and remove members, list, and who may see which.

A group is visible to a caseworker only if every one of its cases is in her teams (and
every team that ever had a case in it), or she is an admin; otherwise it is "not found",
like a case of another team. Erased people are never shown as members.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.access import load_case, normalize_id, visible_teams
from bot.cases.errors import BadRequest, NotFound
from bot.store.models import Case, CaseGroup, Conversation, GroupMember, GroupUpdate, User, utcnow

MAX_NAME = 200
MAX_MEMBERS = 1000


def _name(raw: str | None) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise BadRequest("a group needs a name")
    if len(name) > MAX_NAME:
        raise BadRequest(f"a group name has at most {MAX_NAME} characters")
    return name


def _ids(case_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(normalize_id(c) for c in case_ids if c and c.strip()))
    if not ids:
        raise BadRequest("give at least one case id")
    if len(ids) > MAX_MEMBERS:
        raise BadRequest(f"a group has at most {MAX_MEMBERS} cases")
    return ids


async def _member_teams(session: AsyncSession, group_id: int) -> set[str | None]:
    rows = await session.execute(
        select(Case.team)
        .join(GroupMember, GroupMember.case_id == Case.id)
        .where(GroupMember.group_id == group_id)
        .distinct()
    )
    return set(rows.scalars().all())


def _sees(teams: list[str] | None, group_teams: Iterable[str | None]) -> bool:
    return teams is None or all(t is not None and t in teams for t in group_teams)


async def load_group(session: AsyncSession, user: User, group_id: int) -> CaseGroup:
    """The group, or NotFound (also when it holds a case outside the caller's teams)."""
    group = await session.get(CaseGroup, group_id, populate_existing=True)
    if group is None:
        raise NotFound("group not found")
    teams = await visible_teams(session, user)
    if teams is not None:
        known = set(group.teams or []) | await _member_teams(session, group_id)
        if not _sees(teams, known):
            raise NotFound("group not found")
    return group


async def _cases(session: AsyncSession, user: User, case_ids: list[str]) -> list[Case]:
    cases = []
    for case_id in case_ids:
        case, _conv = await load_case(session, user, case_id)  # NotFound outside her teams
        if case.erased_at is not None:
            raise BadRequest(f"case {case.id}: the person erased their data")
        cases.append(case)
    return cases


async def create_group(
    session: AsyncSession,
    user: User,
    name: str,
    case_ids: Iterable[str],
    *,
    now: datetime | None = None,
) -> CaseGroup:
    now = now or utcnow()
    title, ids = _name(name), _ids(case_ids)
    cases = await _cases(session, user, ids)
    group = CaseGroup(
        name=title,
        teams=sorted({c.team for c in cases if c.team}),
        created_by=user.id,
        created_at=now,
        updated_at=now,
    )
    session.add(group)
    await session.flush()
    _join(session, user, group, cases, now)
    return group


async def add_members(
    session: AsyncSession,
    user: User,
    group_id: int,
    case_ids: Iterable[str],
    *,
    now: datetime | None = None,
) -> list[str]:
    """Add cases to the group; returns the ids that were not in it yet."""
    now = now or utcnow()
    group = await load_group(session, user, group_id)
    ids = _ids(case_ids)
    cases = await _cases(session, user, ids)
    present = set(
        (
            await session.execute(
                select(GroupMember.case_id).where(
                    GroupMember.group_id == group.id, GroupMember.case_id.in_(ids)
                )
            )
        ).scalars()
    )
    count = await member_count(session, group.id)  # type: ignore[arg-type]
    new = [c for c in cases if c.id not in present]
    if count + len(new) > MAX_MEMBERS:
        raise BadRequest(f"a group has at most {MAX_MEMBERS} cases")
    group.teams = sorted(set(group.teams or []) | {c.team for c in new if c.team})
    group.updated_at = now
    _join(session, user, group, new, now)
    return [c.id for c in new]


def _join(
    session: AsyncSession, user: User, group: CaseGroup, cases: list[Case], now: datetime
) -> None:
    group_id = group.id or 0  # flushed by the caller: always set
    for case in cases:
        session.add(GroupMember(group_id=group_id, case_id=case.id, added_by=user.id, added_at=now))
        audit.record(session, user, "group_add", case.id, now=now, group_id=group.id)


async def remove_member(
    session: AsyncSession, user: User, group_id: int, case_id: str, *, now: datetime | None = None
) -> None:
    now = now or utcnow()
    group = await load_group(session, user, group_id)
    case_id = normalize_id(case_id)
    gone = await session.execute(
        delete(GroupMember).where(GroupMember.group_id == group.id, GroupMember.case_id == case_id)
    )
    if not gone.rowcount:
        raise NotFound("that case is not in the group")
    group.updated_at = now
    audit.record(session, user, "group_remove", case_id, now=now, group_id=group.id)


async def member_count(session: AsyncSession, group_id: int) -> int:
    query = (
        select(func.count())
        .select_from(GroupMember)
        .join(Case, Case.id == GroupMember.case_id)
        .where(GroupMember.group_id == group_id, Case.erased_at.is_(None))
    )
    return int((await session.execute(query)).scalar_one())


async def members(session: AsyncSession, group_id: int) -> list[tuple[Case, Conversation]]:
    """The group's cases and their conversations, oldest case first; erased people left out."""
    rows = await session.execute(
        select(Case, Conversation)
        .join(GroupMember, GroupMember.case_id == Case.id)
        .join(Conversation, Conversation.id == Case.conversation_id)
        .where(GroupMember.group_id == group_id, Case.erased_at.is_(None))
        .order_by(Case.created_at, Case.id)
    )
    return [(case, conv) for case, conv in rows.all()]


async def list_groups(session: AsyncSession, user: User) -> list[dict[str, Any]]:
    """The groups the caller may see, most recently changed first, with counts."""
    teams = await visible_teams(session, user)
    groups = (
        (await session.execute(select(CaseGroup).order_by(CaseGroup.updated_at.desc())))
        .scalars()
        .all()
    )
    team_rows = await session.execute(
        select(GroupMember.group_id, Case.team)
        .join(Case, Case.id == GroupMember.case_id)
        .distinct()
    )
    by_group: dict[int, set[str | None]] = {}
    for group_id, team in team_rows.all():
        by_group.setdefault(group_id, set()).add(team)
    counts = dict(
        (
            await session.execute(
                select(GroupMember.group_id, func.count())
                .join(Case, Case.id == GroupMember.case_id)
                .where(Case.erased_at.is_(None))
                .group_by(GroupMember.group_id)
            )
        ).all()
    )
    last = dict(
        (
            await session.execute(
                select(GroupUpdate.group_id, func.max(GroupUpdate.created_at)).group_by(
                    GroupUpdate.group_id
                )
            )
        ).all()
    )
    out = []
    for group in groups:
        known = set(group.teams or []) | by_group.get(group.id or 0, set())
        if _sees(teams, known):
            count, at = counts.get(group.id, 0), last.get(group.id)
            out.append({"group": group, "members": count, "last_update_at": at})
    return out
