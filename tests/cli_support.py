"""Running `sauti ...` through typer from async tests, against the test's database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bot.cli import app
from bot.config import get_settings


def use_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the checkout
    monkeypatch.setenv("SAUTI_DATABASE_URL", database_url)
    monkeypatch.delenv("SAUTI_DATA_KEY", raising=False)
    get_settings.cache_clear()


async def sauti(*args: str) -> Result:
    """`sauti ARGS` in a thread: the CLI runs its own event loop, as in its own process."""
    result = await asyncio.to_thread(CliRunner().invoke, app, list(args))
    get_settings.cache_clear()
    return result
