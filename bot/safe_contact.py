"""May we write to this person first, now? The one rule for reminders, caseworker sends and
group updates.

The bot never writes first unless the person said it is safe, and then only in the hours they
allowed. "day" means 08:00–20:00 on the clock of the country they are in (its main time zone);
when we do not know the country, only "any time" allows a message. Pure: no database, no web.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global

DAY_START = time(8, 0)
DAY_END = time(20, 0)

# Countries with several zones: the one most of their people live in. Single-zone countries
# come from CLDR (Babel) below, so the list only needs the ambiguous ones.
MAIN_ZONES: dict[str, str] = {
    "AR": "America/Argentina/Buenos_Aires",
    "AU": "Australia/Sydney",
    "BR": "America/Sao_Paulo",
    "CA": "America/Toronto",
    "CD": "Africa/Kinshasa",
    "CL": "America/Santiago",
    "CN": "Asia/Shanghai",
    "CY": "Asia/Nicosia",
    "DE": "Europe/Berlin",
    "EC": "America/Guayaquil",
    "ES": "Europe/Madrid",
    "GL": "America/Nuuk",
    "ID": "Asia/Jakarta",
    "KZ": "Asia/Almaty",
    "MA": "Africa/Casablanca",
    "MN": "Asia/Ulaanbaatar",
    "MX": "America/Mexico_City",
    "MY": "Asia/Kuala_Lumpur",
    "NZ": "Pacific/Auckland",
    "PS": "Asia/Gaza",
    "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow",
    "UA": "Europe/Kyiv",
    "US": "America/New_York",
    "UZ": "Asia/Tashkent",
    "EH": "Africa/El_Aaiun",
}


@lru_cache(maxsize=512)
def zone_for(country_code: str | None) -> ZoneInfo | None:
    """The main time zone of a country (ISO 3166-1 alpha-2), or None if we cannot tell."""
    if not country_code or len(country_code.strip()) != 2:
        return None
    code = country_code.strip().upper()
    name = MAIN_ZONES.get(code)
    if name is None:
        zones = get_global("territory_zones").get(code) or []
        if len(zones) != 1:
            return None  # several zones and no main one listed: do not guess
        name = zones[0]
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def may_write_first(
    prefs: dict[str, Any] | None, country_code: str | None, now: datetime
) -> tuple[bool, str]:
    """Whether the bot or a caseworker may write to the person first at `now`, and why
    (a short English sentence for caseworkers)."""
    if not prefs or prefs.get("safe_to_message_first") is not True:
        return False, "The person has not said it is safe to write to them first."
    hours = prefs.get("safe_hours")
    if hours == "any":
        return True, "The person said we may write to them first at any time."
    if hours not in ("day", None):
        return False, "The person's safe hours are not clear; wait until they write."
    # They said "day", or said yes without saying when: daytime is the careful reading.
    zone = zone_for(country_code)
    if zone is None:
        return False, (
            "The person said daytime only, and we do not know their time zone; "
            "wait until they write."
        )
    aware = now if now.tzinfo else now.replace(tzinfo=UTC)
    local = aware.astimezone(zone)
    clock = local.strftime("%H:%M")
    where = f"{clock} where the person is ({zone.key})"
    if DAY_START <= local.time() < DAY_END:
        return True, f"It is {where}, inside their safe hours (08:00–20:00)."
    return False, f"It is {where}, outside their safe hours (08:00–20:00)."
