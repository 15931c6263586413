"""What a host does with one step's result: the one place where effects are applied.

The pipeline (which the web simulator goes through too) and the flow script runner both
call `apply_effects`; what differs between them (a database row and the outbox, or a
record in memory) is the `EffectsHost` they pass in, never the order or the rules.
"""

from __future__ import annotations

from typing import Protocol, assert_never

from bot.engine.effects import (
    CaseChange,
    CaseChanged,
    ContactPrefsGiven,
    Effects,
    Finished,
    LanguageChosen,
    Said,
    Stopped,
    Timer,
    TimersSet,
)
from bot.engine.state import ConversationState
from bot.messages import Reply


class EffectsHost(Protocol):
    """Where one surface keeps a conversation and its case."""

    def keep_state(self, state: ConversationState) -> None:
        """Store the conversation's new state."""

    def set_language(self, lang: str) -> None: ...

    def add_contact_prefs(self, prefs: dict[str, object]) -> None:
        """Merge into the preferences the person gave before."""

    def wake(self, timer: Timer | None) -> None:
        """Wake the conversation with `timer` (the first one due), or never (None)."""

    async def say(self, reply: Reply) -> None: ...

    async def update_case(self, change: CaseChange) -> None: ...

    def stop(self) -> None:
        """The conversation is over: nothing more is written, nothing wakes it."""

    def finish(self) -> None: ...


async def apply_effects(
    host: EffectsHost, state: ConversationState | None, effects: Effects
) -> None:
    """Apply one step: `state` is the new state (None: none to store), `effects` what the
    step asked for, in `Effects.events()` order."""
    if state is not None:
        host.keep_state(state)
    for event in effects.events():
        match event:
            case LanguageChosen(lang):
                host.set_language(lang)
            case ContactPrefsGiven(prefs):
                host.add_contact_prefs(prefs)
            case TimersSet(timers):
                if timers:
                    host.wake(min(timers, key=lambda t: t.at))
                elif state is not None:  # no timers any more (a brain without state: as it was)
                    host.wake(None)
            case Said(reply):
                await host.say(reply)
            case CaseChanged(change):
                await host.update_case(change)
            case Stopped():
                host.stop()
            case Finished():
                host.finish()
            case _:
                assert_never(event)
