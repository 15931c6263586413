"""Fault-test fixtures: a database of the test's own (SQLite file, or a new PostgreSQL
database on the test server), prepared as `sauti db upgrade` leaves it; and the Graph API
stand-in (tests/fakes/graph_server.py)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.targets import prepare_database
from tests.conftest import POSTGRES_URL
from tests.fakes.graph_server import FakeGraph


async def _admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture
def fresh_database(backend: str, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'sauti.db'}"
        prepare_database(url)
        yield url
        return
    name = f"sauti_fault_{secrets.token_hex(4)}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    url = f"{POSTGRES_URL.rpartition('/')[0]}/{name}"
    try:
        prepare_database(url)
        yield url
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def fake_graph() -> Iterator[FakeGraph]:
    with FakeGraph() as fake:
        yield fake
