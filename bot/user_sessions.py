"""Signed-in inbox sessions, stored in the database (table `user_session`).

The browser holds the session id (inside the signed cookie, see bot/web/session.py); the
database holds only its SHA-256 hash, the user, and when it ends. Every request looks its
row up (one indexed read), so ending a session — signing out, `sauti users disable`,
`reset-password`, `teams --set`, `logout` — takes effect in every worker and replica at
once, and survives restarts. `last_seen_at` (and with it the idle expiry) is written at
most once a minute per session.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import User, UserSession, utcnow

MAX_AGE = timedelta(hours=12)  # a long shift
IDLE = timedelta(hours=2)
TOUCH_EVERY = timedelta(minutes=1)


def id_hash(sid: str) -> str:
    # The id is 128+ random bits: a fast hash is enough, and a stolen table opens nothing.
    return hashlib.sha256(b"sauti-session|" + sid.encode()).hexdigest()


async def start(
    session: AsyncSession, user: User, sid: str, *, now: datetime | None = None
) -> None:
    """Record a new session of `user` (and forget the sessions that have ended meanwhile)."""
    now = now or utcnow()
    await session.execute(
        delete(UserSession).where(
            or_(UserSession.expires_at <= now, UserSession.idle_expires_at <= now)
        )
    )
    session.add(
        UserSession(
            id_hash=id_hash(sid),
            user_id=user.id,  # type: ignore[arg-type]
            created_at=now,
            last_seen_at=now,
            idle_expires_at=now + IDLE,
            expires_at=now + MAX_AGE,
        )
    )
    await session.flush()


async def find(
    session: AsyncSession, sid: str, user_id: int, *, now: datetime | None = None
) -> User | None:
    """The active user of a live session, or None; records activity at most once a minute."""
    now = now or utcnow()
    row = (
        await session.execute(
            select(User, UserSession.id, UserSession.last_seen_at)
            .join(UserSession, UserSession.user_id == User.id)
            .where(
                UserSession.id_hash == id_hash(sid),
                UserSession.user_id == user_id,
                UserSession.expires_at > now,
                UserSession.idle_expires_at > now,
                User.active.is_(True),  # type: ignore[attr-defined]
            )
        )
    ).one_or_none()
    if row is None:
        return None
    user, row_id, last_seen = row
    if now - last_seen >= TOUCH_EVERY:
        await session.execute(
            update(UserSession)
            .where(UserSession.id == row_id)  # type: ignore[arg-type]
            .values(last_seen_at=now, idle_expires_at=now + IDLE)
        )
    return user  # type: ignore[no-any-return]


async def end(session: AsyncSession, sid: str) -> None:
    await session.execute(delete(UserSession).where(UserSession.id_hash == id_hash(sid)))


async def end_all(session: AsyncSession, user_id: int) -> int:
    """End every session of a user; returns how many were open."""
    result = await session.execute(delete(UserSession).where(UserSession.user_id == user_id))
    return result.rowcount or 0  # type: ignore[attr-defined,no-any-return]


async def live_counts(session: AsyncSession, *, now: datetime | None = None) -> Counter[int]:
    """Open sessions per user id."""
    now = now or utcnow()
    rows = await session.execute(
        select(UserSession.user_id, func.count())
        .where(UserSession.expires_at > now, UserSession.idle_expires_at > now)
        .group_by(UserSession.user_id)
    )
    return Counter(dict(rows.tuples().all()))
