"""Small builders shared by tests: inbound events, and storing them like the webhook does."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot.messages import Inbound, Location
from bot.store.db import Database
from bot.store.models import WebhookEvent

_counter = {"n": 0}


def sim_message(
    text: str | None = None,
    *,
    contact: str = "sim-1",
    choice: str | None = None,
    location: tuple[float, float] | None = None,
    ts: int | None = None,
    key: str | None = None,
) -> Inbound:
    _counter["n"] += 1
    n = _counter["n"]
    kind = "choice" if choice else "location" if location else "text"
    return Inbound(
        channel="simulator",
        kind=kind,
        dedupe_key=key or f"sim.{contact}.{n}",
        business_id="simulator",
        contact_id=contact,
        timestamp=datetime.fromtimestamp(ts or 1_767_600_000 + n, UTC),
        text=text,
        choice_id=choice,
        location=Location(latitude=location[0], longitude=location[1]) if location else None,
    )


async def store_events(db: Database, *items: Inbound) -> None:
    """Store one raw event holding `items`, as the simulator endpoint does."""
    body = json.dumps([i.model_dump(mode="json") for i in items]).encode()
    async with db.session() as session, session.begin():
        session.add(WebhookEvent(source="simulator", body=body))
