"""`sauti flows draw FLOW`: a Mermaid state diagram of a flow, for reviews and docs.

Our own rendering rather than the library's: branch conditions are shown the way the
YAML writes them (`safety = danger_now`), and each step shows its kind and prompt id.
`edges()` is the one reading of a flow's ways for every drawing (bot/flowtools/draw_svg.py too).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.engine.compile import CompiledFlow, compile_flow
from bot.engine.conditions import describe
from bot.engine.registry import FlowRegistry
from bot.engine.schema import QuestionBase, prompt_id

END = "[*]"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str  # a step id, or END
    condition: str  # "" when always taken, "otherwise" after conditional branches


def edges(flow: CompiledFlow) -> list[Edge]:
    """Every way from one step to the next, as the runner takes them: the branches in order,
    then (unless one is unconditional) the following step, or the end after the last."""
    steps = flow.spec.steps
    found: list[Edge] = []
    for index, step in enumerate(steps):
        if step.kind == "end":
            found.append(Edge(step.id, END, ""))
            continue
        unconditional = False
        for branch in step.next or []:
            found.append(Edge(step.id, branch.goto, describe(branch.when)))
            unconditional = unconditional or branch.when is None
        if not unconditional:
            following = steps[index + 1].id if index + 1 < len(steps) else END
            found.append(Edge(step.id, following, "otherwise" if step.next else ""))
    return found


def message_id(step: object) -> str | None:
    """The message a step sends: a question's prompt, or what it says."""
    if isinstance(step, QuestionBase):
        return prompt_id(step)
    return getattr(step, "say", None)


def label(step: object) -> str:
    """What a step is, after its id: its kind and prompt, e.g. "choice: safety-prompt"."""
    kind = getattr(step, "kind", "")
    if isinstance(step, QuestionBase):
        return f"{kind}: {prompt_id(step)}"
    say = getattr(step, "say", None)
    return f"{kind}: {say}" if say else kind


def mermaid(flow: CompiledFlow) -> str:
    steps = flow.spec.steps
    lines = ["stateDiagram-v2", f"    %% flow {flow.id} version {flow.version}"]
    lines += [f'    state "{s.id} ({label(s)})" as {s.id}' for s in steps]
    lines.append(f"    [*] --> {flow.first}")
    for edge in edges(flow):
        when = f": {edge.condition}" if edge.condition else ""
        lines.append(f"    {edge.source} --> {edge.target}{when}")
    return "\n".join(lines) + "\n"


def load(flow_ref: str, flows_dir: Path | str) -> CompiledFlow:
    """A flow id (`distress`, from flows_dir) or a path to a flow file."""
    path = Path(flow_ref)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return compile_flow(path.read_text(encoding="utf-8"), str(path))
    return FlowRegistry(flows_dir).latest(flow_ref)


def draw(flow_ref: str, flows_dir: Path | str) -> str:
    """Mermaid for a flow id (`distress`, from flows_dir) or a path to a flow file."""
    return mermaid(load(flow_ref, flows_dir))
