"""Nearest place to a pin: a pure-Python grid index with haversine distances.

Points are bucketed into cells of `cell_deg` degrees. A lookup scans rings of cells around
the pin, outwards, and stops as soon as no unscanned cell can hold anything closer than the
best point found (a bound computed from spherical geometry, so the answer is exact, also
across the 180° meridian). Distances are compared as haversine values and only the winner
gets an `asin`. Where rings stop paying off (near the poles, where meridians converge, or
thousands of km from any point) it falls back to a plain scan of all points.
"""

from __future__ import annotations

import math
import operator
from array import array
from collections.abc import Iterator, Sequence
from itertools import repeat

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
MAX_RINGS = 64  # beyond this many rings (32° at 0.5° cells) a full scan is cheaper


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


class GridIndex:
    """Nearest-neighbour lookups over fixed points (built once, read-only, thread-safe)."""

    def __init__(self, lats: Sequence[float], lons: Sequence[float], cell_deg: float = 0.5):
        if len(lats) != len(lons):
            raise ValueError("lats and lons differ in length")
        self._cell = cell_deg
        self._cell_rad = math.radians(cell_deg)
        self._rows = math.ceil(180 / cell_deg)
        self._cols = math.ceil(360 / cell_deg)
        # Arrays, not lists of float objects: 1.8 MB instead of 7 MB for the GeoNames index.
        self._lat = array("d", map(math.radians, lats))
        self._lon = array("d", map(math.radians, lons))
        self._cos = array("d", map(math.cos, self._lat))
        self._cells: dict[int, list[int]] = {}
        for i, cell in enumerate(self._cell_keys(lats, lons)):
            self._cells.setdefault(cell, []).append(i)

    def __len__(self) -> int:
        return len(self._lat)

    def _cell_keys(self, lats: Sequence[float], lons: Sequence[float]) -> Iterator[int]:
        """Each point's cell key, as `_row_col` computes it, in C loops (`map`): the index
        is built at every start, over 77,000 points."""
        cell, cols = self._cell, self._cols
        rows = map(int, map(operator.floordiv, map(operator.add, lats, repeat(90)), repeat(cell)))
        rows = map(min, repeat(self._rows - 1), map(max, repeat(0), rows))
        col = map(int, map(operator.floordiv, map(operator.add, lons, repeat(180)), repeat(cell)))
        return map(
            operator.add,
            map(operator.mul, rows, repeat(cols)),
            map(operator.mod, col, repeat(cols)),
        )

    def _row_col(self, lat: float, lon: float) -> tuple[int, int]:
        row = min(self._rows - 1, max(0, int((lat + 90) // self._cell)))
        col = int((lon + 180) // self._cell) % self._cols
        return row, col

    def _ring(self, row: int, col: int, r: int) -> list[int]:
        """Cell keys at Chebyshev distance exactly `r` from (row, col)."""
        if r == 0:
            return [row * self._cols + col]
        keys: list[int] = []
        cols = self._cols
        for dr in (-r, r):
            rr = row + dr
            if 0 <= rr < self._rows:
                keys.extend(rr * cols + (col + dc) % cols for dc in range(-r, r + 1))
        for dr in range(-r + 1, r):
            rr = row + dr
            if 0 <= rr < self._rows:
                keys.append(rr * cols + (col - r) % cols)
                keys.append(rr * cols + (col + r) % cols)
        return keys

    def nearest(self, lat: float, lon: float) -> tuple[int, float] | None:
        """(index of the nearest point, its distance in km), or None when there are no points."""
        if not self._lat:
            return None
        phi, lam = math.radians(lat), math.radians(lon)
        cos_phi = math.cos(phi)
        row, col = self._row_col(lat, lon)
        sin, la, lo, co, cells = math.sin, self._lat, self._lon, self._cos, self._cells
        best, best_h = -1, math.inf
        for r in range(MAX_RINGS):
            for cell in self._ring(row, col, r):
                for i in cells.get(cell, ()):
                    h = sin((la[i] - phi) / 2) ** 2 + cos_phi * co[i] * sin((lo[i] - lam) / 2) ** 2
                    if h < best_h:
                        best, best_h = i, h
            if best >= 0 and best_h <= self._bound(cos_phi, r):
                break
        else:
            for i in range(len(la)):
                h = sin((la[i] - phi) / 2) ** 2 + cos_phi * co[i] * sin((lo[i] - lam) / 2) ** 2
                if h < best_h:
                    best, best_h = i, h
        return best, 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(best_h)))

    def _bound(self, cos_phi: float, r: int) -> float:
        """A lower bound of the haversine value of any point outside rings 0..r.

        Such a point is more than r cells away in latitude, so d ≥ r·cell; or more than r
        cells away in longitude, so it lies on a meridian at least r·cell away, and the
        distance to a meridian Δλ away is asin(cos φ · sin Δλ) (for Δλ ≤ 90°). The second
        bound is never larger than the first, so it holds for both.
        """
        span = min(math.pi / 2, r * self._cell_rad)
        return math.sin(math.asin(cos_phi * math.sin(span)) / 2) ** 2
