"""PostgreSQL connections are checked before use only after sitting idle: a connection the
server closed meanwhile is replaced without the caller noticing, and one handed back a moment
ago costs no extra round trips."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy import text

from bot.store import idle_ping
from bot.store.db import Database
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs SAUTI_TEST_POSTGRES_URL")


@pytest.fixture
async def pg(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Database]:
    monkeypatch.setattr(idle_ping, "IDLE_BEFORE_PING", 0.2)
    db = Database(postgres_url, pool_size=1, max_overflow=0)
    try:
        yield db
    finally:
        await db.dispose()


@pytest.fixture
def pings(pg: Database, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    dialect = pg.engine.sync_engine.dialect
    real = dialect.do_ping

    def counted(dbapi_connection: object) -> bool:
        calls.append(dbapi_connection)
        return real(dbapi_connection)

    monkeypatch.setattr(dialect, "do_ping", counted)
    return calls


async def backend_pid(db: Database) -> int:
    async with db.engine.connect() as conn:
        return int((await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def terminate(postgres_url: str, pid: int) -> None:
    conn = await asyncpg.connect(postgres_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute("SELECT pg_terminate_backend($1)", pid)
    finally:
        await conn.close()


async def test_a_connection_reused_at_once_is_not_pinged(pg: Database, pings: list[object]) -> None:
    first = await backend_pid(pg)
    for _ in range(5):
        assert await backend_pid(pg) == first
    assert pings == []


async def test_an_idle_connection_is_pinged_before_use(pg: Database, pings: list[object]) -> None:
    first = await backend_pid(pg)
    await asyncio.sleep(0.3)
    assert await backend_pid(pg) == first  # alive: kept
    assert len(pings) == 1


async def test_an_idle_connection_the_server_closed_is_replaced_unnoticed(
    pg: Database, postgres_url: str, pings: list[object]
) -> None:
    first = await backend_pid(pg)
    await terminate(postgres_url, first)
    await asyncio.sleep(0.3)
    second = await backend_pid(pg)  # no error reaches the caller
    assert second != first
    assert len(pings) == 1
