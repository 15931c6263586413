"""The outbox against a Graph API that fails: retries, classification, order, recovery."""

from __future__ import annotations

import asyncio
import copy
import json
import secrets
import time
from collections.abc import Callable
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from sqlalchemy import bindparam, select

from bot.channels.errors import TransientError, WindowClosedError
from bot.config import Settings
from bot.pipeline.outbox import (
    Claimed,
    OutboxSettings,
    claim_due,
    deadline,
    reap_stale,
    record_many,
)
from bot.pipeline.sending import Deferred
from bot.pipeline.workers import Workers
from bot.platform_ids import hashed_id
from bot.store.db import Database
from bot.store.models import Conversation, Message, Outbox, utcnow
from tests.conftest import running_app, runtime
from tests.helpers import status_event
from tests.web.test_webhook import TEXT_EVENT, signed

Handler = Callable[[httpx.Request], httpx.Response]


def graph_error(code: int, status: int = 400) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": f"(#{code})"}})


class Script:
    """Answers Graph requests from a list of responses, then succeeds; records what was sent."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.responses = list(responses)
        self.sent: list[dict] = []
        self.ids: list[str] = []  # wamids handed out, in order (the database only keeps hashes)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if body.get("status") == "read":
            return httpx.Response(200, json={"success": True})
        self.sent.append(body)
        if self.responses:
            return self.responses.pop(0)
        self.ids.append(f"wamid.OUT{len(self.ids) + 1}")
        return httpx.Response(200, json={"messages": [{"id": self.ids[-1]}]})


def text_event(timestamp: float | None = None) -> dict[str, Any]:
    """TEXT_EVENT written now (or at `timestamp`): the platform's window runs from it."""
    event = copy.deepcopy(TEXT_EVENT)
    message = event["entry"][0]["changes"][0]["value"]["messages"][0]
    message["timestamp"] = str(int(time.time() if timestamp is None else timestamp))
    return event


async def deliver_text(
    client: httpx.AsyncClient, settings: Settings, timestamp: float | None = None
) -> None:
    body, headers = signed(settings, text_event(timestamp))
    assert (await client.post("/webhooks/meta", content=body, headers=headers)).status_code == 200


async def outbox_rows(client: httpx.AsyncClient) -> list[Outbox]:
    async with runtime(client).db.session() as session:
        rows = await session.execute(
            select(Outbox).where(Outbox.idempotency_key.like("msg:%")).order_by(Outbox.id)
        )
        return list(rows.scalars())


def fast(client: httpx.AsyncClient) -> None:
    runtime(client).workers.outbox_settings = OutboxSettings(base_delay=0.0, max_delay=0.0)
    runtime(client).workers.send.pacer.contact_burst = 100  # type: ignore[attr-defined]


async def test_server_errors_and_rate_limits_are_retried_then_sent_once(
    settings: Settings, db: object
) -> None:
    script = Script(httpx.Response(500), graph_error(130429, 429), graph_error(131000, 500))
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle(rounds=40)
        rows = await outbox_rows(client)
    assert rows and all(r.state == "sent" for r in rows)
    assert rows[0].attempts == 3
    keys = [b.get("biz_opaque_callback_data") for b in script.sent]
    assert len(keys) - len(set(keys)) == 3  # the three failures were retried, nothing else twice


async def test_window_closed_is_failed_with_the_reason_not_retried(
    settings: Settings, db: object
) -> None:
    script = Script(*[graph_error(131047)] * 10)
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle()
        rows = await outbox_rows(client)
        async with runtime(client).db.session() as session:
            msg = await session.get(Message, rows[0].message_id)
    assert rows[0].state == "failed"
    assert rows[0].attempts == 1
    assert "window closed" in (rows[0].error or "")
    assert msg is not None and msg.state == "failed" and "window" in (msg.error or "")


async def test_a_permanent_error_is_visible_as_failed(settings: Settings, db: object) -> None:
    script = Script(*[graph_error(131026)] * 10)
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle()
        rows = await outbox_rows(client)
    assert rows[0].state == "failed" and rows[0].error_code == 131026


async def test_later_replies_wait_for_earlier_ones_of_the_same_conversation(
    settings: Settings, db: object
) -> None:
    script = Script(httpx.Response(503))
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle(rounds=40)
        rows = await outbox_rows(client)
    # The first reply failed once; it must still reach Graph before any later reply.
    order = [b.get("biz_opaque_callback_data") for b in script.sent]
    first_success = order[1:]
    assert first_success == [r.idempotency_key for r in rows]


async def test_a_row_left_in_sending_by_a_crash_is_sent_after_the_reaper(
    settings: Settings, db: object
) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.inbound_once()
        async with rt.db.session() as session, session.begin():
            rows = (await session.execute(select(Outbox))).scalars().all()
            for row in rows:  # a worker claimed them and died before sending
                row.state, row.claimed_at = "sending", utcnow() - timedelta(minutes=10)
        assert await rt.workers.outbound_once() == 0
        assert await reap_stale(rt.db, rt.workers.outbox_settings) == len(rows)
        await rt.workers.run_until_idle()
        final = await outbox_rows(client)
    assert all(r.state == "sent" for r in final)
    keys = [b.get("biz_opaque_callback_data") for b in script.sent]
    assert len(keys) == len(set(keys)) == len(final)


async def test_a_restarted_process_hears_the_status_webhook_before_it_reaps(
    settings: Settings, db: object
) -> None:
    """The process died with a reply on the wire and came back after the stale limit: Meta's
    retried status webhook, not the reaper, settles the row, and nothing is sent twice."""
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        rt = runtime(client)
        rt.workers.outbox_settings = OutboxSettings(stale_after=timedelta(seconds=30))
        await deliver_text(client, settings)
        await rt.workers.inbound_once()
        async with rt.db.session() as session, session.begin():
            rows = (await session.execute(select(Outbox))).scalars().all()
            for row in rows:  # claimed by a process that died, long ago
                row.state, row.claimed_at = "sending", utcnow() - timedelta(minutes=10)
            keys = [r.idempotency_key for r in rows if r.idempotency_key.startswith("msg:")]
        rt.workers._listening_since = time.monotonic()  # this process has just started
        await rt.workers.reap_once()
        assert await rt.workers.outbound_once() == 0, "reaped before a status could arrive"
        for number, key in enumerate(keys):
            event = status_event(f"wamid.SENT{number}", "sent", callback_data=key)
            body, headers = signed(settings, event)
            assert (await client.post("/webhooks/meta", content=body, headers=headers)).is_success
        await rt.workers.inbound_once()
        rt.workers._listening_since -= 31  # it has now listened past the stale limit
        await rt.workers.reap_once()
        await rt.workers.run_until_idle()
        final = await outbox_rows(client)
    assert final and all(r.state == "sent" for r in final)
    assert script.sent == [], "a reply Meta had accepted was sent again"


# --- Claiming and recording, row by row -------------------------------------------------


async def conversations(db: Database, count: int) -> list[int]:
    async with db.session() as session, session.begin():
        convs = [
            Conversation(channel="whatsapp", business_id="1", contact_hash=f"h{i}", contact_ref="x")
            for i in range(count)
        ]
        session.add_all(convs)
        await session.flush()
        return [c.id for c in convs]  # type: ignore[misc]


async def queue(db: Database, conv_id: int, *states: str, **fields: object) -> list[int]:
    """One outbox row per state, oldest first; returns their ids."""
    async with db.session() as session, session.begin():
        rows = [
            Outbox(
                conversation_id=conv_id,
                idempotency_key=f"k:{conv_id}:{secrets.token_hex(4)}",
                channel="whatsapp",
                path="1/messages",
                body={"to": str(conv_id)},
                state=state,
                claimed_at=utcnow() if state == "sending" else None,
                **fields,  # type: ignore[arg-type]
            )
            for state in states
        ]
        session.add_all(rows)
        await session.flush()
        return [r.id for r in rows]  # type: ignore[misc]


async def states(db: Database, ids: list[int]) -> list[str]:
    async with db.session() as session:
        rows = await session.execute(select(Outbox.id, Outbox.state).where(Outbox.id.in_(ids)))
        found = dict(rows.tuples().all())
    return [found[i] for i in ids]


async def test_only_the_oldest_pending_row_of_each_conversation_is_claimed(db: Database) -> None:
    a, b = await conversations(db, 2)
    a_rows = await queue(db, a, "sent", "failed", "pending", "pending", "pending")
    b_rows = await queue(db, b, "pending", "pending")
    claimed = await claim_due(db, limit=10)
    assert [c.id for c in claimed] == sorted([a_rows[2], b_rows[0]])
    assert {c.conversation_id for c in claimed} == {a, b}
    assert await states(db, a_rows) == ["sent", "failed", "sending", "pending", "pending"]
    assert await states(db, b_rows) == ["sending", "pending"]
    assert await claim_due(db, limit=10) == [], "the next rows wait until these are recorded"


async def test_a_conversation_with_a_row_in_sending_is_skipped(db: Database) -> None:
    busy, free = await conversations(db, 2)
    busy_rows = await queue(db, busy, "sending", "pending")
    free_rows = await queue(db, free, "pending")
    claimed = await claim_due(db, limit=10)
    assert [c.id for c in claimed] == free_rows
    assert await states(db, busy_rows) == ["sending", "pending"]


async def test_a_row_waiting_for_its_retry_holds_back_the_rows_after_it(db: Database) -> None:
    conv, other = await conversations(db, 2)
    later = utcnow() + timedelta(minutes=5)
    waiting = await queue(db, conv, "pending", next_attempt_at=later)
    after = await queue(db, conv, "pending")
    other_rows = await queue(db, other, "pending")
    assert [c.id for c in await claim_due(db, limit=10)] == other_rows
    assert await states(db, waiting + after) == ["pending", "pending"]
    claimed = await claim_due(db, limit=10, now=later + timedelta(seconds=1))
    assert [c.id for c in claimed] == waiting


async def test_the_limit_takes_the_longest_due_first(db: Database) -> None:
    convs = await conversations(db, 5)
    now = utcnow()
    ids = {}
    for age, conv in enumerate(convs):  # convs[4] has been due longest
        (ids[conv],) = await queue(db, conv, "pending", next_attempt_at=now - timedelta(age))
    claimed = await claim_due(db, limit=2, now=now)
    assert {c.id for c in claimed} == {ids[convs[4]], ids[convs[3]]}


async def test_a_claimed_row_carries_what_sending_needs(db: Database) -> None:
    (conv,) = await conversations(db, 1)
    (row_id,) = await queue(db, conv, "pending")
    (claimed,) = await claim_due(db, limit=1)
    assert claimed.id == row_id and claimed.conversation_id == conv
    assert claimed.body == {"to": str(conv)}, "the body is decrypted"
    assert (claimed.channel, claimed.path) == ("whatsapp", "1/messages")
    async with db.session() as session:
        row = await session.get(Outbox, row_id)
    assert row is not None and row.claimed_at is not None


async def claimed_then_recorded_sent_by_a_webhook(db: Database) -> Claimed:
    """A row we claimed, which a status webhook then recorded as sent before our outcome."""
    (conv,) = await conversations(db, 1)
    await queue(db, conv, "pending")
    (claimed,) = await claim_due(db, limit=1)
    async with db.session() as session, session.begin():
        row = await session.get(Outbox, claimed.id)
        assert row is not None
        row.state, row.platform_message_id = "sent", "from-the-webhook"
    return claimed


async def test_recording_leaves_rows_a_status_webhook_recorded_first(db: Database) -> None:
    claimed = await claimed_then_recorded_sent_by_a_webhook(db)
    await record_many(db, [(claimed, TransientError("late"))], OutboxSettings())
    async with db.session() as session:
        row = await session.get(Outbox, claimed.id)
    assert row is not None and row.state == "sent" and row.attempts == 0
    assert row.platform_message_id == "from-the-webhook"


async def test_a_status_webhook_between_our_read_and_our_write_still_wins(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    claimed = await claimed_then_recorded_sent_by_a_webhook(db)
    # As if our read came first: it still saw the row in `sending`.
    stale_read = select(
        Outbox.id,
        Outbox.attempts,
        Outbox.message_id,
        Conversation.status,
        Conversation.last_inbound_at,
    )
    stale_read = stale_read.join(Conversation, Conversation.id == Outbox.conversation_id)
    monkeypatch.setattr(
        "bot.pipeline.outbox._LIVE",
        stale_read.where(Outbox.id.in_(bindparam("ids", expanding=True))),
    )
    await record_many(db, [(claimed, TransientError("late"))], OutboxSettings())
    async with db.session() as session:
        row = await session.get(Outbox, claimed.id)
    assert row is not None and (row.state, row.attempts) == ("sent", 0)
    assert row.platform_message_id == "from-the-webhook"


async def test_recording_a_batch_of_outcomes(db: Database) -> None:
    convs = await conversations(db, 4)
    async with db.session() as session, session.begin():
        msgs = [
            Message(conversation_id=c, direction="out", author="bot", kind="text", state="queued")
            for c in convs
        ]
        session.add_all(msgs)
        await session.flush()
    for conv, msg in zip(convs, msgs, strict=True):
        await queue(db, conv, "pending", message_id=msg.id, attempts=2)
    rows = {c.conversation_id: c for c in await claim_due(db, limit=10)}
    paced = Deferred("paced")
    paced.retry_after = 30
    outcomes = ["wamid.OK", TransientError("busy"), WindowClosedError("closed", code=131047), paced]
    cfg = OutboxSettings(base_delay=0.0, max_delay=0.0)
    await record_many(db, [(rows[c], o) for c, o in zip(convs, outcomes, strict=True)], cfg)
    async with db.session() as session:
        out = {r.conversation_id: r for r in (await session.execute(select(Outbox))).scalars()}
        messages = {
            m.conversation_id: m for m in (await session.execute(select(Message))).scalars()
        }
    sent, retried, failed, deferred = (out[c] for c in convs)
    assert sent.state == "sent" and sent.sent_at is not None and sent.attempts == 2
    assert sent.platform_message_id == hashed_id("whatsapp", "wamid.OK")
    assert messages[convs[0]].state == "sent"
    assert retried.state == "pending" and retried.attempts == 3
    assert retried.error == "retrying: the platform did not answer (server error)"
    assert messages[convs[1]].state == "queued"
    assert failed.state == "failed" and failed.attempts == 3 and failed.error_code == 131047
    assert "window closed" in (failed.error or "")
    assert messages[convs[2]].state == "failed" and "window" in (messages[convs[2]].error or "")
    assert deferred.state == "pending" and deferred.attempts == 2, "pacing is not an attempt"
    assert deferred.next_attempt_at > utcnow() + timedelta(seconds=20)


async def test_a_goodbye_sent_after_an_erase_forgets_its_body(db: Database) -> None:
    (conv,) = await conversations(db, 1)
    await queue(db, conv, "pending")
    (claimed,) = await claim_due(db, limit=1)
    async with db.session() as session, session.begin():
        person = await session.get(Conversation, conv)
        assert person is not None
        person.status = "erased"
    await record_many(db, [(claimed, "wamid.BYE")], OutboxSettings())
    async with db.session() as session:
        row = await session.get(Outbox, claimed.id)
    assert row is not None and row.state == "sent" and row.body == {}


async def test_a_row_another_claimer_holds_keeps_its_conversation_back(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("row locks are PostgreSQL's; SQLite claims one transaction at a time")
    held_conv, free_conv = await conversations(db, 2)
    held = await queue(db, held_conv, "pending", "pending")
    free = await queue(db, free_conv, "pending")
    async with db.engine.connect() as other:
        await other.begin()  # another process mid-claim: the oldest row is locked, still pending
        await other.execute(select(Outbox.id).where(Outbox.id == held[0]).with_for_update())
        # SKIP LOCKED: waiting for the lock here would hang until the timeout.
        claimed = await asyncio.wait_for(claim_due(db, limit=10), timeout=10)
        await other.rollback()
    assert [c.id for c in claimed] == free, "neither the locked row nor the one after it"
    assert await states(db, held) == ["pending", "pending"]


async def test_concurrent_claimers_never_take_the_same_row(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite has one writer: claims cannot overlap")
    convs = await conversations(db, 12)
    queued = {conv: await queue(db, conv, *["pending"] * 4) for conv in convs}
    claims: list[tuple[int, int]] = []  # (conversation, row) in the order they were claimed
    in_flight: set[int] = set()

    async def claimer() -> None:
        idle = 0
        while idle < 3:
            rows = await claim_due(db, limit=5)
            if not rows:
                idle += 1
                await asyncio.sleep(0.01)
                continue
            idle = 0
            for row in rows:
                assert row.conversation_id not in in_flight, "two rows of one conversation"
                in_flight.add(row.conversation_id)
                claims.append((row.conversation_id, row.id))
            await asyncio.sleep(0)  # let the other claimers run while these are "sending"
            for row in rows:
                in_flight.discard(row.conversation_id)
            await record_many(db, [(row, "wamid.X") for row in rows], OutboxSettings())

    await asyncio.gather(*(claimer() for _ in range(6)))
    claimed_ids = [row_id for _, row_id in claims]
    assert len(claimed_ids) == len(set(claimed_ids)), "a row was claimed twice"
    for conv, ids in queued.items():
        assert [r for c, r in claims if c == conv] == ids, "claimed in order, each once"


# --- Sending: the senders overlap ----------------------------------------------------------


async def test_a_slow_send_does_not_hold_back_the_other_conversations(db: Database) -> None:
    # Meta answers in 100-500 ms. Sent in rounds, every row of a round waited for the slowest
    # request of the round before the next rows were claimed.
    convs = await conversations(db, 10)
    rows = [(await queue(db, conv, "pending"))[0] for conv in convs]
    slow_row, released = rows[0], asyncio.Event()
    sent: list[int] = []

    async def send(row: Claimed) -> str:
        if row.id == slow_row:
            await released.wait()
        sent.append(row.id)
        return f"wamid.{row.id}"

    pipeline: Any = SimpleNamespace(db=db)
    workers = Workers(pipeline=pipeline, send=send, send_concurrency=4)
    sending = asyncio.create_task(workers.outbound_once())
    for _ in range(500):
        if len(sent) == 9:
            break
        await asyncio.sleep(0.01)
    assert sorted(sent) == rows[1:], "the other nine went while the slow one was in flight"
    released.set()
    assert await asyncio.wait_for(sending, timeout=5) == 10
    assert await states(db, rows) == ["sent"] * 10


def test_a_reply_is_retried_within_the_platforms_window() -> None:
    last = utcnow() - timedelta(hours=1)

    def row(channel: str, body: dict[str, Any]) -> Claimed:
        path = "1202/messages" if channel == "whatsapp" else "me/messages"
        return Claimed(1, 1, 1, "msg:1:0", channel, path, body)

    assert deadline(row("whatsapp", {}), last) == last + timedelta(hours=24)
    assert deadline(row("messenger", {}), last) == last + timedelta(hours=24)
    tagged = {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
    assert deadline(row("instagram", tagged), last) == last + timedelta(days=7)
    assert deadline(row("whatsapp", {}), None) is None, "no window known: no deadline"
