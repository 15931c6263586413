"""The bot writes first only when the person said it is safe, in the hours they allowed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.engine.effects import Timer
from bot.engine.state import ConversationState, load_state
from bot.engine.timers import may_write_first

NOON_UTC = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)
MIDNIGHT_UTC = datetime(2025, 1, 6, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("prefs", "now", "country", "allowed"),
    [
        (None, NOON_UTC, "LY", False),  # the default: never
        ({"safe_to_message_first": False}, NOON_UTC, "LY", False),
        ({"safe_to_message_first": True, "safe_hours": "any"}, MIDNIGHT_UTC, None, True),
        ({"safe_to_message_first": True, "safe_hours": "day"}, NOON_UTC, "LY", True),
        ({"safe_to_message_first": True, "safe_hours": "day"}, MIDNIGHT_UTC, "LY", False),
        # Midnight UTC is 09:00 in Tokyo: inside the day on the person's own clock.
        ({"safe_to_message_first": True, "safe_hours": "day"}, MIDNIGHT_UTC, "JP", True),
        # Daytime only, and we do not know where they are: wait for them to write.
        ({"safe_to_message_first": True, "safe_hours": "day"}, NOON_UTC, None, False),
        ({"safe_to_message_first": True, "safe_hours": "never heard of"}, NOON_UTC, "LY", False),
    ],
)
def test_may_write_first(prefs, now, country, allowed):
    assert may_write_first(prefs, now, country) is allowed


def test_timers_round_trip_through_the_state():
    timers = [Timer(name="expire", at=NOON_UTC)]
    stored = ConversationState(timers=timers).stored()
    assert load_state(stored).timers == timers
