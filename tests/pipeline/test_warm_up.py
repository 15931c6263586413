"""Warming up: a new process rehearses conversations in memory before it calls itself ready,
so the first people to write after a deploy or restart are not the ones who wait."""

from __future__ import annotations

import asyncio
import sys

import httpx
from sqlalchemy import func, select

from bot.pipeline.brain import FlowBrain
from bot.pipeline.warm_up import rehearse
from bot.runtime import build_runtime
from bot.store.models import Conversation, Message
from tests.conftest import make_settings, runtime


def test_the_rehearsal_loads_every_catalog_and_the_language_detector(tmp_path) -> None:
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path / 'warm.db'}")
    brain = build_runtime(settings).pipeline.brain
    assert isinstance(brain, FlowBrain)
    replies = rehearse(brain)
    assert replies >= 6  # at least one answer to each first message
    assert sorted(brain.catalogs._bundles) == sorted(brain.catalogs.languages)
    assert "lingua" in sys.modules


async def test_the_rehearsal_stores_nothing(app_client: httpx.AsyncClient) -> None:
    app = runtime(app_client)
    assert isinstance(app.pipeline.brain, FlowBrain)
    rehearse(app.pipeline.brain)
    async with app.db.session() as session:
        for table in (Conversation, Message):
            count = select(func.count()).select_from(table)
            assert (await session.execute(count)).scalar_one() == 0


async def test_not_ready_while_warming_up(app_client: httpx.AsyncClient) -> None:
    warming: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    runtime(app_client).warming = warming
    during = await app_client.get("/readyz")
    warming.set_result(None)
    after = await app_client.get("/readyz")
    assert (during.status_code, during.json()) == (503, {"status": "warming up"})
    assert after.status_code == 200
