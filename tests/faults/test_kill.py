"""kill -9 of a worker process in the middle of a crowd writing in, then a restart: every
acknowledged message is answered, and no reply reaches the Graph API twice.

Meta retries whatever we did not acknowledge, and reports each accepted send back in a
status webhook that echoes our idempotency key; that is how a reply that was on the wire when
the process died is known to be delivered and is not sent again after the restart.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.fakes.graph_server import FakeGraph
from tests.faults.harness import (
    Meta,
    StatusEcho,
    assert_answered_once,
    assert_clean_logs,
    clients,
    conversation_messages,
    sauti_server,
    settle,
    wait_for_sends,
)

pytestmark = pytest.mark.slow

STALE = 10.0  # SAUTI_OUTBOX_STALE_SECONDS: when a dead process's claimed rows come back


async def test_kill_9_mid_burst_loses_nothing_and_sends_nothing_twice(
    backend: str, fresh_database: str, fake_graph: FakeGraph, tmp_path
) -> None:
    env = {"SAUTI_OUTBOX_STALE_SECONDS": str(STALE)}
    victim = sauti_server(fresh_database, fake_graph.url, tmp_path / "a.log", **env)
    replicas = [victim]
    if backend == "postgres":  # a second replica keeps serving while the first is dead
        replicas.append(sauti_server(fresh_database, fake_graph.url, tmp_path / "b.log", **env))
    await asyncio.gather(*(asyncio.to_thread(r.start) for r in replicas))
    fake_graph.delay_next(100_000, 0.2)  # a slow Graph API: sends are in flight at the kill
    messages = conversation_messages(contacts=40, per_contact=3, tag="kill")
    try:
        async with clients(*replicas) as http:
            meta = Meta(http)
            echo = StatusEcho(fake_graph, meta)
            echo.start()
            burst = asyncio.create_task(meta.send(messages, rate=40))
            await wait_for_sends(fake_graph, 15)
            victim.kill()
            killed_at = time.monotonic()
            await burst
            await asyncio.to_thread(victim.start)
            await meta.retry(messages, deadline=time.monotonic() + 30)
            # Past the stale limit, the reaper has given back whatever the dead process held.
            await asyncio.sleep(max(0.0, killed_at + STALE + 2 - time.monotonic()))
            ledger = await settle(
                fresh_database, fake_graph, quiet=1.0, deadline=time.monotonic() + 30
            )
            await echo.stop()
    finally:
        for replica in replicas:
            replica.stop()
    assert len(meta.acked) == len(messages)
    assert_answered_once(ledger, fake_graph, {m.wamid for m in messages})
    assert_clean_logs(*(tmp_path / n for n in ("a.log", "b.log")))
