"""The flow schema: defaults from step ids, durations, condition shapes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError

from bot.engine.schema import (
    FlowSpec,
    option_label,
    parse_duration,
    prompt_id,
)


def spec(*steps: dict, **extra) -> FlowSpec:
    return FlowSpec.model_validate({"schema_version": 1, "id": "t", "steps": list(steps), **extra})


def test_message_ids_default_from_the_step_and_option_ids():
    flow = spec({"id": "passport", "kind": "choice", "options": ["with_me", {"id": "lost"}]})
    step = flow.steps[0]
    assert prompt_id(step) == "passport-prompt"
    assert [option_label(step, o) for o in step.options] == ["passport-with_me", "passport-lost"]


def test_explicit_prompt_and_label_win():
    flow = spec(
        {"id": "q", "kind": "choice", "prompt": "p", "options": [{"id": "a", "label": "l"}]}
    )
    assert (
        prompt_id(flow.steps[0]) == "p"
        and option_label(flow.steps[0], flow.steps[0].options[0]) == "l"
    )


def test_next_may_be_a_step_id_or_branches():
    flow = spec({"id": "a", "kind": "say", "say": "x", "next": "b"}, {"id": "b", "kind": "end"})
    assert flow.steps[0].next[0].goto == "b" and flow.steps[0].next[0].when is None


@pytest.mark.parametrize(
    ("text", "delta"),
    [("30m", timedelta(minutes=30)), ("2h", timedelta(hours=2)), ("7d", timedelta(days=7)),
     ("45s", timedelta(seconds=45)), (90, timedelta(seconds=90))],
)  # fmt: skip
def test_durations(text, delta):
    assert parse_duration(text) == delta


def test_a_bad_duration_is_explained():
    with pytest.raises(ValueError, match="30m"):
        parse_duration("half an hour")


@pytest.mark.parametrize(
    "when",
    [{"passport": ["a", "b"]}, {"people": {"over": 3}}, {"any": {"a": 1}}, {}, {"a": {"in": "x"}}],
)
def test_malformed_conditions_are_rejected(when):
    with pytest.raises(ValidationError):
        spec({"id": "a", "kind": "say", "say": "x", "next": [{"when": when, "goto": "a"}]})


def test_unknown_keys_and_newer_schema_versions_are_rejected():
    with pytest.raises(ValidationError, match="promt"):
        spec({"id": "a", "kind": "text", "promt": "x"})
    with pytest.raises(ValidationError, match="newer than this Sauti supports"):
        FlowSpec.model_validate(
            {"schema_version": 2, "id": "t", "steps": [{"id": "a", "kind": "end"}]}
        )


def test_step_ids_cannot_end_with_an_underscore():
    with pytest.raises(ValidationError):
        spec({"id": "finished__", "kind": "end"})


def test_defaults_for_globals_timeouts_and_priority():
    flow = spec({"id": "a", "kind": "end"})
    assert flow.globals.words == ["help", "restart", "language", "stop", "erase", "change"]
    assert flow.globals.max_misses == 2
    assert flow.timeouts.expire_after == timedelta(days=7)
    assert flow.priority.default == "normal" and flow.priority.rules == []
