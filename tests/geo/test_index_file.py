from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.geo import index_file
from bot.geo._geonames import GeoNamesIndex, load_geonames
from bot.geo.gazetteer import Gazetteer


def _tiny() -> GeoNamesIndex:
    return GeoNamesIndex(
        names=["Tripoli", "Tripoli"],
        country_codes=["LY", "LB"],
        lats=[32.89, 34.43],
        lons=[13.19, 35.84],
        populations=[1_302_947, 229_398],
        geonameids=[2210247, 266826],
        by_key={"tripoli": (0, 1), "طرابلس": (0, 1), "tarabulus": 0},
        arabic={0: "طرابلس", 1: "طرابلس"},
        ethiopic={0: "ትሪፖሊ"},
        small_from=1,
    )


def test_the_file_reads_back_the_same_index() -> None:
    assert index_file.decode(index_file.encode(_tiny())) == _tiny()


def test_the_real_index_reads_back_the_same(gazetteer: Gazetteer) -> None:
    built = load_geonames()
    read = index_file.decode(index_file.encode(built))
    assert read == built
    assert read.rows("tripoli") == built.rows("tripoli")
    # The session's gazetteer was loaded through the file: same index as one built here.
    assert gazetteer._geo.names == built.names and gazetteer._geo.by_key == built.by_key


def test_a_child_process_writes_the_file_then_it_is_read(tmp_path: Path) -> None:
    path = index_file.index_path(tmp_path)
    path.write_bytes(index_file.encode(_tiny())[:-3])  # damaged: written again
    (tmp_path / "geonames-0.1-cities5000-x0-f1-l1-little.index").write_bytes(b"old")  # removed
    index = index_file.load(tmp_path)
    assert len(index.names) > 70_000
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left
    assert path.stat().st_mode & 0o777 == 0o644  # readable by the user the server runs as
    assert index_file.load(tmp_path) == index


def test_without_a_writable_directory_the_index_is_built_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setattr(index_file, "load_geonames", _tiny)
    with caplog.at_level(logging.WARNING, logger="bot.geo.index_file"):
        assert index_file.load(blocked / "cache") == _tiny()
    assert "building the place index in this process" in caplog.text


def test_the_file_name_carries_what_the_index_is_made_of(tmp_path: Path) -> None:
    name = index_file.index_path(tmp_path).name
    assert name.startswith("geonames-") and "-cities5000-" in name and name.endswith(".index")


def test_the_cache_directory_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert index_file.default_dir() == tmp_path / "sauti"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert index_file.default_dir() == tmp_path / ".cache" / "sauti"


def test_without_a_home_the_index_is_built_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "relative")
    assert index_file.default_dir() is None
    monkeypatch.setattr(index_file, "load_geonames", _tiny)
    assert index_file.load() == _tiny()
