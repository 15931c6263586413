"""What a typed answer to "where are you?" says, on the real gazetteer and place file:
one table of typed places (scripts, spellings, typos, districts, countries, situations,
"I don't know" in every language) and what the bot must make of each."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.geo.candidate import is_ambiguous
from bot.geo.gazetteer import Gazetteer
from bot.geo.reading import PlaceReading

TABLE = Path(__file__).parent / "data" / "typed_places.tsv"
ROWS = [
    tuple(line.split("\t"))
    for line in TABLE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def outcome(reading: PlaceReading) -> str:
    """The table's words for what the bot does with the answer."""
    if reading.kind == "dont_know":
        return "unknown"
    if reading.kind == "situation":
        return reading.situation or "?"
    if reading.kind == "country":
        return f"country {reading.country_code}"
    if reading.kind == "places":
        cands = list(reading.candidates)
        if reading.confirm or is_ambiguous(cands):
            return "ask"
        return cands[0].country_code
    return "none"


def test_the_table_is_big_enough_and_well_formed() -> None:
    assert len(ROWS) >= 200
    assert all(len(row) == 3 for row in ROWS), [r for r in ROWS if len(r) != 3]
    languages = {lang for _, lang, _ in ROWS}
    assert {"en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"} <= languages
    dont_know = {lang for _, lang, want in ROWS if want == "unknown"}
    assert {"en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"} <= dont_know


@pytest.mark.parametrize(("text", "lang", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_typed_place(gazetteer: Gazetteer, text: str, lang: str, expected: str) -> None:
    reading = gazetteer.read(text, lang)
    got = outcome(reading)
    top = [(c.name, c.country_code, c.source) for c in reading.candidates[:3]]
    assert got == expected, f"{text!r} ({lang}): {got}, {reading.kind}, {top}"


def test_a_situation_keeps_a_place_named_with_it(gazetteer: Gazetteer) -> None:
    reading = gazetteer.read("in prison in Misrata", "en")
    assert reading.situation == "detained"
    assert reading.candidates[0].name == "Misrata"


def test_dont_know_is_never_a_typo_of_a_town(gazetteer: Gazetteer) -> None:
    # Before: "sijui" was Siġġiewi in Malta, and Malta's 112 was given.
    assert gazetteer.read("sijui", "sw").candidates == ()
    assert gazetteer.resolve_text("Siggiewi")[0].country_code == "MT"  # the real name still works


def test_a_country_only_looks_for_towns_in_it(gazetteer: Gazetteer) -> None:
    assert gazetteer.read("Lebanon", "en").candidates == ()  # not nine towns in the US
    reading = gazetteer.read("Tripoli Lebanon", "en")
    assert {c.country_code for c in reading.candidates} == {"LB"}


def test_a_village_of_our_region_does_not_hide_a_town_elsewhere(gazetteer: Gazetteer) -> None:
    # Koula is a village in Mali (GeoNames extract); Kula a town of 40,000 in Turkey.
    reading = gazetteer.read("Kula", "so")
    found = [(c.name, c.country_code) for c in reading.candidates]
    assert found[:2] == [("Koula", "ML"), ("Kula", "TR")]
    assert is_ambiguous(list(reading.candidates))  # the person chooses


def test_a_village_is_confirmed_unless_its_country_was_named(gazetteer: Gazetteer) -> None:
    assert gazetteer.read("Wazin", "en").confirm
    assert not gazetteer.read("Wazin Libya", "en").confirm
    assert not gazetteer.read("Wazin", "en", prefer_countries=["LY"]).confirm
    assert not gazetteer.read("Dehiba", "fr").confirm  # the place file has it: ours


def test_manama_is_bahrain_first(gazetteer: Gazetteer) -> None:
    assert gazetteer.read("Manama", "en").candidates[0].country_code == "BH"


def test_a_misspelt_tripoli_offers_our_region_first(gazetteer: Gazetteer) -> None:
    found = [c.country_code for c in gazetteer.read("Tripolli", "en").candidates]
    assert found[:2] == ["LY", "LB"] and "TR" not in found


@pytest.mark.parametrize(
    ("name", "cc", "lang", "shown"),
    [
        ("Tripoli", "LY", "ar", "طرابلس"),  # the alias file's spelling first
        ("Tripoli", "LY", "ary", "طرابلس"),
        ("Tripoli", "LY", "ti", "ትሪፖሊ"),
        ("Jeddah", "SA", "am", "ጅዳ"),
        ("Khartoum", "SD", "ar", "خرطوم"),  # GeoNames: the shortest, no Persian letters
        ("Addis Ababa", "ET", "ar", "أديس أبابا"),
        ("Riyadh", "SA", "ar", "رياض"),  # not a district's name (البطحاء)
        ("Tripoli", "LY", "fr", "Tripoli"),
        ("Tripoli", "LY", "ary-Latn", "Tripoli"),
        ("Nowhere", "LY", "ar", "Nowhere"),
    ],
)
def test_place_names_in_the_persons_script(
    gazetteer: Gazetteer, name: str, cc: str, lang: str, shown: str
) -> None:
    assert gazetteer.local_name(name, cc, lang) == shown
