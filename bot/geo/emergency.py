"""Emergency numbers per country, from the NGO's vetted `flows/emergency_numbers.yaml`.

Nothing here is guessed: a country missing from the file gives None, and a country with no
known number is `available: false`. Every number carries its own source, confidence, the
date a partner last phoned it (None: copied from research, not yet checked) and its risks
for the person calling (`police_may_detain_migrants`). Which numbers the bot may give is
decided by `bot.geo.numbers_policy`; this module only reads and validates the file.

`sea` is the entry for a pin or an answer at sea; `eu_112` adds the EU's 112 (one source,
one verification date) to every member state, before the country's own entries.
"""

from __future__ import annotations

import logging
import re
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from bot.geo._yaml import line_of, read_yaml, validation_message

if TYPE_CHECKING:
    from bot.geo.numbers_policy import NumbersAdvice

log = logging.getLogger(__name__)

DEFAULT_EMERGENCY_FILE = Path(__file__).resolve().parents[2] / "flows" / "emergency_numbers.yaml"
SEA = "sea"
# The services the bot has words for (locales: one `service-<id>-name` message each).
SERVICES = (
    "general",
    "police",
    "gendarmerie",
    "national_guard",
    "ambulance",
    "fire",
    "civil_protection",
    "civil_defence",
    "tourist_police",
    "coast_guard",
    "migrant_helpline",
    "alarm_phone",
)
# What calling a service may cost the person (locales: one `risk-<id>-why` line each).
RISKS = ("police_may_detain_migrants", "not_a_rescue_service")
_NUMBER = re.compile(r"^\+?[0-9][0-9 ]*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")

Confidence = Literal["low", "medium", "high"]


class EmergencyFileError(ValueError):
    """The emergency number file is unreadable or breaks the format; the message has file:line."""


def _as_list(value: object) -> object:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


class EmergencyNumber(BaseModel):
    """One number: what it reaches, where it comes from, and how far we trust it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    service: str
    number: str
    source: str = Field(min_length=1)
    last_verified: date | None = None  # the day a partner last phoned it; None: never
    confidence: Confidence
    risk: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    country: str | None = None  # sea entries: whose coast guard
    area: str | None = None  # where it works, when not the whole country ("cities", "Aden")
    note: str | None = None  # for caseworkers

    @field_validator("service")
    @classmethod
    def _known_service(cls, value: str) -> str:
        if value not in SERVICES:
            raise ValueError(f"unknown service {value!r}; use one of: {', '.join(SERVICES)}")
        return value

    @field_validator("risk")
    @classmethod
    def _known_risks(cls, value: list[str]) -> list[str]:
        for risk in value:
            if risk not in RISKS:
                raise ValueError(f"unknown risk {risk!r}; use one of: {', '.join(RISKS)}")
        return value

    @field_validator("number", mode="before")
    @classmethod
    def _dialable(cls, value: object) -> str:
        text = str(value).strip()
        if not _NUMBER.match(text):
            raise ValueError(f"{text!r} is not a phone number (digits, spaces, a leading +)")
        return text


class EmergencyInfo(BaseModel):
    """Every number the file lists for `country_code` (an ISO code, or "sea")."""

    model_config = ConfigDict(frozen=True)

    country_code: str
    name: str | None = None
    available: bool
    numbers: list[EmergencyNumber] = Field(default_factory=list)
    source: str | None = None  # for `available: false`: where we looked
    note: str | None = None


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    available: bool = True
    numbers: list[EmergencyNumber] = Field(default_factory=list)
    source: str | None = None
    note: str | None = None


class _Eu112(BaseModel):
    model_config = ConfigDict(extra="forbid")

    countries: list[str] = Field(min_length=1)
    source: str = Field(min_length=1)
    last_verified: date | None = None
    confidence: Confidence
    note: str | None = None


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")

    countries: dict[str, _Entry] = Field(default_factory=dict)
    sea: _Entry | None = None
    eu_112: _Eu112 | None = None


class EmergencyBook:
    """All known emergency numbers, by country code. Read-only once loaded."""

    def __init__(self, entries: dict[str, EmergencyInfo], source: Path | None = None) -> None:
        self._entries = entries
        self.source = source

    @classmethod
    def load(cls, path: Path) -> EmergencyBook:
        """Read and validate the file. Raises EmergencyFileError (with file:line)."""
        data, node = read_yaml(path, EmergencyFileError)
        try:
            parsed = _File.model_validate({} if data is None else data)
        except ValidationError as exc:
            raise EmergencyFileError(validation_message(path, node, exc)) from exc
        entries: dict[str, EmergencyInfo] = {}
        for code, entry in parsed.countries.items():
            where = f"{path}:{line_of(node, ('countries', code))}"
            cc = code.strip().upper()
            if not _ISO2.match(cc):
                raise EmergencyFileError(f"{where}: {code!r} is not a two-letter country code")
            entries[cc] = _info(cc, entry, where)
        if parsed.sea is not None:
            entries[SEA] = _info(SEA, parsed.sea, f"{path}:{line_of(node, ('sea',))}")
        if parsed.eu_112 is not None:
            eu = parsed.eu_112
            number = EmergencyNumber(
                service="general",
                number="112",
                source=eu.source,
                last_verified=eu.last_verified,
                confidence=eu.confidence,
                note=eu.note,
            )
            for i, code in enumerate(eu.countries):
                cc = code.strip().upper()
                own = entries.get(cc)
                if own is not None and not own.available:
                    where = f"{path}:{line_of(node, ('eu_112', 'countries', i))}"
                    raise EmergencyFileError(f"{where}: {cc} has 112 but is `available: false`")
                entries[cc] = EmergencyInfo(
                    country_code=cc,
                    name=own.name if own else None,
                    available=True,
                    numbers=[number, *(own.numbers if own else [])],
                    note=own.note if own else None,
                )
        return cls(entries, source=path)

    @property
    def countries(self) -> list[str]:
        """Every code with an entry (including "sea"), sorted."""
        return sorted(self._entries)

    def for_country(self, cc: str) -> EmergencyInfo | None:
        """The entry for `cc` (ISO 3166-1 alpha-2, any case, or "sea"); None when unknown."""
        code = cc.strip()
        return self._entries.get(SEA if code.lower() == SEA else code.upper())

    def for_sea(self, near: str | None = None) -> EmergencyInfo | None:
        """The sea entry, with the coast guard of the nearest country (`near`) first.

        Alarm Phone, which is not a rescue service, always comes after the coast guards.
        """
        info = self._entries.get(SEA)
        if info is None:
            return None
        near = near.upper() if near else None

        def order(entry: EmergencyNumber) -> tuple[bool, bool]:
            return entry.service == "alarm_phone", entry.country != near

        return info.model_copy(update={"numbers": sorted(info.numbers, key=order)})

    def advice(
        self, cc: str, today: date, max_age_months: int, near: str | None = None
    ) -> NumbersAdvice:
        """The numbers the bot may give in `cc` today (see `bot.geo.numbers_policy`)."""
        from bot.geo.numbers_policy import advice

        return advice(self, cc, today, max_age_months, near=near)


def _info(cc: str, entry: _Entry, where: str) -> EmergencyInfo:
    if entry.available and not entry.numbers:
        raise EmergencyFileError(f"{where}: {cc} is available but lists no numbers")
    if not entry.available and entry.numbers:
        raise EmergencyFileError(f"{where}: {cc} is not available but lists numbers")
    if not entry.available and not entry.source:
        raise EmergencyFileError(f"{where}: {cc} is not available: say where you looked (source)")
    return EmergencyInfo(
        country_code=cc,
        name=entry.name,
        available=entry.available,
        numbers=entry.numbers,
        source=entry.source,
        note=entry.note,
    )


def check_emergency_file(path: Path) -> list[str]:
    """Problems in an emergency number file as `file:line: message` lines; [] when good."""
    try:
        EmergencyBook.load(path)
    except EmergencyFileError as exc:
        return str(exc).splitlines()
    return []


def emergency_book_for(flows_dir: Path | None) -> EmergencyBook:
    """The book the bot uses for a deployment: `emergency_numbers.yaml` in its flows folder,
    or the repository's file when the folder has none."""
    path = flows_dir / "emergency_numbers.yaml" if flows_dir else None
    return get_emergency_book(path if path and path.is_file() else None)


_lock = threading.Lock()
_books: dict[Path, tuple[int, EmergencyBook]] = {}


def get_emergency_book(path: Path | None = None) -> EmergencyBook:
    """The shared book for `path` (default: the repository's flows/emergency_numbers.yaml).

    Re-read when the file changes on disk; a broken edit is logged and the last good
    version stays in use (the first load of a broken file raises EmergencyFileError).
    """
    resolved = (path or DEFAULT_EMERGENCY_FILE).resolve()
    try:
        mtime = resolved.stat().st_mtime_ns
    except OSError:
        mtime = -1
    entry = _books.get(resolved)
    if entry is not None and entry[0] == mtime:
        return entry[1]
    with _lock:
        entry = _books.get(resolved)
        if entry is not None and entry[0] == mtime:
            return entry[1]
        try:
            book = EmergencyBook.load(resolved)
        except EmergencyFileError:
            if entry is None:
                raise
            log.exception("emergency number file %s is broken; keeping the previous one", path)
            book = entry[1]
        _books[resolved] = (mtime, book)
        return book
