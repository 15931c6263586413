from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.geo.spatial import GridIndex, haversine_km

lat_st = st.floats(min_value=-90, max_value=90, allow_nan=False)
lon_st = st.floats(min_value=-180, max_value=180, allow_nan=False, exclude_max=True)


def test_haversine_known_distances() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    # One degree of latitude is about 111.2 km.
    assert math.isclose(haversine_km(0, 0, 1, 0), 111.19, rel_tol=1e-3)
    # Tripoli (LY) to Tunis is about 520 km.
    assert 500 < haversine_km(32.8872, 13.1913, 36.8065, 10.1815) < 540


def test_empty_index_has_no_nearest() -> None:
    assert GridIndex([], []).nearest(0, 0) is None


def test_nearest_across_the_antimeridian() -> None:
    index = GridIndex([10.0, 10.0], [179.9, 170.0])
    row, km = index.nearest(10.0, -179.9)  # type: ignore[misc]
    assert row == 0
    assert km < 25


@settings(max_examples=200, deadline=None)
@given(
    points=st.lists(st.tuples(lat_st, lon_st), min_size=1, max_size=60),
    query=st.tuples(lat_st, lon_st),
    cell=st.sampled_from([0.5, 1.0, 7.0]),
)
def test_grid_finds_the_same_distance_as_a_full_scan(
    points: list[tuple[float, float]], query: tuple[float, float], cell: float
) -> None:
    index = GridIndex([p[0] for p in points], [p[1] for p in points], cell_deg=cell)
    found = index.nearest(*query)
    assert found is not None
    brute = min(haversine_km(*query, *p) for p in points)
    assert math.isclose(found[1], brute, rel_tol=1e-9, abs_tol=1e-6)
