"""Which emergency numbers the bot may give, and in what order.

A wrong or risky number can get a person arrested, so a number is given only when it is
usable: a partner phoned it (`last_verified`) less than `max_age_months` ago, and we trust
it at least at `medium`. Among usable numbers, those without a known risk come first
(ambulance and civil protection before police where police may detain migrants), and the
risks of the numbers still given are returned so the bot can say why in one line.

`numbers_report` checks every entry and lists the covered countries left with no usable
number: `sauti numbers check` prints it and the inbox shows it to admins (/inbox/admin/numbers).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from bot.geo.emergency import SEA, EmergencyBook, EmergencyInfo, EmergencyNumber

DEFAULT_MAX_AGE_MONTHS = 12
_TRUSTED = ("medium", "high")
Problem = str  # "unverified" | "stale" | "low_confidence"


def _months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (a month counts once its day is reached)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def problems(entry: EmergencyNumber, today: date, max_age_months: int) -> list[Problem]:
    """Why `entry` may not be given today; [] when it may."""
    found: list[Problem] = []
    if entry.last_verified is None:
        found.append("unverified")
    elif _months_between(entry.last_verified, today) >= max_age_months:
        found.append("stale")
    if entry.confidence not in _TRUSTED:
        found.append("low_confidence")
    return found


def is_usable(entry: EmergencyNumber, today: date, max_age_months: int) -> bool:
    return not problems(entry, today, max_age_months)


@dataclass(frozen=True)
class NumbersAdvice:
    """What to tell a person in one country (or at sea) about whom to call."""

    country_code: str
    known: bool  # the file has an entry for the country
    numbers: list[EmergencyNumber] = field(default_factory=list)  # usable, safest first
    risks: list[str] = field(default_factory=list)  # why the later ones come later


def advice(
    book: EmergencyBook,
    cc: str,
    today: date,
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS,
    *,
    near: str | None = None,
) -> NumbersAdvice:
    """The numbers the bot may give in `cc` ("sea": at sea, `near` that coast's country)."""
    info: EmergencyInfo | None = (
        book.for_sea(near) if cc.strip().lower() == SEA else book.for_country(cc)
    )
    code = SEA if cc.strip().lower() == SEA else cc.strip().upper()
    if info is None:
        return NumbersAdvice(code, known=False)
    usable = [n for n in info.numbers if is_usable(n, today, max_age_months)]
    ordered = sorted(usable, key=lambda n: bool(n.risk))  # stable: the file's order otherwise
    risks = list(dict.fromkeys(r for n in ordered for r in n.risk))
    return NumbersAdvice(code, known=True, numbers=ordered, risks=risks)


@dataclass(frozen=True)
class CheckedEntry:
    """One entry of the file as checked today: `problems` is [] when the bot may give it."""

    country_code: str
    service: str
    number: str
    problems: list[Problem]
    source: str = ""
    last_verified: date | None = None
    confidence: str = ""
    risk: list[str] = field(default_factory=list)
    country: str | None = None  # sea entries: whose coast guard
    area: str | None = None  # where it works, when not the whole country

    @property
    def usable(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class NumbersReport:
    checked: list[CheckedEntry]  # every entry of the file, in the file's order per country
    uncovered: list[str]  # covered countries with no usable number
    covered: list[str] = field(default_factory=list)  # the teams' countries, upper case, sorted

    @property
    def entries(self) -> list[CheckedEntry]:
        """Every entry that may not be given today."""
        return [e for e in self.checked if e.problems]

    @property
    def ok(self) -> bool:
        return not self.uncovered


def numbers_report(
    book: EmergencyBook,
    today: date,
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS,
    covered: Iterable[str] = (),
) -> NumbersReport:
    """Every entry checked (the unusable ones are `entries`), and the `covered` countries left
    without a number: `sauti numbers check` and the inbox's admin page both show this."""
    checked = [
        CheckedEntry(
            cc,
            n.service,
            n.number,
            problems(n, today, max_age_months),
            source=n.source,
            last_verified=n.last_verified,
            confidence=n.confidence,
            risk=list(n.risk),
            country=n.country,
            area=n.area,
        )
        for cc in book.countries
        for n in (book.for_country(cc) or _EMPTY).numbers
    ]
    countries = sorted({c.strip().upper() for c in covered if c.strip()})
    uncovered = [cc for cc in countries if not advice(book, cc, today, max_age_months).numbers]
    return NumbersReport(checked, uncovered, countries)


_EMPTY = EmergencyInfo(country_code="", available=False)
