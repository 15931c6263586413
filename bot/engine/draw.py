"""`sauti flows draw FLOW`: a Mermaid state diagram of a flow, for reviews and docs.

Our own rendering rather than the library's: branch conditions are shown the way the
YAML writes them (`safety = danger_now`), and each step shows its kind and prompt id.
"""

from __future__ import annotations

from pathlib import Path

from bot.engine.compile import CompiledFlow, compile_flow
from bot.engine.conditions import describe
from bot.engine.registry import FlowRegistry
from bot.engine.schema import QuestionBase, prompt_id


def _label(step: object) -> str:
    kind = getattr(step, "kind", "")
    if isinstance(step, QuestionBase):
        return f"{step.id} ({kind}: {prompt_id(step)})"
    say = getattr(step, "say", None)
    return f"{step.id} ({kind}{': ' + say if say else ''})"  # type: ignore[attr-defined]


def mermaid(flow: CompiledFlow) -> str:
    steps = flow.spec.steps
    lines = ["stateDiagram-v2", f"    %% flow {flow.id} version {flow.version}"]
    lines += [f'    state "{_label(s)}" as {s.id}' for s in steps]
    lines.append(f"    [*] --> {flow.first}")
    for index, step in enumerate(steps):
        if step.kind == "end":
            lines.append(f"    {step.id} --> [*]")
            continue
        unconditional = False
        for branch in step.next or []:
            condition = describe(branch.when)
            lines.append(
                f"    {step.id} --> {branch.goto}" + (f": {condition}" if condition else "")
            )
            unconditional = unconditional or branch.when is None
        if not unconditional:
            following = steps[index + 1].id if index + 1 < len(steps) else "[*]"
            lines.append(f"    {step.id} --> {following}" + (": otherwise" if step.next else ""))
    return "\n".join(lines) + "\n"


def draw(flow_ref: str, flows_dir: Path | str) -> str:
    """Mermaid for a flow id (`distress`, from flows_dir) or a path to a flow file."""
    path = Path(flow_ref)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return mermaid(compile_flow(path.read_text(encoding="utf-8"), str(path)))
    return mermaid(FlowRegistry(flows_dir).latest(flow_ref))
