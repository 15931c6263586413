"""Make bot/geo/data/land.json.gz: Natural Earth 1:10m land, clipped to where Sauti works.

Run once by hand when the region changes (needs shapely, not a dependency of the bot):

    uv run --with shapely python scripts/make_land_extract.py ne_10m_land.json

`ne_10m_land.json` is Natural Earth's 1:10m "Land" layer as GeoJSON (public domain,
https://www.naturalearthdata.com/). The output keeps each polygon ring, simplified to
about 100 m and rounded to 4 decimals, as [[lon, lat, lon, lat, ...], ...].
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from shapely.geometry import box, shape

# West Africa's Atlantic coast to the Gulf of Oman; the Sahel to southern Europe.
REGION = (-26.0, -5.0, 63.0, 47.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.001  # degrees (~100 m)
OUT = Path(__file__).resolve().parents[1] / "bot" / "geo" / "data" / "land.json.gz"


def main(source: str) -> None:
    region = box(*REGION)
    rings: list[list[float]] = []
    for feature in json.loads(Path(source).read_text(encoding="utf-8"))["features"]:
        clipped = shape(feature["geometry"]).intersection(region)
        if clipped.is_empty:
            continue
        clipped = clipped.simplify(TOLERANCE, preserve_topology=True)
        polygons = getattr(clipped, "geoms", [clipped])
        for polygon in polygons:
            if polygon.geom_type != "Polygon":
                continue
            for ring in (polygon.exterior, *polygon.interiors):
                flat = [round(v, 4) for xy in ring.coords for v in xy]
                if len(flat) >= 8:
                    rings.append(flat)
    data = {"source": "Natural Earth 1:10m land (public domain)", "region": REGION,
            "rings": rings}  # fmt: skip
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"))
    sys.stdout.write(f"{OUT}: {len(rings)} rings, {sum(len(r) for r in rings) // 2} points\n")


if __name__ == "__main__":
    main(sys.argv[1])
