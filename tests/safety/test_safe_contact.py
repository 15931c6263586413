"""The bot writes first only if the person said it is safe, and then only in their hours,
on the clock of the country they are in."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.safe_contact import MAIN_ZONES, may_write_first, zone_for

DAY = {"safe_to_message_first": True, "safe_hours": "day"}
ANY = {"safe_to_message_first": True, "safe_hours": "any"}
NOON_UTC = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "prefs",
    [None, {}, {"safe_to_message_first": False, "safe_hours": "any"}, {"safe_hours": "any"}],
)
def test_without_a_clear_yes_the_bot_never_writes_first(prefs: dict | None) -> None:
    allowed, reason = may_write_first(prefs, "LY", NOON_UTC)
    assert not allowed
    assert "not said it is safe" in reason


def test_any_time_means_any_time_even_at_night_and_without_a_country() -> None:
    night = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
    assert may_write_first(ANY, None, night) == (
        True,
        "The person said we may write to them first at any time.",
    )


def test_daytime_is_judged_on_the_clock_where_the_person_is() -> None:
    # 19:30 UTC is 21:30 in Tripoli (UTC+2): too late there, though still day in Casablanca.
    evening = datetime(2026, 3, 10, 19, 30, tzinfo=UTC)
    allowed, reason = may_write_first(DAY, "LY", evening)
    assert not allowed
    assert reason == (
        "It is 21:30 where the person is (Africa/Tripoli), outside their safe hours (08:00–20:00)."
    )
    allowed, reason = may_write_first(DAY, "MA", evening)
    assert allowed, reason
    assert "Africa/Casablanca" in reason


@pytest.mark.parametrize(
    ("local", "allowed"),
    [("07:59", False), ("08:00", True), ("13:00", True), ("19:59", True), ("20:00", False)],
)
def test_the_day_runs_from_eight_to_eight(local: str, allowed: bool) -> None:
    hour, minute = map(int, local.split(":"))
    zone = ZoneInfo("Africa/Nairobi")
    now = datetime(2026, 6, 1, hour, minute, tzinfo=zone).astimezone(UTC)
    assert may_write_first(DAY, "KE", now)[0] is allowed


def test_unknown_country_allows_only_any_time() -> None:
    for country in (None, "", "XX", "Libya"):
        allowed, reason = may_write_first(DAY, country, NOON_UTC)
        assert not allowed
        assert "do not know their time zone" in reason
    assert may_write_first(ANY, "XX", NOON_UTC)[0]


def test_yes_without_hours_is_read_as_daytime() -> None:
    prefs = {"safe_to_message_first": True, "safe_hours": None}
    night_in_tripoli = datetime(2026, 3, 10, 23, 0, tzinfo=UTC)
    assert not may_write_first(prefs, "LY", night_in_tripoli)[0]
    assert may_write_first(prefs, "LY", NOON_UTC)[0]


def test_unclear_hours_never_allow() -> None:
    prefs = {"safe_to_message_first": True, "safe_hours": "evenings"}
    assert not may_write_first(prefs, "LY", NOON_UTC)[0]


def test_a_naive_time_is_taken_as_utc() -> None:
    naive = datetime(2026, 3, 10, 19, 30)
    assert may_write_first(DAY, "LY", naive) == may_write_first(
        DAY, "LY", naive.replace(tzinfo=UTC)
    )


def test_every_main_zone_exists_and_countries_of_the_route_have_one() -> None:
    for code, name in MAIN_ZONES.items():
        zone = zone_for(code)
        assert zone is not None and zone.key == name, code
    route = "LY TN MA DZ EG SD NE LB SA KW QA AE OM JO KE ET ER SO IT ES MT GR".split()
    assert all(zone_for(code) is not None for code in route)
    assert zone_for("ly").key == "Africa/Tripoli"  # type: ignore[union-attr]
    assert zone_for("ES").key == "Europe/Madrid"  # type: ignore[union-attr]


def test_countries_with_several_zones_and_no_main_one_are_not_guessed() -> None:
    assert zone_for("AQ") is None  # Antarctica: many stations, no main zone
