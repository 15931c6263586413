"""Which numbers the bot may give: verified, fresh, trusted; the safer services first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.geo.emergency import EmergencyBook, EmergencyNumber
from bot.geo.numbers_policy import advice, numbers_report, problems

CHECKED = Path(__file__).resolve().parents[1] / "data" / "emergency_numbers_checked.yaml"
TODAY = date(2025, 1, 6)


@pytest.fixture(scope="module")
def checked() -> EmergencyBook:
    return EmergencyBook.load(CHECKED)


def _entry(**kw: object) -> EmergencyNumber:
    base: dict[str, object] = {"service": "ambulance", "number": "15", "source": "x"}
    return EmergencyNumber.model_validate({"confidence": "medium", **base, **kw})


@pytest.mark.parametrize(
    ("verified", "confidence", "expected"),
    [
        (None, "high", ["unverified"]),
        (date(2024, 12, 1), "medium", []),
        (date(2024, 12, 1), "high", []),
        (date(2024, 12, 1), "low", ["low_confidence"]),
        (date(2024, 1, 7), "medium", []),  # 11 months and 30 days
        (date(2024, 1, 6), "medium", ["stale"]),  # 12 months to the day
        (date(2023, 6, 1), "low", ["stale", "low_confidence"]),
        (None, "low", ["unverified", "low_confidence"]),
    ],
)
def test_problems(verified: date | None, confidence: str, expected: list[str]) -> None:
    entry = _entry(last_verified=verified, confidence=confidence)
    assert problems(entry, TODAY, 12) == expected


def test_the_maximum_age_is_a_setting() -> None:
    entry = _entry(last_verified=date(2024, 6, 1))
    assert problems(entry, TODAY, 12) == []
    assert problems(entry, TODAY, 6) == ["stale"]


def test_stale_and_low_entries_are_left_out_and_safer_services_come_first(checked) -> None:
    got = advice(checked, "MA", TODAY, 12)
    # 19 (police, risky) is listed first in the file; 177 is stale; 141 is low confidence.
    assert [(n.service, n.number) for n in got.numbers] == [("ambulance", "15"), ("police", "19")]
    assert got.risks == ["police_may_detain_migrants"]


def test_no_reason_is_given_when_no_risky_number_is_given(checked) -> None:
    got = advice(checked, "IT", TODAY, 12)
    assert [n.number for n in got.numbers] == ["112"] and got.risks == []


def test_an_unverified_country_gives_nothing(checked) -> None:
    got = advice(checked, "TN", TODAY, 12)
    assert got.known and got.numbers == []


def test_a_country_without_an_entry(checked) -> None:
    got = advice(checked, "US", TODAY, 12)
    assert not got.known and got.numbers == []


def test_the_shipped_file_gives_nothing_until_partners_check_it(book) -> None:
    for cc in ("MA", "IT", "SA", "sea"):
        assert advice(book, cc, TODAY, 12).numbers == [], cc


def test_at_sea_the_nearest_coast_guard_first_and_alarm_phone_last(checked) -> None:
    got = advice(checked, "sea", TODAY, 12, near="GR")
    assert [(n.country, n.number) for n in got.numbers] == [
        ("GR", "108"),
        ("IT", "1530"),
        (None, "+33 4 86 51 71 61"),
    ]
    assert got.risks == ["not_a_rescue_service"]


def test_the_report_lists_unusable_entries_and_uncovered_countries(checked) -> None:
    report = numbers_report(checked, TODAY, 12, covered=["MA", "tn", "LY", "IT"])
    assert ("MA", "gendarmerie", "177", ["stale"]) in [
        (e.country_code, e.service, e.number, e.problems) for e in report.entries
    ]
    assert ("TN", "190", ["unverified"]) in [
        (e.country_code, e.number, e.problems) for e in report.entries
    ]
    assert report.uncovered == ["LY", "TN"]
    assert not report.ok
    assert numbers_report(checked, TODAY, 12, covered=["MA", "IT", "SA"]).ok


def test_the_report_checks_every_entry_with_what_the_admin_page_shows(checked) -> None:
    report = numbers_report(checked, TODAY, 12, covered=["ma", " LY ", ""])
    morocco = {e.number: e for e in report.checked if e.country_code == "MA"}
    assert list(morocco) == ["19", "15", "177", "141"]  # the file's order
    police = morocco["19"]
    assert police.usable and police.problems == []
    assert (police.service, police.source, police.confidence) == ("police", "test", "medium")
    assert police.last_verified == date(2024, 12, 1)
    assert police.risk == ["police_may_detain_migrants"]
    assert not morocco["141"].usable and morocco["141"].problems == ["low_confidence"]
    assert report.entries == [e for e in report.checked if not e.usable]
    assert report.covered == ["LY", "MA"]
