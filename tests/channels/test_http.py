"""The Graph HTTP client: keep-alive, and telling 'maybe delivered' from 'never sent'."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from bot.channels.errors import TransientError
from bot.channels.graph import GraphClient, whatsapp_path
from bot.channels.http import graph_http_client

BODY = {"messaging_product": "whatsapp", "to": "254700000001", "type": "text"}
_ANSWER = b'{"messages":[{"id":"wamid.1"}]}'
OK = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    + f"Content-Length: {len(_ANSWER)}\r\n\r\n".encode()
    + _ANSWER
)

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _read_request(reader: asyncio.StreamReader) -> None:
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    await reader.readexactly(length)


class RawServer:
    """A bare TCP server, to answer (or not) in ways no HTTP framework will."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.connections = 0

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            await self.handler(reader, writer)
        finally:
            writer.close()


@pytest.fixture
async def serve() -> AsyncIterator[Callable[[Handler], Awaitable[tuple[RawServer, str]]]]:
    servers: list[asyncio.Server] = []

    async def start(handler: Handler) -> tuple[RawServer, str]:
        raw = RawServer(handler)
        server = await asyncio.start_server(raw._serve, "127.0.0.1", 0)
        servers.append(server)
        port = server.sockets[0].getsockname()[1]
        return raw, f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.close()
        await server.wait_closed()


async def failed_send(url: str, timeout: float) -> TransientError:
    async with graph_http_client(httpx.Timeout(timeout), max_connections=4) as client:
        graph = GraphClient(client, url, "v25.0")
        with pytest.raises(TransientError) as caught:
            await graph.send(whatsapp_path("1"), BODY, "t")
    return caught.value


async def test_sequential_sends_share_one_connection(serve) -> None:  # type: ignore[no-untyped-def]
    async def answer_forever(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                await _read_request(reader)
            except asyncio.IncompleteReadError:
                return
            writer.write(OK)
            await writer.drain()

    raw, url = await serve(answer_forever)
    async with graph_http_client(httpx.Timeout(2.0), max_connections=4) as client:
        graph = GraphClient(client, url, "v25.0")
        ids = [await graph.send(whatsapp_path("1"), BODY, "t") for _ in range(5)]
    assert ids == ["wamid.1"] * 5
    assert raw.connections == 1


async def test_a_connection_dropped_after_the_request_may_have_been_delivered(serve) -> None:  # type: ignore[no-untyped-def]
    async def read_then_hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)  # Meta read it, and may act on it

    _, url = await serve(read_then_hang_up)
    error = await failed_send(url, 2.0)
    assert error.title == "network error"
    assert error.maybe_sent is True  # type: ignore[attr-defined]


async def test_a_refused_connection_was_never_delivered() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    error = await failed_send(f"http://127.0.0.1:{closed_port}", 1.0)
    assert error.maybe_sent is False  # type: ignore[attr-defined]


async def test_a_timeout_may_have_been_delivered(serve) -> None:  # type: ignore[no-untyped-def]
    async def read_then_stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await asyncio.sleep(2)

    _, url = await serve(read_then_stall)
    error = await failed_send(url, 0.2)
    assert error.title == "timeout"
    assert error.maybe_sent is True  # type: ignore[attr-defined]
