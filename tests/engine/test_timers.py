"""The bot writes first only when the person said it is safe, in the hours they allowed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.engine.effects import Timer
from bot.engine.timers import from_state, may_write_first, to_state

NOON_UTC = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)
MIDNIGHT_UTC = datetime(2025, 1, 6, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("prefs", "now", "longitude", "allowed"),
    [
        (None, NOON_UTC, None, False),  # the default: never
        ({"safe_to_message_first": False}, NOON_UTC, None, False),
        ({"safe_to_message_first": True, "safe_hours": "any"}, MIDNIGHT_UTC, None, True),
        ({"safe_to_message_first": True, "safe_hours": "day"}, NOON_UTC, None, True),
        ({"safe_to_message_first": True, "safe_hours": "day"}, MIDNIGHT_UTC, None, False),
        # Midnight UTC is 9:20 in the morning at longitude 140 (sun time).
        ({"safe_to_message_first": True, "safe_hours": "day"}, MIDNIGHT_UTC, 140.0, True),
        ({"safe_to_message_first": True, "safe_hours": "never heard of"}, NOON_UTC, None, False),
    ],
)
def test_may_write_first(prefs, now, longitude, allowed):
    assert may_write_first(prefs, now, longitude) is allowed


def test_timers_round_trip_through_the_state():
    timers = [Timer(name="expire", at=NOON_UTC)]
    assert from_state(to_state(timers)) == timers
