"""The load generator times the server, not itself: its connections are open before the
first request is due, and a slow answer counts from when the request was due."""

from __future__ import annotations

import asyncio
import time

from bench import loadgen

RESPONSE = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"


async def _server(delay: float, log: list[tuple[str, float]]) -> asyncio.Server:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        log.append(("connect", time.monotonic()))
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                log.append(("request", time.monotonic()))
                await asyncio.sleep(delay)
                writer.write(RESPONSE)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    return await asyncio.start_server(handle, loadgen.HOST, 0)


def _requests(n: int) -> list[bytes]:
    return [b"POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n"] * n


async def test_every_connection_is_open_before_the_first_request() -> None:
    log: list[tuple[str, float]] = []
    server = await _server(0.0, log)
    port = server.sockets[0].getsockname()[1]
    async with server:
        result = await loadgen.run(port, _requests(40), rate=400, connections=8)
    kinds = [kind for kind, _ in log]
    assert result.ok == 40
    assert kinds.count("connect") == 8
    assert kinds[:8] == ["connect"] * 8  # no connect mixed in with the measured requests


async def test_latency_counts_from_when_the_request_was_due() -> None:
    # One connection, answers after 50 ms, requests due every 10 ms: they queue, and the
    # queueing shows in the latencies instead of being hidden by the busy connection.
    server = await _server(0.05, [])
    port = server.sockets[0].getsockname()[1]
    async with server:
        result = await loadgen.run(port, _requests(10), rate=100, connections=1)
    assert result.ok == 10
    assert result.percentile(0) >= 0.045
    assert max(result.latencies) >= 0.4  # the last one was due at 90 ms, answered at ~500 ms
