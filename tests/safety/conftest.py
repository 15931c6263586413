"""Fixtures for the safety tests: the whole app answering real signed WhatsApp webhooks,
replying through a local fake Graph API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from bot.config import Settings
from bot.store.db import Database
from tests.conftest import running_app
from tests.fakes.graph_server import FakeGraph


@pytest.fixture(scope="module")
def graph_server() -> Iterator[FakeGraph]:
    with FakeGraph() as fake:
        yield fake


@pytest.fixture
def graph(graph_server: FakeGraph) -> Iterator[FakeGraph]:
    graph_server.reset()
    yield graph_server
    graph_server.reset()


@pytest.fixture
def wa_settings(settings: Settings, graph: FakeGraph) -> Settings:
    # No per-contact pacing in tests: a long conversation would wait for its bucket.
    return settings.model_copy(update={"graph_url": graph.url, "contact_burst": 10_000})


@pytest.fixture
async def wa_client(wa_settings: Settings, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The app with workers driven by the test (`run_until_idle`), replying to the fake."""
    async with running_app(wa_settings) as client:
        yield client
