"""What an admin does to caseworker accounts (`sauti users ...`), each step in the audit log.

Taking access away is whole and immediate: sessions live in the database and tokens are
checked on every request, so every worker and replica refuses her at the next request.
The audit rows name the account and what changed, never a password or a token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import user_sessions
from bot.accounts import (
    AccountError,
    NewUser,
    add_user,
    end_access,
    find_user,
    hash_password,
    issue_token,
    new_password,
    revoke_user_tokens,
    set_teams,
    team_names,
    teams_named,
    user_named,
)
from bot.cases.audit import record
from bot.store.models import ApiToken, User

ACTOR = "cli"
CHANGE_HINT = (
    "use `sauti users reset-password`, `users teams NAME --set ...`, `users token`, "
    "`users enable` or `users disable`"
)


@dataclass
class Ended:
    sessions: int
    tokens: int


@dataclass
class Account:
    name: str
    role: str
    active: bool
    teams: list[str]
    sessions: int
    tokens: int
    last_login_at: datetime | None = None


def _audit(
    session: AsyncSession, action: str, user: User, by: User | None, **detail: object
) -> None:
    """`by`: the admin who did it in the inbox; None for the command line."""
    actor = by.name if by is not None else ACTOR
    record(session, by, action, None, actor=actor, account=user.name, **detail)


async def add(
    session: AsyncSession, name: str, teams: list[str], *, role: str, by: User | None = None
) -> NewUser:
    """A new caseworker; an existing name is refused (adding must never reset someone)."""
    if await find_user(session, name) is not None:
        raise AccountError(
            f"a user named {name.strip()} already exists; to change her, {CHANGE_HINT}"
        )
    new = await add_user(session, name, teams, role=role)
    _audit(session, "user_add", new.user, by, role=role, teams=await team_names(session, new.user))
    return new


async def disable(session: AsyncSession, name: str, *, by: User | None = None) -> Ended:
    """No more sign-in, sessions or tokens, anywhere."""
    user = await user_named(session, name)
    user.active = False
    ended = Ended(*await end_access(session, user))
    _audit(session, "user_disable", user, by, sessions=ended.sessions, tokens=ended.tokens)
    return ended


async def enable(session: AsyncSession, name: str, *, by: User | None = None) -> User:
    """She may sign in again with her password (old tokens stay revoked)."""
    user = await user_named(session, name)
    user.active = True
    _audit(session, "user_enable", user, by)
    return user


async def reset_password(
    session: AsyncSession, name: str, *, by: User | None = None
) -> tuple[str, Ended]:
    user = await user_named(session, name)
    password = new_password()
    user.password_hash = hash_password(password)
    ended = Ended(*await end_access(session, user))
    _audit(session, "user_reset_password", user, by, sessions=ended.sessions, tokens=ended.tokens)
    return password, ended


async def replace_teams(
    session: AsyncSession, name: str, teams: list[str], *, by: User | None = None
) -> list[str]:
    """Her teams become exactly `teams`; the inbox and the API follow at the next request."""
    user = await user_named(session, name)
    before = await team_names(session, user)
    await set_teams(session, user, await teams_named(session, teams))
    after = await team_names(session, user)
    _audit(session, "user_teams", user, by, before=before, after=after)
    return after


async def new_token(
    session: AsyncSession, name: str, *, revoke_all: bool = False, by: User | None = None
) -> tuple[str, int]:
    """A new API token, after revoking the others when asked: (token, tokens revoked)."""
    user = await user_named(session, name)
    if not user.active:
        raise AccountError(f"{user.name} is disabled; `sauti users enable {user.name}` first")
    revoked = await revoke_user_tokens(session, user) if revoke_all else 0
    token = await issue_token(session, user)
    _audit(session, "user_token", user, by, revoked=revoked)
    return token, revoked


async def revoke_tokens(session: AsyncSession, name: str, *, by: User | None = None) -> int:
    """Revoke every API token of hers (her inbox sessions stay)."""
    user = await user_named(session, name)
    revoked = await revoke_user_tokens(session, user)
    _audit(session, "user_revoke_tokens", user, by, revoked=revoked)
    return revoked


async def logout(session: AsyncSession, name: str, *, by: User | None = None) -> int:
    user = await user_named(session, name)
    ended = await user_sessions.end_all(session, user.id)  # type: ignore[arg-type]
    _audit(session, "user_logout", user, by, sessions=ended)
    return ended


async def accounts(session: AsyncSession, *, by: User | None = None) -> list[Account]:
    """Every account with what opens the inbox to her (counts only, never a secret)."""
    users = (await session.execute(select(User).order_by(User.name))).scalars().all()
    live = await user_sessions.live_counts(session)
    tokens = dict(
        (
            await session.execute(
                select(ApiToken.user_id, func.count())
                .where(ApiToken.revoked_at.is_(None))  # type: ignore[union-attr]
                .group_by(ApiToken.user_id)
            )
        )
        .tuples()
        .all()
    )
    found = [
        Account(
            name=user.name,
            role=user.role,
            active=user.active,
            teams=await team_names(session, user),
            sessions=live[user.id],  # type: ignore[index]
            tokens=tokens.get(user.id, 0),
            last_login_at=user.last_login_at,
        )
        for user in users
    ]
    record(session, by, "user_list", None, actor=by.name if by is not None else ACTOR)
    return found
