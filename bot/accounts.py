"""Caseworker accounts, teams and API tokens.

Passwords are hashed with argon2; API tokens are random, shown once, and stored only as a
SHA-256 hash (a token has enough entropy that a slow hash adds nothing).
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import user_sessions
from bot.geo.countries import iso_codes
from bot.store.models import ApiToken, Team, TeamMember, User, utcnow

_hasher = PasswordHasher()
TOKEN_PREFIX = "sauti_"


class AccountError(ValueError):
    """A request about accounts that cannot be done (unknown team, name taken, ...)."""


@dataclass
class NewUser:
    user: User
    password: str
    token: str


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_password() -> str:
    return secrets.token_urlsafe(12)


async def add_team(
    session: AsyncSession, name: str, countries: list[str], *, default: bool = False
) -> Team:
    name = name.strip().lower()
    if not name:
        raise AccountError("a team needs a name")
    codes = sorted({c.strip().upper() for c in countries if c.strip()})
    bad = [c for c in codes if c not in iso_codes()]
    if bad:
        raise AccountError(
            f"not ISO country codes: {', '.join(bad)} (use e.g. LY,TN). "
            f"Valid codes: {', '.join(sorted(iso_codes()))}"
        )
    team = (await session.execute(select(Team).where(Team.name == name))).scalar_one_or_none()
    if team is None:
        team = Team(name=name, countries=codes, is_default=default)
        session.add(team)
    else:
        team.countries = codes
        team.is_default = team.is_default or default
    if default:
        await session.execute(update(Team).where(Team.name != name).values(is_default=False))
    elif not team.is_default:
        # Cases from countries no team covers must reach someone: with no default team,
        # the first team becomes it.
        others = select(Team.id).where(Team.is_default.is_(True), Team.name != name)
        team.is_default = (await session.execute(others.limit(1))).first() is None
    await session.flush()
    return team


async def covered_countries(session: AsyncSession) -> list[str]:
    """Every country some team covers, once each, sorted."""
    teams = (await session.execute(select(Team))).scalars().all()
    return sorted({cc.upper() for team in teams for cc in team.countries})


async def issue_token(session: AsyncSession, user: User) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=token_hash(token)))  # type: ignore[arg-type]
    await session.flush()
    return token


async def add_user(
    session: AsyncSession,
    name: str,
    teams: list[str],
    *,
    role: str = "caseworker",
    password: str | None = None,
) -> NewUser:
    """Create a user in the given teams, or start an existing one afresh (new password, these
    teams only, her sessions and tokens ended); returns the password and a new token.

    `sauti users add` refuses existing names instead (bot/user_admin.py).
    """
    if role not in ("caseworker", "admin"):
        raise AccountError("role must be caseworker or admin")
    name = name.strip()
    if not name:
        raise AccountError("a user needs a name")
    found = await teams_named(session, teams)
    password = password or new_password()
    user = await find_user(session, name)
    if user is None:
        user = User(name=name, password_hash=hash_password(password), role=role)
        session.add(user)
        await session.flush()
    else:
        user.password_hash, user.role, user.active = hash_password(password), role, True
        await end_access(session, user)
    await set_teams(session, user, found)
    token = await issue_token(session, user)
    return NewUser(user=user, password=password, token=token)


async def find_user(session: AsyncSession, name: str) -> User | None:
    query = select(User).where(User.name == name.strip())
    return (await session.execute(query)).scalar_one_or_none()


async def user_named(session: AsyncSession, name: str) -> User:
    user = await find_user(session, name)
    if user is None:
        raise AccountError(f"no user named {name.strip()} (see `sauti users list`)")
    return user


async def teams_named(session: AsyncSession, names: list[str]) -> list[Team]:
    """The teams of these names, or AccountError naming the unknown ones."""
    wanted = {n.strip().lower() for n in names if n.strip()}
    found = (await session.execute(select(Team).where(Team.name.in_(wanted)))).scalars().all()
    missing = wanted - {t.name for t in found}
    if missing:
        raise AccountError(
            f"unknown team: {', '.join(sorted(missing))} (create it with `sauti teams add`)"
        )
    return sorted(found, key=lambda t: t.name)


async def set_teams(session: AsyncSession, user: User, teams: list[Team]) -> None:
    """Make `teams` her only teams (access is read per request: effective at once)."""
    await session.execute(delete(TeamMember).where(TeamMember.user_id == user.id))
    for team in teams:
        session.add(TeamMember(team_id=team.id, user_id=user.id))  # type: ignore[arg-type]
    await session.flush()


async def revoke_user_tokens(session: AsyncSession, user: User) -> int:
    result = await session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))  # type: ignore[union-attr]
        .values(revoked_at=utcnow())
    )
    return result.rowcount or 0  # type: ignore[attr-defined,no-any-return]


async def end_access(session: AsyncSession, user: User) -> tuple[int, int]:
    """End every inbox session and API token of `user`: (sessions, tokens) ended."""
    ended = await user_sessions.end_all(session, user.id)  # type: ignore[arg-type]
    return ended, await revoke_user_tokens(session, user)


async def user_for_token(session: AsyncSession, token: str) -> User | None:
    row = (
        await session.execute(
            select(ApiToken).where(
                ApiToken.token_hash == token_hash(token), ApiToken.revoked_at.is_(None)
            )
        )
    ).scalar_one_or_none()
    if row is None:
        return None
    user = await session.get(User, row.user_id)
    return user if user is not None and user.active else None


async def login(session: AsyncSession, name: str, password: str) -> User | None:
    user = (await session.execute(select(User).where(User.name == name))).scalar_one_or_none()
    if user is None or not user.active:
        check_password(_dummy_hash(), password)  # same cost whether or not the user exists
        return None
    return user if check_password(user.password_hash, password) else None


async def signed_in_now(session: AsyncSession, user: User) -> None:
    """Note her sign-in (shown to admins as "last sign-in")."""
    await session.execute(update(User).where(User.id == user.id).values(last_login_at=utcnow()))


async def team_names(session: AsyncSession, user: User) -> list[str]:
    rows = await session.execute(
        select(Team.name)
        .join(TeamMember, TeamMember.team_id == Team.id)
        .where(TeamMember.user_id == user.id)
    )
    return sorted(r[0] for r in rows)


@functools.cache
def _dummy_hash() -> str:
    # Made on first use: hashing costs about 0.2 s of CPU, which every start would pay.
    return _hasher.hash("not-a-real-password")
