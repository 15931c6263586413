"""Sign-in throttling: growing waits per (name, address) and per address, in the database.

No hard lock that a stranger can impose: failures for a name from one address never slow
down the same name from another address. After a few free failures each further one doubles
the wait for its key, up to `cap`; a key with no failure for `forget` starts over. A correct
password clears the (name, address) key, not the address key (one account of her own must
not buy an attacker more guesses at the others).

The counts are rows of `login_throttle`, so every worker and replica shares them (a limit
per process would give N processes N times the guesses). Keys are keyed hashes: the table
holds no names and no addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.crypto import lookup_hash
from bot.store.models import LoginThrottle, utcnow


@dataclass(frozen=True)
class Policy:
    free: int  # failures before any wait
    base: float  # seconds of the first wait
    cap: float  # the longest wait

    def wait(self, failures: int) -> float:
        if failures < self.free:
            return 0.0
        return float(min(self.cap, self.base * 2 ** min(failures - self.free, 32)))


PAIR = Policy(free=3, base=2.0, cap=15 * 60)  # one name from one address
ADDRESS = Policy(free=30, base=2.0, cap=15 * 60)  # any names from one address
FORGET = timedelta(hours=24)


def _name(name: str) -> str:
    return name.strip().casefold()


def pair_key(name: str, address: str) -> str:
    return lookup_hash(f"login-pair|{_name(name)}|{address}")


def address_key(address: str) -> str:
    return lookup_hash(f"login-address|{address}")


async def retry_after(
    session: AsyncSession, name: str, address: str, *, now: datetime | None = None
) -> float:
    """Seconds before this name may try again from this address; 0 when it may now."""
    now = now or utcnow()
    latest = (
        await session.execute(
            select(LoginThrottle.wait_until).where(
                LoginThrottle.key.in_([pair_key(name, address), address_key(address)]),  # type: ignore[attr-defined]
                LoginThrottle.last_failure_at > now - FORGET,
                LoginThrottle.wait_until > now,
            )
        )
    ).scalars()
    return max(((until - now).total_seconds() for until in latest), default=0.0)


async def failed(
    session: AsyncSession, name: str, address: str, *, now: datetime | None = None
) -> float:
    """Count a failure; returns the wait it now imposes on this name from this address."""
    now = now or utcnow()
    await session.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - FORGET))
    waits = [
        await _count(session, pair_key(name, address), PAIR, now),
        await _count(session, address_key(address), ADDRESS, now),
    ]
    return max(waits)


async def succeeded(session: AsyncSession, name: str, address: str) -> None:
    await session.execute(delete(LoginThrottle).where(LoginThrottle.key == pair_key(name, address)))


async def _count(session: AsyncSession, key: str, policy: Policy, now: datetime) -> float:
    # One atomic upsert, so concurrent failures in several processes all count.
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = LoginThrottle.__table__  # type: ignore[attr-defined]
    statement = insert(table).values(key=key, failures=1, last_failure_at=now, wait_until=now)
    statement = statement.on_conflict_do_update(
        index_elements=["key"],
        set_={
            "failures": case(
                (table.c.last_failure_at < now - FORGET, 1), else_=table.c.failures + 1
            ),
            "last_failure_at": now,
        },
    ).returning(table.c.failures)
    failures = (await session.execute(statement)).scalar_one()
    wait = policy.wait(failures)
    if wait:
        await session.execute(
            update(LoginThrottle)
            .where(LoginThrottle.key == key)
            .values(wait_until=now + timedelta(seconds=wait))
        )
    return wait
