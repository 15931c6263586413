"""Reading a flow file into a FlowSpec, with every problem as file:line.

Used by the compiler (which refuses a flow with errors) and by `sauti flows check`
(which also looks at message ids, see check.py).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from bot.engine import conditions
from bot.engine.loader import Document, YamlError, load_yaml
from bot.engine.schema import (
    COMBINATORS,
    FACTS,
    QUESTION_KINDS,
    STEP_MODELS,
    ChoiceStep,
    EndStep,
    FlowSpec,
    SetStep,
    answer_key,
)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message}"


class FlowError(Exception):
    """A flow that cannot run; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def parse_flow(text: str, file: str) -> tuple[FlowSpec | None, Document | None, list[Problem]]:
    """The spec (None when it cannot be built), the YAML document, and the problems found."""
    try:
        doc = load_yaml(text)
    except YamlError as exc:
        return None, None, [Problem(file, exc.line, f"YAML syntax: {exc.message}")]
    problems = [
        Problem(file, line, f"'{key}' is read as true/false by YAML 1.1 tools; quote it: \"{key}\"")
        for line, key in doc.boolean_keys
    ]
    problems += [
        Problem(file, line, f"'{key}' appears twice here; the second one wins")
        for line, key in doc.duplicate_keys
    ]
    if not isinstance(doc.data, dict):
        return None, doc, [*problems, Problem(file, 1, "a flow file is a mapping (id:, steps:)")]
    try:
        spec = FlowSpec.model_validate(doc.data)
    except ValidationError as exc:
        return None, doc, problems + [_schema_problem(file, doc, err) for err in exc.errors()]
    return spec, doc, problems + graph_problems(spec, doc, file)


def _schema_problem(file: str, doc: Document, err: Any) -> Problem:
    loc = tuple(err["loc"])
    where = _where(doc, loc)
    if err["type"] == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(loc)
        hint = difflib.get_close_matches(key, known, n=1)
        message = f"unknown key '{key}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")
    elif err["type"] == "missing":
        message = f"'{loc[-1]}' is required"
    elif err["type"] == "union_tag_invalid":
        loc = (*loc, "kind")
        kind = err["ctx"]["tag"]
        hint = difflib.get_close_matches(kind, list(STEP_MODELS), n=1)
        message = f"unknown kind '{kind}'" + (f" (did you mean '{hint[0]}'?)" if hint else "")
        message += f"; kinds: {', '.join(STEP_MODELS)}"
    else:
        message = err["msg"].removeprefix("Value error, ")
    return Problem(file, doc.line_of(loc), f"{where}{message}")


def _where(doc: Document, loc: tuple) -> str:
    if len(loc) >= 2 and loc[0] == "steps" and isinstance(loc[1], int):
        steps = doc.data.get("steps") or []
        step = steps[loc[1]] if loc[1] < len(steps) else None
        if isinstance(step, dict) and "id" in step:
            return f"step '{step['id']}': "
        return f"step {loc[1] + 1}: "
    return ""


def _known_keys(loc: tuple) -> list[str]:
    if len(loc) >= 4 and loc[0] == "steps" and str(loc[2]) in STEP_MODELS:
        model = STEP_MODELS[str(loc[2])]
        if len(loc) == 4:
            return list(model.model_fields)
    return list(FlowSpec.model_fields) if len(loc) == 1 else []


def successors(spec: FlowSpec, index: int) -> list[str]:
    """Step ids reachable in one move from steps[index]."""
    step = spec.steps[index]
    if step.next:
        return [b.goto for b in step.next] + _fallthrough_if_open(spec, index)
    if isinstance(step, EndStep):
        return [step.on_handback] if step.on_handback else []
    if index + 1 >= len(spec.steps):
        return []
    return [spec.steps[index + 1].id]


def _fallthrough_if_open(spec: FlowSpec, index: int) -> list[str]:
    """Branches that may all fail fall through to the next step in the list."""
    step = spec.steps[index]
    if any(b.when is None for b in step.next or []) or index + 1 >= len(spec.steps):
        return []
    return [spec.steps[index + 1].id]


def graph_problems(spec: FlowSpec, doc: Document, file: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: tuple, message: str, severity: str = "error") -> None:
        problems.append(Problem(file, doc.line_of(path), message, severity))  # type: ignore[arg-type]

    ids: dict[str, int] = {}
    for i, step in enumerate(spec.steps):
        if step.id in ids:
            add(("steps", i, "id"), f"step id '{step.id}' is used twice")
        ids.setdefault(step.id, i)
        if step.id in COMBINATORS:
            add(("steps", i, "id"), f"'{step.id}' is a reserved word; pick another step id")
        later = getattr(step, "on_handback", None)
        if later and later not in {s.id for s in spec.steps}:
            add(
                ("steps", i, "on_handback"),
                f"step '{step.id}' hands back to unknown step '{later}'",
            )
        for j, branch in enumerate(step.next or []):
            if branch.goto not in {s.id for s in spec.steps}:
                hint = difflib.get_close_matches(branch.goto, [s.id for s in spec.steps], n=1)
                extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                add(
                    ("steps", i, "next", j, "goto"),
                    f"step '{step.id}' goes to unknown step '{branch.goto}'{extra}",
                )
            if branch.when is None and j < len(step.next or []) - 1:
                add(
                    ("steps", i, "next", j + 1),
                    f"step '{step.id}': this branch is never "
                    "used, the one before it has no 'when:'",
                    "warning",
                )
        if isinstance(step, ChoiceStep):
            seen: set[str] = set()
            for j, option in enumerate(step.options):
                if option.id in seen:
                    add(
                        ("steps", i, "options", j),
                        f"step '{step.id}': option id '{option.id}' is used twice",
                    )
                seen.add(option.id)
        if step.kind in QUESTION_KINDS and step.kind != "language" or isinstance(step, SetStep):
            key = answer_key(step)  # type: ignore[arg-type]
            if key in FACTS or key in COMBINATORS:
                add(
                    ("steps", i),
                    f"step '{step.id}' cannot store its answer as '{key}' "
                    "(a reserved name); set 'answer:' to another name",
                )
    # Reachability from the first step.
    seen_ids, todo = {spec.steps[0].id}, [0]
    while todo:
        for target in successors(spec, todo.pop()):
            if target in ids and target not in seen_ids:
                seen_ids.add(target)
                todo.append(ids[target])
    for i, step in enumerate(spec.steps):
        if step.id not in seen_ids and ids.get(step.id) == i:
            add(("steps", i, "id"), f"step '{step.id}' is never reached: no step goes to it")
    stored = {answer_key(s) for s in spec.steps if s.kind in QUESTION_KINDS or s.kind == "set"}  # type: ignore[arg-type]
    stored |= set(FACTS)
    stored |= {key for s in spec.steps for key in getattr(s, "also", {})}
    stored |= {s.free_text for s in spec.steps if getattr(s, "free_text", None)}
    conds = [
        (("steps", i, "next", j), b.when)
        for i, s in enumerate(spec.steps)
        for j, b in enumerate(s.next or [])
    ]
    conds += [(("priority", "rules", i), r.when) for i, r in enumerate(spec.priority.rules)]
    conds += [(("indicators", i), ind.when) for i, ind in enumerate(spec.indicators)]
    for path, cond in conds:
        for name in sorted(conditions.names(cond) - stored):
            add(
                path, f"condition on '{name}', but no step stores an answer by that name", "warning"
            )
    for i, key in enumerate(spec.closing.keep):
        if key not in stored:
            add(("closing", "keep", i), f"closing keeps '{key}', but no step stores that answer")
    indicator_ids = [ind.id for ind in spec.indicators]
    for i, ind_id in enumerate(indicator_ids):
        if ind_id in indicator_ids[:i]:
            add(("indicators", i), f"indicator id '{ind_id}' is used twice")
    rule_ids = [r.id for r in spec.priority.rules]
    for i, rule_id in enumerate(rule_ids):
        if rule_id in rule_ids[:i]:
            add(("priority", "rules", i), f"priority rule id '{rule_id}' is used twice")
    return problems
