"""Shared fixtures: settings and a database per test, on SQLite and (when available) PostgreSQL.

PostgreSQL runs when SAUTI_TEST_POSTGRES_URL is set (`.ci/run` starts a local server and sets
it); otherwise those parametrizations are skipped.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from bot.config import DEMO_APP_SECRET, DEMO_DATA_KEY, DEMO_VERIFY_TOKEN, Settings
from bot.runtime import Runtime
from bot.store import crypto
from bot.store.db import Database, create_all, drop_all
from tests.fakes.graph_server import FakeGraph

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("SAUTI_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgres"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        help="the browser tests rewrite the README's screenshots in docs/screenshots/",
    )


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "app_secret": DEMO_APP_SECRET,
        "verify_token": DEMO_VERIFY_TOKEN,
        "data_key": DEMO_DATA_KEY,
        "flows_dir": ROOT / "flows",
        "locales_dir": ROOT / "locales",
        "graph_url": "http://127.0.0.1:9",
        "whatsapp_token": "test-wa-token",
        "messenger_token": "test-page-token",
        "poll_interval": 0.05,
        "simulator": True,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres" and not POSTGRES_URL:
        if os.environ.get("SAUTI_REQUIRE_POSTGRES"):
            pytest.fail("SAUTI_REQUIRE_POSTGRES is set but SAUTI_TEST_POSTGRES_URL is not")
        pytest.skip("PostgreSQL not configured (set SAUTI_TEST_POSTGRES_URL)")
    return str(request.param)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of our own on the test server, so parallel test runs never collide."""
    import asyncpg

    server = POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://")
    name = f"sauti_test_{os.getpid()}_{secrets.token_hex(3)}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(server)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    base, _, _ = POSTGRES_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return f"sqlite+aiosqlite:///{tmp_path / 'sauti.db'}"


@pytest.fixture
def settings(database_url: str) -> Settings:
    crypto.configure([DEMO_DATA_KEY])
    return make_settings(database_url)


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    if not database.is_sqlite:
        await drop_all(database.engine)
    await create_all(database.engine)
    try:
        yield database
    finally:
        if not database.is_sqlite:
            await drop_all(database.engine)
        await database.dispose()


@pytest.fixture
async def app_client(settings: Settings, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """The whole app over ASGI, lifespan run, workers NOT started (tests drive them with
    `runtime(client).workers.run_until_idle()`)."""
    async with running_app(settings) as client:
        yield client


@asynccontextmanager
async def running_app(
    settings: Settings, *, start_workers: bool = False, http: httpx.AsyncClient | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    from bot.app import create_app

    app = create_app(settings, create_tables=True, start_workers=start_workers, http=http)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            client.app = app  # type: ignore[attr-defined]
            yield client


def runtime(client: httpx.AsyncClient) -> Runtime:
    return client.app.state.runtime  # type: ignore[attr-defined,no-any-return]


@pytest.fixture(scope="session")
def graph_server() -> Iterator[FakeGraph]:
    """A real local HTTP server standing in for the Graph API (see tests/fakes)."""
    with FakeGraph() as fake:
        yield fake


@pytest.fixture
def graph(graph_server: FakeGraph) -> Iterator[FakeGraph]:
    graph_server.reset()
    yield graph_server
    graph_server.reset()
