"""Ingest: delivery receipts move a sent message forward (never back), once; failures show.
A claimed batch is stored together, deduplicated, and one bad event does not block the rest."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import func, select

from bot import metrics
from bot.config import Settings
from bot.masking import mask_id
from bot.messages import Inbound
from bot.pipeline import ingest
from bot.pipeline.ingest import ingest_pending
from bot.store.db import Database
from bot.store.models import Conversation, Message, Outbox, Receipt, WebhookEvent
from tests.conftest import running_app, runtime
from tests.helpers import sim_message, status_event, store_events
from tests.pipeline.test_outbox import Script, deliver_text
from tests.web.test_webhook import signed


async def post(client: httpx.AsyncClient, settings: Settings, payload: dict) -> None:
    body, headers = signed(settings, payload)
    assert (await client.post("/webhooks/meta", content=body, headers=headers)).status_code == 200


async def first_reply(client: httpx.AsyncClient) -> tuple[Outbox, Message]:
    async with runtime(client).db.session() as session:
        row = (
            await session.execute(
                select(Outbox).where(Outbox.message_id.is_not(None)).order_by(Outbox.id).limit(1)
            )
        ).scalar_one()
        msg = await session.get(Message, row.message_id)
        assert msg is not None
        return row, msg


async def test_receipts_advance_and_never_go_back(settings: Settings, db: object) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.run_until_idle()
        row, msg = await first_reply(client)
        assert msg.state == "sent" and row.platform_message_id
        wamid = script.ids[0]
        assert wamid not in row.platform_message_id  # only a keyed hash is stored
        for status in ("read", "delivered", "sent", "read"):  # out of order, duplicated
            await post(client, settings, status_event(wamid, status))
        await rt.workers.run_until_idle()
        _, msg = await first_reply(client)
        async with rt.db.session() as session:
            receipts = (
                await session.execute(select(func.count()).select_from(Receipt))
            ).scalar_one()
    assert msg.state == "read"
    assert receipts == 3  # read, delivered, sent: the duplicate "read" changed nothing


async def test_a_failed_status_marks_the_message_failed_with_the_reason(
    settings: Settings, db: object
) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.run_until_idle()
        wamid = script.ids[0]
        errors = [{"code": 131047, "title": "Re-engagement message"}]
        await post(client, settings, status_event(wamid, "failed", errors=errors))
        await post(client, settings, status_event(wamid, "read"))
        await rt.workers.run_until_idle()
        row, msg = await first_reply(client)
    assert msg.state == "failed"
    assert "window closed" in (msg.error or "")
    assert row.state == "failed" and row.error_code == 131047


# --- A claimed batch is stored together; a bad event falls back to one at a time -----------


def named(item: Inbound, name: str | None = None, phone: str | None = None) -> Inbound:
    return item.model_copy(update={"contact_name": name, "contact_phone": phone})


def counted(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(name, labels) or 0.0


async def conversations_of(db: Database) -> list[Conversation]:
    async with db.session() as session:
        rows = await session.execute(select(Conversation).order_by(Conversation.id))
        return list(rows.scalars())


async def inbound_messages(db: Database) -> list[Message]:
    async with db.session() as session:
        rows = await session.execute(
            select(Message).where(Message.direction == "in").order_by(Message.id)
        )
        return list(rows.scalars())


async def events_left(db: Database) -> list[WebhookEvent]:
    async with db.session() as session:
        rows = await session.execute(select(WebhookEvent).order_by(WebhookEvent.id))
        return list(rows.scalars())


async def test_several_events_from_one_new_contact_make_one_conversation(db: Database) -> None:
    first = named(sim_message("one", contact="sim-new", ts=1_767_700_000), "Amina")
    second = named(sim_message("two", contact="sim-new", ts=1_767_700_030), None, "212600000001")
    third = named(sim_message("three", contact="sim-new", ts=1_767_700_020), "Amina K")
    for item in (first, second, third):
        await store_events(db, item)
    stored = counted("sauti_inbound_messages_total", channel="simulator")

    touched = await ingest_pending(db, batch=50)

    [conv] = await conversations_of(db)
    assert touched == {conv.id}
    assert [m.text for m in await inbound_messages(db)] == ["one", "two", "three"]
    assert conv.contact_name == "Amina K" and conv.contact_phone == "212600000001"
    assert conv.masked_id == mask_id("sim-new")  # from the message that created it
    assert conv.last_inbound_at == datetime.fromtimestamp(1_767_700_030, UTC)  # the latest
    assert counted("sauti_inbound_messages_total", channel="simulator") == stored + 3
    assert await events_left(db) == []  # parsed bodies are not kept


async def test_a_message_seen_twice_in_a_batch_or_across_batches_is_stored_once(
    db: Database,
) -> None:
    item = sim_message("hello", contact="sim-dup", key="sim.dup.batch")
    other = sim_message("later", contact="sim-dup")
    await store_events(db, item, item)  # twice in one body
    await store_events(db, item)  # and again in the same batch
    seen = counted("sauti_deduplicated_total")
    assert len(await ingest_pending(db, batch=50)) == 1
    assert counted("sauti_deduplicated_total") == seen + 2

    await store_events(db, other, item)  # a later batch: only the new one is stored
    [conv] = await conversations_of(db)
    assert await ingest_pending(db, batch=50) == {conv.id}
    await store_events(db, item)
    assert await ingest_pending(db, batch=50) == set(), "nothing new"
    assert [m.text for m in await inbound_messages(db)] == ["hello", "later"]
    assert counted("sauti_deduplicated_total") == seen + 4


async def test_a_poisoned_event_does_not_block_the_rest_of_its_batch(db: Database) -> None:
    good = sim_message("fine", contact="sim-good")
    poison = good.model_dump(mode="json") | {"dedupe_key": "sim.poison", "contact_id": "sim-bad"}
    poison["timestamp"] = "2026-01-05T10:00:00"  # no time zone: the database refuses it
    await store_events(db, sim_message("before", contact="sim-a"))
    async with db.session() as session, session.begin():
        session.add(WebhookEvent(source="simulator", body=json.dumps([poison]).encode()))
    await store_events(db, good)

    touched = await ingest_pending(db, batch=50)

    assert sorted(m.text for m in await inbound_messages(db)) == ["before", "fine"]
    assert len(touched) == 2
    [left] = await events_left(db)
    assert (left.state, left.attempts, left.error) == ("pending", 1, "apply_error: StatementError")
    for _ in range(4):
        await ingest_pending(db, batch=50)
    [left] = await events_left(db)
    assert (left.state, left.attempts) == ("failed", 5)
    assert await ingest_pending(db, batch=50) == set()  # a failed event is not claimed again
    assert {c.contact_ref for c in await conversations_of(db)} == {"sim-a", "sim-good"}


async def test_long_texts_are_cut_in_a_batch_too(db: Database) -> None:
    await store_events(db, sim_message("x" * 50, contact="sim-long"))
    await ingest_pending(db, batch=50, max_chars=10)
    [msg] = await inbound_messages(db)
    assert msg.text == "x" * 10
    assert msg.data is not None and msg.data["inbound"]["text"] == "x" * 10  # the engine reads


async def test_receipts_and_messages_in_one_batch(settings: Settings, db: object) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.run_until_idle()
        wamid = script.ids[0]
        await post(client, settings, status_event(wamid, "delivered"))
        await store_events(rt.db, sim_message("also new", contact="sim-mixed"))
        await post(client, settings, status_event(wamid, "delivered"))  # a duplicate
        await post(client, settings, status_event(wamid, "read"))
        touched = await ingest_pending(rt.db, batch=50)
        _, msg = await first_reply(client)
        assert msg.state == "read"
        assert len(touched) == 1
        assert await events_left(rt.db) == []


async def test_a_batch_that_loses_a_race_stays_pending_untouched(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Deadlock(Exception):
        orig = SimpleNamespace(sqlstate="40P01")  # what PostgreSQL says to the victim

    async def lose(*_: object) -> set[int]:
        raise Deadlock

    await store_events(db, sim_message("one", contact="sim-race"))
    await store_events(db, sim_message("two", contact="sim-race"))
    monkeypatch.setattr(ingest, "store_messages", lose)
    assert await ingest_pending(db, batch=50) == set()
    assert [(e.state, e.attempts, e.error) for e in await events_left(db)] == [
        ("pending", 0, None)
    ] * 2
    assert await inbound_messages(db) == []

    monkeypatch.undo()
    assert len(await ingest_pending(db, batch=50)) == 1  # the next round stores them
    assert [m.text for m in await inbound_messages(db)] == ["one", "two"]
