from __future__ import annotations

from pathlib import Path

import pytest

from bot.geo import _geonames
from bot.geo._geonames import GeoNamesIndex, cache_file, load_geonames_cached
from bot.geo.extract import extract_digest
from bot.geo.gazetteer import Gazetteer


def _tiny() -> GeoNamesIndex:
    return GeoNamesIndex(
        names=["Tripoli"],
        country_codes=["LY"],
        lats=[32.89],
        lons=[13.19],
        populations=[1_302_947],
        geonameids=[2210247],
        by_key={"tripoli": 0},
    )


def test_cache_is_written_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_geonames, "load_geonames", _tiny)
    built = load_geonames_cached(tmp_path)
    assert cache_file(tmp_path).exists()

    def must_not_build() -> GeoNamesIndex:
        raise AssertionError("built again instead of reading the cache")

    monkeypatch.setattr(_geonames, "load_geonames", must_not_build)
    assert load_geonames_cached(tmp_path) == built
    assert list(tmp_path.iterdir()) == [cache_file(tmp_path)]  # no temporary files left


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_geonames, "load_geonames", _tiny)
    cache_file(tmp_path).write_bytes(b"not marshal data")
    assert load_geonames_cached(tmp_path) == _tiny()
    assert load_geonames_cached(tmp_path) == _tiny()  # and the rewritten file reads back


def test_cache_name_carries_the_versions(tmp_path: Path) -> None:
    name = cache_file(tmp_path).name
    assert name.startswith("geonames-") and "cities5000" in name and name.endswith(".marshal")
    assert f"-x{extract_digest()}-" in name  # a rebuilt extract is not hidden by a cache


def test_the_index_marks_the_small_places(gazetteer: Gazetteer) -> None:
    index = gazetteer._geo
    assert index.small_from is not None
    assert gazetteer.stats()["small_places"] == len(index.names) - index.small_from > 5_000
    tripoli = next(r for r in index.rows("tripoli") if index.country_codes[r] == "LY")
    loyada = index.rows("loyada")[0]
    assert not index.is_small(tripoli) and index.is_small(loyada)
    assert not _tiny().is_small(0)  # an index built without the extract has none


def test_a_gazetteer_needs_only_an_index() -> None:
    gaz = Gazetteer(_tiny())
    assert [c.name for c in gaz.resolve_text("tripoli")] == ["Tripoli"]
    pin = gaz.resolve_pin(32.9, 13.2)
    assert pin is not None and pin.distance_km is not None and pin.distance_km < 2


def test_the_real_index_keeps_latin_arabic_and_geez_names_only(gazetteer: Gazetteer) -> None:
    index = gazetteer._geo  # the shared GeoNames index under the session gazetteer
    rows = index.rows("tripoli")
    assert {index.country_codes[r] for r in rows} >= {"LY", "LB"}
    assert index.rows("طرابلس") and index.rows("ትሪፖሊ")
    assert not index.rows("триполи")  # Cyrillic is dropped
    assert not index.rows("tip")  # the airport code of Tripoli is dropped
