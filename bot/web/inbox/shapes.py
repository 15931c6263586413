"""Display shapes for the inbox templates, built on the cases layer's JSON (`bot.cases.views`).

Templates get the same fields the API gives the same user, plus a few derived ones
(what to show for a location, the options the bot offered, the window in words).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.cases.views import message_json
from bot.store.models import Case, Message
from bot.web.render import as_utc, span

PRIORITY_RANK = {"urgent": 0, "high": 1, "normal": 2}
STATUS_RANK = {"open": 0, "claimed": 1, "resolved": 2}


def sort_key(pair: tuple[Case, Any]) -> tuple[Any, ...]:
    """Unresolved first; then urgent, high, normal; unclaimed first; newest first."""
    case = pair[0]
    stamp = case.created_at.timestamp()
    return (
        case.status == "resolved",
        PRIORITY_RANK.get(case.priority, 9),
        STATUS_RANK.get(case.status, 9),
        -stamp,
    )


def unclaimed_urgent(case: dict[str, Any]) -> bool:
    return case.get("priority") == "urgent" and case.get("status") == "open"


def entry(msg: Message, case_id: str, media_state: str | None = None) -> dict[str, Any]:
    """One transcript line: message_json plus the options the bot offered with it."""
    out = message_json(msg, case_id=case_id, media_state=media_state)
    reply = (msg.data or {}).get("reply") if msg.direction == "out" else None
    out["options"] = [o.get("title", "") for o in (reply or {}).get("options", [])]
    out["asks_location"] = bool((reply or {}).get("request_location"))
    if out.get("media"):
        out["media"]["url"] = f"/inbox/cases/{case_id}/media/{msg.id}"
    return out


def window_words(window: dict[str, Any], channel: str, now: datetime | None = None) -> str:
    """The platform window for a caseworker: open for how long, or what is still allowed."""
    now = now or datetime.now(UTC)
    if channel == "simulator":
        return "Simulator: no time limit."
    closes = as_utc(window.get("closes_at"))
    if window.get("open") and closes is not None:
        return f"Open: you can write freely for {span((closes - now).total_seconds())}."
    human = as_utc(window.get("human_agent_until"))
    if human is not None and human > now:
        left = span((human - now).total_seconds())
        return f"24 h window closed; as a person you may still write for {left}."
    if channel == "whatsapp" and closes is not None:
        return "Closed: only an approved template can go until the person writes again."
    if closes is None:
        return "The person has not written on this channel yet."
    return "Closed: wait until the person writes again."
