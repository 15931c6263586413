"""Effects as events, applied by the one host function every surface uses."""

from __future__ import annotations

import asyncio
import typing
from datetime import timedelta

from bot.engine.effects import (
    CaseChange,
    CaseChanged,
    ContactPrefsGiven,
    Effect,
    Effects,
    Finished,
    LanguageChosen,
    PlaceMatch,
    Said,
    Stopped,
    Timer,
    TimersSet,
)
from bot.engine.host import apply_effects
from bot.engine.state import ConversationState
from bot.messages import Reply
from tests.engine.fakes import NOW

HELLO, BYE = Reply(text="hello", lang="en"), Reply(text="bye", lang="en")


class Recorder:
    """An EffectsHost that writes down what it was asked, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def keep_state(self, state: ConversationState) -> None:
        self.calls.append(("keep_state", state.step))

    def set_language(self, lang: str) -> None:
        self.calls.append(("set_language", lang))

    def add_contact_prefs(self, prefs: dict[str, object]) -> None:
        self.calls.append(("add_contact_prefs", prefs))

    def wake(self, timer: Timer | None) -> None:
        self.calls.append(("wake", timer.name if timer else None))

    async def say(self, reply: Reply) -> None:
        self.calls.append(("say", reply.text))

    async def update_case(self, change: CaseChange) -> None:
        self.calls.append(("update_case", change.handoff))

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def finish(self) -> None:
        self.calls.append(("finish", None))


def applied(state: ConversationState | None, effects: Effects) -> list[tuple[str, object]]:
    host = Recorder()
    asyncio.run(apply_effects(host, state, effects))
    return host.calls


def everything() -> Effects:
    """Every field of Effects set: a new field without an event fails the tests below."""
    return Effects(
        replies=[HELLO, BYE], answers={"safety": "safe"}, language="fr",
        location=PlaceMatch(country_code="LY"), open_case=True, priority="urgent",
        rules_fired=["danger_now"], indicators=["confined"], handoff="help", erase=True,
        stop=True, finished=True, contact_prefs={"safe_to_message_first": True},
        share_consent={"embassy": True},
        timers=[Timer(name="expire", at=NOW + timedelta(days=7)),
                Timer(name="reminder", at=NOW + timedelta(hours=1))],
    )  # fmt: skip


def test_every_kind_of_effect_is_an_event_of_the_closed_union():
    kinds = {type(e) for e in everything().events()}
    assert kinds == set(typing.get_args(Effect))


# The fields of Effects outside the case change, and the event that carries each.
CONVERSATION_FIELDS = {
    "replies": Said,
    "language": LanguageChosen,
    "contact_prefs": ContactPrefsGiven,
    "timers": TimersSet,
    "stop": Stopped,
    "finished": Finished,
}


def test_every_field_of_effects_is_carried_by_an_event():
    assert set(Effects.model_fields) == set(CaseChange.model_fields) | set(CONVERSATION_FIELDS)
    fx = everything()
    events = fx.events()
    case = next(e.change for e in events if isinstance(e, CaseChanged))
    assert set(CaseChange.model_fields) < set(Effects.model_fields)
    assert all(getattr(case, name) == getattr(fx, name) for name in CaseChange.model_fields)
    assert [e.reply for e in events if isinstance(e, Said)] == fx.replies


def test_a_step_is_applied_in_one_order_on_every_host():
    state = ConversationState(flow="distress", step="passport")
    assert applied(state, everything()) == [
        ("keep_state", "passport"),
        ("set_language", "fr"),
        ("add_contact_prefs", {"safe_to_message_first": True}),
        ("wake", "reminder"),  # the first due
        ("say", "hello"),
        ("say", "bye"),
        ("update_case", "help"),
        ("stop", None),
        ("finish", None),
    ]


def test_no_timers_left_means_nothing_wakes_the_conversation():
    state = ConversationState(step="passport")
    assert ("wake", None) in applied(state, Effects())


def test_a_step_without_a_state_leaves_the_wake_up_time_alone_and_still_tells_the_case():
    assert applied(None, Effects(replies=[HELLO])) == [
        ("say", "hello"),
        ("update_case", None),
    ]
