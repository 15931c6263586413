"""PostgreSQL restarts while people are writing: webhooks that could not be stored are not
acknowledged (Meta sends them again), /readyz goes red then green, the service recovers by
itself, and every message is answered exactly once. Runs on a PostgreSQL server of its own
(never the shared test server), started with initdb into a temporary directory."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import httpx
import pytest

from bench.pg import Postgres, binaries
from bench.targets import prepare_database
from bot.pipeline.wake import Waker
from tests.fakes.graph_server import FakeGraph
from tests.faults.harness import (
    Meta,
    StatusEcho,
    assert_answered_once,
    clients,
    conversation_messages,
    sauti_server,
    settle,
    wait_for_sends,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(binaries() is None, reason="PostgreSQL server binaries not installed"),
]


@pytest.fixture
def own_postgres() -> Iterator[tuple[Postgres, str]]:
    server = Postgres().start()
    try:
        url = server.create_database("sauti")
        prepare_database(url)
        yield server, url
    finally:
        server.cleanup()


async def wait_ready(client: httpx.AsyncClient, ready: bool, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = (await client.get("/readyz")).status_code
        except httpx.HTTPError:
            status = 0
        if (status == 200) == ready:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"/readyz never became {'ready' if ready else 'unready'}")


async def test_a_database_restart_is_survived(
    own_postgres: tuple[Postgres, str], fake_graph: FakeGraph, tmp_path
) -> None:
    pg, url = own_postgres
    server = sauti_server(url, fake_graph.url, tmp_path / "a.log")
    await asyncio.to_thread(server.start)
    messages = conversation_messages(contacts=30, per_contact=2, tag="pgrestart")
    try:
        async with clients(server) as http:
            meta = Meta(http)
            echo = StatusEcho(fake_graph, meta)
            echo.start()
            burst = asyncio.create_task(meta.send(messages, rate=20))
            await wait_for_sends(fake_graph, 3)
            await asyncio.to_thread(pg.stop, "fast")
            await wait_ready(http[0], ready=False, timeout=10)
            await asyncio.sleep(1.0)  # people keep writing into the outage
            await asyncio.to_thread(pg.start)
            await wait_ready(http[0], ready=True, timeout=20)
            await burst
            await meta.retry(messages, deadline=time.monotonic() + 30)
            ledger = await settle(url, fake_graph, quiet=1.0, deadline=time.monotonic() + 40)
            await echo.stop()
    finally:
        server.stop()
    assert meta.refused > 0, "no webhook arrived during the outage: the test proved nothing"
    assert len(meta.acked) == len(messages)
    assert_answered_once(ledger, fake_graph, {m.wamid for m in messages})


async def test_work_notifications_come_back_after_a_restart(
    own_postgres: tuple[Postgres, str],
) -> None:
    pg, url = own_postgres
    heard: list[str] = []
    listener = Waker(url, heard.append)
    other = Waker(url, lambda _kind: None)
    listener.start()
    other.start()
    try:
        await asyncio.wait_for(listener.connected.wait(), 10)
        await asyncio.wait_for(other.connected.wait(), 10)
        other.announce("in")
        await until(lambda: "in" in heard)
        await asyncio.to_thread(pg.stop, "fast")
        await until(lambda: not listener.connected.is_set())
        await asyncio.to_thread(pg.start)
        await asyncio.wait_for(listener.connected.wait(), 20)
        await asyncio.wait_for(other.connected.wait(), 20)
        heard.clear()
        other.announce("out")  # a kind the reconnection itself never reports
        await until(lambda: "out" in heard)
    finally:
        await listener.stop()
        await other.stop()


async def until(check, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)
