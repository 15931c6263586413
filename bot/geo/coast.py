"""How far a position at sea is from the nearest coast, for the caseworker (the land mask's
coastline, `land.py`). Searched outwards in steps, so a pin near the coast costs little."""

from __future__ import annotations

from bot.geo.land import get_land_mask

STEPS_KM = (5.0, 25.0, 100.0, 250.0, 500.0)


def coast_distance_km(latitude: float, longitude: float) -> float | None:
    """Kilometres to the nearest coast (0 on land); None outside the mask's region or
    farther than the last step."""
    mask = get_land_mask()
    if not mask.covers(latitude, longitude):
        return None
    if mask.on_land(latitude, longitude):
        return 0.0
    for reach in STEPS_KM:
        km = mask.coast_km(latitude, longitude, within_km=reach)
        if km is not None:
            return round(km, 1)
    return None
