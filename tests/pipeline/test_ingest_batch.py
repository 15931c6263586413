"""Storing a batch together gives exactly what storing its events one at a time gives:
the same rows, conversations and contact details, and the same conversations touched."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, select

from bot.masking import mask_contact
from bot.messages import Inbound
from bot.pipeline import ingest
from bot.pipeline.ingest_batch import conversation_row, message_data, message_row
from bot.platform_ids import inbound_key
from bot.store.db import Database
from bot.store.models import Conversation, Message, WebhookEvent
from tests.helpers import sim_message, store_events

NOW = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
STAMPS = {"id", "created_at", "updated_at"}


def person(text: str, contact: str, **changes: Any) -> Inbound:
    return sim_message(text, contact=contact).model_copy(update=changes)


def test_rows_are_what_the_models_would_have_built() -> None:
    item = person("hi", "sim-row", contact_name="Amina", contact_phone="212600000002")
    conv = Conversation(
        channel=item.channel,
        business_id=item.business_id,
        contact_hash="h",
        contact_ref=item.contact_id,
        contact_phone=item.contact_phone,
        contact_name=item.contact_name,
        masked_id=mask_contact(item.channel, item.contact_id, item.contact_phone),
    )
    msg = Message(
        conversation_id=7,
        direction="in",
        author="person",
        kind=item.kind,
        text=item.text,
        data=message_data(item),
        dedupe_key="k",
        platform_ts=item.timestamp,
        state="pending",
    )
    built = [(conversation_row(item, "h", NOW), conv), (message_row(7, item, "k", NOW), msg)]
    for row, model in built:
        columns = {c.name for c in model.__table__.columns} - {"id"}  # type: ignore[attr-defined]
        assert set(row) == columns
        assert {k: v for k, v in row.items() if k not in STAMPS} == {
            k: getattr(model, k) for k in columns - STAMPS
        }
        assert all(row[k] == NOW for k in columns & STAMPS)


async def snapshot(db: Database, touched: set[int]) -> dict[str, Any]:
    async with db.session() as session:
        convs = list((await session.execute(select(Conversation))).scalars())
        msgs = list((await session.execute(select(Message).order_by(Message.id))).scalars())
        events = list((await session.execute(select(WebhookEvent))).scalars())
    refs = {c.id: c.contact_ref for c in convs}
    return {
        "conversations": {
            c.contact_ref: {k: v for k, v in c.model_dump().items() if k not in STAMPS}
            for c in convs
        },
        "messages": [
            {k: v for k, v in m.model_dump().items() if k not in STAMPS}
            | {"conversation_id": refs[m.conversation_id]}
            # Each person's messages in id order (the order they are applied in for equal
            # platform timestamps); how two people's ids interleave does not matter.
            for m in sorted(msgs, key=lambda m: (refs[m.conversation_id], m.id))
        ],
        "events": [(e.state, e.attempts, e.error) for e in events],
        "touched": sorted(refs[i] for i in touched),
    }


def rounds() -> list[list[list[Inbound]]]:
    """Two rounds of events: a known contact, then a batch with new contacts, changes and
    duplicates (within the batch and of the first round)."""
    again = person("seen", "sim-known", dedupe_key="sim.seen", timestamp=NOW)
    twice = person("twice", "sim-b", dedupe_key="sim.twice")
    first = [[again, person("known", "sim-known", contact_name="Old name")]]
    second = [
        [person("new here", "sim-b", contact_name="B"), twice],
        [person("x" * 40, "sim-known", contact_name="New name"), again],
        [twice, person("", "sim-c", kind="location", contact_phone="2126")],
        [person("late", "sim-known", timestamp=NOW.replace(year=2025))],
        [person("phone", "sim-b", contact_phone="212600000003")],
        [],  # an empty body
    ]
    return [first, second]


async def scenario(db: Database, events: list[list[list[Inbound]]]) -> list[dict[str, Any]]:
    async with db.session() as session, session.begin():
        for table in (Message, Conversation, WebhookEvent):
            await session.execute(delete(table))
    shots = []
    for batch in events:
        for items in batch:
            await store_events(db, *items)
        touched = await ingest.ingest_pending(db, batch=50, max_chars=12)
        shots.append(await snapshot(db, touched))
    return shots


async def test_together_and_one_by_one_store_the_same(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = rounds()
    together = await scenario(db, events)

    async def refuse(*_: object) -> set[int]:
        raise RuntimeError("batch path off")

    monkeypatch.setattr(ingest, "store_messages", refuse)
    one_by_one = await scenario(db, events)

    assert together == one_by_one
    final = together[-1]
    assert final["events"] == [] and final["touched"] == ["sim-b", "sim-c", "sim-known"]
    assert final["conversations"]["sim-known"]["contact_name"] == "New name"
    assert final["conversations"]["sim-known"]["last_inbound_at"] == NOW  # "late" is older
    assert final["conversations"]["sim-b"]["contact_phone"] == "212600000003"
    keys = [m["dedupe_key"] for m in final["messages"]]
    assert len(keys) == len(set(keys)) == 8  # two duplicates dropped
    assert inbound_key("simulator", "sim.seen") in keys
