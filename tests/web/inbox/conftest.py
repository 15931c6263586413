"""Fixtures for the inbox tests: the whole app in demo mode, seeded with two teams."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.store.db import Database
from tests.conftest import running_app, runtime
from tests.web.inbox.support import Web, seed


@pytest.fixture
async def web(settings: Settings, db: Database) -> AsyncIterator[Web]:
    demo = settings.model_copy(update={"demo": True})
    async with running_app(demo) as client:
        rt = runtime(client)
        users = await seed(rt)
        yield Web(client=client, rt=rt, users=users)
