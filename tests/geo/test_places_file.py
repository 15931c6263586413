from __future__ import annotations

from pathlib import Path

import pytest

from bot.geo.gazetteer import DEFAULT_PLACES_FILE
from bot.geo.places_file import PlacesFileError, load_places


def _load(tmp_path: Path, text: str):
    path = tmp_path / "places.yaml"
    path.write_text(text, encoding="utf-8")
    return load_places(path)


def test_shipped_file_is_valid() -> None:
    places = load_places(DEFAULT_PLACES_FILE)
    assert places.prefer_countries[:3] == ["LY", "TN", "MA"]
    assert {"niko", "sasa", "ana", "suis"} <= set(places.ignore_words)
    tangier = next(a for a in places.aliases if a.place == "Tangier")
    assert {"tanja", "طنجة"} <= set(tangier.names)
    assert tangier.line > 1


def test_yes_no_on_off_stay_words(tmp_path: Path) -> None:
    # YAML 1.1 would read these as booleans; NGO editors mean the words.
    places = _load(tmp_path, "ignore_words: [yes, no, on, off, na]\n")
    assert places.ignore_words == ["yes", "no", "on", "off", "na"]


def test_country_codes_are_normalized(tmp_path: Path) -> None:
    places = _load(tmp_path, "prefer_countries: [ly, ' tn ']\n")
    assert places.prefer_countries == ["LY", "TN"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("prefer_countries: [Libya]\n", r":1: prefer_countries.0: .*two-letter"),
        ("aliases:\n  - place: Tangier\n    country: MA\n", r":2: aliases.0.names"),
        ("aliases:\n  - place: X\n    country: LY\n    names: [x]\n    colour: red\n", r":5: "),
        ("aliases:\n  - {place: X, country: LY, names: [x], latitude: 95}\n", r":2: .*latitude"),
        ("aliases: [\n", r"not valid YAML"),
        ("- just\n- a list\n", r":1: expected keys"),
    ],
)
def test_mistakes_point_at_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PlacesFileError, match=message):
        _load(tmp_path, text)


def test_empty_file_means_no_aliases(tmp_path: Path) -> None:
    places = _load(tmp_path, "# nothing yet\n")
    assert places.aliases == [] and places.prefer_countries == []
