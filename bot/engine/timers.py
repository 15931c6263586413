"""Timeouts as data: when to wake a waiting conversation, and whether we may write first.

The bot never writes first unless the person said it is safe (contact prefs), and then
only in the hours they allowed. "day" is judged by the sun at their location when we know
it (longitude / 15 hours from UTC), else by UTC: good enough for "not at 3 in the night".
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.engine.effects import Timer

DAY_START, DAY_END = 8, 20


def may_write_first(prefs: dict[str, Any] | None, now: datetime, longitude: float | None) -> bool:
    if not prefs or not prefs.get("safe_to_message_first"):
        return False
    hours = prefs.get("safe_hours")
    if hours in (None, "any"):
        return True
    if hours == "day":
        local = now + timedelta(hours=(longitude or 0.0) / 15.0)
        return DAY_START <= local.hour < DAY_END
    return False


def to_state(timers: list[Timer]) -> list[dict[str, str]]:
    return [{"name": t.name, "at": t.at.isoformat()} for t in timers]


def from_state(saved: list[dict[str, str]] | None) -> list[Timer]:
    return [Timer(name=t["name"], at=datetime.fromisoformat(t["at"])) for t in saved or []]
