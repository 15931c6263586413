"""Small builders shared by tests: inbound events, and storing them like the webhook does;
WhatsApp conversations with replies waiting in the outbox."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

from bot.messages import Inbound, Location
from bot.store.db import Database
from bot.store.models import Conversation, Outbox, WebhookEvent, utcnow

_counter = {"n": 0}
_WHATSAPP = Path(__file__).parent / "data" / "meta" / "whatsapp.json"


def status_event(
    wamid: str,
    status: str,
    *,
    errors: list[dict] | None = None,
    callback_data: str | None = None,
) -> dict:
    """A WhatsApp status webhook for one of our sends; `callback_data` is our key, echoed."""
    fixtures = json.loads(_WHATSAPP.read_text(encoding="utf-8"))
    event = copy.deepcopy(fixtures["status_failed_window" if errors else "status_sent"])
    item = event["entry"][0]["changes"][0]["value"]["statuses"][0]
    item["id"], item["status"] = wamid, status
    if errors is not None:
        item["errors"] = errors
    if callback_data is not None:
        item["biz_opaque_callback_data"] = callback_data
    return event


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


async def waiting_replies(db: Database, n: int, path: str = "1202/messages") -> list[int]:
    """`n` WhatsApp conversations (the person wrote just now), each with one reply due to
    business number `path`; their conversation ids."""
    ids = []
    async with db.session() as session, session.begin():
        for i in range(n):
            phone = f"44700{i:04}"
            conv = Conversation(
                channel="whatsapp",
                business_id=path.split("/")[0],
                contact_hash=f"h{i}",
                contact_ref=phone,
                last_inbound_at=utcnow(),
            )
            session.add(conv)
            await session.flush()
            assert conv.id is not None
            ids.append(conv.id)
            body = {"messaging_product": "whatsapp", "to": phone, "type": "text"}
            session.add(
                Outbox(
                    conversation_id=conv.id,
                    idempotency_key=f"msg:{conv.id}:0",
                    channel="whatsapp",
                    path=path,
                    body=body,
                )
            )
    return ids
