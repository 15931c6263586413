"""How the pipeline is doing, read from the database: what `/metrics` exports and
`sauti status` prints.

Every figure is a few indexed aggregates, so any process (or the CLI) can read them for
the whole installation, whichever process is behind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from bot import metrics
from bot.pipeline.circuits import circuit_states
from bot.pipeline.ingest import reason_of
from bot.store.db import Database
from bot.store.models import Message, Outbox, WebhookEvent, utcnow

# Outbox rows still to send: waiting for their turn, a retry, or an answer to the request.
UNSENT = ("pending", "sending")


@dataclass
class Health:
    oldest_pending_webhook: float | None = None  # seconds since received; None: none pending
    oldest_pending_message: float | None = None  # seconds since stored, not yet applied
    oldest_due_reply: float | None = None  # seconds since queued, not yet sent
    pending_webhooks: int = 0
    set_aside: dict[str, int] = field(default_factory=dict)  # webhooks by reason
    waiting: dict[str, int] = field(default_factory=dict)  # unsent outbox rows by channel
    # Business numbers whose sends are held while the Graph API fails for them: Graph path
    # ("<phone_number_id>/messages", "me/messages") -> (seconds held, last error).
    held_numbers: dict[str, tuple[float | None, str | None]] = field(default_factory=dict)


def _age(now: datetime, then: datetime | None) -> float | None:
    if then is None:
        return None
    return max(0.0, (now - then).total_seconds())


async def read(db: Database, now: datetime | None = None) -> Health:
    now = now or utcnow()
    health = Health()
    events = WebhookEvent.__table__.c  # type: ignore[attr-defined]
    messages = Message.__table__.c  # type: ignore[attr-defined]
    outbox = Outbox.__table__.c  # type: ignore[attr-defined]
    async with db.session() as session:
        count, oldest = (
            await session.execute(
                select(func.count(), func.min(events.received_at)).where(events.state == "pending")
            )
        ).one()
        health.pending_webhooks, health.oldest_pending_webhook = count, _age(now, oldest)
        reasons: Counter[str] = Counter()
        failed = select(events.error, func.count()).where(events.state == "failed")
        for error, n in await session.execute(failed.group_by(events.error)):
            reasons[reason_of(error)] += n
        health.set_aside = dict(sorted(reasons.items()))
        oldest = await session.scalar(
            select(func.min(messages.created_at)).where(
                messages.state == "pending", messages.direction == "in"
            )
        )
        health.oldest_pending_message = _age(now, oldest)
        oldest = await session.scalar(
            select(func.min(outbox.created_at)).where(outbox.state.in_(UNSENT))
        )
        health.oldest_due_reply = _age(now, oldest)
        waiting = select(outbox.channel, func.count()).where(outbox.state.in_(UNSENT))
        rows = await session.execute(waiting.group_by(outbox.channel))
        health.waiting = dict(sorted(rows.all()))
    health.held_numbers = {
        c.path: (_age(now, c.opened_at), c.last_error)
        for c in await circuit_states(db)
        if c.state != "closed"
    }
    return health


def publish(health: Health | None) -> None:
    """Set the Prometheus gauges from `health`; None: it could not be read."""
    metrics.health_read.set(0 if health is None else 1)
    if health is None:
        return
    metrics.oldest_pending_webhook.set(health.oldest_pending_webhook or 0)
    metrics.oldest_pending_message.set(health.oldest_pending_message or 0)
    metrics.oldest_due_reply.set(health.oldest_due_reply or 0)
    metrics.webhooks_pending.set(health.pending_webhooks)
    metrics.webhooks_failed.clear()  # a reason no longer seen is dropped, not left stale
    for reason, n in health.set_aside.items():
        metrics.webhooks_failed.labels(reason).set(n)
    metrics.outbox_waiting.clear()
    for channel, n in health.waiting.items():
        metrics.outbox_waiting.labels(channel).set(n)
    metrics.numbers_held.clear()
    for path, (held_for, _error) in health.held_numbers.items():
        metrics.numbers_held.labels(path).set(held_for or 0)


def _seconds(value: float | None) -> str:
    if value is None:
        return "none"
    if value < 120:
        return f"{value:.0f} s"
    if value < 7200:
        return f"{value / 60:.0f} min"
    return f"{value / 3600:.1f} h"


def describe(health: Health) -> list[str]:
    """`health` in words, one line per figure (`sauti status`)."""
    set_aside = sum(health.set_aside.values())
    reasons = ", ".join(f"{reason}: {n}" for reason, n in health.set_aside.items())
    waiting = ", ".join(f"{channel}: {n}" for channel, n in health.waiting.items())
    return [
        f"webhooks waiting to be read: {health.pending_webhooks}"
        f" (oldest: {_seconds(health.oldest_pending_webhook)})",
        f"messages waiting to be answered: oldest {_seconds(health.oldest_pending_message)}",
        f"replies waiting to be sent: {sum(health.waiting.values())}"
        f" (oldest: {_seconds(health.oldest_due_reply)})" + (f"; {waiting}" if waiting else ""),
        f"webhooks set aside: {set_aside}"
        + (f" ({reasons}); see docs/operations.md, `sauti webhooks retry`" if set_aside else ""),
        f"business numbers held (their sends fail; probed until they answer): "
        f"{len(health.held_numbers)}",
    ] + [
        f"  {path}: held {_seconds(held_for)}" + (f", last error: {error}" if error else "")
        for path, (held_for, error) in health.held_numbers.items()
    ]
