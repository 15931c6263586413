"""Adapters between the pipeline and the flow engine: build the engine's context from a
conversation row, and keep every flow version a conversation started on.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from bot.engine.effects import Effects
from bot.engine.runner import Context, Resume, Timeout, step
from bot.engine.state import ConversationState, load_state
from bot.geo.emergency import emergency_book_for
from bot.geo.gazetteer import get_gazetteer
from bot.i18n.catalog import Catalogs
from bot.messages import Inbound, Reply
from bot.store.models import Conversation


class AckBrain:
    """Without flows: acknowledge every message from the catalog (the pipeline still works)."""

    def __init__(self, catalogs: Catalogs) -> None:
        self.catalogs = catalogs

    def respond(
        self, conv: Conversation, event: Inbound | str, *, case_ref: str, now: datetime
    ) -> tuple[ConversationState | None, Effects]:
        if not isinstance(event, Inbound) or conv.claimed:
            return None, Effects()
        lang = conv.language or "en"
        text = self.catalogs.format(lang, "received-ack")
        return None, Effects(replies=[Reply(text=text, lang=lang)])


class FlowBrain:
    """The default: run the conversation's flow (the version it started on) one step."""

    def __init__(
        self,
        registry: Any,
        catalogs: Catalogs,
        lexicon: Any,
        *,
        flow_id: str = "distress",
        org: str = "Sauti",
        retention_days: int = 90,
        prefer_countries: list[str] | None = None,
        flows_dir: Path | None = None,
        hotline: str | None = None,
        numbers_max_age_months: int = 12,
    ) -> None:
        self.registry = registry
        self.catalogs = catalogs
        self.lexicon = lexicon
        self.flow_id = flow_id
        self.org = org
        self.retention_days = retention_days
        self.prefer_countries = prefer_countries or []
        self.flows_dir = flows_dir
        self.hotline = hotline or None
        self.numbers_max_age_months = numbers_max_age_months

    def gazetteer(self) -> Any:
        """The place index for this deployment's flows folder (built once, ~2 s)."""
        places = self.flows_dir / "places.yaml" if self.flows_dir else None
        return get_gazetteer(places if places and places.is_file() else None)

    def emergency(self) -> Any:
        return emergency_book_for(self.flows_dir)

    def respond(
        self, conv: Conversation, event: Inbound | str, *, case_ref: str, now: datetime
    ) -> tuple[ConversationState | None, Effects]:
        state = load_state(conv.state)  # stored by this engine or an older one
        flow = self.registry.for_state(state, default_flow=self.flow_id)
        ctx = Context(
            now=now,
            catalogs=self.catalogs,
            lexicon=self.lexicon,
            org=self.org,
            retention_days=self.retention_days,
            case_ref=case_ref,
            claimed=conv.claimed,
            prefer_countries=self.prefer_countries,
            contact_prefs=conv.contact_prefs,
            hotline=self.hotline,
            numbers_max_age_months=self.numbers_max_age_months,
            gazetteer=_Lazy(self.gazetteer),  # built only when a place is asked for
            emergency=_Lazy(self.emergency),
        )
        if isinstance(event, Inbound):
            engine_event: Any = event
        elif event == "resume":
            engine_event = Resume()
        else:
            engine_event = Timeout(name=event)
        return step(flow, state, engine_event, ctx)


class _Lazy:
    """Stands for the object `load()` returns, loading it on first attribute access."""

    def __init__(self, load: Any) -> None:
        self._load = load

    def __getattr__(self, name: str) -> Any:
        return getattr(self._load(), name)
