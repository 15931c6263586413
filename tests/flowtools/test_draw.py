"""`sauti flows draw`: Mermaid with the branch conditions written like the YAML."""

from __future__ import annotations

from bot.flowtools.draw import draw
from tests.engine.fakes import ROOT


def test_draw_the_default_flow():
    text = draw("distress", ROOT / "flows")
    assert text.startswith("stateDiagram-v2\n")
    assert "    [*] --> language" in text
    assert "    consent --> declined: consent = no" in text
    assert "    safety --> urgent: safety = danger_now" in text
    assert "    safety --> location\n" in text
    assert '    state "people (number: people-with-prompt)" as people' in text
    assert "    declined --> [*]" in text


def test_draw_a_file_by_path():
    text = draw(str(ROOT / "flows" / "examples" / "sea.yaml"), ROOT / "flows")
    assert "safety --> sea_case: safety in at_sea, in_desert" in text
    assert "sea_number --> done" in text
