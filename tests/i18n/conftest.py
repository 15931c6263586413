"""Shared paths and objects for the i18n tests: the real locales and the test catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n.catalog import Catalogs
from bot.i18n.words import Lexicon

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
DATA = ROOT / "tests" / "data" / "i18n"


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon(LOCALES)


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs(LOCALES)
