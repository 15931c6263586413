"""Signed-in sessions in the database: hashed ids, idle and absolute expiry, cheap touches."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.accounts import add_team, add_user
from bot.store.db import Database
from bot.store.models import User, UserSession, utcnow
from bot.user_sessions import IDLE, MAX_AGE, TOUCH_EVERY, end_all, find, live_counts, start


async def amina(db: Database) -> User:
    async with db.session() as s, s.begin():
        await add_team(s, "libya", ["LY"])
        return (await add_user(s, "amina", ["libya"], password="pw")).user


async def found(db: Database, sid: str, user: User, now: object) -> User | None:
    async with db.session() as s, s.begin():
        return await find(s, sid, user.id, now=now)  # type: ignore[arg-type]


async def row(db: Database) -> UserSession:
    async with db.session() as s:
        return (await s.execute(select(UserSession))).scalar_one()


async def test_only_a_hash_of_the_session_id_is_stored(db: Database) -> None:
    user = await amina(db)
    async with db.session() as s, s.begin():
        await start(s, user, "the-raw-session-id")
    stored = await row(db)
    assert "the-raw-session-id" not in stored.id_hash and len(stored.id_hash) == 64
    assert (await found(db, "the-raw-session-id", user, utcnow())) is not None
    assert (await found(db, stored.id_hash, user, utcnow())) is None  # the hash opens nothing


async def test_a_session_ends_after_idling_and_after_the_shift(db: Database) -> None:
    user = await amina(db)
    t0 = utcnow()
    async with db.session() as s, s.begin():
        await start(s, user, "idle", now=t0)
        await start(s, user, "busy", now=t0)
    assert await found(db, "idle", user, t0 + IDLE + timedelta(seconds=1)) is None
    # Busy all day: every request keeps it from idling, but the shift still ends.
    t = t0
    while t < t0 + MAX_AGE - IDLE / 2:
        t += IDLE / 2
        assert await found(db, "busy", user, t) is not None
    assert await found(db, "busy", user, t0 + MAX_AGE + timedelta(seconds=1)) is None


async def test_activity_is_written_at_most_once_a_minute(db: Database) -> None:
    user = await amina(db)
    t0 = utcnow()
    async with db.session() as s, s.begin():
        await start(s, user, "sid", now=t0)
    await found(db, "sid", user, t0 + TOUCH_EVERY / 2)
    assert (await row(db)).last_seen_at == t0
    await found(db, "sid", user, t0 + TOUCH_EVERY)
    stored = await row(db)
    assert stored.last_seen_at == t0 + TOUCH_EVERY
    assert stored.idle_expires_at == t0 + TOUCH_EVERY + IDLE


async def test_the_session_of_another_user_id_or_a_disabled_user_is_refused(db: Database) -> None:
    user = await amina(db)
    async with db.session() as s, s.begin():
        await start(s, user, "sid")
    async with db.session() as s:
        assert await find(s, "sid", user.id + 1) is None  # type: ignore[operator]
    async with db.session() as s, s.begin():
        stored = await s.get(User, user.id)
        assert stored is not None
        stored.active = False
    assert await found(db, "sid", user, utcnow()) is None


async def test_counting_and_ending_every_session_of_a_user(db: Database) -> None:
    user = await amina(db)
    async with db.session() as s, s.begin():
        for n in range(3):
            await start(s, user, f"sid-{n}")
        assert (await live_counts(s))[user.id] == 3  # type: ignore[index]
        assert await end_all(s, user.id) == 3  # type: ignore[arg-type]
        assert (await live_counts(s))[user.id] == 0  # type: ignore[index]


async def test_a_new_sign_in_clears_ended_sessions(db: Database) -> None:
    user = await amina(db)
    t0 = utcnow()
    async with db.session() as s, s.begin():
        await start(s, user, "old", now=t0)
        await start(s, user, "new", now=t0 + MAX_AGE + timedelta(seconds=1))
    async with db.session() as s:
        assert len((await s.execute(select(UserSession))).all()) == 1
