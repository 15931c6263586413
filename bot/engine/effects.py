"""What one engine step asks the host to do. The engine never does I/O itself.

Every host applies them with `bot.engine.host.apply_effects`: the pipeline in its
transaction (replies to the outbox, the case to the case sink), the script runner to its
record of the case; what differs per host is the `EffectsHost` it passes in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.messages import Reply

Priority = Literal["urgent", "high", "normal"]


class PlaceMatch(BaseModel):
    """Where the person is, as far as we can tell (the case JSON's `location`)."""

    latitude: float | None = None
    longitude: float | None = None
    text: str | None = None  # what the person typed, if they typed
    place: str | None = None  # matched place name, e.g. "Tripoli"
    country_code: str | None = None  # ISO 3166-1 alpha-2, e.g. "LY"
    distance_km: float | None = None  # from the pin to the matched place
    matched: bool = False  # False: stored as typed, not found in the gazetteer
    # Not a town: unknown (she does not know), at_sea, in_desert, in_vehicle, detained.
    situation: str | None = None


class Timer(BaseModel):
    """Wake the conversation at `at` with a `timeout` input named `name` (e.g. reminder)."""

    name: str
    at: datetime


class CaseChange(BaseModel):
    """What one step changes in the person's case: the part of `Effects` the case sink
    (bot.cases.sink) applies, every step (it also keeps the case's language and time)."""

    answers: dict[str, Any] = Field(default_factory=dict)  # answer key -> value, merged into case
    location: PlaceMatch | None = None
    open_case: bool = False  # open the case now (or keep the open one)
    priority: Priority | None = None  # the priority the flow's rules give now
    rules_fired: list[str] = Field(default_factory=list)  # ids of the priority rules that fired
    indicators: list[str] = Field(default_factory=list)  # ids of the flow's indicators that hold
    handoff: str | None = None  # a person is needed: "help", "misses", "media", "flow"
    erase: bool = False  # the person confirmed: delete everything about them
    share_consent: dict[str, bool] | None = None  # {recipient: yes?}: the person answered


class Effects(CaseChange):
    """Everything one step asks for, as the engine collects it; `events()` is how a host
    reads it (bot.engine.host.apply_effects)."""

    replies: list[Reply] = Field(default_factory=list)
    language: str | None = None  # the person's language was chosen or changed
    stop: bool = False  # the person said stop: end silently, no follow-up
    finished: bool = False  # the flow reached its end
    contact_prefs: dict[str, Any] | None = None  # safe_to_message_first, safe_hours
    timers: list[Timer] = Field(default_factory=list)  # replaces any timers set before

    def events(self) -> list[Effect]:
        """The effects as events, in the order a host applies them: the conversation's own
        (language, contact preferences, timers), the replies, the case, then the end."""
        events: list[Effect] = []
        if self.language:
            events.append(LanguageChosen(self.language))
        if self.contact_prefs is not None:
            events.append(ContactPrefsGiven(self.contact_prefs))
        events.append(TimersSet(tuple(self.timers)))
        events += [Said(reply) for reply in self.replies]
        events.append(CaseChanged(self))
        if self.stop:
            events.append(Stopped())
        if self.finished:
            events.append(Finished())
        return events


# -- the events ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageChosen:
    """The person's language was chosen or changed: write in it from now on."""

    lang: str


@dataclass(frozen=True)
class ContactPrefsGiven:
    """Whether and when we may write first: merged into what the person said before."""

    prefs: dict[str, Any]


@dataclass(frozen=True)
class TimersSet:
    """The conversation's timers from now on (none: nothing to wake it)."""

    timers: tuple[Timer, ...]


@dataclass(frozen=True)
class Said:
    """A reply to send, in order."""

    reply: Reply


@dataclass(frozen=True)
class CaseChanged:
    """The case hears of every step (opened, answers, place, priority, handoff, erasure)."""

    change: CaseChange


@dataclass(frozen=True)
class Stopped:
    """The person said stop: the conversation ends, nothing more is written."""


@dataclass(frozen=True)
class Finished:
    """The flow reached its end."""


Effect = LanguageChosen | ContactPrefsGiven | TimersSet | Said | CaseChanged | Stopped | Finished
