"""SIGTERM while replies are going out: the process stops taking work, finishes what is on
the wire, gives back what it claimed but had not sent, and exits in time; after a restart
every message is answered exactly once."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.fakes.graph_server import FakeGraph
from tests.faults.harness import (
    Meta,
    StatusEcho,
    assert_answered_once,
    clients,
    conversation_messages,
    read_ledger,
    sauti_server,
    settle,
    wait_for_sends,
)

pytestmark = pytest.mark.slow

GRACE = 10.0  # Workers.stop(grace): what is in hand may take this long to finish


async def test_sigterm_releases_what_it_holds_and_nothing_is_lost(
    backend: str, fresh_database: str, fake_graph: FakeGraph, tmp_path
) -> None:
    server = sauti_server(fresh_database, fake_graph.url, tmp_path / "a.log")
    await asyncio.to_thread(server.start)
    fake_graph.delay_next(100_000, 0.3)  # a slow Graph API: there is always work in hand
    messages = conversation_messages(contacts=60, per_contact=1, tag="term")
    try:
        async with clients(server) as http:
            meta = Meta(http)
            echo = StatusEcho(fake_graph, meta)
            echo.start()
            burst = asyncio.create_task(meta.send(messages, rate=100))
            await wait_for_sends(fake_graph, 5)
            started = time.monotonic()
            code = await asyncio.to_thread(server.stop, GRACE + 15)
            took = time.monotonic() - started
            await burst
            held = await read_ledger(fresh_database)
            await asyncio.to_thread(server.start)
            await meta.retry(messages, deadline=time.monotonic() + 30)
            ledger = await settle(
                fresh_database, fake_graph, quiet=1.0, deadline=time.monotonic() + 40
            )
            await echo.stop()
    finally:
        server.stop()
    # uvicorn shuts down, then re-raises the signal it caught: -15 is a clean exit too.
    assert code in (0, -15)
    assert "Application shutdown complete" in (tmp_path / "a.log").read_text()
    assert took < GRACE + 10
    assert "sending" not in held.outbox.values(), "claimed rows were left behind"
    assert_answered_once(ledger, fake_graph, {m.wamid for m in messages})
