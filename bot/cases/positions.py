"""The positions a person sent, kept on the case: at sea or walking in the desert, where
she was an hour ago and which way she is drifting matter as much as where she is now.

The case's `location` is the newest place; `location.positions` lists every position she
shared herself (a pin, or coordinates she typed), oldest first, each with the time and, at
sea, the distance to the nearest coast. A town she typed is no position of hers and is not
listed. The same position sent again (the flow re-sends it with each case update) is
listed once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.cases.window import iso
from bot.geo.coast import coast_distance_km

MAX_POSITIONS = 200  # about four days of a position every 30 minutes


def with_position(old: dict[str, Any] | None, new: dict[str, Any], at: datetime) -> dict[str, Any]:
    """The case's location after `new` (a PlaceMatch as a dict) arrives at `at`."""
    positions = list((old or {}).get("positions") or [])
    lat, lon = new.get("latitude"), new.get("longitude")
    own = lat is not None and lon is not None and not new.get("text")
    last = positions[-1] if positions else {}
    if own and (last.get("latitude"), last.get("longitude")) != (lat, lon):
        entry: dict[str, Any] = {"at": iso(at), "latitude": lat, "longitude": lon}
        if new.get("situation"):
            entry["situation"] = new["situation"]
        if new.get("situation") == "at_sea":
            entry["coast_km"] = coast_distance_km(lat, lon)
        positions.append(entry)
    out = {k: v for k, v in new.items() if k != "positions"}
    if positions:
        out["positions"] = positions[-MAX_POSITIONS:]
    return out


def newest_first(location: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The positions for the caseworker, newest first."""
    return list(reversed((location or {}).get("positions") or []))
