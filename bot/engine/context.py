"""What the engine needs from outside, and the inputs besides a message.

`Context` is built by the host for each step. The language and place helpers default to
bot.i18n and bot.geo (which never import the engine); tests inject small stand-ins through
the same fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any, Protocol

from bot.geo import countries
from bot.geo.emergency import get_emergency_book
from bot.geo.gazetteer import get_gazetteer, is_ambiguous
from bot.i18n import counting, detect, numbers


class CatalogsLike(Protocol):
    @property
    def languages(self) -> list[str]: ...
    def format(self, lang: str, msg_id: str, **args: Any) -> str: ...
    def has(self, msg_id: str, lang: str = "en") -> bool: ...


class LexiconLike(Protocol):
    def keyword(self, text: str, lang: str | None) -> str | None: ...
    def match(
        self,
        text: str,
        lang: str | None,
        candidates: dict[str, list[str]],
        *,
        whole: bool = False,  # only the whole message, not words inside it or typos
    ) -> str | None: ...
    def ordinal(self, text: str, lang: str | None, count: int) -> int | None: ...


class CandidateLike(Protocol):
    name: str
    country_code: str
    latitude: float
    longitude: float
    geonameid: int | None
    distance_km: float | None


class GazetteerLike(Protocol):
    def resolve_text(
        self, text: str, lang: str | None = None, prefer_countries: Any = ()
    ) -> list[Any]: ...
    def resolve_pin(self, lat: float, lon: float) -> Any | None: ...
    def read(self, text: str, lang: str | None = None, prefer_countries: Any = ()) -> Any: ...
    def local_name(self, name: str, country_code: str, lang: str | None) -> str: ...


class EmergencyBookLike(Protocol):
    def advice(
        self, cc: str, today: date, max_age_months: int, near: str | None = None
    ) -> Any: ...  # .numbers (usable, safest first: .service, .number), .risks


@dataclass(frozen=True)
class Timeout:
    """A timer set through Effects.timers came due (e.g. "reminder", "expire")."""

    name: str


@dataclass(frozen=True)
class Resume:
    """A caseworker released the chat back to the bot."""


@dataclass
class Context:
    now: datetime
    catalogs: CatalogsLike
    lexicon: LexiconLike
    org: str = "Sauti"
    retention_days: int = 90
    case_ref: str = ""
    # A caseworker has the chat: the bot stays silent (stop and erase still work).
    claimed: bool = False
    prefer_countries: list[str] = field(default_factory=list)
    contact_prefs: dict[str, Any] | None = None
    # The NGO's own line (SAUTI_HOTLINE): when we have no checked number, and on declining.
    hotline: str | None = None
    numbers_max_age_months: int = 12  # an emergency number checked longer ago is not given
    # None: bot.geo / bot.i18n's own, through the helpers below.
    gazetteer: GazetteerLike | None = None
    emergency: EmergencyBookLike | None = None
    is_ambiguous: Callable[[list[Any]], bool] | None = None
    country_name: Callable[[str, str], str] | None = None
    parse_number: Callable[[str, str | None], int | None] | None = None
    detect_language: Callable[[str, list[str]], str | None] | None = None
    language_by_name: Callable[[str], str | None] | None = None
    language_named: Callable[[str], str | None] | None = None


# Each helper below uses the context's own stand-in if it has one (tests), else the real
# one; the gazetteer and the emergency book are built on first use only (the gazetteer takes
# seconds), so a conversation that never reaches the location step never builds them.


def gazetteer(ctx: Context) -> GazetteerLike:
    if ctx.gazetteer is None:
        ctx.gazetteer = get_gazetteer()
    return ctx.gazetteer


def place_name(ctx: Context, name: str, cc: str | None, lang: str) -> str:
    """A place's name in the person's script (طرابلس, ትሪፖሊ) where we know it."""
    return gazetteer(ctx).local_name(name, cc, lang) if cc else name


def ambiguous(ctx: Context, candidates: list[Any]) -> bool:
    return (ctx.is_ambiguous or is_ambiguous)(candidates)


def emergency_advice(ctx: Context, cc: str, near: str | None = None) -> Any:
    """The checked numbers for `cc` ("sea": at sea, off `near`'s coast), safest first."""
    if ctx.emergency is None:
        ctx.emergency = get_emergency_book()
    return ctx.emergency.advice(cc, ctx.now.date(), ctx.numbers_max_age_months, near=near)


def country_name(ctx: Context, cc: str, lang: str) -> str:
    return (ctx.country_name or countries.country_name)(cc, lang)


def parse_number(ctx: Context, text: str, lang: str | None) -> int | None:
    return (ctx.parse_number or numbers.parse_number)(text, lang)


def read_count(ctx: Context, text: str, lang: str | None) -> Any:
    """A count of people (`bot.i18n.counting.Count`: value, children) or None. A context
    with its own `parse_number` (tests) counts with it."""
    if ctx.parse_number is not None:
        value = ctx.parse_number(text, lang)
        return None if value is None else SimpleNamespace(value=value, children=False)
    return counting.read_count(text, lang)


def detect_language(ctx: Context, text: str, supported: list[str]) -> str | None:
    return (ctx.detect_language or detect.detect_language)(text, supported)


def language_choices(ctx: Context, text: str, supported: list[str]) -> tuple[str, ...]:
    """The languages a first message may be in: one, none, or two that tie (Amharic and
    Tigrinya in Ge'ez script), which the language menu then shows first."""
    if ctx.detect_language not in (None, detect.detect_language):  # its own detector (tests)
        found = ctx.detect_language(text, supported)  # type: ignore[misc]
        return (found,) if found else ()
    return detect.language_choices(text, supported)


def language_by_name(ctx: Context, text: str) -> str | None:
    return (ctx.language_by_name or detect.language_by_name)(text)


def language_named(ctx: Context, text: str) -> str | None:
    """The language a message is only the name of ("français"): a switch at any step."""
    return (ctx.language_named or detect.language_named)(text)
