"""Small stand-ins for bot.i18n and bot.geo, injected through the engine's Context.

They know just enough words and places for the engine's own tests; the real modules are
exercised by the conversation scripts.
"""

from __future__ import annotations

import math
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bot.engine.context import Context
from bot.i18n.catalog import Catalogs
from bot.messages import Inbound, Location, Media

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2025, 1, 6, 10, 0, tzinfo=UTC)

KEYWORDS = {
    "help": "help", "aide": "help", "restart": "restart", "language": "language",
    "langue": "language", "stop": "stop", "erase": "erase", "effacer": "erase",
}  # fmt: skip
SYNONYMS = {
    "yes": {"yes", "y", "ok", "oui"},
    "no": {"no", "n", "non"},
    "skip": {"skip", "passer"},
    "held_by_employer": {"my boss has it", "boss"},
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "premier": 1, "deuxième": 2}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "sixteen": 16, "seize": 16}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


class FakeLexicon:
    def keyword(self, text: str, lang: str | None) -> str | None:
        return KEYWORDS.get(_norm(text))

    def match(
        self,
        text: str,
        lang: str | None,
        candidates: dict[str, list[str]],
        *,
        whole: bool = False,  # this fake only ever compares whole messages
    ) -> str | None:
        said = _norm(text)
        found = {
            answer
            for answer, labels in candidates.items()
            if said in {_norm(x) for x in labels} | SYNONYMS.get(answer, set())
        }
        return found.pop() if len(found) == 1 else None

    def ordinal(self, text: str, lang: str | None, count: int) -> int | None:
        said = _norm(text)
        number = int(said) if said.isdigit() else None
        for word, value in ORDINALS.items():
            if word in said.split():
                number = value
        return number if number is not None and 1 <= number <= count else None


@dataclass
class Place:
    name: str
    country_code: str
    latitude: float
    longitude: float
    geonameid: int
    population: int = 0
    distance_km: float | None = None


PLACES = {
    "tripoli": [
        Place("Tripoli", "LY", 32.8872, 13.1913, 2210247, 1150989),
        Place("Tripoli", "LB", 34.4367, 35.8497, 266826, 229398),
    ],
    "sabha": [Place("Sabha", "LY", 27.0377, 14.4283, 2212775, 130000)],
    "oujda": [Place("Oujda", "MA", 34.6814, -1.9086, 2540483, 405253)],
    "paris": [Place("Paris", "FR", 48.8534, 2.3488, 2988507, 2138551)],
}
COUNTRIES = {"LY": "Libya", "LB": "Lebanon", "MA": "Morocco", "FR": "France"}
EMERGENCY = {"LY": "1515", "FR": "112", "MA": "15"}  # LB left out: "we do not know"


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


class FakeGazetteer:
    def resolve_text(self, text: str, lang: str | None = None, prefer_countries: Any = ()) -> list:
        found = list(PLACES.get(_norm(text), []))
        return sorted(found, key=lambda p: p.country_code not in prefer_countries)

    def read(self, text: str, lang: str | None = None, prefer_countries: Any = ()) -> Any:
        """Only towns: the reading of situations, countries and "I don't know" is tested
        on the real gazetteer (tests/geo/test_reading.py)."""
        found = self.resolve_text(text, lang, prefer_countries)
        kind = "places" if found else "nothing"
        return SimpleNamespace(kind=kind, candidates=tuple(found), situation=None, confirm=False)

    def local_name(self, name: str, country_code: str, lang: str | None) -> str:
        return name

    def resolve_pin(self, lat: float, lon: float) -> Place | None:
        places = [p for ps in PLACES.values() for p in ps]
        best = min(places, key=lambda p: _km((lat, lon), (p.latitude, p.longitude)))
        km = _km((lat, lon), (best.latitude, best.longitude))
        if km > 500:
            return None
        return Place(**{**best.__dict__, "distance_km": round(km, 1)})


def is_ambiguous(candidates: list) -> bool:
    return len({c.country_code for c in candidates}) > 1


class FakeEmergency:
    """Every number in EMERGENCY counts as checked; the real gating is tested in tests/geo."""

    def advice(self, cc: str, today: object, max_age_months: int, near: str | None = None):
        number = EMERGENCY.get(cc)
        found = [SimpleNamespace(service="general", number=number, country=None, area=None)]
        return SimpleNamespace(numbers=found if number else [], risks=[])


def parse_number(text: str, lang: str | None = None) -> int | None:
    digits = re.findall(r"\d+", text)
    if digits:
        return int(digits[0])
    words = [NUMBER_WORDS[w] for w in _norm(text).split() if w in NUMBER_WORDS]
    return words[0] if words else None


def detect_language(text: str, supported: list[str]) -> str | None:
    said = _norm(text)
    if said.startswith(("bonjour", "salut")) and "fr" in supported:
        return "fr"
    return "en" if said in ("hi", "hello") else None


def language_by_name(text: str) -> str | None:
    return {"english": "en", "français": "fr", "francais": "fr", "french": "fr"}.get(_norm(text))


def locales_with_french(tmp: Path) -> Path:
    """The real English catalog plus a small French one (enough for the menu and a few
    questions; the rest falls back to English)."""
    (tmp / "en").mkdir(parents=True)
    shutil.copy(ROOT / "locales" / "en" / "bot.ftl", tmp / "en" / "bot.ftl")
    (tmp / "fr").mkdir()
    (tmp / "fr" / "bot.ftl").write_text(
        "language-name = Français\n"
        "language-prompt = Choisissez votre langue.\n"
        "language-switched = Nous écrirons en français.\n"
        "consent-prompt = { $org } garde vos réponses { $days } jours. D'accord ?\n"
        "consent-yes = Oui\nconsent-no = Non\n"
        "safety-prompt = Êtes-vous en danger maintenant ?\n",
        encoding="utf-8",
    )
    return tmp


def make_context(locales: Path | None = None, **overrides: Any) -> Context:
    values: dict[str, Any] = {
        "now": NOW,
        "catalogs": Catalogs(locales or ROOT / "locales"),
        "lexicon": FakeLexicon(),
        "org": "Sauti",
        "retention_days": 90,
        "case_ref": "C-0042",
        "gazetteer": FakeGazetteer(),
        "emergency": FakeEmergency(),
        "is_ambiguous": is_ambiguous,
        "country_name": lambda cc, lang: COUNTRIES.get(cc, cc),
        "parse_number": parse_number,
        "detect_language": detect_language,
        "language_by_name": language_by_name,
        "language_named": language_by_name,  # the fake already reads whole messages only
    }
    values.update(overrides)
    return Context(**values)


def msg(
    text: str | None = None,
    *,
    choice: str | None = None,
    location: tuple[float, float] | None = None,
    media: str | None = None,
    kind: str | None = None,
) -> Inbound:
    base: dict[str, Any] = {
        "channel": "simulator",
        "dedupe_key": "m",
        "business_id": "b",
        "contact_id": "c",
        "timestamp": NOW,
    }
    if choice is not None:
        return Inbound(kind="choice", choice_id=choice, text=text, **base)
    if location is not None:
        loc = Location(latitude=location[0], longitude=location[1])
        return Inbound(kind="location", location=loc, **base)
    if media is not None:
        m = Media(kind="audio" if media == "voice" else media, voice=media == "voice")
        return Inbound(kind="media", media=m, **base)
    return Inbound(kind=kind or "text", text=text, **base)
