"""A place the person may be in (`Candidate`), and when two of them call for a question."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.geo.spatial import haversine_km

Source = Literal["alias", "name", "fuzzy", "pin"]

AMBIGUOUS_FAR_KM = 50.0
AMBIGUOUS_MIN_SHARE = 0.05  # the runner-up needs at least 5% of the leader's population


class Candidate(BaseModel):
    """A place the person may be in."""

    model_config = ConfigDict(frozen=True)

    name: str
    country_code: str  # ISO 3166-1 alpha-2
    country_name: str  # English; use bot.geo.countries.country_name for the person's language
    latitude: float
    longitude: float
    population: int = 0
    geonameid: int | None = None  # None for places known only from the alias file
    distance_km: float | None = None  # pins: from the pin to this place
    source: Source
    score: float = 100.0  # 100 for exact matches; the rapidfuzz ratio for fuzzy ones
    matched: str = ""  # the normalized words that matched (empty for pins)
    situation: str | None = None  # pins: at_sea (never "near <town>"), in_desert
    # A place from GeoNames' small-place extract (villages, district seats): many of their
    # names are also everyday words (البلاد, "said"), so a match by name is confirmed.
    small: bool = False


def is_ambiguous(cands: Sequence[Candidate]) -> bool:
    """True when the top two are both plausible and in different countries or far apart.

    Then the bot should ask ("Tripoli, Libya or Tripoli, Lebanon?"). An exact match is never
    ambiguous with a fuzzy one, and a runner-up far smaller than the leader does not count.
    """
    if len(cands) < 2:
        return False
    a, b = cands[0], cands[1]
    if (a.source == "fuzzy") != (b.source == "fuzzy"):
        return False
    if a.source == "fuzzy" and b.score < a.score - 5:
        return False
    if a.population and b.population < AMBIGUOUS_MIN_SHARE * a.population:
        return False
    if a.country_code != b.country_code:
        return True
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > AMBIGUOUS_FAR_KM
