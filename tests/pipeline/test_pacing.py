"""Pacing shared by every process on PostgreSQL (bot/pipeline/pacing.py): two workers sending
a burst to one business number never go above its rate in any second, measured at the Graph
stand-in; a person's burst allowance is shared too."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy import event

from bot.config import Settings
from bot.pipeline.pacing import SharedPacer
from bot.pipeline.sending import Pacer
from bot.runtime import build_runtime
from bot.store.db import Database
from bot.store.models import Outbox
from tests.fakes.graph_server import FakeGraph
from tests.helpers import waiting_replies

RATE = 40  # messages per second for the business number under test
BURST = 120


def postgres_only(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite runs one process: its pacing is in memory")


def busiest_second(times: list[float]) -> int:
    """The most messages in any window of one second."""
    times = sorted(times)
    return max(
        (sum(1 for t in times[i:] if t < start + 1.0) for i, start in enumerate(times)),
        default=0,
    )


async def test_two_workers_never_send_above_the_rate_of_a_number(
    settings: Settings, db: Database, graph: FakeGraph
) -> None:
    postgres_only(db)
    shared = settings.model_copy(update={"graph_url": graph.url, "business_rate": RATE})
    await waiting_replies(db, BURST)
    one, two = build_runtime(shared), build_runtime(shared)
    try:
        deadline = time.monotonic() + 30
        while len(graph.sent) < BURST and time.monotonic() < deadline:
            await asyncio.gather(one.workers.outbound_once(), two.workers.outbound_once())
            await asyncio.sleep(0.02)
    finally:
        await one.close()
        await two.close()
    assert len(graph.sent) == BURST
    assert busiest_second(graph.sent_times) <= RATE
    elapsed = max(graph.sent_times) - min(graph.sent_times)
    assert elapsed < BURST / RATE + 2, "paced, not stalled"


async def test_a_persons_burst_is_shared_by_every_process(db: Database) -> None:
    postgres_only(db)
    await waiting_replies(db, 1)
    one, two = (SharedPacer(db, contact_burst=3, business_rate=1000) for _ in range(2))
    row = Outbox(conversation_id=1, idempotency_key="k", channel="whatsapp", path="1/messages")
    waits = [await pacer.acquire(row) for pacer in (one, two, one)]
    assert waits == [0.0, 0.0, 0.0]
    assert 5.0 < await two.acquire(row) <= 6.0, "the fourth waits for the refill, anywhere"


def test_a_normal_conversation_is_never_held_back_by_the_pacing() -> None:
    """A caseworker's reply must not wait behind the pacing: Meta allows bursts of 45."""
    pacer = Pacer()
    row = Outbox(conversation_id=1, idempotency_key="k", channel="whatsapp", path="1/messages")
    assert all(pacer.wait(row) == 0.0 for _ in range(45))


def _rows(n: int, path: str = "1/messages") -> list[Outbox]:
    return [
        Outbox(conversation_id=i, idempotency_key=f"k{i}", channel="whatsapp", path=path)
        for i in range(1, n + 1)
    ]


async def test_the_sends_of_one_claim_take_their_tokens_in_one_round_trip(db: Database) -> None:
    postgres_only(db)
    pacer = SharedPacer(db, business_rate=1000)
    await pacer.acquire(_rows(1)[0])  # the number's bucket exists; the clock offset is read
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if "pace_bucket" in statement:
            statements.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    try:
        waits = await asyncio.gather(*(pacer.acquire(row) for row in _rows(16)))
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", count)
    assert waits == [0.0] * 16
    # The number's bucket is taken from and the new conversations' are created, taken from.
    assert len(statements) == 1


async def test_a_batch_takes_the_slots_of_the_next_second_and_defers_the_rest(
    db: Database,
) -> None:
    postgres_only(db)
    pacer = SharedPacer(db, business_rate=10)  # 9/s under the margin: 10 slots within 1 s
    started = time.monotonic()
    waits = await asyncio.gather(*(pacer.acquire(row) for row in _rows(14)))
    assert waits[:10] == [0.0] * 10, "the first ten go, each at its slot"
    assert all(1.0 < wait < 1.5 for wait in waits[10:]), "the rest try again at their turn"
    assert 0.9 < time.monotonic() - started < 1.6, "the tenth waited for its slot"


async def test_a_person_twice_in_one_batch_gets_only_the_tokens_they_have(db: Database) -> None:
    postgres_only(db)
    pacer = SharedPacer(db, contact_burst=2, business_rate=1000)
    row = Outbox(conversation_id=7, idempotency_key="k", channel="whatsapp", path="1/messages")
    waits = await asyncio.gather(*(pacer.acquire(row) for _ in range(3)))
    assert waits[:2] == [0.0, 0.0]
    assert 5.0 < waits[2] <= 6.0
