"""A business number whose sends fail is held and probed, and everything it held goes out
within seconds of the platform's recovery: each reply once, in order, nobody given up.

The outage tests run against the real HTTP Graph stand-in, with the real settings (backoff
from 1 s, probes capped at 10 s): a 20 s outage, 20 people writing for the first time.
"""

from __future__ import annotations

import asyncio
import collections
import time
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bench.payloads import APP_SECRET, contact_phone, encode, text_event
from bot.channels.errors import RateLimitError, TransientError
from bot.config import Settings
from bot.pipeline.circuits import Circuits, circuit_states, probe_delay
from bot.pipeline.outbox import OutboxSettings, claim_due, record_many
from bot.store.db import Database
from bot.store.models import Conversation, Outbox, utcnow
from tests.conftest import running_app
from tests.fakes.graph_server import FakeGraph
from tests.helpers import waiting_replies

OUTAGE = 20.0  # seconds the Graph stand-in fails
PEOPLE = 20
RECOVERY = 20.0  # every person answered within this many seconds of the recovery


def graph_settings(settings: Settings, graph: FakeGraph) -> Settings:
    return settings.model_copy(
        update={"graph_url": graph.url, "app_secret": APP_SECRET, "simulator": False}
    )


async def write_first(client: httpx.AsyncClient, contacts: range, tag: str) -> None:
    for n in contacts:
        body, signature = encode(text_event(n, f"wamid.{tag}.{n}", ts=int(time.time())))
        headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
        response = await client.post("/webhooks/meta", content=body, headers=headers)
        assert response.status_code == 200


def first_reply_times(graph: FakeGraph) -> dict[str, float]:
    """When each person got their first real reply (not a read mark), by phone number."""
    first: dict[str, float] = {}
    for body, at in zip(graph.sent, graph.sent_times, strict=True):
        if body.get("status") != "read" and body.get("to"):
            first.setdefault(body["to"], at)
    return first


async def outbox_states(db: Database) -> collections.Counter[str]:
    async with db.session() as session:
        rows = (await session.execute(select(Outbox.state))).scalars().all()
    return collections.Counter(rows)


@pytest.mark.slow
@pytest.mark.parametrize(
    "failure",
    [
        {"status": 500},
        {"status": 429, "code": 130429, "retry_after": 2},
    ],
    ids=["server-errors", "throughput-429"],
)
async def test_twenty_first_contacts_are_answered_within_seconds_of_the_recovery(
    settings: Settings, db: Database, graph: FakeGraph, failure: dict[str, Any]
) -> None:
    graph.fail_for(OUTAGE, **failure)
    async with running_app(graph_settings(settings, graph), start_workers=True) as client:
        await write_first(client, range(1, PEOPLE + 1), "outage")
        while graph.down():
            await asyncio.sleep(0.1)
        recovered = time.monotonic()
        phones = {contact_phone(n) for n in range(1, PEOPLE + 1)}
        deadline = recovered + RECOVERY
        while set(first_reply_times(graph)) < phones and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        answered = first_reply_times(graph)
        assert set(answered) == phones, f"{len(answered)} of {PEOPLE} answered in time"
        assert max(answered.values()) - recovered <= RECOVERY
        await asyncio.sleep(1.0)  # anything sent a second time would show by now
        states = await outbox_states(db)
    refused = len(graph.requests) - len(graph.sent)
    assert refused >= 1, "the outage was never met"
    assert refused < 10 * OUTAGE, "the number was hammered instead of probed"
    assert states["failed"] == 0, "a reply was given up"
    keys = collections.Counter(
        b["biz_opaque_callback_data"] for b in graph.sent if "biz_opaque_callback_data" in b
    )
    assert keys and max(keys.values()) == 1, "a reply reached the person twice"
    order = collections.defaultdict(list)
    for body in graph.sent:
        if key := body.get("biz_opaque_callback_data"):
            order[body["to"]].append(key)
    for keys_in_order in order.values():
        assert keys_in_order == sorted(keys_in_order, key=_queued_order), "out of order"


def _queued_order(key: str) -> tuple[int, ...]:
    # "msg:<message id>…": the transcript's id is the order the replies were queued in.
    return tuple(int(part) for part in key.split(":")[1:] if part.isdigit())


# -- the circuit's rules, one by one --------------------------------------------------------


def test_probes_back_off_doubling_and_never_wait_longer_than_the_cap() -> None:
    delays = [probe_delay(n, 1.0, 10.0, None) for n in range(1, 12)]
    assert 0.8 <= delays[0] <= 1.0
    assert 1.6 <= delays[1] <= 2.0
    assert all(d <= 10.0 for d in delays), "after an outage of any length, recovery is seen"
    assert probe_delay(1, 1.0, 10.0, 2.0) >= 2.0, "Retry-After is a minimum"
    assert probe_delay(8, 1.0, 10.0, 2.0) >= 8.0, "not the schedule"


async def test_a_failing_number_is_held_and_probed_one_request_at_a_time(db: Database) -> None:
    cfg = OutboxSettings(base_delay=0.0, probe_max_delay=0.0)
    await waiting_replies(db, 3)
    first = await claim_due(db, limit=1)
    gate, other = Circuits(db), Circuits(db)  # two processes
    await record_many(db, [(first[0], TransientError("down", status_code=500))], cfg, gate)
    [state] = await circuit_states(db)
    assert state.state == "open" and state.failures == 1
    assert await gate.admit("1202/messages") is None, "the first due row is the probe"
    held = await gate.admit("1202/messages")
    assert held is not None and held.retry_after == gate.hold, "one probe at a time"
    other.note(["1202/messages"], [])
    assert await other.admit("1202/messages") is not None, "across processes too"
    assert await gate.admit("9999/messages") is None, "other numbers are not held"


async def test_the_first_success_releases_everything_held_at_once(db: Database) -> None:
    cfg = OutboxSettings(base_delay=0.0, probe_max_delay=0.0)
    await waiting_replies(db, 4)
    gate = Circuits(db, hold=600)
    rows = await claim_due(db, limit=4)
    probe, *rest = rows
    failures = [(r, TransientError("down", status_code=503)) for r in rows]
    await record_many(db, failures, cfg, gate)
    rows = await claim_due(db, limit=4)
    assert await gate.admit(rows[0].path) is None
    held = [(r, await gate.admit(r.path)) for r in rows[1:]]
    assert all(h is not None for _, h in held)
    await record_many(db, held, cfg, gate)  # type: ignore[arg-type]
    assert len(await claim_due(db, limit=4)) == 0, "held rows wait"
    closed = await record_many(db, [(rows[0], "wamid.OK")], cfg, gate)
    assert closed == ["1202/messages"]
    assert len(await claim_due(db, limit=4)) == 3, "released at once"
    [state] = await circuit_states(db)
    assert state.state == "closed"


async def test_a_pair_rate_limit_holds_one_person_not_the_number(db: Database) -> None:
    cfg = OutboxSettings()
    [conv_id] = await waiting_replies(db, 1)
    [row] = await claim_due(db, limit=1)
    pair = RateLimitError("pair", code=131056, per_contact=True)
    gate = Circuits(db)
    await record_many(db, [(row, pair)], cfg, gate)
    assert await circuit_states(db) == []
    async with db.session() as session:
        stored = await session.get(Outbox, row.id)
    assert stored is not None and stored.state == "pending" and stored.attempts == 1


async def test_a_reply_is_retried_until_its_window_closes_then_fails_with_the_reason(
    db: Database,
) -> None:
    cfg = OutboxSettings(base_delay=0.0, probe_max_delay=0.0)
    [conv_id] = await waiting_replies(db, 1)
    for _ in range(20):  # far more than any fixed number of attempts
        [row] = await claim_due(db, limit=1)
        await record_many(db, [(row, TransientError("down", status_code=500))], cfg)
    async with db.session() as session, session.begin():
        conv = await session.get(Conversation, conv_id)
        assert conv is not None
        conv.last_inbound_at = utcnow() - timedelta(hours=24, seconds=1)
    [row] = await claim_due(db, limit=1)
    await record_many(db, [(row, TransientError("down", status_code=500))], cfg)
    async with db.session() as session:
        stored = await session.get(Outbox, row.id)
    assert stored is not None and stored.state == "failed" and stored.attempts == 21
    assert "window closed" in (stored.error or "")
