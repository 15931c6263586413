"""Flow YAML → a python-statemachine `StateChart` class, built once per flow version.

The machine is flat: one state per step (named after the step id, which is what the
conversation stores), one `advance` event whose transitions carry the flow's `next:`
branches as guards, in order, plus the fall-through to the next step in the list. A fresh
machine is bound to a small adapter over the conversation state (never the ORM row);
sending `advance` picks the next step. Its answer is kept per step and the facts that
step's guards read, so a machine is bound only for a combination not seen before.

Guards are plain callables evaluated by conditions.py: the library's safe expression
evaluator has no `in`. Prompts, options and words stay in our own schema, keyed by step id,
because the library's native format rejects unknown keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from statemachine import StateChart
from statemachine.io import create_machine_class_from_definition

from bot.engine import conditions
from bot.engine.schema import QUESTION_KINDS, FlowSpec, StepBase
from bot.engine.validate import FlowError, Problem, parse_flow

FINISHED = "finished__"  # the machine's final state after a last step without `end`
PREFIX = "step_"
EVENT = "advance"
ADVANCE_CACHE_SIZE = 4096  # (step, facts its branches read) answers kept per flow version


def flow_version(text: str) -> str:
    """The version of a flow: the first 12 hex digits of the sha256 of its source text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


class MachineModel:
    """What a compiled machine is bound to: the step id and the facts its guards read."""

    def __init__(self, step: str | None, facts: Mapping[str, Any]) -> None:
        self.step = step
        self.facts = facts

    # The machine reads and writes `state`, in its own (prefixed) names.
    @property
    def state(self) -> str | None:
        return None if self.step is None else _state_key(self.step)

    @state.setter
    def state(self, value: str | None) -> None:
        self.step = None if value is None else value.removeprefix(PREFIX)


@dataclass(eq=False)
class CompiledFlow:
    id: str
    version: str
    source: str
    path: str
    spec: FlowSpec
    machine: type[StateChart]
    warnings: list[Problem] = field(default_factory=list)
    _advanced: dict[tuple[Any, ...], str | None] = field(default_factory=dict, repr=False)

    @cached_property
    def steps(self) -> dict[str, StepBase]:
        return {s.id: s for s in self.spec.steps}

    @property
    def first(self) -> str:
        return self.spec.steps[0].id

    @cached_property
    def restart_step(self) -> str:
        """Where `restart` goes: the first step that is not the language menu."""
        return next((s.id for s in self.spec.steps if s.kind != "language"), self.first)

    @cached_property
    def language_step(self) -> str | None:
        return next((s.id for s in self.spec.steps if s.kind == "language"), None)

    def is_question(self, step_id: str) -> bool:
        return self.steps[step_id].kind in QUESTION_KINDS

    def advance(self, step_id: str, facts: Mapping[str, Any]) -> str | None:
        """The step after `step_id` given the facts; None when the flow is finished.

        Binding a machine costs far more than the step itself, and the answer depends only
        on the step and the facts its branches read: it is kept per (step, those facts).
        """
        key = _advance_key(step_id, self._reads.get(step_id), facts)
        if key is not None and key in self._advanced:
            return self._advanced[key]
        model = MachineModel(step_id, facts)
        machine = self.machine(model=model)
        machine.send(EVENT)
        found = None if model.step == FINISHED else model.step
        if key is not None:
            if len(self._advanced) >= ADVANCE_CACHE_SIZE:
                self._advanced.clear()
            self._advanced[key] = found
        return found

    @cached_property
    def _reads(self) -> dict[str, tuple[str, ...]]:
        """Per step, the facts its branches' conditions read."""
        return {
            s.id: tuple(sorted({n for b in s.next or [] for n in conditions.names(b.when)}))
            for s in self.spec.steps
        }


def _advance_key(
    step_id: str, reads: tuple[str, ...] | None, facts: Mapping[str, Any]
) -> tuple[Any, ...] | None:
    """A key for what `advance` answers, or None when it cannot be kept (an unknown step,
    a fact that is a list or a mapping). The type goes with each value: 1, 1.0 and True are
    equal as keys but not to the conditions ("1" matches 1, not True)."""
    if reads is None:
        return None
    key = (step_id, *((type(v), v) for v in (facts.get(n) for n in reads)))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _guard(cond: Mapping[str, Any]) -> Callable[..., bool]:
    def guard(model: MachineModel) -> bool:
        return conditions.holds(cond, model.facts)

    guard.__name__ = "when"  # shown in the library's own diagrams
    return guard


def _state_key(step_id: str) -> str:
    # Step ids become attribute names of the machine; a prefix keeps a step called "send"
    # or "model" from clashing with the library's own names.
    return step_id if step_id == FINISHED else f"{PREFIX}{step_id}"


def build_machine(spec: FlowSpec) -> type[StateChart]:
    states: dict[str, Any] = {}
    for index, step in enumerate(spec.steps):
        transitions = []
        for branch in step.next or []:
            transition: dict[str, Any] = {"target": _state_key(branch.goto)}
            if branch.when is not None:
                transition["cond"] = _guard(branch.when)
            transitions.append(transition)
        if step.kind != "end" and not any(b.when is None for b in step.next or []):
            # No branch taken (or none written): the next step in the list, or the end.
            fall = _state_key(spec.steps[index + 1].id) if index + 1 < len(spec.steps) else None
            transitions.append({"target": fall or FINISHED})
        state: dict[str, Any] = {"value": _state_key(step.id), "initial": index == 0}
        if step.kind == "end":
            state["final"] = True
        else:
            state["on"] = {EVENT: transitions}
        states[_state_key(step.id)] = state
    if any(
        t["target"] == FINISHED for st in states.values() for t in st.get("on", {}).get(EVENT, [])
    ):
        states[FINISHED] = {"value": FINISHED, "final": True}
    return create_machine_class_from_definition(
        f"Flow_{spec.id}",
        states=states,
        validate_trap_states=False,
        validate_final_reachability=False,
        # Reachability is checked by validate.py, which also follows `on_handback:` (a way
        # back in after an end, taken by the runner, not by a transition of the machine).
        validate_disconnected_states=False,
    )


def compile_flow(text: str, path: str = "<flow>") -> CompiledFlow:
    """Validate and compile a flow's source text; raises FlowError listing file:line."""
    spec, _doc, problems = parse_flow(text, path)
    errors = [p for p in problems if p.severity == "error"]
    if spec is None or errors:
        raise FlowError(errors or problems)
    return CompiledFlow(
        id=spec.id,
        version=flow_version(text),
        source=text,
        path=path,
        spec=spec,
        machine=build_machine(spec),
        warnings=[p for p in problems if p.severity == "warning"],
    )
