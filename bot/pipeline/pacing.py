"""Pacing shared by every process on PostgreSQL: a token bucket row per key, taken atomically.

Meta's limits hold for a business number (its tier, `SAUTI_BUSINESS_RATE` messages/s) and
for each person (bursts of up to 45, then about one per 6 s), whatever the number of
processes and replicas sending. On PostgreSQL each take is one UPDATE of the rows of its keys
(`PaceBucket`: the business number's and the conversation's), computed from the row as it is
when the row lock is granted, on the database's clock, so concurrent takers never share a
token. SQLite runs one process: the in-memory `bot.pipeline.sending.Pacer` is used there.

A number's bucket holds one token: its sends are spaced 1/rate apart, so no second ever
carries more than the tier. A wait of up to `max_sleep` is a promised slot (the bucket goes
below zero) and the sender sleeps until it; a longer wait (a person past their burst) takes
nothing, and the row is deferred.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from bot.pipeline.sending import Sendable
from bot.store.db import Database
from bot.store.models import PaceBucket

# Under the tier, and a promised slot missed by more than LATE is given up: then no second
# holds more than the tier at tiers of 40/s and up, although a slot is kept on the
# database's clock and its request leaves when the event loop gets to it.
RATE_MARGIN = 0.9
LATE = 0.025

# For each key, refill from the elapsed time (never negative: the clock was read before the
# row lock was granted), then promise the next slot if it is near enough. Each row says when
# its slot is, on the database's clock, and that clock once the row was written.
_AVAILABLE = "LEAST(v.cap, p.tokens + GREATEST(0, n.t - p.stamp) * v.rate)"
_TAKE = text(
    f"""
    UPDATE pace_bucket AS p SET
      tokens = CASE WHEN (1 - {_AVAILABLE}) / v.rate <= :max_sleep
                    THEN {_AVAILABLE} - 1 ELSE {_AVAILABLE} END,
      taken = (1 - {_AVAILABLE}) / v.rate <= :max_sleep,
      slot_at = GREATEST(p.stamp, n.t) + GREATEST(0, (1 - {_AVAILABLE}) / v.rate),
      stamp = GREATEST(p.stamp, n.t)
    FROM (VALUES (CAST(:k1 AS text), CAST(:c1 AS float8), CAST(:r1 AS float8)),
                 (CAST(:k2 AS text), CAST(:c2 AS float8), CAST(:r2 AS float8)))
           AS v(key, cap, rate),
         (SELECT extract(epoch FROM clock_timestamp())::float8 AS t) AS n
    WHERE p.key = v.key
    RETURNING p.key, p.taken, p.slot_at, extract(epoch FROM clock_timestamp())::float8
    """  # noqa: S608 - no input in the f-string, only a fixed expression
)
_NOW = text("SELECT extract(epoch FROM clock_timestamp())::float8")


@dataclass
class SharedPacer:
    db: Database
    contact_burst: int = 45
    contact_rate: float = 1 / 6
    business_rate: float = 80.0
    max_sleep: float = 1.0  # seconds a sender waits for its slot; longer: the row is deferred
    # The database's clock on ours: the smallest (our clock - theirs) seen lately. A sender
    # resumed late (a busy event loop) still goes at its slot, not a full wait after it.
    _offset: float | None = None
    _offset_since: float = 0.0

    async def acquire(self, row: Sendable) -> float:
        """0 when the row may go now (after sleeping for its slot), else seconds to defer."""
        rate = self.business_rate * RATE_MARGIN
        keys = {
            f"b:{row.path}": (1.0, rate),
            f"c:{row.conversation_id}": (float(self.contact_burst), self.contact_rate),
        }
        takes = await self._take(keys)
        missing = {k: v for k, v in keys.items() if k not in takes}
        if missing:  # first use of a key: create its (full) bucket, then take from it
            await self._create(missing)
            takes |= await self._take(missing)
        refused = [slot - time.monotonic() for taken, slot in takes.values() if not taken]
        if refused:  # a slot the other key promised goes unused: capacity lost, never excess
            return max(max(refused), 0.01)
        slot = max(slot for _taken, slot in takes.values())
        if (delay := slot - time.monotonic()) <= 0:
            # The token was there when taken: no later slot was promised on top of it, so a
            # slow round trip does not crowd one. Giving it up made a busy process take
            # again and again (one UPDATE each) and answer a burst 4x slower.
            return 0.0
        await asyncio.sleep(delay)
        if time.monotonic() - slot > LATE:
            # Resumed too late (a busy event loop, a slow database): sent now, it would crowd
            # the next slot. The slot is lost; the row goes again at once.
            return 0.001
        return 0.0

    async def _take(self, keys: dict[str, tuple[float, float]]) -> dict[str, tuple[bool, float]]:
        """Take from each key's bucket: {key: (taken, its slot on our monotonic clock)}."""
        (k1, (c1, r1)), *rest = keys.items()
        k2, (c2, r2) = rest[0] if rest else (k1, (c1, r1))
        params = {"k1": k1, "c1": c1, "r1": r1, "k2": k2, "c2": c2, "r2": r2}
        params["max_sleep"] = self.max_sleep
        offset = await self._clock_offset(time.monotonic())  # before: it takes round trips
        async with self.db.engine.begin() as conn:
            rows = (await conn.execute(_TAKE, params)).all()
        here = time.monotonic()
        for *_row, db_now in rows:
            offset = self._offset = min(offset, here - db_now)
        return {key: (taken, slot_at + offset) for key, taken, slot_at, _now in rows}

    async def _clock_offset(self, here: float) -> float:
        """Our clock minus the database's: the smallest of a few quick readings (the
        quickest answers lagged least), read again every minute as the clocks drift."""
        if self._offset is None or here - self._offset_since > 60:
            readings = []
            async with self.db.engine.connect() as conn:
                for _ in range(3):
                    db_now = (await conn.execute(_NOW)).scalar_one()
                    readings.append(time.monotonic() - db_now)
            self._offset, self._offset_since = min(readings), here
        return self._offset

    async def _create(self, keys: dict[str, tuple[float, float]]) -> None:
        async with self.db.engine.begin() as conn:
            now = (await conn.execute(_NOW)).scalar_one()
            table = PaceBucket.__table__
            values = [
                {"key": key, "tokens": cap, "stamp": now, "taken": False, "slot_at": now}
                for key, (cap, _rate) in sorted(keys.items())
            ]
            await conn.execute(
                postgresql.insert(table)
                .values(values)
                .on_conflict_do_nothing(index_elements=["key"])
            )
