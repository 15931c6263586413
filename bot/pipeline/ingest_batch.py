"""One claimed batch of inbound messages stored with a handful of statements.

Storing message by message (find or create the conversation, insert, update) cost ~6 ms of
CPU each, most of it in building statements and models. Here a whole batch takes one SELECT
of its conversations, one INSERT of the new ones, one INSERT of the messages (deduplicated on
their unique key, within the batch too) and one UPDATE per run of same-shaped conversation
changes. Rows are plain dicts over the tables' own defaults; the encrypted column types still
encrypt on bind. `bot.pipeline.ingest` falls back to one event at a time when this raises.

Lock order: each step (create conversations, insert messages, update conversations) takes
its rows in one global order, by contact, so ingest transactions of several processes do not
wait on each other in a cycle on PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from itertools import groupby
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot import metrics, tombstones
from bot.masking import mask_contact
from bot.messages import Inbound
from bot.platform_ids import inbound_key
from bot.store.crypto import lookup_hash
from bot.store.insert_if_absent import insert_if_absent
from bot.store.models import Conversation, Message, utcnow

CONVERSATION: Table = Conversation.__table__  # type: ignore[attr-defined]
MESSAGE: Table = Message.__table__  # type: ignore[attr-defined]

ConvKey = tuple[str, str, str]  # channel, business_id, contact_hash: the unique key


@dataclass(slots=True)
class Tally:
    """Metric counts held back until the transaction they describe has succeeded."""

    inbound: Counter[str] = field(default_factory=Counter)
    deduplicated: int = 0
    failed_status: int = 0

    def publish(self) -> None:
        for channel, n in self.inbound.items():
            metrics.inbound.labels(channel).inc(n)
        if self.deduplicated:
            metrics.deduplicated.inc(self.deduplicated)
        if self.failed_status:
            metrics.failed.labels("status").inc(self.failed_status)


def message_data(item: Inbound) -> dict:
    data: dict = {}
    if item.choice_id:
        data["choice_id"] = item.choice_id
    if item.location:
        data["location"] = item.location.model_dump(exclude_none=True)
    if item.media:
        data["media"] = item.media.model_dump(exclude_none=True)
    if item.reply_to:
        data["reply_to"] = item.reply_to
    if item.errors:
        data["errors"] = [e.model_dump(exclude_none=True) for e in item.errors]
    data["raw_type"] = item.raw_type
    data["inbound"] = item.model_dump(mode="json")
    return data


def truncated(item: Inbound, max_chars: int) -> Inbound:
    if item.text and len(item.text) > max_chars:
        return item.model_copy(update={"text": item.text[:max_chars]})  # the engine reads this
    return item


def lock_key(item: Inbound) -> str:
    return f"{item.channel}\x1f{item.business_id}\x1f{item.contact_id}"


def contact_hash(item: Inbound) -> str:
    return lookup_hash(f"{item.channel}:{item.contact_id}")


def _fixed_default(col: Any) -> bool:
    return col.default is not None and not col.default.is_callable


def _defaults(table: Table) -> dict[str, Any]:
    """Every column but the id, at the value a new model carries. All given explicitly, as
    the models did (a JSON column given None stores JSON null); timestamps are set per batch."""
    return {
        c.name: c.default.arg if _fixed_default(c) else None  # type: ignore[union-attr]
        for c in table.columns
        if not c.primary_key
    }


def _timestamps(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.columns if c.default is not None and c.default.is_callable)


_CONV_DEFAULTS = _defaults(CONVERSATION)
_CONV_STAMPED = _timestamps(CONVERSATION)
_MSG_DEFAULTS = _defaults(MESSAGE)
_MSG_STAMPED = _timestamps(MESSAGE)


def conversation_row(item: Inbound, key_hash: str, now: datetime) -> dict[str, Any]:
    """The row a first message from this contact creates."""
    row = dict(_CONV_DEFAULTS)
    for name in _CONV_STAMPED:
        row[name] = now
    row.update(
        channel=item.channel,
        business_id=item.business_id,
        contact_hash=key_hash,
        contact_ref=item.contact_id,
        contact_phone=item.contact_phone,
        contact_name=item.contact_name,
        masked_id=mask_contact(item.channel, item.contact_id, item.contact_phone),
    )
    return row


def message_row(conv_id: int, item: Inbound, dedupe_key: str, now: datetime) -> dict[str, Any]:
    """The pending inbound message row of `item` (already truncated)."""
    row = dict(_MSG_DEFAULTS)
    for name in _MSG_STAMPED:
        row[name] = now
    row.update(
        conversation_id=conv_id,
        direction="in",
        author="person",
        kind=item.kind,
        text=item.text,
        data=message_data(item),
        dedupe_key=dedupe_key,
        platform_ts=item.timestamp,
        state="pending",
    )
    return row


@dataclass(slots=True)
class _Conv:
    """What the batch knows of one conversation, and which columns it changed."""

    id: int
    phone: str | None
    name: str | None
    last_inbound_at: datetime | None
    lock: str
    changed: dict[str, Any] = field(default_factory=dict)


# Statements are built once (per dialect): building `Column == value` on every call was a
# fifth of the cost of one-by-one ingest.
_FIND = select(
    CONVERSATION.c.id,
    CONVERSATION.c.channel,
    CONVERSATION.c.business_id,
    CONVERSATION.c.contact_hash,
    CONVERSATION.c.contact_phone,
    CONVERSATION.c.contact_name,
    CONVERSATION.c.last_inbound_at,
).where(CONVERSATION.c.contact_hash.in_(bindparam("hashes", expanding=True)))
_UPDATES: dict[tuple[str, ...], Any] = {}


@cache
def _create_conversations(dialect: str) -> Any:
    c = CONVERSATION.c
    return insert_if_absent(
        dialect, CONVERSATION, "channel", "business_id", "contact_hash"
    ).returning(c.id, c.channel, c.business_id, c.contact_hash)


@cache
def _insert_messages(dialect: str) -> Any:
    return insert_if_absent(dialect, MESSAGE, "dedupe_key").returning(MESSAGE.c.dedupe_key)


def _update(columns: tuple[str, ...]) -> Any:
    """UPDATE conversation SET <columns> WHERE id = :conv_id, for executemany."""
    stmt = _UPDATES.get(columns)
    if stmt is None:
        c = CONVERSATION.c
        values = {name: bindparam(f"new_{name}", type_=c[name].type) for name in columns}
        stmt = update(CONVERSATION).where(c.id == bindparam("conv_id")).values(values)
        _UPDATES[columns] = stmt
    return stmt


async def store_messages(
    conn: AsyncConnection, items: Sequence[Inbound], max_chars: int, tally: Tally
) -> set[int]:
    """Store conversational `items` (in the order one-by-one ingest would apply them);
    returns the ids of conversations that got new messages."""
    if not items:
        return set()
    keys = [inbound_key(item.channel, item.dedupe_key) for item in items]
    if buried := await tombstones.erased(conn, keys):
        # Meta redelivering a message the person erased: acknowledged, and nothing is kept.
        tally.deduplicated += sum(key in buried for key in keys)
        items = [item for item, key in zip(items, keys, strict=True) if key not in buried]
        if not items:
            return set()
    dialect = conn.dialect.name
    now = utcnow()
    hashes: dict[tuple[str, str], str] = {}
    keyed: list[tuple[ConvKey, Inbound]] = []
    for item in items:
        h = hashes.get((item.channel, item.contact_id))
        if h is None:
            h = hashes[(item.channel, item.contact_id)] = contact_hash(item)
        keyed.append(((item.channel, item.business_id, h), item))

    convs = await _find(conn, {k for k, _ in keyed})
    creators: dict[ConvKey, Inbound] = {}
    for key, item in keyed:
        if key not in convs and key not in creators:
            creators[key] = item
    if creators:
        convs.update(await _create(conn, dialect, creators, now))

    # Apply items in order, as one-by-one ingest would: contact details, then the message.
    pending: dict[str, tuple[dict[str, Any], Inbound, _Conv]] = {}
    for key, item in keyed:
        conv = convs[key]
        conv.lock = conv.lock or lock_key(item)
        if creators.get(key) is item:
            del creators[key]  # the item that created the conversation changes nothing in it
        else:
            if item.contact_phone and not conv.phone:
                conv.phone = conv.changed["contact_phone"] = item.contact_phone
            if item.contact_name and item.contact_name != conv.name:
                conv.name = conv.changed["contact_name"] = item.contact_name
        item = truncated(item, max_chars)
        dedupe_key = inbound_key(item.channel, item.dedupe_key)
        if dedupe_key in pending:
            tally.deduplicated += 1  # the same message twice in this batch
            continue
        pending[dedupe_key] = (message_row(conv.id, item, dedupe_key, now), item, conv)

    # By contact (lock order), then as they arrived: ids keep the arrival order of one
    # person's messages with equal platform timestamps.
    rows = [row for row, _, _ in sorted(pending.values(), key=lambda p: p[2].lock)]
    result = await conn.execute(_insert_messages(dialect), rows)
    inserted = set(result.scalars().all())

    touched: set[int] = set()
    for dedupe_key, (_, item, conv) in pending.items():
        if dedupe_key not in inserted:
            tally.deduplicated += 1
            continue
        tally.inbound[item.channel] += 1
        touched.add(conv.id)
        if conv.last_inbound_at is None or item.timestamp > conv.last_inbound_at:
            conv.last_inbound_at = conv.changed["last_inbound_at"] = item.timestamp
        conv.changed["updated_at"] = now
    await _save(conn, convs.values())
    return touched


async def _find(conn: AsyncConnection, keys: Iterable[ConvKey]) -> dict[ConvKey, _Conv]:
    wanted = set(keys)
    hashes = sorted({k[2] for k in wanted})
    result = await conn.execute(_FIND, {"hashes": hashes})
    found: dict[ConvKey, _Conv] = {}
    for row in result:
        key = (row.channel, row.business_id, row.contact_hash)
        if key in wanted:
            found[key] = _Conv(row.id, row.contact_phone, row.contact_name, row.last_inbound_at, "")
    return found


async def _create(
    conn: AsyncConnection, dialect: str, creators: dict[ConvKey, Inbound], now: datetime
) -> dict[ConvKey, _Conv]:
    """Insert the missing conversations (race-safe on the unique key) and return them all."""
    ordered = sorted(creators.items(), key=lambda kv: lock_key(kv[1]))
    rows = [conversation_row(item, key[2], now) for key, item in ordered]
    result = await conn.execute(_create_conversations(dialect), rows)
    made: dict[ConvKey, _Conv] = {}
    for row in result:
        key = (row.channel, row.business_id, row.contact_hash)
        item = creators[key]
        made[key] = _Conv(row.id, item.contact_phone, item.contact_name, None, lock_key(item))
    lost = [key for key in creators if key not in made]  # another process created them first
    if lost:
        found = await _find(conn, lost)
        missing = [key for key in lost if key not in found]
        if missing:
            raise LookupError(f"{len(missing)} conversations neither created nor found")
        made.update(found)
    return made


async def _save(conn: AsyncConnection, convs: Iterable[_Conv]) -> None:
    """Write each conversation's changed columns, in lock order; runs of one shape go in
    one executemany."""
    changed = sorted((c for c in convs if c.changed), key=lambda c: c.lock)
    for columns, run in groupby(changed, key=lambda c: tuple(sorted(c.changed))):
        params = [
            {"conv_id": c.id, **{f"new_{name}": c.changed[name] for name in columns}} for c in run
        ]
        await conn.execute(_update(columns), params)
