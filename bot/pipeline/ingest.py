"""Stored webhook bodies → conversations and pending inbound messages (deduplicated).

The webhook endpoint only stores the raw body; this step parses it, finds or creates the
conversation, and inserts each message under a unique key, so a redelivered webhook or a
duplicate message changes nothing. Delivery receipts are applied to the outbox here too.

A claimed batch is first stored together (`ingest_batch`: a few statements for the whole
batch); if that fails, it is rolled back and the events are applied one at a time, each item
in its own savepoint, so one bad event (or message) cannot block the rest.

An event that cannot be read (too large, too deep, not JSON, not an object, not decryptable,
or the parser raised) is set aside at once: state "failed", the reason in `error`, counted in
`sauti_webhooks_set_aside_total`. One whose items fail to store is tried `MAX_ATTEMPTS` times
first. `sauti webhooks retry` puts them back (docs/operations.md).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from cryptography.fernet import InvalidToken
from sqlalchemy import LargeBinary, bindparam, delete, select, type_coerce
from sqlalchemy.orm import defer
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import bounded_json, metrics, tombstones
from bot.bounded_json import Refused
from bot.channels.meta import parse_event
from bot.masking import mask_contact
from bot.messages import Inbound
from bot.pipeline.ingest_batch import (
    Tally,
    conversation_row,
    lock_key,
    message_data,
    store_messages,
    truncated,
)
from bot.platform_ids import hashed_id, inbound_key, receipt_key
from bot.store.crypto import keyring, lookup_hash
from bot.store.db import Database, lost_a_race, not_at_fault
from bot.store.insert_if_absent import insert_if_absent
from bot.store.models import Conversation, Message, Outbox, Receipt, WebhookEvent, utcnow
from bot.store.queue import skip_locked

log = logging.getLogger(__name__)

# Inbound kinds that are part of the conversation (stored in the transcript).
CONVERSATIONAL = {"text", "choice", "location", "media", "reaction", "contacts", "unsupported"}
# Status order: a later webhook never moves a message backwards.
STATUS_RANK = {"queued": 0, "sent": 1, "delivered": 2, "read": 3, "played": 4}

# Bodies are at most `max_body_bytes` when stored (bot.web.webhook); this is the default.
MAX_BODY_BYTES = 1024 * 1024
# Storing an event that fails is tried this often (the fault may be passing) before it is
# set aside; reading one that cannot be read is not tried again.
MAX_ATTEMPTS = 5

_EVENTS = WebhookEvent.__table__  # type: ignore[attr-defined]
# The body is decrypted event by event (not as the rows load), so that one that cannot be
# decrypted is set aside instead of failing the whole batch.
_PENDING = skip_locked(
    select(WebhookEvent, type_coerce(_EVENTS.c.body, LargeBinary))
    .options(defer(WebhookEvent.body))  # type: ignore[arg-type]
    .where(WebhookEvent.state == "pending")
    .order_by(WebhookEvent.id)
    .limit(bindparam("limit"))
)
_CONVERSATIONS = Conversation.__table__  # type: ignore[attr-defined]
_CONTACT = ("channel", "business_id", "contact_hash")  # a conversation's unique key
_DELETE_EVENTS = delete(_EVENTS).where(_EVENTS.c.id.in_(bindparam("ids", expanding=True)))


def parse_body(source: str, body: bytes, *, max_bytes: int = MAX_BODY_BYTES) -> list[Inbound]:
    """Parse a stored body. Raises `Refused` when it cannot be read at all (too large, too
    deep, not JSON, not an object); a malformed item inside is skipped, its siblings kept."""
    payload = bounded_json.loads(body, max_bytes=max_bytes)
    if source == "simulator":
        items = payload if isinstance(payload, list) else [payload]
        out = []
        for item in items:
            try:
                out.append(Inbound.model_validate(item))
            except ValueError:
                continue
        return out
    if not isinstance(payload, dict):
        raise Refused("not_an_object")
    return parse_event(payload)


async def conversation_for(session: AsyncSession, item: Inbound) -> Conversation:
    """Find or create the conversation of `item`'s contact (race-safe on the unique key)."""
    contact_hash = lookup_hash(f"{item.channel}:{item.contact_id}")
    query = select(Conversation).where(
        Conversation.channel == item.channel,
        Conversation.business_id == item.business_id,
        Conversation.contact_hash == contact_hash,
    )
    conv = (await session.execute(query)).scalar_one_or_none()
    if conv is None:
        # The same row the batch path creates (bot.pipeline.ingest_batch), without building a model.
        row = conversation_row(item, contact_hash, utcnow())
        # Column types encrypt on bind, so pass the model values through the table insert.
        await session.execute(insert_if_absent(session, _CONVERSATIONS, *_CONTACT).values(**row))
        conv = (await session.execute(query)).scalar_one()
    else:
        if item.contact_phone and not conv.contact_phone:
            conv.contact_phone = item.contact_phone
        if item.contact_name and item.contact_name != conv.contact_name:
            conv.contact_name = item.contact_name
    return conv


async def store_message(session: AsyncSession, item: Inbound, max_chars: int) -> int | None:
    """Insert one inbound message; returns its conversation id, or None if seen before (or
    erased: a redelivered copy must not bring the person back)."""
    if await tombstones.erased(session, [inbound_key(item.channel, item.dedupe_key)]):
        metrics.deduplicated.inc()
        return None
    conv = await conversation_for(session, item)
    item = truncated(item, max_chars)
    text = item.text
    values = Message(
        conversation_id=conv.id,  # type: ignore[arg-type]
        direction="in",
        author="person",
        kind=item.kind,
        text=text,
        data=message_data(item),
        dedupe_key=inbound_key(item.channel, item.dedupe_key),
        platform_ts=item.timestamp,
        state="pending",
    )
    row = {c.name: getattr(values, c.name) for c in Message.__table__.columns if c.name != "id"}
    result = await session.execute(
        insert_if_absent(session, Message.__table__, "dedupe_key").values(**row)
    )
    if result.rowcount == 0:
        metrics.deduplicated.inc()
        return None
    metrics.inbound.labels(item.channel).inc()
    if conv.last_inbound_at is None or item.timestamp > conv.last_inbound_at:
        conv.last_inbound_at = item.timestamp
    conv.updated_at = utcnow()
    return conv.id


async def apply_receipt(session: AsyncSession, item: Inbound, tally: Tally | None = None) -> None:
    """Apply a delivery status to the message we sent; duplicates and regressions are ignored.
    With a `tally`, metrics are counted there (published once the batch has committed)."""
    status = item.status
    if status is None or status.message_id is None:
        return  # Messenger watermark receipts carry no id; nothing to move per message.
    key = receipt_key(item.channel, status.message_id, status.status)
    result = await session.execute(
        insert_if_absent(session, Receipt.__table__, "dedupe_key").values(
            dedupe_key=key, applied_at=utcnow()
        )
    )
    if result.rowcount == 0:
        if tally is None:
            metrics.deduplicated.inc()
        else:
            tally.deduplicated += 1
        return
    row = (
        await session.execute(
            select(Outbox).where(
                Outbox.platform_message_id == hashed_id(item.channel, status.message_id)
            )
        )
    ).scalar_one_or_none()
    if row is None and status.callback_data:
        # We crashed (or timed out) before recording the wamid: find the row by our key, and
        # record it as sent so that neither the reaper nor a retry sends it a second time.
        row = (
            await session.execute(
                select(Outbox).where(Outbox.idempotency_key == status.callback_data)
            )
        ).scalar_one_or_none()
        if row is not None and row.state in ("pending", "sending") and status.status != "failed":
            row.state, row.sent_at = "sent", row.sent_at or utcnow()
            row.platform_message_id = hashed_id(item.channel, status.message_id)
    if row is None or row.message_id is None:
        return
    msg = await session.get(Message, row.message_id)
    if msg is None:
        return
    if status.status == "failed":
        msg.state = "failed"
        codes = [e.code for e in status.errors if e.code is not None]
        msg.error = _failure_reason(codes)
        row.state = "failed"
        row.error_code = codes[0] if codes else None
        row.error = msg.error
        if tally is None:
            metrics.failed.labels("status").inc()
        else:
            tally.failed_status += 1
        return
    if msg.state == "failed":
        return
    if STATUS_RANK.get(status.status, 0) > STATUS_RANK.get(msg.state, 0):
        msg.state = status.status


def _failure_reason(codes: Sequence[int]) -> str:
    if 131047 in codes:
        return "window closed: more than 24 hours since the person last wrote"
    if 131026 in codes:
        return "undeliverable: the number cannot receive WhatsApp messages"
    return f"failed (code {codes[0]})" if codes else "failed"


async def ingest_pending(
    db: Database, *, batch: int = 50, max_chars: int = 4096, max_bytes: int = MAX_BODY_BYTES
) -> set[int]:
    """Parse stored webhook bodies; returns the ids of conversations with new messages.

    Each event stands alone: one that cannot be read, or whose messages cannot be stored,
    is set aside (`state` failed, with its reason) and the others go on."""
    touched: set[int] = set()
    async with db.session() as session, session.begin():
        readable = []
        for ev, sealed in (await session.execute(_PENDING, {"limit": batch})).all():
            try:
                body = keyring().decrypt(sealed)
            except InvalidToken:
                set_aside(ev, "unreadable")  # encrypted with a key no longer configured
                continue
            try:
                readable.append((ev, parse_body(ev.source, body, max_bytes=max_bytes)))
            except Refused as exc:
                set_aside(ev, exc.reason)
            except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the line
                set_aside(ev, "parse_error", type(exc).__name__)
        # Touch conversations in one global order (by contact): ingest transactions of several
        # processes then never wait on each other in a cycle (a deadlock on PostgreSQL).
        parsed = sorted(readable, key=lambda pair: min((lock_key(i) for i in pair[1]), default=""))
        if parsed and not await _ingest_together(session, parsed, max_chars, touched):
            await _ingest_one_by_one(session, parsed, max_chars, touched)
    return touched


def set_aside(ev: WebhookEvent, reason: str, detail: str = "") -> None:
    """Take `ev` out of the queue for good (until `sauti webhooks retry`). `reason` is a
    fixed word (the metric label); `detail` an exception type. Never the body: it holds
    what a person wrote."""
    ev.attempts += 1
    ev.state = "failed"
    ev.error = f"{reason}: {detail}" if detail else reason
    metrics.set_aside.labels(reason).inc()
    log.warning("webhook event %s set aside: %s", ev.id, ev.error)


def reason_of(error: str | None) -> str:
    """The fixed reason word of a set-aside event's `error`."""
    return (error or "unknown").split(":", 1)[0]


async def _ingest_together(
    session: AsyncSession,
    parsed: list[tuple[WebhookEvent, list[Inbound]]],
    max_chars: int,
    touched: set[int],
) -> bool:
    """The whole batch in one savepoint. False, with nothing kept, if any of it fails: the
    events are then applied one at a time."""
    items = [item for _, found in parsed for item in sorted(found, key=lock_key)]
    tally = Tally()
    try:
        async with session.begin_nested():
            conn = await session.connection()
            messages = [i for i in items if i.kind in CONVERSATIONAL]
            new = await store_messages(conn, messages, max_chars, tally)
            for item in items:
                if item.kind == "status":
                    await apply_receipt(session, item, tally)
            # The raw bodies hold what people wrote: once parsed they are not kept.
            await conn.execute(_DELETE_EVENTS, {"ids": [ev.id for ev, _ in parsed]})
    except Exception as exc:  # noqa: BLE001 - retried one event at a time below
        if lost_a_race(exc):
            # Not the events' fault: they stay pending, untouched, for the next round (one
            # at a time now, interleaving tables, would only meet the other side again).
            log.info("a batch of %s events met a concurrent transaction; retrying", len(parsed))
            return True
        log.warning(
            "ingesting %s events together failed (%s); one at a time instead",
            len(parsed),
            type(exc).__name__,
        )
        return False
    tally.publish()
    touched |= new
    return True


async def _ingest_one_by_one(
    session: AsyncSession,
    parsed: list[tuple[WebhookEvent, list[Inbound]]],
    max_chars: int,
    touched: set[int],
) -> None:
    """Each item of each event in a savepoint of its own: a message that cannot be stored
    does not lose its siblings. Items are deduplicated, so applying an event again (the next
    round, or `sauti webhooks retry`) stores only what failed before."""
    for ev, items in parsed:
        failure: Exception | None = None
        raced = False
        for item in sorted(items, key=lock_key):
            try:
                async with session.begin_nested():
                    if item.kind == "status":
                        await apply_receipt(session, item)
                    elif item.kind in CONVERSATIONAL:
                        conv_id = await store_message(session, item, max_chars)
                        if conv_id is not None:
                            touched.add(conv_id)
            except Exception as exc:  # noqa: BLE001 - one bad item must not block the rest
                if not_at_fault(exc):
                    raced = True  # not the event's fault: it stays pending for the next round
                    break
                failure = failure or exc
        if raced:
            log.info("event %s met a database failure or a concurrent transaction; retrying", ev.id)
        elif failure is None:
            # The raw body holds what the person wrote: once stored it is not kept.
            await session.delete(ev)
        elif ev.attempts + 1 >= MAX_ATTEMPTS:
            set_aside(ev, "apply_error", type(failure).__name__)
        else:
            ev.attempts += 1
            ev.error = f"apply_error: {type(failure).__name__}"
            log.warning("event %s failed to ingest (attempt %s, %s)", ev.id, ev.attempts, ev.error)


def describe(item: Inbound) -> str:
    """A log-safe one-line description (no text, masked id)."""
    return f"{item.channel}/{item.kind} from {mask_contact(item.channel, item.contact_id)}"
