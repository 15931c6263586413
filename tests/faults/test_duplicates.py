"""Meta delivers the same message more than once, and out of order, at a high rate, across
replicas: each message is stored and applied once, and each reply is sent once and in order.
"""

from __future__ import annotations

import asyncio
import random
import time

import pytest

from bench.payloads import encode, text_event
from tests.fakes.graph_server import FakeGraph
from tests.faults.harness import (
    Message_,
    Meta,
    assert_answered_once,
    assert_clean_logs,
    clients,
    conversation_messages,
    deliver_and_settle,
    sauti_server,
)

pytestmark = pytest.mark.slow


def batched(messages: list[Message_], contact: int) -> Message_:
    """One webhook carrying all of a contact's messages, newest first (Meta batches)."""
    payloads = [
        text_event(m.contact, m.wamid, ts=int(time.time()) - i) for i, m in enumerate(messages)
    ]
    first = payloads[0]
    value = first["entry"][0]["changes"][0]["value"]
    value["messages"] = [p["entry"][0]["changes"][0]["value"]["messages"][0] for p in payloads][
        ::-1
    ]
    body, sig = encode(first)
    return Message_(contact, f"batch.{contact}", body, sig)


async def test_duplicates_and_reordering_change_nothing(
    backend: str, fresh_database: str, fake_graph: FakeGraph, tmp_path
) -> None:
    replicas = [sauti_server(fresh_database, fake_graph.url, tmp_path / "a.log")]
    if backend == "postgres":
        replicas.append(sauti_server(fresh_database, fake_graph.url, tmp_path / "b.log"))
    await asyncio.gather(*(asyncio.to_thread(r.start) for r in replicas))
    messages = conversation_messages(contacts=40, per_contact=3, tag="dup")
    by_contact: dict[int, list[Message_]] = {}
    for m in messages:
        by_contact.setdefault(m.contact, []).append(m)
    deliveries = messages * 3 + [batched(ms, c) for c, ms in list(by_contact.items())[:10]]
    random.Random(9).shuffle(deliveries)
    try:
        async with clients(*replicas) as http:
            ledger = await deliver_and_settle(
                Meta(http), fake_graph, fresh_database, deliveries,
                rate=400, concurrency=32, retry_for=30, quiet=1.0, settle_for=45,
            )  # fmt: skip
    finally:
        for replica in replicas:
            replica.stop()
    assert_answered_once(ledger, fake_graph, {m.wamid for m in messages})
    assert_clean_logs(*(tmp_path / n for n in ("a.log", "b.log")))
