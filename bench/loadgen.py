"""A small, cheap HTTP/1.1 load generator over raw asyncio streams (keep-alive, loopback only).

Requests are prebuilt bytes, so the generator spends its CPU on sockets rather than on an
HTTP client library: on a 2-core machine every cycle it uses is taken from the server.

`run(...)` sends prebuilt requests either as fast as `connections` allow (closed loop), or on
a fixed schedule at `rate` per second (open loop). In the open loop a request's latency is
counted from when it was due, not when a connection was free, so a slow server cannot hide
its queueing (no coordinated omission).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

HOST = "127.0.0.1"  # the only host this tool talks to


@dataclass
class Result:
    sent: int = 0
    ok: int = 0
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    started: float = 0.0  # wall clock (time.time), comparable with other processes
    elapsed: float = 0.0
    acked: list[int] = field(default_factory=list)  # indexes of requests answered 200

    @property
    def throughput(self) -> float:
        return self.ok / self.elapsed if self.elapsed > 0 else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(HOST, self.port)

    async def request(self, raw: bytes, timeout: float) -> int:
        """Send one request and read its response; returns the HTTP status."""
        if self.writer is None:
            await self.connect()
        assert self.reader is not None
        self.writer.write(raw)
        try:
            return await asyncio.wait_for(_read_response(self.reader), timeout)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(int(headers.get("content-length", "0")))
    if headers.get("connection", "").lower() == "close":
        raise ConnectionResetError("server closed the connection")
    return status


async def run(
    port: int,
    requests: list[bytes],
    *,
    rate: float | None = None,
    connections: int = 64,
    max_seconds: float = 60.0,
    timeout: float = 10.0,
) -> Result:
    """Send `requests` to 127.0.0.1:`port`; bounded by their count and by `max_seconds`."""
    result = Result()
    loop = asyncio.get_running_loop()
    # Connections are opened before the clock starts, as a sender that keeps them alive
    # would have them: otherwise the first requests also time the load generator's own
    # hundreds of simultaneous connects, whatever the server is.
    conns = [Connection(port) for _ in range(min(connections, len(requests)) or 1)]
    await asyncio.gather(*(c.connect() for c in conns), return_exceptions=True)
    start = loop.time()
    result.started = time.time()
    deadline = start + max_seconds
    cursor = iter(range(len(requests)))

    async def worker(conn: Connection) -> None:
        try:
            for i in cursor:
                due = start + i / rate if rate else loop.time()
                if due > deadline or loop.time() > deadline:
                    return  # bounded in time too: a server that fell behind is not waited for
                delay = due - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                result.sent += 1
                try:
                    status = await conn.request(requests[i], timeout)
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError):
                    result.errors += 1
                    await asyncio.sleep(0.01)  # a refused connection must not spin
                    continue
                result.latencies.append(loop.time() - due)
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if status == 200:
                    result.ok += 1
                    result.acked.append(i)
        finally:
            conn.close()

    await asyncio.gather(*(worker(conn) for conn in conns))
    result.elapsed = loop.time() - start
    return result
