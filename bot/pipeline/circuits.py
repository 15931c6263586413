"""A circuit per business number: while its sends fail transiently, hold its queue and probe.

When a send to a business number (its Graph send path: a WhatsApp phone_number_id, or a
Page's `me/messages`) fails with a server error, a timeout or a throughput limit, the circuit
opens: the replies waiting for that number are held (not sent, no attempt counted), and one
request at a time probes the platform, 1 s after the failure and then doubling to
`probe_max_delay` (a `Retry-After` is a minimum). The first answer that is not such a failure
closes the circuit and makes every held reply due at once, so a backlog goes out within
seconds of the platform's recovery, whatever the outage's length, paced as usual.

The state is a row per number in the database (`SendCircuit`), read and written in the same
transactions as the outbox rows: every process and replica sees one circuit, and one probe
(taken with an atomic UPDATE) is on the wire at a time across all of them. Each process keeps
only a cache of the numbers it knows to be open, so a number that works costs nothing extra.

`circuit_states(db)` lists every number's circuit, for `sauti status` and `/metrics`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.channels.errors import RateLimitError, SendError, TransientError, reason
from bot.pipeline.sending import Deferred
from bot.store import queue
from bot.store.db import Database
from bot.store.insert_if_absent import insert_if_absent
from bot.store.models import Outbox, SendCircuit, utcnow

_CIRCUIT = SendCircuit.__table__
_OUTBOX = Outbox.__table__
# A row that hit the pair rate limit waits for its own backoff, not for its number's recovery.
_OWN_BACKOFF_CODES = (131056,)
# The error of a row whose request may have been delivered (a timeout after sending): it
# waits for the status webhook that would say so, and a recovery must not send it again.
UNCONFIRMED = "unconfirmed: "


class Held(Deferred):
    """Not sent: its business number's circuit is open and another request is probing it."""


@dataclass(frozen=True, slots=True)
class CircuitState:
    path: str
    state: str  # closed | open
    failures: int
    opened_at: datetime | None
    next_probe_at: datetime | None
    last_error: str | None


def trips(outcome: object) -> bool:
    """Whether this outcome says the number (not one person) cannot be sent to right now."""
    if isinstance(outcome, Deferred) or not isinstance(outcome, TransientError | RateLimitError):
        return False
    return not outcome.per_contact


def probe_delay(failures: int, base: float, cap: float, retry_after: float | None) -> float:
    """The queue's backoff, with little jitter: a probe is one request per number, and its
    recovery should be seen soon."""
    return queue.backoff(failures, base, cap, retry_after, jitter=0.2)


async def circuit_states(db: Database) -> list[CircuitState]:
    """Every business number's circuit (closed ones included), by path."""
    async with db.engine.connect() as conn:
        rows = await conn.execute(select(_CIRCUIT).order_by(_CIRCUIT.c.path))
        return [
            CircuitState(r.path, r.state, r.failures, r.opened_at, r.next_probe_at, r.last_error)
            for r in rows
        ]


async def open_circuits(
    conn: AsyncConnection,
    failures: dict[str, SendError],
    now: datetime,
    *,
    base: float,
    cap: float,
) -> dict[str, datetime]:
    """Open (or keep open) the circuit of each path whose send failed; its next probe time.

    Only the first failure and a failed probe move the next probe further away: replies that
    were on the wire when the circuit opened fail too, and must not stretch the backoff."""
    next_probe: dict[str, datetime] = {}
    for path in sorted(failures):  # one lock order for every process
        err = failures[path]
        await conn.execute(
            insert_if_absent(conn, _CIRCUIT, "path").values(
                path=path, state="closed", failures=0, updated_at=now
            )
        )
        query = select(_CIRCUIT).where(_CIRCUIT.c.path == path).with_for_update()
        row = (await conn.execute(query)).one()
        counted = row.state == "closed" or row.probe_until is not None
        if counted:
            count = 1 if row.state == "closed" else row.failures + 1
            when = now + timedelta(seconds=probe_delay(count, base, cap, err.retry_after))
        else:
            count, when = row.failures, row.next_probe_at or now
        await conn.execute(
            update(_CIRCUIT)
            .where(_CIRCUIT.c.path == path)
            .values(
                state="open",
                failures=count,
                opened_at=row.opened_at if row.state == "open" else now,
                next_probe_at=when,
                probe_until=None if counted else row.probe_until,
                last_error=reason(err)[:300],
                updated_at=now,
            )
        )
        next_probe[path] = when
    return next_probe


_CLOSE = (
    update(_CIRCUIT)
    .where(_CIRCUIT.c.path.in_(bindparam("paths", expanding=True)), _CIRCUIT.c.state == "open")
    .values(
        state="closed",
        failures=0,
        opened_at=None,
        next_probe_at=None,
        probe_until=None,
        updated_at=bindparam("now"),
    )
    .returning(_CIRCUIT.c.path)
)
# Everything held for a number that answers again is due now. Rows keep their order: only a
# conversation's oldest row is ever claimed.
_RELEASE = (
    update(_OUTBOX)
    .where(
        _OUTBOX.c.path.in_(bindparam("paths", expanding=True)),
        _OUTBOX.c.state == "pending",
        _OUTBOX.c.next_attempt_at > bindparam("now"),
        or_(_OUTBOX.c.error_code.is_(None), _OUTBOX.c.error_code.not_in(_OWN_BACKOFF_CODES)),
        or_(_OUTBOX.c.error.is_(None), ~_OUTBOX.c.error.startswith(UNCONFIRMED)),
    )
    .values(next_attempt_at=bindparam("now"))
)


async def close_circuits(conn: AsyncConnection, paths: Iterable[str], now: datetime) -> list[str]:
    """Close the open circuits among `paths` (the platform answered) and release what they
    held; returns the paths that were open."""
    wanted = sorted(set(paths))
    if not wanted:
        return []
    closed = [row[0] for row in await conn.execute(_CLOSE, {"paths": wanted, "now": now})]
    if closed:
        await conn.execute(_RELEASE, {"paths": closed, "now": now})
    return closed


async def open_paths(conn: AsyncConnection, paths: Iterable[str]) -> set[str]:
    """Which of `paths` have their circuit open now."""
    wanted = sorted(set(paths))
    if not wanted:
        return set()
    query = select(_CIRCUIT.c.path).where(_CIRCUIT.c.path.in_(wanted), _CIRCUIT.c.state == "open")
    return set((await conn.execute(query)).scalars())


class Circuits:
    """This process's view: which numbers it knows to be open, and the gate before a send."""

    def __init__(self, db: Database, *, hold: float = 60.0, probe_lease: float = 30.0) -> None:
        self.db = db
        self.hold = hold  # seconds a held row waits, unless its number recovers first
        self.probe_lease = probe_lease  # a probe not recorded by then is presumed lost
        self._open: set[str] = set()

    def note(self, opened: Iterable[str], closed: Iterable[str]) -> None:
        self._open.update(opened)
        self._open.difference_update(closed)

    def known_open(self) -> frozenset[str]:
        return frozenset(self._open)

    async def admit(self, path: str, now: datetime | None = None) -> Held | None:
        """None when a row for `path` may be sent now (the circuit is closed, or this row is
        the probe); else why it is held and for how long."""
        if path not in self._open:
            return None
        now = now or utcnow()
        async with self.db.engine.begin() as conn:
            probe = await conn.execute(
                update(_CIRCUIT)
                .where(
                    _CIRCUIT.c.path == path,
                    _CIRCUIT.c.state == "open",
                    or_(_CIRCUIT.c.next_probe_at.is_(None), _CIRCUIT.c.next_probe_at <= now),
                    or_(_CIRCUIT.c.probe_until.is_(None), _CIRCUIT.c.probe_until < now),
                )
                .values(probe_until=now + timedelta(seconds=self.probe_lease))
                .returning(_CIRCUIT.c.path)
            )
            if probe.first() is not None:
                return None
            row = (
                await conn.execute(
                    select(_CIRCUIT.c.state, _CIRCUIT.c.last_error).where(_CIRCUIT.c.path == path)
                )
            ).first()
        if row is None or row.state != "open":
            self._open.discard(path)
            return None
        held = Held(f"held: {row.last_error or 'the platform is not answering'}"[:300])
        held.retry_after = self.hold
        return held
