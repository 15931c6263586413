"""Builders for group tests: people (a conversation and its case) with their own numbers,
names and languages, and the groups router on the test app until the lead wires it in."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from bot.masking import mask_contact
from bot.runtime import Runtime
from bot.store.models import Case, Conversation
from bot.web import groups_api

NOW = datetime(2026, 4, 11, 10, 0, tzinfo=UTC)

_ids = {"n": 0}


def with_groups_api(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """Mount bot.web.groups_api on the app if bot.web.routes does not already."""
    app = client.app  # type: ignore[attr-defined]
    if not any(getattr(r, "path", "") == "/api/groups" for r in app.router.routes):
        app.include_router(groups_api.router)
    return client


async def person(
    rt: Runtime,
    *,
    channel: str = "whatsapp",
    language: str | None = "en",
    name: str | None = None,
    team: str | None = "libya",
    last_inbound: datetime | None = None,
    prefs: dict[str, Any] | None = None,
    answers: dict[str, Any] | None = None,
    location: dict[str, Any] | None = None,
    created_at: datetime | None = None,
    status: str = "open",
) -> Case:
    """One person with a number (or page-scoped id) and a name of their own, and a case."""
    _ids["n"] += 1
    n = _ids["n"]
    phone = f"2547{n:08d}" if channel == "whatsapp" else None
    ref = phone or f"{channel[:2]}-{secrets.token_hex(6)}"
    async with rt.db.session() as session, session.begin():
        conv = Conversation(
            channel=channel,
            business_id="1202" if channel == "whatsapp" else "page-1",
            contact_hash=secrets.token_hex(8),
            contact_ref=ref,
            contact_phone=phone,
            contact_name=name or f"Person{n}",
            masked_id=mask_contact(channel, ref, phone),
            language=language,
            last_inbound_at=last_inbound if last_inbound is not None else NOW - timedelta(hours=1),
            contact_prefs=prefs,
        )
        session.add(conv)
        await session.flush()
        created = created_at or NOW - timedelta(hours=2)
        case = Case(
            conversation_id=conv.id,  # type: ignore[arg-type]
            status=status,
            priority="high",
            channel=channel,
            language=language,
            team=team,
            answers={"consent": "yes", **(answers or {})},
            location=location,
            created_at=created,
            updated_at=created,
        )
        session.add(case)
    return case


async def conversation_of(rt: Runtime, case: Case) -> Conversation:
    async with rt.db.session() as session:
        conv = await session.get(Conversation, case.conversation_id)
    assert conv is not None
    return conv


def pin(lat: float, lon: float, place: str = "Tripoli", country: str = "LY") -> dict[str, Any]:
    """A shared location pin, as the flow stores it."""
    return {"latitude": lat, "longitude": lon, "place": place, "country_code": country}


def typed(place: str, lat: float, lon: float, country: str = "LY") -> dict[str, Any]:
    """A typed town: the town's own coordinates, and what the person wrote."""
    return {
        "latitude": lat,
        "longitude": lon,
        "text": place.lower(),
        "place": place,
        "country_code": country,
    }


def gid(group: Any) -> int:
    """A flushed group's id (typed as optional on the model)."""
    assert group.id is not None
    return int(group.id)
