"""One conversation at a time: lock it, apply its pending messages in platform-time order
through the engine, and persist the new state, case changes and outbox rows in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import and_, bindparam, func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import metrics
from bot.cases.sink import CaseSink, current_case_id, know_case
from bot.engine.effects import CaseChange, Effects, Timer
from bot.engine.host import apply_effects
from bot.engine.state import ConversationState
from bot.i18n.catalog import Catalogs
from bot.messages import Inbound, Reply
from bot.pipeline import replies
from bot.store.db import Database, not_at_fault
from bot.store.models import Case, Conversation, Message, utcnow

log = logging.getLogger(__name__)


class Brain(Protocol):
    """Decides what to answer: the flow engine in production, a fixed answer without flows."""

    def respond(
        self, conv: Conversation, event: Inbound | str, *, case_ref: str, now: datetime
    ) -> tuple[ConversationState | None, Effects]:
        """`event` is an inbound message, or the name of a timer/"resume". The state is
        None when there is none to store (no flows, or nothing started)."""
        ...


class EffectsSink(Protocol):
    """Applies case-related effects (opening, updating, erasing). Implemented in bot.cases."""

    async def case_ref(self, session: AsyncSession, conv: Conversation) -> str: ...

    async def apply(
        self, session: AsyncSession, conv: Conversation, effects: CaseChange, now: datetime
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


# Built once: constructing a statement costs more than running it (the SQL is cached).
_PENDING_CONVERSATIONS = (
    select(Message.conversation_id)
    .where(Message.state == "pending", Message.direction == "in")
    .group_by(Message.conversation_id)
    .order_by(func.min(Message.id))
    .limit(bindparam("limit"))
)
_CONVERSATION = select(Conversation).where(Conversation.id == bindparam("conv_id"))
_CONVERSATION_SKIP_LOCKED = _CONVERSATION.with_for_update(skip_locked=True)
_IN_ORDER = (Message.platform_ts, Message.id)
_MANY = bindparam("conv_ids", expanding=True)
_CONVERSATIONS_SKIP_LOCKED = (
    select(Conversation)
    .where(Conversation.id.in_(_MANY))
    .order_by(Conversation.id)
    .with_for_update(skip_locked=True)
)
# With each conversation's current case, which the case sink would otherwise read at once.
_PENDING_MESSAGES = (
    select(Message, Case)
    .outerjoin(Case, Case.id == current_case_id(Message.conversation_id))
    .where(
        Message.conversation_id.in_(_MANY),
        Message.direction == "in",
        Message.state == "pending",
    )
    .order_by(Message.conversation_id, *_IN_ORDER)
)
# SQLite: BEGIN IMMEDIATE already holds the write lock, so one read can take the conversations
# too. (PostgreSQL must lock the rows before reading anything else: a read started before the
# lock was granted could miss what the worker that held it had just written.)
_CONVERSATIONS_AND_PENDING = (
    select(Conversation, Message, Case)
    .select_from(Conversation)
    .outerjoin(
        Message,
        and_(
            Message.conversation_id == Conversation.id,
            Message.direction == "in",
            Message.state == "pending",
        ),
    )
    .outerjoin(Case, Case.id == current_case_id(Conversation.id))
    .where(Conversation.id.in_(_MANY))
    .order_by(Conversation.id, *_IN_ORDER)
)
_READABLE = frozenset({"text", "choice", "location", "media", "contacts", "unsupported"})


class _StartOver(Exception):
    """Something failed on the fast path: the transaction is undone and done again, guarded."""


async def pending_conversations(db: Database, limit: int = 50) -> list[int]:
    async with db.session() as session:
        rows = await session.execute(_PENDING_CONVERSATIONS, {"limit": limit})
        return [r[0] for r in rows]


async def lock_conversation(
    session: AsyncSession, conv_id: int, *, skip_locked: bool
) -> Conversation | None:
    """Row-lock the conversation (PostgreSQL); SQLite's BEGIN IMMEDIATE already serializes."""
    query = _CONVERSATION_SKIP_LOCKED if skip_locked else _CONVERSATION
    return (await session.execute(query, {"conv_id": conv_id})).scalar_one_or_none()


async def process_conversation(p: Pipeline, conv_id: int, *, now: datetime | None = None) -> int:
    """Apply every pending inbound message of one conversation; returns how many.

    Fast path first: no savepoints, and the transaction's writes go out together at its end.
    If anything in a flow step or in those writes fails, the transaction is rolled back and
    done again guarded, a savepoint around each step, so a failing step hands the person
    over to a caseworker without losing the other messages (errors are rare; a step that
    fails is worth the repeat).
    """
    try:
        return await _process(p, [conv_id], now, replies.Batch())
    except Exception as exc:  # noqa: BLE001 - done again guarded, which reports it
        # The type only: the guarded way logs the whole error if it happens again.
        log.warning("conversation %s: %s; applying again one message at a time",
                    conv_id, type(exc.__cause__ or exc).__name__)  # fmt: skip
    try:
        done = await _process(p, [conv_id], now, None)
    except Exception as exc:  # noqa: BLE001 - one conversation must not stall the others
        if not_at_fault(exc):
            log.warning("conversation %s: %s; tried again", conv_id, type(exc).__name__)
        else:
            await _failed(p, conv_id, exc)
        return 0
    _FAILURES.pop(conv_id, None)
    return done


async def process_conversations(
    p: Pipeline, conv_ids: list[int], *, now: datetime | None = None
) -> int:
    """`process_conversation` for several conversations in one transaction: the reads, the
    writes and the commit are shared, which is most of what a message costs the database.

    If anything fails, each conversation is done again on its own, so one conversation's
    failure costs the others a repeat, never their answers.
    """
    if len(conv_ids) == 1:
        return await process_conversation(p, conv_ids[0], now=now)
    try:
        return await _process(p, conv_ids, now, replies.Batch())
    except Exception as exc:  # noqa: BLE001 - done again one at a time, which reports it
        log.warning("conversations %s: %s; applying again one conversation at a time",
                    conv_ids, type(exc.__cause__ or exc).__name__)  # fmt: skip
    return sum([await process_conversation(p, conv_id, now=now) for conv_id in conv_ids])


async def _load(
    p: Pipeline, session: AsyncSession, conv_ids: list[int]
) -> list[tuple[Conversation, list[Message]]]:
    """The conversations not locked by another worker, each with its pending messages in
    platform-time order; the case sink is told each one's current case."""
    params = {"conv_ids": sorted(conv_ids)}
    found: dict[int, tuple[Conversation, list[tuple[Message, Case | None]]]] = {}
    if p.db.one_writer:
        for conv, msg, case in await session.execute(_CONVERSATIONS_AND_PENDING, params):
            pairs = found.setdefault(conv.id, (conv, []))[1]
            if msg is not None:
                pairs.append((msg, case))
    else:
        for conv in (await session.execute(_CONVERSATIONS_SKIP_LOCKED, params)).scalars():
            found[conv.id] = (conv, [])
        if found:
            locked = {"conv_ids": list(found)}
            for msg, case in await session.execute(_PENDING_MESSAGES, locked):
                found[msg.conversation_id][1].append((msg, case))
    loaded = []
    for conv_id, (conv, pairs) in found.items():
        if pairs and isinstance(p.sink, CaseSink):
            know_case(session, conv_id, pairs[0][1])
        loaded.append((conv, [msg for msg, _ in pairs]))
    return loaded


async def _process(
    p: Pipeline, conv_ids: list[int], now: datetime | None, batch: replies.Batch | None
) -> int:
    """`batch` None: the guarded way, each step in a savepoint and written as it goes."""
    async with p.db.session() as session, session.begin():
        done, stepped = 0, []
        # A conversation another worker holds is not loaded: that worker handles its messages.
        for conv, pending in await _load(p, session, conv_ids):
            for msg in pending:
                at = now or utcnow()
                if await (
                    _apply_one(p, session, conv, msg, at, batch)
                    if batch is not None
                    else _apply_guarded(p, session, conv, msg, at)
                ):
                    stepped.append((conv, msg))
                done += 1
                if conv.status == "erased":
                    # Everything, these messages included, is gone: nothing more to answer.
                    break
        if batch is not None:
            try:
                await session.flush()
                await batch.write(session)
            except Exception as exc:  # noqa: BLE001 - done again, guarded or one by one
                raise _StartOver from exc
    for conv, msg in stepped:  # counted once committed (not started over)
        _observe(conv, msg)
    return done


async def _apply_one(
    p: Pipeline,
    session: AsyncSession,
    conv: Conversation,
    msg: Message,
    now: datetime,
    batch: replies.Batch | None,
) -> bool:
    """Apply one message; False when it never reached the flow (flood limit, a reaction)."""
    # Before the message changes: the case is read once per transaction, with nothing to flush.
    await p.sink.person_wrote(session, conv, msg)
    msg.state = "done"
    readable = msg.kind in _READABLE
    if _flooding(p, conv, now):
        if not conv.flood_noticed and p.catalogs is not None and not conv.claimed:
            conv.flood_noticed = True
            lang = conv.language or "en"
            notice = Reply(text=p.catalogs.format(lang, "flood-notice"), lang=lang)
            await _queue_reply(session, conv, notice, batch)
        if readable:
            _mark_read(session, conv, msg, batch)
        return False
    if msg.kind == "reaction":
        return False
    inbound = Inbound.model_validate((msg.data or {})["inbound"])
    conv_id = conv.id
    effects: Effects | None = None
    if batch is not None:
        try:
            effects = await run_brain(p, session, conv, inbound, now, batch=batch)
        except Exception as exc:  # noqa: BLE001 - the guarded way reports it
            raise _StartOver from exc
    else:
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
        _mark_read(session, conv, msg, batch)
    return True


async def _apply_guarded(
    p: Pipeline, session: AsyncSession, conv: Conversation, msg: Message, now: datetime
) -> bool:
    """`_apply_one` in a savepoint. A message that cannot be applied at all (not only its
    flow step) is set aside (state "error") and the person handed to a caseworker; the
    conversation's other messages go on."""
    conv_id, msg_id = conv.id, msg.id  # read now: the rollback expires them
    try:
        async with session.begin_nested():
            return await _apply_one(p, session, conv, msg, now, None)
    except Exception as exc:
        if not_at_fault(exc):
            raise  # the whole transaction is done again; the message is not at fault
        log.error("conversation %s: message %s could not be applied (%s); handing over",
                  conv_id, msg_id, type(exc).__name__)  # fmt: skip
    # The savepoint's rollback expired what it had changed.
    await session.refresh(conv)
    await session.refresh(msg)
    msg.state, msg.error = "error", SET_ASIDE
    metrics.messages_set_aside.inc()
    try:
        async with session.begin_nested():
            await _hand_over_after_error(p, session, conv, now)
    except Exception as exc:  # noqa: BLE001 - the message stays set aside and visible
        log.error("conversation %s: handing over failed too (%s)", conv_id, type(exc).__name__)
        await session.refresh(conv)
    return False


# A conversation whose transaction fails even message by message is tried this often (in
# this process) before its pending messages are set aside: a poison is not retried forever.
MAX_CONVERSATION_FAILURES = 3
SET_ASIDE = "could not be applied"
_FAILURES: dict[int, int] = {}


async def _failed(p: Pipeline, conv_id: int, exc: Exception) -> None:
    count = _FAILURES[conv_id] = _FAILURES.get(conv_id, 0) + 1
    reason = type(exc).__name__
    if count < MAX_CONVERSATION_FAILURES:
        log.warning("conversation %s failed (%s, attempt %s)", conv_id, reason, count)
        return
    del _FAILURES[conv_id]
    try:
        async with p.db.session() as session, session.begin():
            result = await session.execute(
                update(Message)
                .where(
                    Message.conversation_id == conv_id,
                    Message.direction == "in",
                    Message.state == "pending",
                )
                .values(state="error", error=SET_ASIDE)
            )
    except Exception:  # noqa: BLE001 - tried again on the next round
        log.exception("conversation %s: could not set its messages aside", conv_id)
        return
    metrics.messages_set_aside.inc(result.rowcount or 0)  # type: ignore[attr-defined]
    log.error("conversation %s failed %s times (%s): its pending messages are set aside",
              conv_id, count, reason)  # fmt: skip
    try:  # nobody invisible: a caseworker sees the person (if even this works)
        async with p.db.session() as session, session.begin():
            conv = await lock_conversation(session, conv_id, skip_locked=False)
            if conv is not None:
                await _hand_over_after_error(p, session, conv, utcnow())
    except Exception as exc:  # noqa: BLE001 - the messages stay set aside and visible
        log.error("conversation %s: handing over failed too (%s)", conv_id, type(exc).__name__)


def _observe(conv: Conversation, msg: Message) -> None:
    metrics.processed.labels(conv.channel).inc()
    if msg.created_at:
        age = (utcnow() - msg.created_at).total_seconds()
        metrics.processing_seconds.observe(max(0.0, age))


async def _queue_reply(
    session: AsyncSession, conv: Conversation, reply: Reply, batch: replies.Batch | None
) -> None:
    if batch is not None:
        batch.reply(conv, reply, author="bot")
    else:
        await replies.queue_reply(session, conv, reply, author="bot")


def _mark_read(
    session: AsyncSession, conv: Conversation, msg: Message, batch: replies.Batch | None
) -> None:
    if batch is not None:
        batch.mark_read(conv, msg)
    else:
        replies.queue_mark_read(session, conv, msg)


async def run_brain(
    p: Pipeline,
    session: AsyncSession,
    conv: Conversation,
    event: Inbound | str,
    now: datetime,
    *,
    batch: replies.Batch | None = None,
) -> Effects:
    """One flow step and its effects. With `batch`, replies wait there for the end of the
    transaction; without, they are written at once."""
    case_ref = await p.sink.case_ref(session, conv)
    state, effects = p.brain.respond(conv, event, case_ref=case_ref, now=now)
    await apply_effects(_ConversationHost(p, session, conv, batch, now), state, effects)
    conv.updated_at = utcnow()
    return effects


@dataclass
class _ConversationHost:
    """The pipeline's side of `apply_effects`: the conversation row, the outbox (now, or
    in the batch) and the case sink, in the caller's transaction."""

    p: Pipeline
    session: AsyncSession
    conv: Conversation
    batch: replies.Batch | None
    now: datetime

    def keep_state(self, state: ConversationState) -> None:
        self.conv.state = state.stored()
        self.conv.flow_id = state.flow or self.conv.flow_id
        self.conv.flow_version = state.flow_version or self.conv.flow_version

    def set_language(self, lang: str) -> None:
        self.conv.language = lang

    def add_contact_prefs(self, prefs: dict[str, object]) -> None:
        self.conv.contact_prefs = {**(self.conv.contact_prefs or {}), **prefs}

    def wake(self, timer: Timer | None) -> None:
        self.conv.wake_at = timer.at if timer else None
        self.conv.wake_name = timer.name if timer else None

    async def say(self, reply: Reply) -> None:
        await _queue_reply(self.session, self.conv, reply, self.batch)

    async def update_case(self, change: CaseChange) -> None:
        if change.erase and self.batch is not None:
            await self.batch.write(self.session)  # erasure keeps the goodbye it finds in the outbox
        await self.p.sink.apply(self.session, self.conv, change, self.now)

    def stop(self) -> None:
        self.conv.status = "ended"
        self.conv.wake_at = None

    def finish(self) -> None:
        pass  # the case shows it; the conversation goes on acknowledging


async def _hand_over_after_error(
    p: Pipeline, session: AsyncSession, conv: Conversation, now: datetime
) -> None:
    if p.catalogs is not None and not conv.claimed:
        lang = conv.language or "en"
        reply = Reply(text=p.catalogs.format(lang, "help-handoff"), lang=lang)
        await replies.queue_reply(session, conv, reply, author="bot")
    await p.sink.apply(session, conv, Effects(open_case=True, handoff="error"), now)


def _flooding(p: Pipeline, conv: Conversation, now: datetime) -> bool:
    """Count this message in the contact's one-minute window; True past the limit."""
    start = conv.flood_started_at
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
        conv = await lock_conversation(session, conv_id, skip_locked=True)
        if conv is None or conv.wake_at is None:
            return
        if conv.wake_at > now:
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
