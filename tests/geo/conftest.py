"""Shared, expensive fixtures: the gazetteer is built once per test session."""

from __future__ import annotations

import pytest

from bot.geo.emergency import EmergencyBook, get_emergency_book
from bot.geo.gazetteer import Gazetteer, get_gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return get_gazetteer()


@pytest.fixture(scope="session")
def book() -> EmergencyBook:
    return get_emergency_book()
