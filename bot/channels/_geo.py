"""Coordinates from webhook payloads: validation, and pins hidden in shared map links.

Messenger no longer documents location shares; old clients sent `payload.coordinates`, and
others share a map link (often wrapped in `l.facebook.com/l.php?u=`). We read both.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from bot.channels._fields import number

# "lat,long" with decimals on both sides, as map links write them (where1=, q=, ll=, @...).
_PAIR = re.compile(r"(?<![\d.])(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)(?![\d.])")
_MAP_HINTS = ("map", "bing.com", "goo.gl", "osm.org", "here.com")


def valid_location(latitude: Any, longitude: Any) -> tuple[float, float] | None:
    """(lat, long) when both are numbers within range, else None."""
    lat, lon = number(latitude), number(longitude)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def location_from_url(url: str | None) -> tuple[float, float] | None:
    """The pin in a map link (Bing, Google, OpenStreetMap, Apple, ...), if one is there."""
    if not url or len(url) > 4096:
        return None
    decoded = url
    for _ in range(3):  # facebook's redirect wraps an already-encoded map URL
        decoded = unquote(decoded)
    if not any(hint in decoded.lower() for hint in _MAP_HINTS):
        return None  # numbers in an arbitrary shared link are not a location
    match = _PAIR.search(decoded)
    return valid_location(match.group(1), match.group(2)) if match else None
