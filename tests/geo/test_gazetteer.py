from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from bot.geo.gazetteer import (
    DEFAULT_PLACES_FILE,
    Candidate,
    Gazetteer,
    check_places_file,
    get_gazetteer,
    is_ambiguous,
)
from bot.geo.places_file import PlacesFileError

# What people type → (place shown, country), first candidate.
TYPED = [
    ("tripoli", "Tripoli", "LY"),
    ("طرابلس", "Tripoli", "LY"),
    ("ትሪፖሊ", "Tripoli", "LY"),
    ("Tanger", "Tangier", "MA"),
    ("طنجة", "Tangier", "MA"),
    ("tanja", "Tangier", "MA"),
    ("Oujda", "Oujda", "MA"),
    ("وجدة", "Oujda", "MA"),
    ("Sebha", "Sabha", "LY"),
    ("سبها", "Sabha", "LY"),
    ("Agadez", "Agadez", "NE"),
    ("الخرطوم", "Khartoum", "SD"),
    ("Zuwara", "Zuwara", "LY"),
    ("Misrata", "Misrata", "LY"),
    ("Benghazi", "Benghazi", "LY"),
    ("Bengazi", "Benghazi", "LY"),
    ("Nador", "Nador", "MA"),
    ("beni walid", "Bani Walid", "LY"),
    ("Sabratha", "Sabratha", "LY"),
    ("Dakhla", "Dakhla", "EH"),
    ("Mliliya", "Melilla", "ES"),
    ("Kufra", "Al Kufrah", "LY"),
    ("الكفرة", "Al Kufrah", "LY"),
    ("Lampedusa", "Lampedusa", "IT"),
    ("Addis Ababa", "Addis Ababa", "ET"),
    ("አዲስ አበባ", "Addis Ababa", "ET"),
    ("بيروت", "Beirut", "LB"),
]


@pytest.mark.parametrize(("typed", "place", "country"), TYPED)
def test_typed_names_in_any_script(
    gazetteer: Gazetteer, typed: str, place: str, country: str
) -> None:
    found = gazetteer.resolve_text(typed)
    assert found, typed
    assert (found[0].name, found[0].country_code) == (place, country)


@pytest.mark.parametrize("typed", ["tanja", "Mliliya", "Kufra", "Nador", "Dakhla"])
def test_alias_file_settles_names_the_gazetteer_gets_wrong(
    gazetteer: Gazetteer, typed: str
) -> None:
    # Without the alias file: tanja → Tonj (SS), Mliliya → a village in India, Kufra → Şirvan
    # (TR), Nador → also Sougueur (DZ). The alias makes the name mean one place.
    found = gazetteer.resolve_text(typed)
    assert [c.source for c in found] == ["alias"]
    assert not is_ambiguous(found)


@pytest.mark.parametrize("typed", ["tripoli", "Tripoli", "طرابلس", "tarabulus", "ትሪፖሊ"])
def test_tripoli_is_libya_or_lebanon(gazetteer: Gazetteer, typed: str) -> None:
    found = gazetteer.resolve_text(typed, prefer_countries=["LY"])
    assert [c.country_code for c in found[:2]] == ["LY", "LB"]
    assert is_ambiguous(found)


def test_the_conversation_can_prefer_lebanon(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_text("Tripoli", prefer_countries=["LB"])
    assert [c.country_code for c in found[:2]] == ["LB", "LY"]
    assert is_ambiguous(found)


def test_candidates_carry_what_the_case_needs(gazetteer: Gazetteer) -> None:
    top = gazetteer.resolve_text("Oujda")[0]
    assert top.country_name == "Morocco"
    assert top.geonameid == 2540483
    assert top.population > 100_000
    assert abs(top.latitude - 34.68) < 0.1 and abs(top.longitude + 1.91) < 0.1
    assert top.distance_km is None


def test_results_are_deduplicated(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_text("tripoli")
    ids = [c.geonameid for c in found]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("sentence", "place", "country"),
    [
        ("I am in Tripoli near the port", "Tripoli", "LY"),
        ("ana f tanja", "Tangier", "MA"),
        ("niko Tripoli sasa", "Tripoli", "LY"),
        ("je suis à Oujda", "Oujda", "MA"),
        ("je suis près d'Oujda", "Oujda", "MA"),
        ("انا في طرابلس", "Tripoli", "LY"),
        ("انا بطرابلس", "Tripoli", "LY"),
        ("rani f bni walid m3a 16 wahed", "Bani Walid", "LY"),
        ("waxaan joogaa Sabha", "Sabha", "LY"),
        ("we are 31 women in one house in Gargaresh", "Tripoli", "LY"),
        ("አሁን ትሪፖሊ ነኝ", "Tripoli", "LY"),
        ("ኣብ ትሪፖሊ ኣለኹ", "Tripoli", "LY"),
        ("I live in Paris now", "Paris", "FR"),  # outside the region, but a big city
    ],
)
def test_a_place_inside_a_short_sentence(
    gazetteer: Gazetteer, sentence: str, place: str, country: str
) -> None:
    found = gazetteer.resolve_text(sentence)
    assert found, sentence
    assert (found[0].name, found[0].country_code) == (place, country)


def test_everyday_words_in_a_sentence_are_not_places(gazetteer: Gazetteer) -> None:
    # "port" alone is a town in Réunion; next to Tripoli it is just a word.
    found = gazetteer.resolve_text("I am in Tripoli near the port")
    assert {c.country_code for c in found} <= {"LY", "LB", "GR"}
    assert gazetteer.resolve_text("ana") == []
    assert gazetteer.resolve_text("niko sasa hapa") == []


@pytest.mark.parametrize(
    "message",
    [
        "my name is Fatima I work in a house",  # Fátima is a town in Portugal
        "Salam alikoum",
        "in the desert near the border with Algeria",
        "they took my passport",
        "help me please",
    ],
)
def test_messages_without_a_place_give_nothing(gazetteer: Gazetteer, message: str) -> None:
    assert gazetteer.resolve_text(message) == []


def test_two_places_in_one_sentence_are_both_offered(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_text("from Agadez to Sebha")
    assert {"Agadez", "Sabha"} <= {c.name for c in found}


@pytest.mark.parametrize(
    ("typo", "place"), [("Misratta", "Misrata"), ("Bengahzi", "Benghazi"), ("Oujdaa", "Oujda")]
)
def test_typos_are_matched_fuzzily(gazetteer: Gazetteer, typo: str, place: str) -> None:
    found = gazetteer.resolve_text(typo)
    assert found[0].name == place
    assert found[0].source == "fuzzy"
    assert 85 <= found[0].score < 100


def test_arabizi_digits_are_read_as_letters(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_text("3in zara", lang="ary-Latn")
    assert found[0].name == "Tripoli"  # Ain Zara is a neighbourhood of Tripoli


@pytest.mark.parametrize("typed", ["qwxzv plorkt", "zzzzzz", "", "   ", "!!!", "12345"])
def test_gibberish_matches_nothing(gazetteer: Gazetteer, typed: str) -> None:
    assert gazetteer.resolve_text(typed) == []


@pytest.mark.parametrize("typed", ["Libya", "ليبيا", "I am in Libya", "Maroc"])
def test_a_country_is_not_mistaken_for_a_town(gazetteer: Gazetteer, typed: str) -> None:
    assert gazetteer.resolve_text(typed) == []


# -- pins -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon", "place", "country"),
    [
        (32.8872, 13.1913, "Tripoli", "LY"),
        (35.7595, -5.8340, "Tangier", "MA"),
        (35.2923, -2.9381, "Melilla", "ES"),  # the Spanish enclave, not Morocco
        (24.20, 23.29, "Al Kufrah", "LY"),
        (35.5014, 12.6096, "Lampedusa", "IT"),
    ],
)
def test_pins_on_land(
    gazetteer: Gazetteer, lat: float, lon: float, place: str, country: str
) -> None:
    found = gazetteer.resolve_pin(lat, lon)
    assert found is not None
    assert (found.name, found.country_code, found.source) == (place, country, "pin")
    assert found.distance_km is not None and found.distance_km < 10


def test_a_pin_at_sea_gets_the_nearest_town_far_away(gazetteer: Gazetteer) -> None:
    found = gazetteer.resolve_pin(35.5, 11.5)  # west of Lampedusa
    assert found is not None
    assert found.country_code == "TN"
    assert found.distance_km is not None and 25 < found.distance_km < 80


@pytest.mark.parametrize(
    ("lat", "lon"), [(91, 0), (-90.5, 0), (0, 181), (float("nan"), 0), (0, float("inf"))]
)
def test_impossible_pins(gazetteer: Gazetteer, lat: float, lon: float) -> None:
    assert gazetteer.resolve_pin(lat, lon) is None


# -- ambiguity --------------------------------------------------------------------------


def _cand(name: str, cc: str, pop: int, source: str = "name", **kw: float) -> Candidate:
    return Candidate(
        name=name,
        country_code=cc,
        country_name=cc,
        latitude=kw.get("lat", 0.0),
        longitude=kw.get("lon", 0.0),
        population=pop,
        source=source,  # type: ignore[arg-type]
        score=kw.get("score", 100.0),
    )


def test_ambiguity_rules() -> None:
    ly = _cand("Tripoli", "LY", 1_300_000)
    lb = _cand("Tripoli", "LB", 230_000)
    tiny = _cand("Tripoli", "GR", 20_000)
    assert not is_ambiguous([])
    assert not is_ambiguous([ly])
    assert is_ambiguous([ly, lb])
    assert not is_ambiguous([ly, tiny])  # under 5% of the leader's size
    assert not is_ambiguous([ly, _cand("Tripoli", "LB", 230_000, "fuzzy", score=90)])
    # Same country: ambiguous only when far apart.
    near = _cand("A", "LY", 100_000, lat=32.0, lon=13.0)
    close = _cand("B", "LY", 100_000, lat=32.1, lon=13.0)
    far = _cand("C", "LY", 100_000, lat=25.0, lon=13.0)
    assert not is_ambiguous([near, close])
    assert is_ambiguous([near, far])


# -- the shared instance and the place file ---------------------------------------------


def test_get_gazetteer_is_built_once(gazetteer: Gazetteer) -> None:
    assert get_gazetteer() is gazetteer


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # Make sure the change is seen even on filesystems with coarse timestamps.
    stamp = time.time_ns() + 1_000_000_000 * (1 + int(path.stat().st_mtime))
    os.utime(path, ns=(stamp, stamp))


PLACES = """
prefer_countries: [LY]
ignore_words: [hapa]
aliases:
  - place: Tripoli
    country: LY
    names: [tarablus]
  - place: Camp Alpha
    country: LY
    latitude: 30.0
    longitude: 20.0
    names: [camp alpha, alpha camp]
"""


def test_custom_place_file_with_a_place_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    _write(path, PLACES)
    gaz = get_gazetteer(path)
    found = gaz.resolve_text("niko alpha camp hapa")
    assert (found[0].name, found[0].source, found[0].geonameid) == ("Camp Alpha", "alias", None)
    pin = gaz.resolve_pin(30.01, 20.0)
    assert pin is not None and pin.name == "Camp Alpha"
    assert gaz.prefer_countries == ("LY",)


def test_threads_share_one_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    _write(path, PLACES)
    seen: list[Gazetteer] = []
    threads = [threading.Thread(target=lambda: seen.append(get_gazetteer(path))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and all(g is seen[0] for g in seen)


def test_an_edited_place_file_is_picked_up(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    _write(path, PLACES)
    before = get_gazetteer(path)
    assert before.resolve_text("camp beta") == []
    _write(
        path,
        PLACES + "  - {place: Camp Beta, country: LY, latitude: 29, longitude: 21,"
        " names: [camp beta]}\n",
    )
    after = get_gazetteer(path)
    assert after is not before
    assert after.resolve_text("camp beta")[0].name == "Camp Beta"


def test_a_broken_edit_keeps_the_last_good_file(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    _write(path, PLACES)
    good = get_gazetteer(path)
    _write(path, "aliases: [oops")
    assert get_gazetteer(path) is good


def test_a_named_place_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(PlacesFileError, match="no such file"):
        get_gazetteer(tmp_path / "missing.yaml")


@pytest.mark.parametrize(
    ("aliases", "message"),
    [
        ("  - {place: Nowhere Camp, country: LY, names: [nowhere]}", r":4: .*latitude"),
        (
            "  - {place: Tripoli, country: LY, names: [x1]}\n"
            "  - {place: Tangier, country: MA, names: [x1]}",
            r":5: 'x1' is already an alias of 'Tripoli'",
        ),
        ("  - {place: Tripoli, country: MA, geonameid: 2210247, names: [x]}", r"is in LY"),
        (
            "  - {place: Tripoli, country: LY, names: [a1]}\n"
            "  - {place: Trablus, country: LY, geonameid: 2210247, names: [a2]}",
            r"same place as 'Tripoli'",
        ),
    ],
)
def test_place_file_mistakes_name_the_line(tmp_path: Path, aliases: str, message: str) -> None:
    path = tmp_path / "places.yaml"
    _write(path, f"prefer_countries: [LY]\n\naliases:\n{aliases}\n")
    with pytest.raises(PlacesFileError, match=message):
        get_gazetteer(path)


def test_a_camp_can_point_at_a_place_the_file_added(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    _write(
        path,
        "aliases:\n"
        "  - {place: Mai Tsebri, country: ET, latitude: 13.58, longitude: 38.15,"
        " names: [mai tsebri]}\n"
        "  - {place: Mai Tsebri, country: ET, district: true, names: [mai aini]}\n",
    )
    gaz = get_gazetteer(path)
    camp, town = gaz.resolve_text("Mai Aini"), gaz.resolve_text("Mai Tsebri")
    assert [(c.name, c.latitude) for c in camp] == [(c.name, c.latitude) for c in town]
    assert [(c.name, c.country_code) for c in camp] == [("Mai Tsebri", "ET")]


def test_shipped_place_file_builds(gazetteer: Gazetteer) -> None:
    stats = gazetteer.stats()
    assert stats["places"] > 60_000
    assert stats["aliases"] > 100
    assert "LY" in gazetteer.prefer_countries


def test_check_places_file_for_the_cli(tmp_path: Path) -> None:
    assert check_places_file(DEFAULT_PLACES_FILE) == []
    path = tmp_path / "places.yaml"
    _write(path, "aliases:\n  - {place: Nowhere Camp, country: LY, names: [nowhere]}\n")
    problems = check_places_file(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:2: ")
