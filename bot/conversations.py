"""One conversation at a time: lock it, apply its pending messages in platform-time order
through the engine, and persist the new state, case changes and outbox rows in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import delivery, metrics
from bot.engine.effects import Effects
from bot.i18n.catalog import Catalogs
from bot.messages import Inbound, Reply
from bot.store.db import Database
from bot.store.models import Conversation, Message, utcnow

log = logging.getLogger(__name__)


class Brain(Protocol):
    """Decides what to answer: the flow engine in production, a fixed answer without flows."""

    def respond(
        self, conv: Conversation, event: Inbound | str, *, case_ref: str, now: datetime
    ) -> tuple[dict[str, Any] | None, Effects]:
        """`event` is an inbound message, or the name of a timer/"resume"."""
        ...


class EffectsSink(Protocol):
    """Applies case-related effects (opening, updating, erasing). Implemented in bot.cases."""

    async def case_ref(self, session: AsyncSession, conv: Conversation) -> str: ...

    async def apply(
        self, session: AsyncSession, conv: Conversation, effects: Effects, now: datetime
    ) -> None: ...

    async def person_wrote(
        self, session: AsyncSession, conv: Conversation, message: Message
    ) -> None: ...


@dataclass
class Pipeline:
    db: Database
    brain: Brain
    sink: EffectsSink
    catalogs: Catalogs | None = None
    flood_per_minute: int = 30


async def pending_conversations(db: Database, limit: int = 50) -> list[int]:
    async with db.session() as session:
        rows = await session.execute(
            select(Message.conversation_id)
            .where(Message.state == "pending", Message.direction == "in")
            .group_by(Message.conversation_id)
            .order_by(func.min(Message.id))
            .limit(limit)
        )
        return [r[0] for r in rows]


async def lock_conversation(
    session: AsyncSession, conv_id: int, *, skip_locked: bool
) -> Conversation | None:
    """Row-lock the conversation (PostgreSQL); SQLite's BEGIN IMMEDIATE already serializes."""
    query = select(Conversation).where(Conversation.id == conv_id)
    if skip_locked:
        query = query.with_for_update(skip_locked=True)
    return (await session.execute(query)).scalar_one_or_none()


async def process_conversation(p: Pipeline, conv_id: int, *, now: datetime | None = None) -> int:
    """Apply every pending inbound message of one conversation; returns how many."""
    async with p.db.session() as session, session.begin():
        conv = await lock_conversation(session, conv_id, skip_locked=not p.db.is_sqlite)
        if conv is None:
            return 0  # another worker holds it; it will handle these messages
        pending = (
            (
                await session.execute(
                    select(Message)
                    .where(
                        Message.conversation_id == conv_id,
                        Message.direction == "in",
                        Message.state == "pending",
                    )
                    .order_by(Message.platform_ts, Message.id)
                )
            )
            .scalars()
            .all()
        )
        for done, msg in enumerate(pending, start=1):
            await _apply_one(p, session, conv, msg, now or utcnow())
            if conv.status == "erased":
                # Everything, these messages included, is gone: nothing more to answer.
                return done
        return len(pending)


async def _apply_one(
    p: Pipeline, session: AsyncSession, conv: Conversation, msg: Message, now: datetime
) -> None:
    msg.state = "done"
    await p.sink.person_wrote(session, conv, msg)
    readable = msg.kind in {"text", "choice", "location", "media", "contacts", "unsupported"}
    if _flooding(p, conv, now):
        if not conv.flood_noticed and p.catalogs is not None and not conv.claimed:
            conv.flood_noticed = True
            lang = conv.language or "en"
            notice = Reply(text=p.catalogs.format(lang, "flood-notice"), lang=lang)
            await delivery.queue_reply(session, conv, notice, author="bot")
        if readable:
            delivery.queue_mark_read(session, conv, msg)
        return
    if msg.kind == "reaction":
        return
    inbound = Inbound.model_validate((msg.data or {})["inbound"])
    conv_id = conv.id
    effects: Effects | None = None
    try:
        async with session.begin_nested():
            effects = await run_brain(p, session, conv, inbound, now)
    except Exception:  # noqa: BLE001 - a broken flow must not silence a person in danger
        log.exception("conversation %s: the flow failed; handing over to a person", conv_id)
        await session.refresh(conv)  # the savepoint rollback expired what it had changed
        msg.state, msg.error = "error", "the flow failed on this message"
        await _hand_over_after_error(p, session, conv, now)
    # No blue ticks for "stop" or "erase": the person asked us to leave no trace.
    if readable and conv.status != "erased" and not (effects and (effects.stop or effects.erase)):
        delivery.queue_mark_read(session, conv, msg)
    metrics.processed.labels(conv.channel).inc()
    if msg.created_at:
        created = msg.created_at if msg.created_at.tzinfo else msg.created_at.replace(tzinfo=UTC)
        metrics.processing_seconds.observe(max(0.0, (utcnow() - created).total_seconds()))


async def run_brain(
    p: Pipeline, session: AsyncSession, conv: Conversation, event: Inbound | str, now: datetime
) -> Effects:
    case_ref = await p.sink.case_ref(session, conv)
    state, effects = p.brain.respond(conv, event, case_ref=case_ref, now=now)
    if state is not None:
        conv.state = state
        conv.flow_id = state.get("flow", conv.flow_id)
        conv.flow_version = state.get("version", conv.flow_version)
    if effects.language:
        conv.language = effects.language
    if effects.contact_prefs is not None:
        conv.contact_prefs = {**(conv.contact_prefs or {}), **effects.contact_prefs}
    if effects.timers:
        first = min(effects.timers, key=lambda t: t.at)
        conv.wake_at, conv.wake_name = first.at, first.name
    elif state is not None:
        conv.wake_at, conv.wake_name = None, None
    for reply in effects.replies:
        await delivery.queue_reply(session, conv, reply, author="bot")
    await p.sink.apply(session, conv, effects, now)
    if effects.stop:
        conv.status = "ended"
        conv.wake_at = None
    conv.updated_at = utcnow()
    return effects


async def _hand_over_after_error(
    p: Pipeline, session: AsyncSession, conv: Conversation, now: datetime
) -> None:
    if p.catalogs is not None and not conv.claimed:
        lang = conv.language or "en"
        reply = Reply(text=p.catalogs.format(lang, "help-handoff"), lang=lang)
        await delivery.queue_reply(session, conv, reply, author="bot")
    await p.sink.apply(session, conv, Effects(open_case=True, handoff="error"), now)


def _flooding(p: Pipeline, conv: Conversation, now: datetime) -> bool:
    """Count this message in the contact's one-minute window; True past the limit."""
    start = conv.flood_started_at
    if start is not None and start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if start is None or now - start > timedelta(minutes=1):
        conv.flood_started_at, conv.flood_count, conv.flood_noticed = now, 0, False
    conv.flood_count += 1
    return conv.flood_count > p.flood_per_minute


async def due_timers(db: Database, now: datetime, limit: int = 50) -> list[int]:
    async with db.session() as session:
        rows = await session.execute(
            select(Conversation.id)
            .where(Conversation.wake_at.is_not(None), Conversation.wake_at <= now)
            .limit(limit)
        )
        return [r[0] for r in rows]


async def fire_timer(p: Pipeline, conv_id: int, now: datetime) -> None:
    async with p.db.session() as session, session.begin():
        conv = await lock_conversation(session, conv_id, skip_locked=not p.db.is_sqlite)
        if conv is None or conv.wake_at is None:
            return
        wake_at = conv.wake_at if conv.wake_at.tzinfo else conv.wake_at.replace(tzinfo=UTC)
        if wake_at > now:
            return
        name = conv.wake_name or "timeout"
        conv.wake_at, conv.wake_name = None, None
        if conv.status != "active":
            return
        await run_brain(p, session, conv, name, now)


async def resume(p: Pipeline, session: AsyncSession, conv: Conversation) -> Effects:
    """A caseworker handed the chat back: the bot picks up where it stopped."""
    conv.claimed = False
    return await run_brain(p, session, conv, "resume", utcnow())
