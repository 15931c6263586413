"""Getting a process ready before people's messages reach it.

Much of what a reply needs is loaded on first use: the place index, each language's catalog,
the language detector, modules imported on first call. Loaded while a burst is arriving, each
of these holds the event loop for tens of milliseconds, and every webhook waiting to be
acknowledged waits too. So a new process rehearses a few conversations in memory (nothing
is stored or sent) before it calls itself warm.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from datetime import UTC, datetime
from typing import Any

from bot.messages import Inbound, Location
from bot.pipeline.brain import FlowBrain
from bot.pipeline.ingest import parse_body
from bot.pipeline.replies import render
from bot.runtime import Runtime
from bot.store.models import Conversation

log = logging.getLogger(__name__)

# A message allocates thousands of short-lived objects (ORM rows, statements, pydantic
# models): with the default threshold (700) the collector runs every few hundred microseconds
# of work and costs ~20% of the CPU. Reference counting frees almost all of them; the
# collector is only for cycles, which a larger young generation still catches.
GC_YOUNG_THRESHOLD = 50_000

# First messages in each script the detector tells apart (and words no marker list knows,
# which only the statistical detector weighs), then a pin, then the first option offered:
# enough to load every catalog, the detector and the place index. Never shown to anyone.
_FIRST_MESSAGES = (
    "hello, I need help",
    "bonjour",
    "salam ana f libya",
    "مرحبا",
    "ሰላም",
    "qwxzv plorkt",
)
_PIN = Location(latitude=32.8872, longitude=13.1913)
_NOW = datetime(2025, 1, 6, 10, 0, tzinfo=UTC)


async def warm_up(runtime: Runtime) -> None:
    brain = runtime.pipeline.brain
    if isinstance(brain, FlowBrain):
        # Off the event loop: the place index takes about two seconds to build.
        await asyncio.to_thread(brain.gazetteer)
        try:
            await asyncio.to_thread(rehearse, brain)
        except Exception:  # noqa: BLE001 - a slower first reply, not a reason to stop
            log.exception("the warm-up conversation failed")
    parse_body("meta", b'{"object": "whatsapp_business_account", "entry": []}')
    # What start-up loaded lives as long as the process: keep it out of the collector's full
    # passes, which otherwise stop everything for ~100 ms at a time under load (issue #9).
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 20)


def rehearse(brain: FlowBrain) -> int:
    """Run a few short conversations through the flow in memory; returns the replies made."""
    made = 0
    for n, text in enumerate(_FIRST_MESSAGES):
        conv = Conversation(
            channel="whatsapp", business_id="warm-up", contact_hash=f"warm-up-{n}", contact_ref="0"
        )
        event: Any = _inbound(n, 0, text=text)
        for turn in range(1, 4):
            state, effects = brain.respond(conv, event, case_ref="WARM-UP", now=_NOW)
            conv.state = state.stored() if state else conv.state
            for reply in effects.replies:
                render(conv, reply)
                made += 1
            options = [o for r in effects.replies for o in r.options]
            if turn == 1:
                event = _inbound(n, turn, location=_PIN)
            elif options:
                event = _inbound(n, turn, choice_id=options[0].id, text=options[0].title)
            else:
                event = _inbound(n, turn, text="1")
    return made


def _inbound(n: int, turn: int, **fields: Any) -> Inbound:
    kind = "location" if "location" in fields else "choice" if "choice_id" in fields else "text"
    return Inbound(
        channel="whatsapp",
        kind=kind,
        dedupe_key=f"warm-up-{n}-{turn}",
        business_id="warm-up",
        contact_id=f"warm-up-{n}",
        timestamp=_NOW,
        **fields,
    )
