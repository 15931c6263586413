"""The default flow's sea and desert paths, on the real catalogs, words and gazetteer: a pin
at sea or in the desert takes its path, no question there blocks, and every later position
(a pin, typed coordinates, even while a caseworker has the chat) updates the case."""

from __future__ import annotations

from typing import Any

import pytest

from bot.engine.registry import FlowRegistry
from bot.engine.runner import Resume, step
from bot.engine.state import ConversationState
from bot.flowtools.scripts import RecordingCatalogs, real_context_factory
from bot.messages import Inbound
from tests.engine.fakes import ROOT, msg

AT_SEA = (33.9, 13.2)  # 110 km off Tajoura, Libya
IN_DESERT = (21.0, 8.0)  # the Ténéré, Niger: far from any town


@pytest.fixture(scope="module")
def flow() -> Any:
    return FlowRegistry(ROOT / "flows").latest("distress")


@pytest.fixture(scope="module")
def make_context():
    return real_context_factory(ROOT / "locales")


class Chat:
    """One person writing to the default flow; `ids` are the message ids of the last turn."""

    def __init__(self, flow: Any, make_context: Any) -> None:
        self.flow, self.make_context = flow, make_context
        self.recorder = RecordingCatalogs(make_context().catalogs)
        self.state: ConversationState | None = None
        self.fx: Any = None

    def send(self, event: Inbound | Resume, claimed: bool = False) -> Chat:
        ctx = self.make_context()
        ctx.claimed, ctx.catalogs = claimed, self.recorder
        self.state, self.fx = step(self.flow, self.state, event, ctx)
        return self

    @property
    def ids(self) -> list[str]:
        return [self.recorder.ids_by_text[r.text] for r in self.fx.replies]

    @property
    def at(self) -> str:
        return self.state.step if self.state else ""


def at_location(flow: Any, make_context: Any) -> Chat:
    chat = Chat(flow, make_context)
    for event in (msg("hi"), msg(choice="en"), msg(choice="yes"), msg(choice="not_safe")):
        chat.send(event)
    assert chat.at == "location"
    return chat


def test_a_pin_at_sea_opens_an_urgent_case_and_asks_who_is_on_board(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA))
    assert chat.ids[:2] == ["location-at-sea", "sea-call-now"]  # never "near Tajoura"
    assert chat.at == "sea_people"  # the pin is the position: not asked for again
    assert chat.fx.open_case and chat.fx.priority == "urgent"
    assert chat.fx.location.situation == "at_sea" and chat.fx.location.place is None


def test_a_pin_in_the_desert_takes_the_desert_path(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=IN_DESERT))
    assert chat.ids[0] == "location-situation"
    assert "desert-call-now" in chat.ids
    assert chat.at == "desert_water"
    assert chat.fx.priority == "urgent" and chat.fx.location.situation == "in_desert"


def test_the_desert_in_words_asks_for_the_position_then_a_pin_answers(flow, make_context):
    chat = at_location(flow, make_context).send(msg("we are in the desert"))
    assert chat.at == "desert_position"
    chat.send(msg(location=IN_DESERT))
    assert chat.at == "desert_water"
    assert chat.state.location.latitude == IN_DESERT[0]


def test_at_sea_nothing_blocks_and_what_she_writes_is_kept(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA))
    chat.send(msg("skip"))
    assert chat.at == "sea_condition"
    chat.send(msg("the sea is bad, people are scared"))  # none of the options
    assert chat.at == "sea_boat" and "reask-choice" not in chat.ids
    assert chat.state.answers["sea_condition_text"] == "the sea is bad, people are scared"
    assert "sea_condition" not in chat.state.answers
    chat.send(msg(choice="skip"))
    assert chat.ids == ["position-updates", "handover-prompt"]
    assert chat.state.done


def test_a_tapped_state_of_the_boat_is_recorded(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA)).send(msg("30"))
    chat.send(msg(choice="engine_stopped"))
    assert chat.state.answers["sea_condition"] == "engine_stopped"


def test_typed_coordinates_move_the_position_at_any_question(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA))
    chat.send(msg("N 34°00' E 015°00'"))
    assert chat.at == "sea_people"  # still the question she was on, asked again
    assert chat.ids == ["location-at-sea", "sea_people-prompt"]
    assert (chat.fx.location.latitude, chat.fx.location.longitude) == (34.0, 15.0)


def test_a_pin_while_the_caseworker_has_the_chat_is_noted_silently(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA))
    chat.send(msg(location=(33.5, 13.0)), claimed=True)
    assert chat.ids == []
    assert chat.fx.location.latitude == 33.5 and chat.fx.location.situation == "at_sea"
    chat.send(msg("hello"), claimed=True)
    assert chat.ids == [] and chat.fx.location is None


def test_a_town_typed_from_a_boat_keeps_her_at_sea(flow, make_context):
    chat = at_location(flow, make_context).send(msg("we are in a boat"))
    assert chat.at == "sea_position"
    chat.send(msg("near Zuwara"))
    assert chat.state.location.situation == "at_sea"
    assert chat.ids[0] == "location-found"  # "We noted: Zuwara, Libya", not "0 km at sea"
    assert chat.at == "sea_people"


def test_a_pin_on_land_after_the_sea_path_is_no_longer_at_sea(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA))
    chat.send(msg(location=(32.8872, 13.1913)))  # Tripoli: they reached the shore
    assert chat.state.location.situation is None
    assert chat.fx.location.place == "Tripoli"


def test_handed_back_the_normal_questions_follow(flow, make_context):
    chat = at_location(flow, make_context).send(msg(location=AT_SEA))
    for answer in ("12", "skip", "skip"):
        chat.send(msg(answer))
    assert chat.state.done
    chat.send(Resume())
    assert chat.ids == ["handback-resume", "passport-prompt"]


def test_a_country_then_a_boat_is_at_sea_off_that_country(flow, make_context):
    chat = at_location(flow, make_context).send(msg("Libya"))
    assert chat.state.pending.kind == "town"
    chat.send(msg("we are in a boat"))
    assert chat.state.location.situation == "at_sea"
    assert chat.state.location.country_code == "LY"
    assert chat.at == "sea_position" and "sea-call-now" in chat.ids


def test_coordinates_as_the_first_message_are_kept_like_a_pin(flow, make_context):
    chat = Chat(flow, make_context).send(msg("33.9, 13.2"))
    assert chat.state.location.situation == "at_sea"
    assert chat.ids[0] == "location-at-sea"
