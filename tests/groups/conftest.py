"""Fixtures for group tests: the app with the groups API mounted, and seeded staff."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.cases.support import Staff, seed_staff
from tests.conftest import runtime
from tests.groups.support import with_groups_api


@pytest.fixture
async def client(app_client: httpx.AsyncClient) -> AsyncIterator[httpx.AsyncClient]:
    yield with_groups_api(app_client)


@pytest.fixture
async def staff(client: httpx.AsyncClient) -> Staff:
    """amina (libya), omar (morocco), root (admin)."""
    return await seed_staff(runtime(client))
