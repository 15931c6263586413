"""Fixtures for engine tests: the default flow, a context on stand-ins, a conversation driver."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.engine.compile import CompiledFlow
from bot.engine.context import Context
from bot.engine.effects import Effects
from bot.engine.registry import FlowRegistry
from bot.engine.runner import step
from bot.engine.state import ConversationState
from bot.flowtools.scripts import RecordingCatalogs
from tests.engine.fakes import ROOT, make_context


@pytest.fixture(scope="session")
def registry() -> FlowRegistry:
    return FlowRegistry(ROOT / "flows")


@pytest.fixture
def flow(registry: FlowRegistry) -> CompiledFlow:
    return registry.latest("distress")


class Chat:
    """Drives one conversation and remembers which message ids the bot said."""

    def __init__(self, flow: CompiledFlow, ctx: Context) -> None:
        self.flow = flow
        self.ctx = ctx
        self.recorder = RecordingCatalogs(ctx.catalogs)
        ctx.catalogs = self.recorder
        self.state: ConversationState | None = None
        self.fx = Effects()

    def send(self, event: Any) -> list[str]:
        """Step once; the message ids of the replies."""
        self.state, self.fx = step(self.flow, self.state, event, self.ctx)
        return self.ids()

    def ids(self) -> list[str]:
        return [self.recorder.ids_by_text.get(r.text, r.text) for r in self.fx.replies]

    def options(self) -> list[str]:
        with_options = [r for r in self.fx.replies if r.options]
        return [o.id for o in with_options[-1].options] if with_options else []


@pytest.fixture
def chat(flow: CompiledFlow) -> Callable[..., Chat]:
    def make(locales: Path | None = None, flow_: CompiledFlow | None = None, **ctx: Any) -> Chat:
        return Chat(flow_ or flow, make_context(locales, **ctx))

    return make
