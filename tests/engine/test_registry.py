"""Flow versions: edits are live for new conversations, running ones keep their version."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.engine.registry import FlowRegistry
from bot.engine.runner import step
from bot.engine.state import ConversationState
from bot.engine.validate import FlowError
from tests.engine.fakes import ROOT, make_context, msg


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "flows" / "distress.yaml", tmp_path / "distress.yaml")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()  # make sure the change is seen even within one clock tick
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_latest_is_compiled_once_and_recompiled_after_an_edit(flows: Path):
    registry = FlowRegistry(flows)
    first = registry.latest("distress")
    assert registry.latest("distress") is first
    edit(flows / "distress.yaml", "max_misses: 2", "max_misses: 3")
    second = registry.latest("distress")
    assert second.version != first.version and second.spec.globals.max_misses == 3
    assert registry.get("distress", first.version) is first


def test_a_broken_edit_keeps_the_last_good_version(flows: Path, caplog):
    registry = FlowRegistry(flows)
    good = registry.latest("distress")
    edit(flows / "distress.yaml", "goto: declined", "goto: nowhere")
    assert registry.latest("distress") is good
    assert "still serving" in caplog.text


def test_a_broken_flow_fails_at_first_load(flows: Path):
    edit(flows / "distress.yaml", "goto: declined", "goto: nowhere")
    with pytest.raises(FlowError):
        FlowRegistry(flows).latest("distress")


def test_add_source_brings_back_an_old_version_after_a_restart(flows: Path):
    old_text = (flows / "distress.yaml").read_text(encoding="utf-8")
    old = FlowRegistry(flows).latest("distress")
    edit(flows / "distress.yaml", "max_misses: 2", "max_misses: 3")
    restarted = FlowRegistry(flows)
    assert restarted.get("distress", old.version) is None
    again = restarted.add_source(old_text, "db")
    assert again.version == old.version and restarted.get("distress", old.version) is again
    assert restarted.add_source(old_text, "db") is again


def test_unknown_flows_and_versions(flows: Path):
    registry = FlowRegistry(flows)
    assert registry.get("distress", "000000000000") is None
    assert registry.get("nope", "000000000000") is None
    with pytest.raises(FileNotFoundError):
        registry.latest("nope")


def test_a_running_conversation_finishes_on_its_version(flows: Path):
    """An admin reorders steps mid-conversation: the running chat keeps the old order, a
    new chat gets the new one."""
    registry = FlowRegistry(flows)
    ctx = make_context()

    def send(state, event):
        return step(registry.for_state(state), state, event, ctx)

    running = None
    for event in (msg("hi"), msg(choice="en"), msg(choice="yes"), msg(choice="safe")):
        running, _ = send(running, event)
    assert running.step == "location"
    # The admin adds a question after the safety question.
    path = flows / "distress.yaml"
    hurt = (
        "  - id: hurt\n    kind: choice\n    prompt: others-prompt\n"
        '    options: [{id: "yes", label: others-yes}, {id: "no", label: others-no}]\n'
        "  - id: location\n"
    )
    edit(path, "      - goto: location\n", "      - goto: hurt\n")
    edit(path, "  - id: location\n", hurt)

    running, fx = send(running, msg(location=(32.8872, 13.1913)))
    assert running.step == "passport"  # the old flow: location, then passport
    fresh = None
    for event in (msg("hi"), msg(choice="en"), msg(choice="yes"), msg(choice="safe")):
        fresh, _ = send(fresh, event)
    assert fresh.step == "hurt"  # the new flow
    assert fresh.flow_version != running.flow_version


def test_for_state_starts_ended_conversations_on_the_latest(flows: Path):
    registry = FlowRegistry(flows)
    latest = registry.latest("distress")
    assert registry.for_state(None) is latest
    ended = ConversationState(flow="distress", flow_version="000000000000", ended="stopped")
    assert registry.for_state(ended) is latest


def test_a_state_on_a_lost_version_continues_on_the_latest(flows: Path):
    registry = FlowRegistry(flows)
    ctx = make_context()
    state = None
    for event in (msg("hi"), msg(choice="en"), msg(choice="yes")):
        state, _ = step(registry.latest("distress"), state, event, ctx)
    state = state.model_copy(update={"flow_version": "000000000000", "step": "a_removed_step"})
    flow = registry.for_state(state)
    new, fx = step(flow, state, msg("hello"), ctx)
    assert new.flow_version == flow.version and new.step == "consent"


def test_a_yaml_file_added_next_to_a_yml_one_takes_over(flows: Path):
    (flows / "distress.yaml").rename(flows / "distress.yml")
    registry = FlowRegistry(flows)
    old = registry.latest("distress")
    assert registry.path_of("distress").name == "distress.yml"
    text = (flows / "distress.yml").read_text(encoding="utf-8")
    (flows / "distress.yaml").write_text(text.replace("max_misses: 2", "max_misses: 3"))
    assert registry.path_of("distress").name == "distress.yaml"
    assert registry.latest("distress").spec.globals.max_misses == 3 != old.spec.globals.max_misses
    (flows / "distress.yaml").unlink()
    assert registry.latest("distress") is old
