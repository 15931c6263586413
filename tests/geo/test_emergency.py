"""The emergency number file: every entry sourced, nothing marked verified that was not,
the missing countries added, and file mistakes reported with their line."""

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


def _numbers(book: EmergencyBook, cc: str) -> list[tuple[str, str]]:
    info = book.for_country(cc)
    assert info is not None, cc
    return [(n.service, n.number) for n in info.numbers]


def test_every_number_has_a_source_and_a_confidence(book: EmergencyBook) -> None:
    for cc in book.countries:
        info = book.for_country(cc)
        assert info is not None
        assert info.numbers or (not info.available and info.source), cc
        for n in info.numbers:
            assert n.source.strip() and n.confidence in ("low", "medium", "high"), (cc, n)


def test_nothing_is_marked_verified_until_a_partner_phoned_it(book: EmergencyBook) -> None:
    dated = [
        (cc, n.number)
        for cc in book.countries
        for n in (book.for_country(cc) or pytest.fail(cc)).numbers
        if n.last_verified is not None
    ]
    assert dated == []


def test_morocco_names_each_service_and_flags_the_police(book: EmergencyBook) -> None:
    assert {("police", "19"), ("gendarmerie", "177"), ("ambulance", "15")} <= set(
        _numbers(book, "MA")
    )
    info = book.for_country("MA")
    assert info is not None
    police = next(n for n in info.numbers if n.service == "police")
    assert police.risk == ["police_may_detain_migrants"]


def test_algeria_lists_civil_protection_before_the_police_green_line(book: EmergencyBook) -> None:
    services = [s for s, _ in _numbers(book, "DZ")]
    assert services[0] == "civil_protection"
    info = book.for_country("DZ")
    assert info is not None
    green = next(n for n in info.numbers if n.number == "1548")
    assert green.service == "police" and "police_may_detain_migrants" in green.risk


@pytest.mark.parametrize("cc", ["EH", "BH", "YE", "DJ", "ML", "TD", "MR"])
def test_the_missing_countries_are_there(book: EmergencyBook, cc: str) -> None:
    assert _numbers(book, cc)


def test_western_sahara_gets_moroccos_services(book: EmergencyBook) -> None:
    assert set(_numbers(book, "EH")) <= set(_numbers(book, "MA"))


def test_saudi_arabias_911_and_maltas_rescue_centre(book: EmergencyBook) -> None:
    assert ("general", "911") in _numbers(book, "SA")
    malta = book.for_country("MT")
    assert malta is not None
    assert [n.service for n in malta.numbers] == ["general", "coast_guard"]
    assert "RCC Malta" in (malta.numbers[1].note or "")


@pytest.mark.parametrize("cc", ["LY", "NE", "ER"])
def test_no_number_is_not_available_rather_than_guessed(book: EmergencyBook, cc: str) -> None:
    info = book.for_country(cc)
    assert info is not None and info.available is False and info.numbers == []


@pytest.mark.parametrize("cc", EU_MEMBERS)
def test_every_eu_state_has_112_from_one_documented_entry(book: EmergencyBook, cc: str) -> None:
    info = book.for_country(cc)
    assert info is not None
    first = info.numbers[0]
    assert (first.service, first.number, first.confidence) == ("general", "112", "high")
    assert "ec.europa.eu" in first.source


@pytest.mark.parametrize("cc", ["XX", "US", "", "LYB"])
def test_unknown_country_is_none(book: EmergencyBook, cc: str) -> None:
    assert book.for_country(cc) is None


def test_sea_puts_the_nearest_coast_guard_first_and_alarm_phone_last(book: EmergencyBook) -> None:
    sea = book.for_sea("GR")
    assert sea is not None
    assert (sea.numbers[0].service, sea.numbers[0].number) == ("coast_guard", "108")
    assert sea.numbers[-1].service == "alarm_phone"
    assert sea.numbers[-1].risk == ["not_a_rescue_service"]
    italy_first = book.for_sea("IT")
    assert italy_first is not None and italy_first.numbers[0].number == "1530"


def test_get_emergency_book_is_cached(book: EmergencyBook) -> None:
    assert get_emergency_book() is book


def _load(tmp_path: Path, text: str) -> EmergencyBook:
    path = tmp_path / "numbers.yaml"
    path.write_text(text, encoding="utf-8")
    return EmergencyBook.load(path)


def test_a_custom_file_with_a_verified_date(tmp_path: Path) -> None:
    book = _load(
        tmp_path,
        "countries:\n  XK:\n    numbers:\n"
        "      - {service: police, number: 192, source: a partner, confidence: high,\n"
        "         last_verified: 2026-01-31, risk: police_may_detain_migrants}\n",
    )
    info = book.for_country("XK")
    assert info is not None
    assert str(info.numbers[0].last_verified) == "2026-01-31"
    assert info.numbers[0].risk == ["police_may_detain_migrants"]


_OK = "source: x, confidence: medium"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            f"countries:\n  MA:\n    numbers: [{{service: cops, number: '19', {_OK}}}]\n",
            r":3: countries.MA.numbers.0.service: .*unknown service",
        ),
        (
            f"countries:\n  MA:\n    numbers: [{{service: police, number: 'call me', {_OK}}}]\n",
            r"not a phone number",
        ),
        (
            f"countries:\n  MA:\n    numbers: [{{service: police, number: '19', {_OK},"
            " risk: bites}]\n",
            r"unknown risk 'bites'",
        ),
        (
            "countries:\n  MA:\n    numbers: [{service: police, number: '19', source: x}]\n",
            r"confidence",
        ),
        (
            "countries:\n  MA:\n    numbers: [{service: police, number: '19', confidence: low}]\n",
            r"source",
        ),
        (
            "countries:\n  MA:\n    numbers: [{service: police, number: '19', source: x,"
            " confidence: good}]\n",
            r"confidence",
        ),
        ("countries:\n  MA:\n    numbers: []\n", r"MA is available but lists no"),
        ("countries:\n  LY:\n    available: false\n", r"LY is not available: say where"),
        (
            f"countries:\n  LY:\n    available: false\n    source: x\n"
            f"    numbers: [{{service: police, number: '1', {_OK}}}]\n",
            r"LY is not available but lists numbers",
        ),
        (
            "countries:\n  IT:\n    available: false\n    source: x\n"
            "eu_112:\n  countries: [IT]\n  source: y\n  confidence: high\n",
            r":6: IT has 112 but is `available: false`",
        ),
    ],
)
def test_file_mistakes_are_reported(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(EmergencyFileError, match=message):
        _load(tmp_path, text)


def test_check_emergency_file_for_the_cli(tmp_path: Path) -> None:
    assert check_emergency_file(DEFAULT_EMERGENCY_FILE) == []
    path = tmp_path / "numbers.yaml"
    path.write_text("countries:\n  MA:\n    numbers: []\n", encoding="utf-8")
    assert check_emergency_file(path) == [f"{path}:3: MA is available but lists no numbers"]
