"""Sends what is due in the outbox: at least once, in order per conversation, paced, retried.

A row is claimed (state=sending) in a short transaction, sent without holding any lock, and
then recorded. A crash after claiming leaves the row in `sending`; the reaper gives it back
after `stale_after`, long enough for a WhatsApp status webhook (which carries our key in
biz_opaque_callback_data) to have recorded it as sent, so a restart does not send it twice.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import aliased

from bot import metrics
from bot.channels.errors import (
    PermanentError,
    RateLimitError,
    SendError,
    TransientError,
    WindowClosedError,
)
from bot.delivery import SIMULATOR_PATH
from bot.platform_ids import hashed_id
from bot.sending import Deferred
from bot.store.db import Database, lost_a_race
from bot.store.models import Conversation, Message, Outbox, utcnow

log = logging.getLogger(__name__)

SendFn = Callable[[Outbox], Awaitable[str | None]]


@dataclass
class OutboxSettings:
    max_attempts: int = 8
    base_delay: float = 1.0
    max_delay: float = 300.0
    stale_after: timedelta = timedelta(minutes=2)


def backoff(attempt: int, base: float, cap: float, retry_after: float | None = None) -> float:
    """Exponential backoff with full jitter; honours a server's retry-after when given."""
    if retry_after:
        return retry_after
    return random.uniform(0, min(cap, base * (4 ** (attempt - 1))))  # noqa: S311


async def claim_due(db: Database, limit: int, now: datetime | None = None) -> list[Outbox]:
    """Claim up to `limit` due rows, at most one per conversation and only its oldest."""
    now = now or utcnow()
    earlier = aliased(Outbox)
    blocked = (
        select(func.count())
        .select_from(earlier)
        .where(
            and_(
                earlier.conversation_id == Outbox.conversation_id,
                earlier.id < Outbox.id,
                earlier.state.in_(("pending", "sending")),
            )
        )
        .correlate(Outbox)
        .scalar_subquery()
    )
    query = (
        select(Outbox)
        .where(Outbox.state == "pending", Outbox.next_attempt_at <= now, blocked == 0)
        .order_by(Outbox.id)
        .limit(limit)
    )
    if not db.is_sqlite:
        query = query.with_for_update(skip_locked=True, of=Outbox)
    async with db.session() as session, session.begin():
        rows = list((await session.execute(query)).scalars().all())
        seen: set[int] = set()
        claimed = []
        for row in rows:
            if row.conversation_id in seen:
                continue
            seen.add(row.conversation_id)
            row.state, row.claimed_at = "sending", now
            claimed.append(row)
        return claimed


async def record(
    db: Database, row: Outbox, outcome: str | None | SendError, cfg: OutboxSettings
) -> None:
    """Store the result of one send attempt."""
    await record_many(db, [(row, outcome)], cfg)


async def record_many(
    db: Database, results: list[tuple[Outbox, str | None | SendError]], cfg: OutboxSettings
) -> None:
    """Store the results of several send attempts in one transaction (one read for all)."""
    if not results:
        return
    for attempt in range(1, 6):
        try:
            return await _record_many(db, results, cfg)
        except DBAPIError as exc:
            # Another transaction (a status webhook for the same rows) locked in the other
            # order. Recording must not be dropped: an unrecorded row would be sent again.
            if not lost_a_race(exc) or attempt == 5:
                raise
            await asyncio.sleep(0.02 * attempt)


async def _record_many(
    db: Database, results: list[tuple[Outbox, str | None | SendError]], cfg: OutboxSettings
) -> None:
    now = utcnow()
    async with db.session() as session, session.begin():
        loaded = await session.execute(
            select(Outbox, Message, Conversation.status)
            .outerjoin(Message, Message.id == Outbox.message_id)
            .outerjoin(Conversation, Conversation.id == Outbox.conversation_id)
            .where(Outbox.id.in_([row.id for row, _ in results]))
        )
        found = {fresh.id: (fresh, msg, status) for fresh, msg, status in loaded.all()}
        for row, outcome in results:
            if row.id in found:
                fresh, msg, status = found[row.id]
                _apply(fresh, msg, status == "erased", outcome, cfg, now)


def _apply(
    fresh: Outbox,
    msg: Message | None,
    erased: bool,
    outcome: str | None | SendError,
    cfg: OutboxSettings,
    now: datetime,
) -> None:
    if fresh.state != "sending":
        return  # already recorded by a status webhook (or given back meanwhile)
    if not isinstance(outcome, SendError):
        fresh.state, fresh.sent_at = "sent", now
        fresh.platform_message_id = hashed_id(fresh.channel, outcome) if outcome else None
        fresh.error = None
        if msg is not None and msg.state == "queued":
            msg.state = "sent" if fresh.path != SIMULATOR_PATH else "delivered"
        metrics.sent.labels(fresh.channel).inc()
        if erased:
            fresh.body = {}  # the goodbye after an erase: forget where it went
        return
    if isinstance(outcome, Deferred):
        fresh.state = "pending"
        fresh.next_attempt_at = now + timedelta(seconds=outcome.retry_after or 1.0)
        return
    fresh.attempts += 1
    fresh.error_code = outcome.code
    retryable = isinstance(outcome, TransientError | RateLimitError)
    if retryable and fresh.attempts < cfg.max_attempts:
        delay = backoff(fresh.attempts, cfg.base_delay, cfg.max_delay, outcome.retry_after)
        if getattr(outcome, "maybe_sent", False) and "biz_opaque_callback_data" in fresh.body:
            # It may have reached WhatsApp: give the status webhook (which echoes our key)
            # time to say so before sending a second copy.
            delay = max(delay, cfg.stale_after.total_seconds())
        fresh.state = "pending"
        fresh.next_attempt_at = now + timedelta(seconds=delay)
        fresh.error = f"retrying: {type(outcome).__name__}"
        metrics.retries.labels(type(outcome).__name__).inc()
        return
    fresh.state = "failed"
    fresh.error = _reason(outcome)
    if erased:
        fresh.body = {}  # a goodbye that could not be sent: forget where it was going
    metrics.failed.labels(type(outcome).__name__).inc()
    if msg is not None:
        msg.state, msg.error = "failed", fresh.error
    log.warning("outbox %s failed for good: %s (code %s)", fresh.id, fresh.error, outcome.code)


def _reason(err: SendError) -> str:
    if isinstance(err, WindowClosedError):
        return "window closed: the person has not written within the platform's window"
    if isinstance(err, PermanentError):
        return f"refused by the platform (code {err.code})"
    return f"gave up after retries (code {err.code})"


async def reap_stale(db: Database, cfg: OutboxSettings, now: datetime | None = None) -> int:
    """Give back rows a dead worker claimed but never recorded."""
    now = now or utcnow()
    async with db.session() as session, session.begin():
        result = await session.execute(
            update(Outbox)
            .where(Outbox.state == "sending", Outbox.claimed_at < now - cfg.stale_after)
            .values(state="pending", next_attempt_at=now)
        )
        return result.rowcount or 0


async def attempt(row: Outbox, send: SendFn) -> str | None | SendError:
    """Send one row; the outcome (the platform's message id, or the classified error)."""
    try:
        return await send(row)
    except SendError as err:
        return err
    except Exception as exc:  # noqa: BLE001 - unknown failures are retried, never lost
        log.exception("outbox %s: unexpected error", row.id)
        return TransientError(str(type(exc).__name__))


async def send_one(db: Database, row: Outbox, send: SendFn, cfg: OutboxSettings) -> None:
    await record(db, row, await attempt(row, send), cfg)


async def drain(db: Database, send: SendFn, cfg: OutboxSettings, *, concurrency: int = 16) -> int:
    """Send everything due now (claiming in rounds); returns how many rows were attempted."""
    total = 0
    sem = asyncio.Semaphore(concurrency)

    async def guarded(row: Outbox) -> None:
        async with sem:
            await send_one(db, row, send, cfg)

    while True:
        rows = await claim_due(db, limit=concurrency * 4)
        if not rows:
            return total
        total += len(rows)
        await asyncio.gather(*(guarded(r) for r in rows))


def ensure_aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
