"""One fake Graph API server for the channel tests, reset before each test that uses it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from bot.channels.graph import GraphClient
from bot.channels.http import graph_http_client
from tests.fakes.graph_server import FakeGraph

TOKEN = "test-token"
VERSION = "v25.0"


@pytest.fixture(scope="session")
def graph_server() -> Iterator[FakeGraph]:
    with FakeGraph(token=TOKEN) as fake:
        yield fake


@pytest.fixture
def fake_graph(graph_server: FakeGraph) -> Iterator[FakeGraph]:
    graph_server.reset()
    yield graph_server
    graph_server.reset()


@pytest.fixture
async def graph(fake_graph: FakeGraph) -> AsyncIterator[GraphClient]:
    async with graph_http_client(httpx.Timeout(2.0), max_connections=4) as client:
        yield GraphClient(client, fake_graph.url, VERSION)
