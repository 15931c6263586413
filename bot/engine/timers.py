"""Timeouts as data: when to wake a waiting conversation, and whether we may write first.

The bot never writes first unless the person said it is safe (contact prefs), and then
only in the hours they allowed. "day" is judged by the sun at their location when we know
it (longitude / 15 hours from UTC), else by UTC: good enough for "not at 3 in the night".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot import safe_contact

DAY_START, DAY_END = 8, 20


def may_write_first(prefs: dict[str, Any] | None, now: datetime, country_code: str | None) -> bool:
    """The one rule (bot.safe_contact): allowed, and inside the person's safe hours."""
    return safe_contact.may_write_first(prefs, country_code, now)[0]
