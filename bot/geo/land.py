"""Land or sea for a pin, from a shipped Natural Earth land extract (`data/land.json.gz`).

A pin is at sea when it is outside every land polygon AND more than `COAST_KM` from the
coastline, so a pin on a beach or in a harbour (or where the 1:10m coast is a little off)
still counts as land. Pins outside the extract's region are not judged (None).

Pure Python: land rings are split into edges, indexed by 0.1° latitude band (for the
point-in-polygon ray test, even-odd over all rings, so lakes and holes work) and by 0.1°
cell (for the distance to the coast). Built once, read-only, thread-safe.
"""

from __future__ import annotations

import gzip
import json
import math
import threading
from importlib import resources

COAST_KM = 2.0
_BAND = 0.1  # degrees
_KM_PER_DEG = 111.195


class LandMask:
    def __init__(self, rings: list[list[float]], region: tuple[float, float, float, float]):
        self.region = region
        # Each edge once; the indexes hold its position (a few MB less than tuples twice).
        self._edges: list[tuple[float, float, float, float]] = []
        self._bands: dict[int, list[int]] = {}
        self._cells: dict[tuple[int, int], list[int]] = {}
        for flat in rings:
            pts = list(zip(flat[0::2], flat[1::2], strict=True))
            for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
                i = len(self._edges)
                self._edges.append((x1, y1, x2, y2))
                for band in range(_idx(min(y1, y2)), _idx(max(y1, y2)) + 1):
                    self._bands.setdefault(band, []).append(i)
                for cx in range(_idx(min(x1, x2)), _idx(max(x1, x2)) + 1):
                    for cy in range(_idx(min(y1, y2)), _idx(max(y1, y2)) + 1):
                        self._cells.setdefault((cx, cy), []).append(i)

    def covers(self, lat: float, lon: float) -> bool:
        x0, y0, x1, y1 = self.region
        return x0 <= lon <= x1 and y0 <= lat <= y1

    def on_land(self, lat: float, lon: float) -> bool:
        """Inside a land polygon (ray to the east, even-odd)."""
        inside = False
        edges = self._edges
        for i in self._bands.get(_idx(lat), ()):
            x1, y1, x2, y2 = edges[i]
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
        return inside

    def coast_km(self, lat: float, lon: float, within_km: float = COAST_KM) -> float | None:
        """Distance to the nearest coast in km, if it is at most `within_km`; else None."""
        reach = within_km / _KM_PER_DEG
        kx = math.cos(math.radians(lat))
        best = math.inf
        for cx in range(_idx(lon - reach / max(kx, 0.01)), _idx(lon + reach / max(kx, 0.01)) + 1):
            for cy in range(_idx(lat - reach), _idx(lat + reach) + 1):
                for i in self._cells.get((cx, cy), ()):
                    best = min(best, _segment_km(lat, lon, kx, self._edges[i]))
        return best if best <= within_km else None

    def at_sea(self, lat: float, lon: float) -> bool | None:
        """True: more than COAST_KM out at sea; False: land or coast; None: not covered."""
        if not self.covers(lat, lon):
            return None
        return not self.on_land(lat, lon) and self.coast_km(lat, lon) is None


def _idx(value: float) -> int:
    return math.floor(value / _BAND)


def _segment_km(lat: float, lon: float, kx: float, edge: tuple[float, ...]) -> float:
    """Point to segment distance on a local flat projection (fine at a few km)."""
    ax, ay = (edge[0] - lon) * kx, edge[1] - lat
    bx, by = (edge[2] - lon) * kx, edge[3] - lat
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / span))
    px, py = ax + t * dx, ay + t * dy
    return math.hypot(px, py) * _KM_PER_DEG


_lock = threading.Lock()
_mask: LandMask | None = None


def get_land_mask() -> LandMask:
    """The shared mask from the shipped extract (built on first use, about 0.3 s)."""
    global _mask
    if _mask is None:
        with _lock:
            if _mask is None:
                path = resources.files("bot.geo") / "data" / "land.json.gz"
                with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
                    data = json.load(f)
                _mask = LandMask(data["rings"], tuple(data["region"]))
    return _mask
