"""Who may get a group update now, and why not."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.groups.eligibility import NOT_SAFE_FIRST, STOPPED, WINDOW_CLOSED, decide
from bot.store.models import Case, Conversation
from tests.groups.support import NOW

ANY_TIME = {"safe_to_message_first": True, "safe_hours": "any"}
NEVER = {"safe_to_message_first": False, "safe_hours": None}
DAYTIME = {"safe_to_message_first": True, "safe_hours": "day"}


def member(
    channel: str = "whatsapp",
    *,
    hours_ago: float = 1,
    prefs: dict[str, Any] | None = None,
    country: str | None = "LY",
    state: dict[str, Any] | None = None,
) -> tuple[Case, Conversation]:
    conv = Conversation(
        id=1,
        channel=channel,
        business_id="1",
        contact_hash="h",
        contact_ref="ref",
        last_inbound_at=NOW - timedelta(hours=hours_ago),
        contact_prefs=prefs,
        state=state,
    )
    case = Case(id="C", conversation_id=1, location={"country_code": country} if country else None)
    return case, conv


def test_inside_the_24_hour_window_the_update_goes_whatever_the_preferences() -> None:
    assert decide(*member(prefs=NEVER), NOW).send


def test_whatsapp_after_24_hours_is_skipped_even_if_writing_first_is_allowed() -> None:
    got = decide(*member(hours_ago=30, prefs=ANY_TIME), NOW)
    assert (got.send, got.reason) == (False, WINDOW_CLOSED)
    assert "template" in (got.detail or "")


def test_messenger_after_24_hours_goes_with_the_human_agent_tag_if_allowed() -> None:
    got = decide(*member("messenger", hours_ago=72, prefs=ANY_TIME), NOW)
    assert got.send and got.human_agent


def test_nobody_is_written_to_first_who_did_not_allow_it() -> None:
    for prefs in (NEVER, None):
        got = decide(*member("messenger", hours_ago=72, prefs=prefs), NOW)
        assert (got.send, got.reason) == (False, NOT_SAFE_FIRST)


def test_daytime_only_is_read_on_the_clock_where_the_person_is() -> None:
    # NOW is 10:00 UTC = 12:00 in Libya; 21:00 UTC is 23:00 there.
    assert decide(*member("messenger", hours_ago=72, prefs=DAYTIME), NOW).send
    late = NOW.replace(hour=21)
    got = decide(*member("messenger", hours_ago=83, prefs=DAYTIME), late)
    assert (got.send, got.reason) == (False, NOT_SAFE_FIRST)


def test_after_seven_days_messenger_allows_nothing() -> None:
    got = decide(*member("instagram", hours_ago=24 * 8, prefs=ANY_TIME), NOW)
    assert (got.send, got.reason) == (False, WINDOW_CLOSED)


def test_a_person_who_wrote_stop_is_skipped() -> None:
    got = decide(*member(state={"ended": "stopped"}), NOW)
    assert (got.send, got.reason) == (False, STOPPED)
