"""What one engine step asks the host to do. The engine never does I/O itself.

`bot/pipeline/conversations.py` applies these in the pipeline's transaction: replies go to the
outbox, answers and location to the case, and so on.
"""

from __future__ import annotations

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


class Effects(BaseModel):
    replies: list[Reply] = Field(default_factory=list)
    answers: dict[str, Any] = Field(default_factory=dict)  # answer key -> value, merged into case
    language: str | None = None  # the person's language was chosen or changed
    location: PlaceMatch | None = None
    open_case: bool = False  # open the case now (or keep the open one)
    priority: Priority | None = None  # the priority the flow's rules give now
    rules_fired: list[str] = Field(default_factory=list)  # ids of the priority rules that fired
    indicators: list[str] = Field(default_factory=list)  # ids of the flow's indicators that hold
    handoff: str | None = None  # a person is needed: "help", "misses", "media", "flow"
    erase: bool = False  # the person confirmed: delete everything about them
    stop: bool = False  # the person said stop: end silently, no follow-up
    finished: bool = False  # the flow reached its end
    contact_prefs: dict[str, Any] | None = None  # safe_to_message_first, safe_hours
    share_consent: dict[str, bool] | None = None  # {recipient: yes?}: the person answered
    timers: list[Timer] = Field(default_factory=list)  # replaces any timers set before
