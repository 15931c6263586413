"""Pacing shared by every process on PostgreSQL: a token bucket row per key, taken atomically.

Meta's limits hold for a business number (its tier, `SAUTI_BUSINESS_RATE` messages/s) and
for each person (bursts of up to 45, then about one per 6 s), whatever the number of
processes and replicas sending. On PostgreSQL the rows of a bucket's keys (`PaceBucket`: the
business number's and the conversation's) are locked, in key order, and taken from in one
statement, computed from each row as it is once its lock is granted, on the database's clock,
so concurrent takers never share a token. SQLite runs one process: the in-memory
`bot.pipeline.sending.Pacer` is used there.

The sends that ask together (those of one claim) share that statement: a number's tokens for
all of them, and each person's, in one round trip (one UPDATE per send cost a round trip each).

A number's bucket holds one token: its sends are spaced 1/rate apart, so no second ever
carries more than the tier. A wait of up to `max_sleep` is a promised slot (the bucket goes
below zero) and the sender sleeps until it; a longer wait (a person past their burst) takes
nothing, and the row is deferred.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import text

from bot.pipeline.sending import Sendable
from bot.store.db import Database
from bot.store.group_commit import GroupCommit

# Under the tier, and a promised slot missed by more than LATE is given up: then no second
# holds more than the tier at tiers of 40/s and up, although a slot is kept on the
# database's clock and its request leaves when the event loop gets to it.
RATE_MARGIN = 0.9
LATE = 0.025

# Each key asks for `n` tokens. A key never used gets its bucket now, full, with its tokens
# already taken. An existing key's row is locked first (in key order: takers of several keys
# never deadlock), then refilled from the elapsed time (never negative: the clock may have
# been read before the lock was granted) and `k` tokens are taken: as many of the n as fall
# due within :max_sleep. Token j (1-based) is due at stamp + max(0, (j - avail) / rate).
# (A key created by another taker after this statement began is neither created nor taken
# here: the caller takes it again.)
_TAKE = text(
    """
    WITH v AS (
      SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:ns AS int[]),
                           CAST(:caps AS float8[]), CAST(:rates AS float8[]))
             AS v(key, n, cap, rate)
    ),
    clock AS (SELECT extract(epoch FROM clock_timestamp())::float8 AS t),
    fresh AS (
      SELECT v.key, v.rate, v.cap AS avail, clock.t AS stamp,
             LEAST(v.n, GREATEST(0, floor(v.cap + :max_sleep * v.rate)))::int AS k
      FROM v CROSS JOIN clock
    ),
    created AS (
      INSERT INTO pace_bucket (key, tokens, stamp, taken, slot_at)
      SELECT key, avail - k, stamp, k > 0, stamp + GREATEST(0, (1 - avail) / rate)
      FROM fresh ORDER BY key
      ON CONFLICT (key) DO NOTHING
      RETURNING key
    ),
    locked AS (
      SELECT p.key, p.tokens, p.stamp FROM pace_bucket AS p
      WHERE p.key = ANY(CAST(:keys AS text[])) ORDER BY p.key FOR UPDATE
    ),
    took AS (
      SELECT l.key, v.rate, GREATEST(l.stamp, clock.t) AS stamp, r.avail,
             LEAST(v.n, GREATEST(0, floor(r.avail + :max_sleep * v.rate)))::int AS k
      FROM locked AS l JOIN v ON v.key = l.key CROSS JOIN clock,
           LATERAL (SELECT LEAST(v.cap, l.tokens + GREATEST(0, clock.t - l.stamp) * v.rate)
                    AS avail) AS r
    ),
    updated AS (
      UPDATE pace_bucket AS p SET
        tokens = took.avail - took.k,
        stamp = took.stamp,
        taken = took.k > 0,
        slot_at = took.stamp + GREATEST(0, (1 - took.avail) / took.rate)
      FROM took
      WHERE p.key = took.key
      RETURNING p.key, took.k, took.avail, took.stamp, took.rate
    )
    SELECT *, extract(epoch FROM clock_timestamp())::float8 FROM updated
    UNION ALL
    SELECT f.key, f.k, f.avail, f.stamp, f.rate, extract(epoch FROM clock_timestamp())::float8
    FROM fresh AS f JOIN created AS c ON c.key = f.key
    """
)
_NOW = text("SELECT extract(epoch FROM clock_timestamp())::float8")


@dataclass(frozen=True, slots=True)
class _Taken:
    """One key's share of a take: `k` tokens, the j-th due at stamp + max(0, (j-avail)/rate)
    on our monotonic clock."""

    k: int
    avail: float
    stamp: float
    rate: float

    def due(self, j: int) -> float:
        return self.stamp + max(0.0, (j - self.avail) / self.rate)


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
    _takes: GroupCommit[Sendable] = field(init=False)

    def __post_init__(self) -> None:
        self._takes = GroupCommit(self._slots, max_batch=256)

    async def acquire(self, row: Sendable) -> float:
        """0 when the row may go now (after sleeping for its slot), else seconds to defer."""
        # Everything that asks while a take runs goes in the next one.
        taken, at = await self._takes.submit(row)
        if not taken:  # a slot the other key promised goes unused: capacity lost, never excess
            return max(at - time.monotonic(), 0.01)
        if (delay := at - time.monotonic()) <= 0:
            # The token was there when taken: no later slot was promised on top of it, so a
            # slow round trip does not crowd one. Giving it up made a busy process take
            # again and again (one UPDATE each) and answer a burst 4x slower.
            return 0.0
        await asyncio.sleep(delay)
        if time.monotonic() - at > LATE:
            # Resumed too late (a busy event loop, a slow database): sent now, it would crowd
            # the next slot. The slot is lost; the row goes again at once.
            return 0.001
        return 0.0

    def _keys(self, row: Sendable) -> tuple[str, str]:
        return f"b:{row.path}", f"c:{row.conversation_id}"

    async def _slots(self, rows: list[Sendable]) -> list[tuple[bool, float]]:
        """For each row, in order: (True, when it may go) or (False, when to try again)."""
        rate = self.business_rate * RATE_MARGIN
        wanted = Counter(key for row in rows for key in self._keys(row))
        contact = (float(self.contact_burst), self.contact_rate)
        shape = {key: (1.0, rate) if key.startswith("b:") else contact for key in wanted}
        takes = await self._take(wanted, shape)
        if missing := [key for key in wanted if key not in takes]:
            # Created by another taker while ours ran: there now, taken from now.
            takes |= await self._take({key: wanted[key] for key in missing}, shape)
        # Tokens go to the rows in the order they asked: the j-th row of a key gets its j-th.
        turn: Counter[str] = Counter()
        slots = []
        for row in rows:
            dues, refused = [], []
            for key in self._keys(row):
                turn[key] += 1
                share = takes[key]
                (dues if turn[key] <= share.k else refused).append(share.due(turn[key]))
            slots.append((False, max(refused)) if refused else (True, max(dues)))
        return slots

    async def _take(
        self, wanted: Counter[str] | dict[str, int], shape: dict[str, tuple[float, float]]
    ) -> dict[str, _Taken]:
        """Take `wanted[key]` tokens (or fewer) from each existing key's bucket."""
        keys = sorted(wanted)
        params = {
            "keys": keys,
            "ns": [wanted[key] for key in keys],
            "caps": [shape[key][0] for key in keys],
            "rates": [shape[key][1] for key in keys],
            "max_sleep": self.max_sleep,
        }
        offset = await self._clock_offset(time.monotonic())  # before: it takes round trips
        async with self.db.engine.begin() as conn:
            rows = (await conn.execute(_TAKE, params)).all()
        here = time.monotonic()
        for *_row, db_now in rows:
            offset = self._offset = min(offset, here - db_now)
        return {
            key: _Taken(k, avail, stamp + offset, key_rate)
            for key, k, avail, stamp, key_rate, _now in rows
        }

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
