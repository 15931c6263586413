"""A position typed as coordinates: "33.9, 13.2", "N 33°54.1' E 013°12.5'" (a Thuraya's
GPS screen), "34.0N 15.0E", in Western or Arabic-Indic digits.

Decimal degrees need a decimal point on both numbers, so "we are 40, 3 children" is never
read as a position; degrees with minutes need the degree sign or a hemisphere letter.
"""

from __future__ import annotations

import re

# Arabic-Indic and Persian digits, the Arabic decimal separator and comma.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫،", "01234567890123456789.,")
_NUM = r"\d{1,3}(?:\.\d+)?"
# One coordinate: an optional hemisphere letter, degrees, optional minutes and seconds, an
# optional hemisphere letter after (French "O" is west).
_PART = (
    r"(?P<@h1>[NSEWO])?\s*(?P<@sign>[-+])?(?P<@deg>" + _NUM + r")\s*(?P<@degsign>°|º|deg)?"
    r"(?:\s*(?P<@min>\d{1,2}(?:\.\d+)?)\s*['′’])?"
    r"(?:\s*(?P<@sec>\d{1,2}(?:\.\d+)?)\s*(?:\"|″|''|’’))?"
    r"(?(@h1)|\s*(?P<@h2>[NSEWO])?)"
)
_PAIR = re.compile(
    r"(?<![\w.])"
    + _PART.replace("@", "a")
    + r"\s*(?P<sep>[,;/])?\s*"
    + _PART.replace("@", "b")
    + r"(?![\w.])",
    re.IGNORECASE,
)


def parse(text: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) if the text holds a position, else None."""
    if not text or len(text) > 300:
        return None
    cleaned = text.translate(_DIGITS)
    for match in _PAIR.finditer(cleaned):
        point = _point(match.groupdict())
        if point is not None:
            return point
    return None


def _point(g: dict[str, str | None]) -> tuple[float, float] | None:
    a, b = _part(g, "a"), _part(g, "b")
    if a is None or b is None:
        return None
    (lat, lat_h, lat_marked), (lon, lon_h, lon_marked) = a, b
    if lat_h in "EWO" and lon_h in "NS" and lat_h and lon_h:
        (lat, lat_h), (lon, lon_h) = (lon, lon_h), (lat, lat_h)  # "E 13.2 N 33.9"
    if lat_h and lat_h not in "NS" or lon_h and lon_h not in "EWO":
        return None
    if not (lat_marked and lon_marked):
        return None  # plain numbers without decimals are counts, not a position
    if not (lat_h or lon_h or g["sep"] or g["adegsign"]) and not _precise(g):
        return None  # "1.5 2.5 litres": two short decimals with nothing else
    if lat_h == "S":
        lat = -lat
    if lon_h in ("W", "O"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return round(lat, 6), round(lon, 6)


def _precise(g: dict[str, str | None]) -> bool:
    return all(len((g[f"{p}deg"] or "").partition(".")[2]) >= 2 for p in "ab")


def _part(g: dict[str, str | None], p: str) -> tuple[float, str, bool] | None:
    """(degrees, hemisphere letter or "", whether it is clearly a coordinate)."""
    h1, h2 = (g[f"{p}h1"] or "").upper(), (g[f"{p}h2"] or "").upper()
    if h1 and h2:
        return None
    deg_text = g[f"{p}deg"] or ""
    value = float(deg_text)
    minutes, seconds = g[f"{p}min"], g[f"{p}sec"]
    if minutes is not None:
        if float(minutes) >= 60 or "." in deg_text:
            return None
        value += float(minutes) / 60
    if seconds is not None:
        if minutes is None or float(seconds) >= 60:
            return None
        value += float(seconds) / 3600
    if g[f"{p}sign"] == "-":
        value = -value
    # A whole number is a coordinate only with a degree sign or minutes ("34° 15°").
    marked = "." in deg_text or bool(g[f"{p}degsign"]) or minutes is not None
    return value, h1 or h2, marked
