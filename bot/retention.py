"""Retention: delete what is older than the admin allows (`sauti purge`, and a daily job).

Per kind of data, in days (0 keeps that kind forever; unset kinds use `retention_days`):
- transcripts: messages older than N days (their media and outbox links go with them);
- media: stored files older than N days;
- closed cases: resolved more than N days ago, anonymized like an erasure (the shell stays);
- idle contacts: no open case and no activity for `retention_days`: unlinked like an erasure,
  so "we keep it for N days" (what the consent screen says) holds for everyone;
- sent outbox rows (their bodies hold text and recipient) and old delivery receipts, after
  `retention_outbox_days`; at once for erased conversations;
- raw webhook bodies that failed to parse, after `retention_failed_event_days`;
- tombstones of erased messages, after Meta's redelivery period (bot.tombstones).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import tombstones
from bot.config import Settings
from bot.erasure import anonymize_cases, erase_conversation, forget_receipts
from bot.store.db import Database
from bot.store.models import (
    Case,
    Conversation,
    MediaBlob,
    Message,
    Outbox,
    Receipt,
    WebhookEvent,
    utcnow,
)

log = logging.getLogger(__name__)

DAY = 24 * 60 * 60.0


@dataclass
class PurgeReport:
    messages: int = 0
    media: int = 0
    cases: int = 0
    contacts: int = 0
    outbox: int = 0
    receipts: int = 0
    events: int = 0
    tombstones: int = 0  # keyed hashes of erased messages, past Meta's redelivery period

    def summary(self) -> str:
        return ", ".join(f"{k}: {v}" for k, v in asdict(self).items())


def _days(value: int | None, default: int) -> int:
    return default if value is None else value


def _cutoff(now: datetime, days: int) -> datetime | None:
    return None if days <= 0 else now - timedelta(days=days)


async def purge(db: Database, settings: Settings, now: datetime | None = None) -> PurgeReport:
    """Delete everything past its retention period at `now` (a clock the tests control)."""
    now = now or utcnow()
    default = settings.retention_days
    report = PurgeReport()
    async with db.session() as session, session.begin():
        report.outbox, report.receipts = await _outbox(
            session, _cutoff(now, settings.retention_outbox_days)
        )
        report.events = await _events(session, _cutoff(now, settings.retention_failed_event_days))
        report.tombstones = await tombstones.purge(session, now)
        report.media = await _media(
            session, _cutoff(now, _days(settings.retention_media_days, default))
        )
        report.messages = await _messages(
            session, _cutoff(now, _days(settings.retention_transcript_days, default))
        )
        report.cases = await _closed_cases(
            session, _cutoff(now, _days(settings.retention_closed_case_days, default)), now
        )
        report.contacts = await _idle_contacts(session, _cutoff(now, default), now)
    log.info("purge done: %s", report.summary())
    return report


async def _outbox(session: AsyncSession, cutoff: datetime | None) -> tuple[int, int]:
    finished = Outbox.state.in_(("sent", "failed"))
    erased = select(Conversation.id).where(Conversation.status == "erased")
    # Erased conversations keep nothing once the goodbye went out.
    old = Outbox.conversation_id.in_(erased)
    if cutoff is not None:
        old = or_(old, _finished_before(cutoff))
    where = and_(finished, old)
    named = await session.execute(
        select(Outbox.channel, Outbox.platform_message_id).where(
            where, Outbox.platform_message_id.is_not(None)
        )
    )
    await forget_receipts(session, [f"{ch}:{pmid}:" for ch, pmid in named])
    rows = (await session.execute(delete(Outbox).where(where))).rowcount or 0
    receipts = 0
    if cutoff is not None:
        receipts = (
            await session.execute(delete(Receipt).where(Receipt.applied_at < cutoff))
        ).rowcount or 0
    return rows, receipts


def _finished_before(cutoff: datetime) -> Any:
    """A finished row is old when it was sent (or, if it failed, created) before `cutoff`."""
    return or_(
        and_(Outbox.sent_at.is_not(None), Outbox.sent_at < cutoff),
        and_(Outbox.sent_at.is_(None), Outbox.created_at < cutoff),
    )


async def _events(session: AsyncSession, cutoff: datetime | None) -> int:
    if cutoff is None:
        return 0
    gone = delete(WebhookEvent).where(
        WebhookEvent.state.in_(("failed", "done")), WebhookEvent.received_at < cutoff
    )
    return (await session.execute(gone)).rowcount or 0


async def _media(session: AsyncSession, cutoff: datetime | None) -> int:
    if cutoff is None:
        return 0
    gone = delete(MediaBlob).where(MediaBlob.created_at < cutoff)
    return (await session.execute(gone)).rowcount or 0


async def _messages(session: AsyncSession, cutoff: datetime | None) -> int:
    if cutoff is None:
        return 0
    return await _delete_messages(session, Message.created_at < cutoff)


async def _delete_messages(session: AsyncSession, where: Any) -> int:
    # Inbound messages not applied yet are work in progress, not a transcript.
    old = and_(where, or_(Message.direction == "out", Message.state != "pending"))
    ids = select(Message.id).where(old)
    await session.execute(delete(MediaBlob).where(MediaBlob.message_id.in_(ids)))
    await session.execute(update(Outbox).where(Outbox.message_id.in_(ids)).values(message_id=None))
    return (await session.execute(delete(Message).where(old))).rowcount or 0


async def _closed_cases(session: AsyncSession, cutoff: datetime | None, now: datetime) -> int:
    """Anonymize cases closed before `cutoff`, and the transcript up to their closing."""
    if cutoff is None:
        return 0
    rows = (
        await session.execute(
            select(Case.id, Case.conversation_id, Case.resolved_at).where(
                Case.status == "resolved",
                Case.resolved_at < cutoff,
                Case.erased_at.is_(None),
            )
        )
    ).all()
    for _case_id, conv_id, resolved_at in rows:
        await _delete_messages(
            session, and_(Message.conversation_id == conv_id, Message.created_at <= resolved_at)
        )
    await anonymize_cases(session, [r[0] for r in rows], now=now, outcome=None)
    return len(rows)


async def _idle_contacts(session: AsyncSession, cutoff: datetime | None, now: datetime) -> int:
    if cutoff is None:
        return 0
    # Any case not yet anonymized (open, or closed within its own retention) keeps the contact.
    kept_case = exists().where(Case.conversation_id == Conversation.id, Case.erased_at.is_(None))
    pending = exists().where(Message.conversation_id == Conversation.id, Message.state == "pending")
    convs = (
        (
            await session.execute(
                select(Conversation).where(
                    Conversation.status != "erased",
                    Conversation.updated_at < cutoff,
                    or_(
                        Conversation.last_inbound_at.is_(None),
                        Conversation.last_inbound_at < cutoff,
                    ),
                    ~kept_case,
                    ~pending,
                )
            )
        )
        .scalars()
        .all()
    )
    for conv in convs:
        await erase_conversation(
            session, conv, goodbye=False, outcome=None, by="retention", now=now
        )
    return len(convs)


def daily_purge_job(db: Database, settings: Settings) -> Callable[[], Awaitable[PurgeReport]]:
    """A job for `Workers.extra_jobs` (with period `DAY`): purge with the runtime's settings."""

    async def purge_job() -> PurgeReport:
        return await purge(db, settings, utcnow())

    purge_job.__name__ = "daily_purge"
    return purge_job
