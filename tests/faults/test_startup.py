"""`sauti serve --workers 2`, and a second replica, all starting at the same moment on a
database nobody has used yet: every process comes up (none trips over another storing the
flow versions), and a crowd writing in is answered exactly once."""

from __future__ import annotations

import asyncio

import pytest

from tests.fakes.graph_server import FakeGraph
from tests.faults.harness import (
    Meta,
    assert_answered_once,
    assert_clean_logs,
    clients,
    conversation_messages,
    deliver_and_settle,
    sauti_server,
)

pytestmark = pytest.mark.slow


async def test_processes_starting_together_all_come_up_and_share_the_work(
    backend: str, fresh_database: str, fake_graph: FakeGraph, tmp_path
) -> None:
    replicas = [
        sauti_server(fresh_database, fake_graph.url, tmp_path / "a.log", workers=2),
        sauti_server(fresh_database, fake_graph.url, tmp_path / "b.log", workers=2),
    ]
    await asyncio.gather(*(asyncio.to_thread(r.start) for r in replicas))
    messages = conversation_messages(contacts=30, per_contact=2, tag="start")
    try:
        async with clients(*replicas) as http:
            ledger = await deliver_and_settle(
                Meta(http), fake_graph, fresh_database, messages,
                rate=100, retry_for=20, quiet=1.0, settle_for=40,
            )  # fmt: skip
        logs = [(tmp_path / name).read_text() for name in ("a.log", "b.log")]
    finally:
        for replica in replicas:
            replica.stop()
    for log in logs:
        assert log.count("Application startup complete") == 2  # both worker processes
    assert_clean_logs(tmp_path / "a.log", tmp_path / "b.log")
    assert_answered_once(ledger, fake_graph, {m.wamid for m in messages})
