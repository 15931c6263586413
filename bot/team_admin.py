"""What an admin does to teams (`sauti teams add`, the inbox's admin area), each step in the
audit log: who (the admin, or "cli"), which team, and its countries before and after.

Validation stays in bot.accounts.add_team (ISO codes, one default team), so the command line
and the inbox accept and refuse exactly the same things.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.accounts import AccountError, add_team
from bot.cases.audit import record
from bot.store.models import Team, TeamMember, User
from bot.user_admin import ACTOR


@dataclass
class TeamRow:
    name: str
    countries: list[str]
    is_default: bool
    members: int


def _audit(
    session: AsyncSession, action: str, team: Team, by: User | None, **detail: object
) -> None:
    actor = by.name if by is not None else ACTOR
    record(session, by, action, None, actor=actor, team=team.name, **detail)


async def find_team(session: AsyncSession, name: str) -> Team | None:
    query = select(Team).where(Team.name == name.strip().lower())
    return (await session.execute(query)).scalar_one_or_none()


async def _team_named(session: AsyncSession, name: str) -> Team:
    team = await find_team(session, name)
    if team is None:
        raise AccountError(f"no team named {name.strip().lower()}")
    return team


async def save(
    session: AsyncSession,
    name: str,
    countries: list[str],
    *,
    default: bool = False,
    by: User | None = None,
) -> Team:
    """Create a team, or change the countries of an existing one (`sauti teams add`)."""
    before = await find_team(session, name)
    old = (list(before.countries), before.is_default) if before is not None else None
    team = await add_team(session, name, countries, default=default)
    if old is None:
        _audit(session, "team_add", team, by, countries=team.countries, default=team.is_default)
    else:
        _audit(
            session,
            "team_change",
            team,
            by,
            before=old[0],
            after=team.countries,
            default=team.is_default if team.is_default != old[1] else None,
        )
    return team


async def add(
    session: AsyncSession,
    name: str,
    countries: list[str],
    *,
    default: bool = False,
    by: User | None = None,
) -> Team:
    """A new team; an existing name is refused (adding must never change another team)."""
    if await find_team(session, name) is not None:
        raise AccountError(
            f"a team named {name.strip().lower()} already exists; change its countries instead"
        )
    return await save(session, name, countries, default=default, by=by)


async def set_countries(
    session: AsyncSession, name: str, countries: list[str], *, by: User | None = None
) -> Team:
    """The team's countries from now on (routing follows at the next case)."""
    team = await _team_named(session, name)
    return await save(session, team.name, countries, default=team.is_default, by=by)


async def make_default(session: AsyncSession, name: str, *, by: User | None = None) -> Team:
    """Cases from countries no team covers go to this team from now on."""
    team = await _team_named(session, name)
    return await save(session, team.name, list(team.countries), default=True, by=by)


async def teams(session: AsyncSession) -> list[TeamRow]:
    """Every team with its countries, whether it is the default, and how many members."""
    members = dict(
        (
            await session.execute(
                select(TeamMember.team_id, func.count()).group_by(TeamMember.team_id)
            )
        )
        .tuples()
        .all()
    )
    found = (await session.execute(select(Team).order_by(Team.name))).scalars().all()
    return [TeamRow(t.name, sorted(t.countries), t.is_default, members.get(t.id, 0)) for t in found]
