"""Compiling a flow to a python-statemachine StateChart, once per version."""

from __future__ import annotations

import hashlib

import pytest
from statemachine import StateChart

from bot.engine.compile import FINISHED, MachineModel, compile_flow, flow_version
from bot.engine.validate import FlowError
from tests.engine.fakes import ROOT

SOURCE = (ROOT / "flows" / "distress.yaml").read_text(encoding="utf-8")


def test_the_version_is_the_start_of_the_sha256_of_the_source():
    assert flow_version(SOURCE) == hashlib.sha256(SOURCE.encode()).hexdigest()[:12]
    assert compile_flow(SOURCE).version == flow_version(SOURCE)


def test_the_machine_is_a_flat_statechart_with_one_state_per_step():
    flow = compile_flow(SOURCE)
    assert issubclass(flow.machine, StateChart)
    values = {s.value for s in flow.machine.states}
    assert values == {f"step_{s.id}" for s in flow.spec.steps}  # every path has an `end`


@pytest.mark.parametrize(
    ("step", "facts", "expected"),
    [
        ("consent", {"consent": "no"}, "declined"),
        ("consent", {"consent": "yes"}, "safety"),
        ("safety", {"safety": "danger_now"}, "urgent"),
        ("safety", {"safety": "not_safe"}, "location"),
        ("urgent_number", {}, "location"),
        ("people", {}, "open_case"),
        ("emergency", {}, "finished"),
    ],
)
def test_advance_follows_the_branches_in_order(step, facts, expected):
    assert compile_flow(SOURCE).advance(step, facts) == expected


def test_a_bound_machine_moves_the_model_state():
    flow = compile_flow(SOURCE)
    model = MachineModel("safety", {"safety": "danger_now"})
    machine = flow.machine(model=model)
    machine.send("advance")
    assert model.step == "urgent"


def test_a_last_step_without_end_finishes_the_flow():
    flow = compile_flow("schema_version: 1\nid: t\nsteps:\n  - {id: a, kind: text}\n")
    assert flow.advance("a", {}) is None
    assert FINISHED in {s.value for s in flow.machine.states}


def test_step_ids_that_clash_with_library_names_are_fine():
    text = (
        "schema_version: 1\nid: t\nsteps:\n"
        "  - {id: send, kind: text}\n  - {id: model, kind: text}\n"
        "  - {id: configuration, kind: end}\n"
    )
    flow = compile_flow(text)
    assert flow.advance("send", {}) == "model" and flow.advance("model", {}) == "configuration"


def test_a_flow_with_errors_does_not_compile():
    with pytest.raises(FlowError) as err:
        compile_flow((ROOT / "tests/data/flows/broken_unknown_step.yaml").read_text(), "x.yaml")
    assert "x.yaml:9" in str(err.value)


def test_advance_gives_the_same_answers_when_asked_again_with_other_facts():
    flow = compile_flow(SOURCE)
    asked = [("consent", {"consent": c}) for c in ("no", "yes", "no", None, "yes")]
    asked += [("safety", {"safety": "danger_now", "people": n}) for n in (1, 2)]
    for step, facts in asked * 2:
        fresh = MachineModel(step, facts)
        flow.machine(model=fresh).send("advance")
        assert flow.advance(step, facts) == fresh.step


def test_advance_tells_apart_facts_that_are_equal_in_python_but_not_to_conditions():
    text = (
        "schema_version: 1\nid: t\nsteps:\n"
        "  - id: a\n    kind: text\n    next:\n"
        '      - {when: {size: "1"}, goto: one}\n      - {goto: other}\n'
        "  - {id: one, kind: end}\n  - {id: other, kind: end}\n"
    )
    flow = compile_flow(text)
    for _ in range(2):
        assert flow.advance("a", {"size": 1}) == "one"  # "1" and 1 are the same answer
        assert flow.advance("a", {"size": True}) == "other"  # True == 1, but not "1"
        assert flow.advance("a", {"size": [1]}) == "other"  # a list: asked of the machine
