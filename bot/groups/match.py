"""Why two cases are probably people in one situation: the reasons, each shown as a sentence.

- the same recruitment agency, across spellings and scripts (bot.groups.agency);
- shared location pins within `LinkRules.km` of each other (a typed town is a town's centre,
  not a position, so it never counts as "near");
- the same employer town (bot.groups.towns).

Pure: no database. Nothing here changes a case: these are suggestions for a caseworker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.geo.spatial import haversine_km
from bot.groups import agency
from bot.groups.agency import AgencyName
from bot.groups.towns import Town, Towns
from bot.store.models import Case


@dataclass(frozen=True)
class LinkRules:
    km: float = 5.0  # pins this close are "near"
    days: int = 30  # only cases opened within this many days of the case looked at
    agency_score: float = agency.MIN_SCORE
    limit: int = 2000  # candidate cases read at most (newest first)

    @classmethod
    def from_settings(
        cls, settings: Any, *, km: float | None = None, days: int | None = None
    ) -> LinkRules:
        """Defaults from settings (`link_distance_km`, `link_days` if the deployment sets
        them), overridden per request."""
        return cls(
            km=float(km if km is not None else getattr(settings, "link_distance_km", cls.km)),
            days=int(days if days is not None else getattr(settings, "link_days", cls.days)),
        )


@dataclass(frozen=True)
class Facts:
    """What of one case can link it to another."""

    case_id: str
    conversation_id: int
    agency: AgencyName | None = None
    pin: tuple[float, float] | None = None
    town: Town | None = None

    @property
    def comparable(self) -> bool:
        return self.agency is not None or self.pin is not None or self.town is not None


@dataclass(frozen=True)
class Reason:
    kind: str  # agency | distance | employer_town
    text: str  # e.g. "same agency: 'Al Amal Recruitment' ≈ 'alamal recruitment'"
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, **self.extra}


def facts_of(case: Case, towns: Towns) -> Facts:
    answers = case.answers or {}
    loc = case.location or {}
    return Facts(
        case_id=case.id,
        conversation_id=case.conversation_id,
        agency=agency.parse(answers.get("agency")),
        pin=_pin(loc),
        town=towns.town(answers.get("employer_town"), loc.get("country_code")),
    )


def _pin(loc: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = loc.get("latitude"), loc.get("longitude")
    if loc.get("text") or not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    return float(lat), float(lon)


def reasons(a: Facts, b: Facts, rules: LinkRules) -> list[Reason]:
    """Every reason `a` and `b` may be one situation; [] when there is none."""
    found: list[Reason] = []
    if a.agency and b.agency:
        score = agency.similarity(a.agency, b.agency)
        if score >= rules.agency_score:
            same = a.agency.raw == b.agency.raw
            text = (
                f"same agency: '{a.agency.raw}'"
                if same
                else f"same agency: '{a.agency.raw}' ≈ '{b.agency.raw}'"
            )
            found.append(Reason("agency", text, {"score": round(score, 1)}))
    if a.pin and b.pin:
        km = haversine_km(*a.pin, *b.pin)
        if km <= rules.km:
            found.append(Reason("distance", f"{km:.1f} km apart", {"km": round(km, 2)}))
    if a.town and b.town and a.town.key == b.town.key:
        found.append(
            Reason("employer_town", f"same employer town: {a.town.name}", {"town": a.town.name})
        )
    return found


def rank(found: list[Reason]) -> tuple[int, float, float]:
    """Sort key, best first: more reasons, a surer agency match, a shorter distance."""
    score = max((r.extra.get("score", 0.0) for r in found if r.kind == "agency"), default=0.0)
    km = min((r.extra.get("km", 1e9) for r in found if r.kind == "distance"), default=1e9)
    return (-len(found), -score, km)
