"""Sends what is due in the outbox: at least once, in order per conversation, paced, retried.

A reply is not given up while it can still help the person: a transient failure (server
error, timeout, throughput or rate limit) is retried until the platform's window for it
closes (24 h from the person's last message; 7 days for a Messenger/Instagram caseworker's
reply with the HUMAN_AGENT tag), with backoff doubling from `base_delay` to `max_delay` and
a server's Retry-After as a minimum. While a business number fails, its circuit
(bot.pipeline.circuits) holds its queue and probes; the first success releases everything at once.
A permanent refusal fails at once, with a reason a caseworker can read.

A row is claimed (state=sending) in a short transaction, sent without holding any lock, and
then recorded. A crash after claiming leaves the row in `sending`; the reaper gives it back
after `stale_after`, and only once its own process has been taking webhooks that long: long
enough for a WhatsApp status webhook (which carries our key in biz_opaque_callback_data) to
have recorded it as sent, so a restart does not send it twice.

Claiming and recording run on every message, twice (the reply and the mark-read), so they use
prebuilt Core statements on a bare connection: no ORM session, no unit of work, and the
encrypted body is decrypted once, when claimed, and never read again.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Update, bindparam, exists, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot import metrics
from bot.cases.unreached import clear_reached
from bot.cases.window import HUMAN_AGENT_WINDOW, SERVICE_WINDOW
from bot.channels.errors import RateLimitError, SendError, TransientError, reason
from bot.pipeline import circuits
from bot.pipeline.replies import SIMULATOR_PATH
from bot.pipeline.sending import Deferred
from bot.platform_ids import hashed_id
from bot.store import queue
from bot.store.db import Database, lost_a_race
from bot.store.models import Conversation, Message, Outbox, utcnow

log = logging.getLogger(__name__)

Outcome = str | None | SendError

_OUTBOX = Outbox.__table__
_MESSAGE = Message.__table__
_CONVERSATION = Conversation.__table__
_BUSY = ("pending", "sending")  # rows that hold back the later rows of their conversation


@dataclass(frozen=True, slots=True)
class Claimed:
    """What the sender and the recorder need of a claimed row; a snapshot, not an ORM object."""

    id: int
    conversation_id: int
    message_id: int | None
    idempotency_key: str
    channel: str
    path: str
    body: dict[str, Any]


SendFn = Callable[[Claimed], Awaitable[str | None]]
_CLAIMED = [_OUTBOX.c[f.name] for f in fields(Claimed)]


@dataclass
class OutboxSettings:
    base_delay: float = 1.0  # the first retry's delay; doubles per attempt
    max_delay: float = 30.0  # a row's retries never wait longer (unless Retry-After says so)
    # While a number's circuit is open, probes back off from `base_delay` to this: after an
    # outage of any length its recovery is seen within this many seconds.
    probe_max_delay: float = 10.0
    stale_after: timedelta = timedelta(minutes=2)


def deadline(row: Claimed, last_inbound_at: datetime | None) -> datetime | None:
    """When the platform's window for this row closes (None: no window is known)."""
    if last_inbound_at is None or row.path == SIMULATOR_PATH:
        return None
    tagged = row.channel != "whatsapp" and row.body.get("tag") == "HUMAN_AGENT"
    return last_inbound_at + (HUMAN_AGENT_WINDOW if tagged else SERVICE_WINDOW)


@functools.cache
def _claim_statement(limit: int) -> Any:
    """UPDATE … RETURNING the oldest busy row of each conversation, if it is pending and due.

    NOT EXISTS (an earlier busy row) makes "one row per conversation, its oldest" a property
    of the query, and stops at the first earlier busy row where a COUNT read them all. Due
    rows go oldest-due first, the order of the (state, next_attempt_at) index: SQLite walks
    it and stops after `limit`, and PostgreSQL never walks the primary key through every sent
    row (which it does for ORDER BY id with NOT EXISTS). Order within a conversation is
    untouched: only its oldest row can be claimed. Concurrent claimers take disjoint rows
    (`bot.store.queue`); a row another claimer holds is still pending in our snapshot and
    keeps its conversation's later rows back.
    """
    cand, earlier = _OUTBOX.alias("cand"), _OUTBOX.alias("earlier")
    due = (
        select(cand.c.id)
        .where(
            cand.c.state == "pending",
            cand.c.next_attempt_at <= bindparam("now"),
            ~exists().where(
                earlier.c.conversation_id == cand.c.conversation_id,
                earlier.c.id < cand.c.id,
                earlier.c.state.in_(_BUSY),
            ),
        )
        .order_by(cand.c.next_attempt_at, cand.c.id)
        .limit(limit)
    )
    return queue.claim_sending(_OUTBOX, due, _CLAIMED)


async def claim_due(db: Database, limit: int, now: datetime | None = None) -> list[Claimed]:
    """Claim up to `limit` due rows, at most one per conversation and only its oldest."""
    now = now or utcnow()
    stmt = _claim_statement(limit)
    async with db.engine.begin() as conn:
        rows = (await conn.execute(stmt, {"now": now, "claimed_at": now})).all()
    rows.sort(key=_first)  # RETURNING has no order; the sender goes oldest first
    return [Claimed(*row) for row in rows]


def _first(row: Any) -> Any:
    return row[0]


async def record(
    db: Database,
    row: Claimed,
    outcome: Outcome,
    cfg: OutboxSettings,
    gate: circuits.Circuits | None = None,
) -> None:
    """Store the result of one send attempt."""
    await record_many(db, [(row, outcome)], cfg, gate)


async def record_many(
    db: Database,
    results: list[tuple[Claimed, Outcome]],
    cfg: OutboxSettings,
    gate: circuits.Circuits | None = None,
) -> list[str]:
    """Store the results of several send attempts in one transaction, and open or close
    the circuits of their business numbers (`gate` hears which); returns the numbers'
    paths whose circuit this closed (their held replies are due now)."""
    if not results:
        return []
    for attempt in range(1, 6):
        try:
            return await _record_many(db, results, cfg, gate)
        except DBAPIError as exc:
            # Another transaction (a status webhook for the same rows) locked in the other
            # order. Recording must not be dropped: an unrecorded row would be sent again.
            if not lost_a_race(exc) or attempt == 5:
                raise
            await asyncio.sleep(0.02 * attempt)
    return []  # not reached: the last attempt returns or raises


# What decides each outcome, read fresh. A row no longer `sending` was recorded meanwhile (a
# status webhook was first, or the reaper gave it back) and is left alone. Nothing is locked
# here: the writes take their locks in the order the ORM flush took them (messages, then
# outbox rows), which is also the order of a status webhook's flush.
_LIVE = (
    select(
        _OUTBOX.c.id,
        _OUTBOX.c.attempts,
        _OUTBOX.c.message_id,
        _CONVERSATION.c.status,
        _CONVERSATION.c.last_inbound_at,
    )
    .join_from(
        _OUTBOX, _CONVERSATION, _CONVERSATION.c.id == _OUTBOX.c.conversation_id, isouter=True
    )
    .where(_OUTBOX.c.id.in_(bindparam("ids", expanding=True)), _OUTBOX.c.state == "sending")
)


def _by_id(table: Any, **values: Any) -> Update:
    """An UPDATE of one row by id (`b_id`), run executemany-style with one dict per row."""
    return update(table).where(table.c.id == bindparam("b_id")).values(**values)


def _claimed_by_id(**values: Any) -> Update:
    """An outbox UPDATE that only applies while the row is still `sending`: should a status
    webhook record it between our read and this write, its record stands."""
    return _by_id(_OUTBOX, **values).where(_OUTBOX.c.state == "sending")


_SENT = _claimed_by_id(
    state="sent",
    sent_at=bindparam("b_now"),
    platform_message_id=bindparam("b_platform_id"),
    error=None,
)
_DEFERRED = _claimed_by_id(state="pending", next_attempt_at=bindparam("b_next"))
_HELD = _claimed_by_id(
    state="pending", next_attempt_at=bindparam("b_next"), error=bindparam("b_error")
)
_RETRY = _claimed_by_id(
    state="pending",
    next_attempt_at=bindparam("b_next"),
    attempts=bindparam("b_attempts"),
    error_code=bindparam("b_code"),
    error=bindparam("b_error"),
)
_FAILED = _claimed_by_id(
    state="failed",
    attempts=bindparam("b_attempts"),
    error_code=bindparam("b_code"),
    error=bindparam("b_error"),
)
# The goodbye after an erase: once it went (or never will), forget where it was going.
_FORGET_BODY = _by_id(_OUTBOX, body={})
_MESSAGE_SENT = _by_id(_MESSAGE, state=bindparam("b_state")).where(_MESSAGE.c.state == "queued")
_MESSAGE_FAILED = _by_id(_MESSAGE, state="failed", error=bindparam("b_error"))
# Messages before outbox rows, each in id order, as the ORM flush did (FK parent first).
_ORDER = (
    _MESSAGE_SENT,
    _MESSAGE_FAILED,
    _SENT,
    _DEFERRED,
    _HELD,
    _RETRY,
    _FAILED,
    _FORGET_BODY,
)


@dataclass
class _Live:
    attempts: int
    message_id: int | None
    erased: bool
    deadline: datetime | None = None


@dataclass
class _Batch:
    """The updates a batch of outcomes needs, grouped by statement: one executemany each."""

    now: datetime
    params: dict[Update, list[dict[str, Any]]] = field(default_factory=dict)
    after_commit: list[Callable[[], None]] = field(default_factory=list)  # metrics, logs
    next_probe: dict[str, datetime] = field(default_factory=dict)  # open circuits, by path
    still_open: set[str] = field(default_factory=set)  # paths of held rows, circuit open

    def add(self, stmt: Update, row_id: int, **values: Any) -> None:
        self.params.setdefault(stmt, []).append({"b_id": row_id, **values})

    async def run(self, conn: AsyncConnection) -> None:
        for stmt in _ORDER:
            if params := self.params.get(stmt):
                await conn.execute(stmt, sorted(params, key=_param_id))


def _param_id(params: dict[str, Any]) -> int:
    return params["b_id"]


async def _record_many(
    db: Database,
    results: list[tuple[Claimed, Outcome]],
    cfg: OutboxSettings,
    gate: circuits.Circuits | None,
) -> list[str]:
    batch = _Batch(utcnow())
    async with db.engine.begin() as conn:
        ids = [row.id for row, _ in results]
        live = {
            row_id: _Live(attempts, message_id, status == "erased", last_inbound)
            for row_id, attempts, message_id, status, last_inbound in await conn.execute(
                _LIVE, {"ids": ids}
            )
        }
        rows = {row.id: row for row, _ in results}
        for row_id, state in live.items():
            state.deadline = deadline(rows[row_id], state.deadline)
        mine = [(row, outcome) for row, outcome in results if row.id in live]
        # Circuits first, each path in one order: their rows are the only locks shared by
        # recorders of different rows.
        failing = {row.path: outcome for row, outcome in mine if circuits.trips(outcome)}
        answered = {
            row.path
            for row, outcome in mine
            if not isinstance(outcome, Deferred) and not circuits.trips(outcome)
        }
        answered -= failing.keys()
        if failing:
            batch.next_probe = await circuits.open_circuits(
                conn, failing, batch.now, base=cfg.base_delay, cap=cfg.probe_max_delay
            )  # type: ignore[arg-type]
        closed = await circuits.close_circuits(conn, answered, batch.now)
        # A row held while its number's probe was out, recorded after the probe's success
        # had released the others: nothing would release it now, so it is due at once.
        held = {row.path for row, outcome in mine if isinstance(outcome, circuits.Held)}
        batch.still_open = await circuits.open_paths(conn, held)
        for row, outcome in mine:
            _apply(batch, row, live[row.id], outcome, cfg)
        await batch.run(conn)
        reached = [
            row.conversation_id
            for row, outcome in mine
            if not isinstance(outcome, SendError) and live[row.id].message_id is not None
        ]
        await clear_reached(conn, reached)
    if gate is not None:
        gate.note(failing, closed)
    for path in closed:
        log.info("the platform answers again for %s: its held replies go now", path)
    for done in batch.after_commit:
        done()
    return closed


def _apply(batch: _Batch, row: Claimed, live: _Live, outcome: Outcome, cfg: OutboxSettings) -> None:
    now = batch.now
    if not isinstance(outcome, SendError):
        platform_id = hashed_id(row.channel, outcome) if outcome else None
        batch.add(_SENT, row.id, b_now=now, b_platform_id=platform_id)
        if live.message_id is not None:
            state = "sent" if row.path != SIMULATOR_PATH else "delivered"
            batch.add(_MESSAGE_SENT, live.message_id, b_state=state)
        if live.erased:
            batch.add(_FORGET_BODY, row.id)
        batch.after_commit.append(metrics.sent.labels(row.channel).inc)
        return
    if isinstance(outcome, Deferred):
        if live.deadline is not None and now >= live.deadline:
            _fail(batch, row, live, outcome, live.attempts, _LATE)
            return
        next_at = now + timedelta(seconds=outcome.retry_after or 1.0)
        if isinstance(outcome, circuits.Held):
            if row.path not in batch.still_open:
                next_at = now
            batch.add(_HELD, row.id, b_next=next_at, b_error=str(outcome))
        else:
            batch.add(_DEFERRED, row.id, b_next=next_at)
        return
    attempts = live.attempts + 1
    if isinstance(outcome, TransientError | RateLimitError):
        delay = queue.backoff(attempts, cfg.base_delay, cfg.max_delay, outcome.retry_after)
        next_at = now + timedelta(seconds=delay)
        if row.path in batch.next_probe:  # its number's circuit is open: due at the probe
            next_at = batch.next_probe[row.path]
        status = f"retrying: {reason(outcome)}"
        if getattr(outcome, "maybe_sent", False) and "biz_opaque_callback_data" in row.body:
            # It may have reached WhatsApp: give the status webhook (which echoes our key)
            # time to say so before sending a second copy (a recovery does not release it).
            next_at = max(next_at, now + cfg.stale_after)
            status = f"{circuits.UNCONFIRMED}{reason(outcome)}"
        if live.deadline is None or next_at < live.deadline:
            kind = type(outcome).__name__
            batch.add(
                _RETRY,
                row.id,
                b_next=next_at,
                b_attempts=attempts,
                b_code=outcome.code,
                b_error=status[:300],
            )
            batch.after_commit.append(metrics.retries.labels(kind).inc)
            return
        _fail(batch, row, live, outcome, attempts, f"{_LATE} (last error: {reason(outcome)})")
        return
    _fail(batch, row, live, outcome, attempts, reason(outcome))


_LATE = "not delivered before the platform's window closed"


def _fail(
    batch: _Batch, row: Claimed, live: _Live, outcome: SendError, attempts: int, error: str
) -> None:
    """Failed for good: the reason goes on the row and on its transcript message."""
    error = error[:300]
    batch.add(_FAILED, row.id, b_attempts=attempts, b_code=outcome.code, b_error=error)
    if live.erased:
        batch.add(_FORGET_BODY, row.id)
    if live.message_id is not None:
        batch.add(_MESSAGE_FAILED, live.message_id, b_error=error)
    batch.after_commit.append(metrics.failed.labels(type(outcome).__name__).inc)
    batch.after_commit.append(
        functools.partial(log.warning, "outbox %s failed for good: %s", row.id, error)
    )


async def reap_stale(db: Database, cfg: OutboxSettings, now: datetime | None = None) -> int:
    """Give back rows a dead worker claimed but never recorded."""
    async with db.engine.begin() as conn:
        return await queue.reap(conn, _OUTBOX, now or utcnow(), cfg.stale_after)


async def attempt(row: Claimed, send: SendFn) -> Outcome:
    """Send one row; the outcome (the platform's message id, or the classified error)."""
    try:
        return await send(row)
    except SendError as err:
        return err
    except Exception as exc:  # noqa: BLE001 - unknown failures are retried, never lost
        log.exception("outbox %s: unexpected error", row.id)
        return TransientError(str(type(exc).__name__))


async def send_one(db: Database, row: Claimed, send: SendFn, cfg: OutboxSettings) -> None:
    await record(db, row, await attempt(row, send), cfg)
