"""flows/README.md: its complete example is a valid flow."""

from __future__ import annotations

import re

from bot.engine.compile import compile_flow
from bot.flowtools.check import check_flow
from tests.engine.fakes import ROOT

README = (ROOT / "flows" / "README.md").read_text(encoding="utf-8")


def test_the_complete_example_compiles_and_checks_clean(tmp_path):
    example = re.search(r"## A complete example\n\n```yaml\n(.*?)```", README, re.S).group(1)
    flow = compile_flow(example)
    assert flow.id == "distress" and flow.advance("consent", {"consent": "no"}) == "declined"
    path = tmp_path / "distress.yaml"
    path.write_text(example, encoding="utf-8")
    errors = [p for p in check_flow(path, ROOT / "locales") if p.severity == "error"]
    assert errors == []


def test_every_step_kind_is_documented():
    from bot.engine.schema import STEP_MODELS

    for kind in STEP_MODELS:
        assert f"| `{kind}` |" in README, kind
