from __future__ import annotations

from pathlib import Path

import pytest

from bot.geo.emergency import (
    DEFAULT_EMERGENCY_FILE,
    EmergencyBook,
    EmergencyFileError,
    check_emergency_file,
    get_emergency_book,
)

EU_MEMBERS = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)


def test_morocco(book: EmergencyBook) -> None:
    info = book.for_country("MA")
    assert info is not None and info.available
    assert book.primary_number("MA") == "19"
    assert {(n.service, n.number) for n in info.numbers} >= {
        ("police", "19"),
        ("gendarmerie", "177"),
        ("ambulance", "15"),
    }
    assert info.confidence == "medium"
    assert "easyexpat" in info.source


def test_tunisia(book: EmergencyBook) -> None:
    info = book.for_country("tn")
    assert info is not None
    assert book.primary_number("TN") == "197"
    assert [n.number for n in info.numbers] == ["197", "193", "190", "198"]


@pytest.mark.parametrize("cc", ["LY", "NE", "ER"])
def test_no_number_is_not_available_rather_than_guessed(book: EmergencyBook, cc: str) -> None:
    info = book.for_country(cc)
    assert info is not None
    assert info.available is False
    assert info.numbers == []
    assert info.primary is None
    assert book.primary_number(cc) is None


def test_libya_says_why(book: EmergencyBook) -> None:
    info = book.for_country("LY")
    assert info is not None and info.note is not None and "not fully operational" in info.note


@pytest.mark.parametrize("cc", EU_MEMBERS)
def test_every_eu_state_has_112(book: EmergencyBook, cc: str) -> None:
    assert book.primary_number(cc) == "112"
    info = book.for_country(cc)
    assert info is not None and "ec.europa.eu" in info.source


def test_all_27_eu_states_are_listed(book: EmergencyBook) -> None:
    assert len(EU_MEMBERS) == 27
    assert set(EU_MEMBERS) <= set(book.countries)


@pytest.mark.parametrize("cc", ["XX", "US", "", "LYB"])
def test_unknown_country_is_none(book: EmergencyBook, cc: str) -> None:
    assert book.for_country(cc) is None
    assert book.primary_number(cc) is None


@pytest.mark.parametrize(
    ("cc", "number"),
    [("EG", "122"), ("SD", "999"), ("LB", "112"), ("SA", "999"), ("JO", "911"), ("ET", "991")],
)
def test_primary_is_police_or_general(book: EmergencyBook, cc: str, number: str) -> None:
    assert book.primary_number(cc) == number


def test_sea_puts_the_nearest_coast_guard_first_and_alarm_phone_last(book: EmergencyBook) -> None:
    sea = book.for_sea("GR")
    assert sea is not None
    assert (sea.numbers[0].service, sea.numbers[0].number) == ("coast_guard", "108")
    assert sea.numbers[-1].service == "alarm_phone"
    assert "not a rescue service" in (sea.numbers[-1].note or "")
    assert book.for_sea() is not None
    assert book.for_country("sea") is not None
    italy_first = book.for_sea("IT")
    assert italy_first is not None and italy_first.numbers[0].number == "1530"


def test_nothing_is_marked_verified_that_was_not(book: EmergencyBook) -> None:
    # Everything was copied from research; the NGO fills in last_verified after checking.
    assert book.unverified() == book.countries


def test_get_emergency_book_is_cached(book: EmergencyBook) -> None:
    assert get_emergency_book() is book


def _load(tmp_path: Path, text: str) -> EmergencyBook:
    path = tmp_path / "numbers.yaml"
    path.write_text(text, encoding="utf-8")
    return EmergencyBook.load(path)


def test_a_custom_file_with_a_verified_date(tmp_path: Path) -> None:
    book = _load(
        tmp_path,
        "countries:\n  XK:\n    numbers: [{service: police, number: 192}]\n"
        "    source: a partner\n    last_verified: 2026-01-31\n    confidence: good\n",
    )
    info = book.for_country("XK")
    assert info is not None and str(info.last_verified) == "2026-01-31"
    assert book.primary_number("XK") == "192"
    assert book.unverified() == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "countries:\n  MA:\n    numbers: [{service: cops, number: '19'}]\n    source: x\n",
            r":3: countries.MA.numbers.0.service: .*unknown service",
        ),
        (
            "countries:\n  MA:\n    numbers: [{service: police, number: 'call me'}]\n"
            "    source: x\n",
            r"not a phone number",
        ),
        ("countries:\n  MA:\n    numbers: []\n    source: x\n", r"MA is available but lists no"),
        (
            "countries:\n  LY:\n    available: false\n"
            "    numbers: [{service: police, number: '1'}]\n    source: x\n",
            r"LY is not available but lists numbers",
        ),
        ("countries:\n  MA:\n    numbers: [{service: police, number: '19'}]\n", r"source"),
        (
            "countries:\n  IT:\n    numbers: [{service: police, number: '113'}]\n    source: x\n"
            "eu_112:\n  countries: [IT]\n  source: y\n",
            r":6: IT is both",
        ),
    ],
)
def test_file_mistakes_are_reported(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(EmergencyFileError, match=message):
        _load(tmp_path, text)


def test_check_emergency_file_for_the_cli(tmp_path: Path) -> None:
    assert check_emergency_file(DEFAULT_EMERGENCY_FILE) == []
    path = tmp_path / "numbers.yaml"
    path.write_text("countries:\n  MA:\n    numbers: []\n    source: x\n", encoding="utf-8")
    assert check_emergency_file(path) == [f"{path}:3: MA is available but lists no numbers"]
