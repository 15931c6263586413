"""What the bot says back once it has noted where the person is (one message)."""

from __future__ import annotations

from typing import Any

from bot.engine import context as tools
from bot.engine.context import Context
from bot.engine.effects import PlaceMatch
from bot.engine.render import text


def location_words(
    ctx: Context, lang: str, place: PlaceMatch, near_km: float
) -> tuple[str, dict[str, Any]]:
    """(message id, its arguments) for `place`, in the person's language and script."""
    cc = place.country_code
    country = tools.country_name(ctx, cc, lang) if cc else ""
    km = round(place.distance_km) if place.distance_km is not None else None
    if place.situation == "unknown":
        return "location-dont-know", {}
    if place.situation == "at_sea" and place.latitude is not None and cc and not place.place:
        # A pin at sea (a town typed from a boat is said back as the town: "Zuwara, Libya").
        return "location-at-sea", {"country": country, "km": km or 0}
    if place.situation and not place.place:
        label = text(ctx, lang, f"situation-{place.situation}-name")
        return "location-situation", {"situation": f"{label}, {country}" if cc else label}
    if place.place and cc:
        shown = tools.place_name(ctx, place.place, cc, lang)
        if km is not None and km > near_km:
            return "location-near", {"place": shown, "country": country, "km": km}
        return "location-found", {"place": shown, "country": country}
    if cc and place.latitude is not None:  # a pin far from any town we know
        return "location-remote", {"country": country, "km": km or 0}
    if cc:
        return "location-country", {"country": country}
    name = place.text or f"{place.latitude:.4f}, {place.longitude:.4f}"
    return "location-unknown", {"name": name}
