"""Each public channel module declares its API in __all__, and every name there exists."""

from __future__ import annotations

import importlib

import pytest

MODULES = [
    "bidi",
    "errors",
    "graph",
    "messenger",
    "meta",
    "render_messenger",
    "render_whatsapp",
    "signature",
    "whatsapp",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_is_sorted_and_complete(name: str) -> None:
    module = importlib.import_module(f"bot.channels.{name}")
    assert module.__all__ == sorted(module.__all__)
    assert all(hasattr(module, item) for item in module.__all__)
