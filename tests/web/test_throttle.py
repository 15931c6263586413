"""Sign-in throttling in the database: growing waits per (name, address) and per address."""

from __future__ import annotations

from datetime import timedelta

from bot.store.db import Database
from bot.store.models import LoginThrottle, utcnow
from bot.web import throttle
from bot.web.throttle import ADDRESS, FORGET, PAIR


async def fail(db: Database, name: str, address: str, now: object, times: int = 1) -> float:
    wait = 0.0
    for _ in range(times):
        async with db.session() as s, s.begin():
            wait = await throttle.failed(s, name, address, now=now)  # type: ignore[arg-type]
    return wait


async def retry_after(db: Database, name: str, address: str, now: object) -> float:
    async with db.session() as s, s.begin():
        return await throttle.retry_after(s, name, address, now=now)  # type: ignore[arg-type]


async def test_the_wait_grows_with_each_failure_and_is_capped(db: Database) -> None:
    now = utcnow()
    assert await fail(db, "amina", "198.51.100.7", now, PAIR.free - 1) == 0
    waits = [await fail(db, "amina", "198.51.100.7", now) for _ in range(4)]
    assert waits == [2.0, 4.0, 8.0, 16.0]
    assert await retry_after(db, "Amina ", "198.51.100.7", now) == 16.0  # names compare loosely
    assert await retry_after(db, "amina", "198.51.100.7", now + timedelta(seconds=17)) == 0
    assert await fail(db, "amina", "198.51.100.7", now, 20) == PAIR.cap


async def test_failures_from_one_address_do_not_slow_the_name_elsewhere(db: Database) -> None:
    now = utcnow()
    await fail(db, "amina", "198.51.100.7", now, 10)
    assert await retry_after(db, "amina", "198.51.100.7", now) > 0
    assert await retry_after(db, "amina", "203.0.113.9", now) == 0
    assert await retry_after(db, "omar", "198.51.100.7", now) == 0  # below the address limit


async def test_many_names_from_one_address_slow_that_address(db: Database) -> None:
    now = utcnow()
    for n in range(ADDRESS.free):
        await fail(db, f"nobody-{n}", "198.51.100.7", now)
    assert await retry_after(db, "omar", "198.51.100.7", now) == ADDRESS.base
    assert await retry_after(db, "omar", "203.0.113.9", now) == 0


async def test_success_clears_the_name_not_the_address(db: Database) -> None:
    now = utcnow()
    await fail(db, "amina", "198.51.100.7", now, PAIR.free)
    for n in range(ADDRESS.free):
        await fail(db, f"nobody-{n}", "198.51.100.8", now)
    async with db.session() as s, s.begin():
        await throttle.succeeded(s, "amina", "198.51.100.7")
        await throttle.succeeded(s, "nobody-0", "198.51.100.8")
    assert await retry_after(db, "amina", "198.51.100.7", now) == 0
    assert await retry_after(db, "nobody-0", "198.51.100.8", now) > 0


async def test_old_failures_are_forgotten_and_their_rows_removed(db: Database) -> None:
    then = utcnow() - FORGET - timedelta(minutes=1)
    await fail(db, "amina", "198.51.100.7", then, 10)
    now = utcnow()
    assert await retry_after(db, "amina", "198.51.100.7", now) == 0
    assert await fail(db, "amina", "198.51.100.7", now) == 0  # counting starts over
    async with db.session() as s:
        rows = (await s.exec(LoginThrottle.__table__.select())).all()  # type: ignore[attr-defined,call-overload]
    assert len(rows) == 2  # this failure's pair and address keys; the old ones are gone
    assert all("198" not in row.key and "amina" not in row.key for row in rows)  # hashed
