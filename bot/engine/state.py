"""The conversation state the engine reads and writes, and how a stored one is read back.

The host stores `ConversationState.stored()` (JSON) in the conversation row and hands
`load_state(stored)` back to the engine on the next input. A stored state says which shape
it has (`schema_version`); one written by an older engine is brought up to date one
version step at a time (`MIGRATIONS`), so a conversation stored before an upgrade
continues where it was. Keys this engine does not know (written by a newer one, before a
rollback) are kept as they are and written back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.engine.effects import PlaceMatch, Timer

SCHEMA_VERSION = 1

# Why a conversation is over (the next message starts a new one). "new": a conversation
# that never ran, known only by its language (the script runner's starting point).
Ended = Literal["stopped", "declined", "erased", "expired", "resolved", "new"]


# -- the side questions ---------------------------------------------------------------------


class _Side(BaseModel):
    model_config = ConfigDict(extra="allow")


class EraseQuestion(_Side):
    """ "Delete everything?": asked before erasing."""

    kind: Literal["erase"] = "erase"


class LanguageMenu(_Side):
    """The language menu, opened by the word "language"."""

    kind: Literal["language"] = "language"


class ConfirmAnswer(_Side):
    """ "Did you mean …?" about an answer read without enough confidence."""

    kind: Literal["confirm"] = "confirm"
    answer: str


class TownQuestion(_Side):
    """ "In which town?" after a country alone (asked once, skippable)."""

    kind: Literal["town"] = "town"
    country: str
    typed: str


class PlaceOption(_Side):
    """One place offered in "Which Tripoli?" (or the one of "Siġġiewi, Malta?")."""

    id: str
    title: str
    place: str
    shown: str  # the place's name in the person's script
    country: str  # the country's name in the person's language
    country_code: str
    latitude: float
    longitude: float


class PlaceQuestion(_Side):
    """ "Which Tripoli?", or with `confirm` "Siġġiewi, Malta?" (a place found by a typo)."""

    kind: Literal["place"] = "place"
    typed: str
    candidates: list[PlaceOption]
    situation: str | None = None  # kept from before ("near Zuwara" typed from a boat)
    confirm: bool = False


Pending = Annotated[
    EraseQuestion | LanguageMenu | ConfirmAnswer | TownQuestion | PlaceQuestion,
    Field(discriminator="kind"),
]


# -- the state -------------------------------------------------------------------------------


class ConversationState(BaseModel):
    """One conversation, as far as the engine is concerned. JSON-able."""

    model_config = ConfigDict(extra="allow", validate_assignment=False)

    schema_version: int = SCHEMA_VERSION
    flow: str = ""  # the flow's id; empty only in a state that never ran (`ended="new"`)
    flow_version: str = ""  # the flow version the conversation started on, kept to its end
    step: str = ""
    lang: str = "en"
    misses: int = 0  # answers not understood in a row at this step
    answers: dict[str, Any] = Field(default_factory=dict)
    done: bool = False  # the flow reached its end (the bot only acknowledges)
    ended: Ended | None = None
    pending: Pending | None = None  # a side question open
    last: str | None = None  # the question answered last, which "change" asks again
    menu_first: list[str] | None = None  # languages the menu shows first (a tie: am and ti)
    location: PlaceMatch | None = None
    case_open: bool = False
    emergency: Literal["pending", "given"] | None = None
    emergency_for: str | None = None  # whose numbers were given: "LY", "sea:GR", "sea:"
    forced: dict[str, str] = Field(default_factory=dict)  # rule -> level, by priority steps
    reminded: str | None = None  # the step a reminder was sent at
    timers: list[Timer] = Field(default_factory=list)
    share_asked: str | None = None  # a caseworker asked "may we contact <recipient>?"
    kept: list[str] = Field(default_factory=list)  # carried over from a resolved case

    def stored(self) -> dict[str, Any]:
        """The JSON the host stores (unknown keys included), in this engine's shape."""
        return {**self.model_dump(mode="json"), "schema_version": SCHEMA_VERSION}


# -- reading a stored state ----------------------------------------------------------------


def _v0_to_v1(old: dict[str, Any]) -> dict[str, Any]:
    """Before versions: the flow version was stored as `version` (read next to
    `schema_version` it said the wrong thing), and the places offered in "Which Tripoli?"
    before names were said in the person's script have no `shown` name. Keys added over
    time (`menu_first`, `emergency_for`, `share_asked`, `kept`, `last`) take defaults."""
    new = {k: v for k, v in old.items() if k != "version"}
    if "version" in old and "flow_version" not in old:
        new["flow_version"] = old["version"]
    pending = old.get("pending")
    if isinstance(pending, dict) and pending.get("kind") == "place":
        shown = [{"shown": c.get("place"), **c} for c in pending.get("candidates") or []]
        new["pending"] = {**pending, "candidates": shown}
    return new


# The step from each version to the next; a stored state passes through every step from
# its own version up to SCHEMA_VERSION.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}


def migrate(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored state in this engine's shape. One from a newer engine is left as it is."""
    version = stored.get("schema_version", 0)
    data = dict(stored)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def load_state(stored: ConversationState | dict[str, Any] | None) -> ConversationState | None:
    """The typed state of a stored one (any version), or None for a new conversation."""
    if stored is None or isinstance(stored, ConversationState):
        return stored
    if not stored:
        return None
    return ConversationState.model_validate(migrate(stored))
