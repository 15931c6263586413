"""The conversation state: typed, versioned, and stored states of older engines read back
(migrated one version step at a time) so a conversation continues where it was."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.engine.effects import PlaceMatch, Timer
from bot.engine.runner import close, step
from bot.engine.state import (
    MIGRATIONS,
    SCHEMA_VERSION,
    ConfirmAnswer,
    ConversationState,
    PlaceQuestion,
    load_state,
    migrate,
)
from tests.engine import stored_states as old
from tests.engine.fakes import NOW, make_context, msg


def _on(flow: Any, stored: dict[str, Any]) -> dict[str, Any]:
    """`stored` as if written on the current version of the flow."""
    return {**stored, "version": flow.version}


def test_every_version_below_the_current_one_has_a_step_to_the_next():
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))


# (stored by an older engine, what its typed form must say)
OLD_SHAPES = [
    pytest.param(
        old.WHICH_TRIPOLI,
        {"step": "location", "flow_version": old.FLOW_VERSION, "last": "safety"},
        id="today-which-tripoli",
    ),
    pytest.param(
        old.AFTER_PIN,
        {"step": "passport", "location": {"place": "Tripoli", "country_code": "LY"}},
        id="today-after-pin",
    ),
    pytest.param(
        old.EARLY_WHICH_TRIPOLI,
        {"last": None, "kept": [], "share_asked": None, "emergency_for": None},
        id="early-fewer-keys",
    ),
    pytest.param(
        old.ASK_BACK,
        {"pending": {"kind": "confirm", "answer": "held_by_agent"}},
        id="today-ask-back",
    ),
    pytest.param(old.STOPPED, {"ended": "stopped", "done": True}, id="today-stopped"),
    pytest.param(old.RESOLVED, {"ended": "resolved"}, id="today-resolved"),
    pytest.param(old.LANGUAGE_ONLY, {"lang": "fr", "ended": "new", "flow": ""}, id="lang-only"),
    pytest.param(old.NO_VERSION, {"step": "passport", "flow_version": ""}, id="no-version"),
]


@pytest.mark.parametrize(("stored", "expected"), OLD_SHAPES)
def test_a_state_stored_by_an_older_engine_is_read_into_the_current_shape(stored, expected):
    state = load_state(stored)
    assert state is not None and state.schema_version == SCHEMA_VERSION
    dumped = state.model_dump(mode="json")
    for key, value in expected.items():
        if isinstance(value, dict):
            assert {k: dumped[key][k] for k in value} == value
        else:
            assert dumped[key] == value
    assert "version" not in state.stored()  # now `flow_version`
    assert state.model_extra == {}  # nothing of today's shape was taken for unknown


def test_the_migration_renames_the_flow_version_and_leaves_the_input_alone():
    before = json.loads(json.dumps(old.WHICH_TRIPOLI))
    new = migrate(old.WHICH_TRIPOLI)
    assert old.WHICH_TRIPOLI == before
    assert new["flow_version"] == old.FLOW_VERSION and "version" not in new
    assert new["schema_version"] == 1


def test_places_offered_before_names_were_said_in_the_persons_script_show_their_name():
    state = load_state(old.EARLY_WHICH_TRIPOLI)
    assert isinstance(state.pending, PlaceQuestion)
    assert [c.shown for c in state.pending.candidates] == ["Tripoli", "Tripoli"]


def test_timers_stored_as_iso_text_are_read_as_times():
    state = load_state(old.AFTER_PIN)
    assert state.timers == [Timer(name="expire", at=NOW.replace(day=13))]


def test_keys_of_a_newer_engine_are_kept_and_written_back():
    newer = {**ConversationState(flow="distress", step="passport").stored(),
             "schema_version": SCHEMA_VERSION + 1, "mood": {"calm": True}}  # fmt: skip
    state = load_state(newer)
    assert state.model_extra == {"mood": {"calm": True}}
    assert state.stored()["mood"] == {"calm": True}
    assert state.step == "passport"


def test_a_newer_side_question_keeps_its_own_keys_too():
    stored = {**old.ASK_BACK, "pending": {"kind": "confirm", "answer": "x", "score": 0.7}}
    state = load_state(stored)
    assert isinstance(state.pending, ConfirmAnswer)
    assert state.stored()["pending"]["score"] == 0.7


def test_the_stored_form_is_json_and_reads_back_the_same():
    state = ConversationState(
        flow="distress", flow_version="abc", step="passport", answers={"safety": "safe"},
        location=PlaceMatch(country_code="LY", situation="at_sea"),
        pending=ConfirmAnswer(answer="held_by_agent"), timers=[Timer(name="expire", at=NOW)],
    )  # fmt: skip
    stored = json.loads(json.dumps(state.stored()))
    assert stored["schema_version"] == SCHEMA_VERSION
    assert load_state(stored) == state


def test_nothing_stored_is_a_new_conversation():
    assert load_state(None) is None and load_state({}) is None


# -- a conversation stored before the change continues where it was --------------------------


def test_which_tripoli_asked_before_the_upgrade_is_answered_after_it(flow):
    state, fx = step(flow, _on(flow, old.WHICH_TRIPOLI), msg("1"), make_context())
    assert state.step == "passport"
    assert state.location.place == "Tripoli" and state.location.country_code == "LY"
    assert fx.replies  # said back what was noted, and the next question


def test_an_early_which_tripoli_is_answered_after_the_upgrade(flow):
    state, _ = step(flow, _on(flow, old.EARLY_WHICH_TRIPOLI), msg("Lebanon"), make_context())
    assert state.step == "passport" and state.location.country_code == "LB"


def test_an_ask_back_open_before_the_upgrade_takes_its_yes(flow):
    state, _ = step(flow, _on(flow, old.ASK_BACK), msg(choice="held_by_agent"), make_context())
    assert state.answers["passport"] == "held_by_agent" and state.pending is None


def test_a_stopped_conversation_stays_over_and_the_next_message_starts_again(flow):
    state, fx = step(flow, _on(flow, old.STOPPED), msg("hello"), make_context())
    assert state.ended is None and state.step == flow.first and fx.replies


def test_a_resolved_conversation_keeps_what_the_flow_keeps_for_the_next(flow):
    state, fx = step(flow, _on(flow, old.RESOLVED), msg("hello"), make_context())
    assert state.ended is None and "language" in state.kept
    kept = set(flow.spec.closing.keep) & set(old.RESOLVED["answers"])
    assert kept and set(fx.answers) == kept


def test_closing_a_stored_state_writes_the_current_shape():
    closed = close(old.AFTER_PIN)
    assert closed["ended"] == "resolved" and closed["schema_version"] == SCHEMA_VERSION
    assert closed["flow_version"] == old.FLOW_VERSION and "version" not in closed
