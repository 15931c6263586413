"""The load test's harness works end to end on a tiny load: servers start, webhooks are
acknowledged, every message is answered at the Graph stand-in, and the report is written.
Timings are the report's business, not this test's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.run import main

pytestmark = pytest.mark.slow


def test_the_smoke_run_writes_a_report(tmp_path: Path) -> None:
    assert main(["--smoke", "--no-postgres", "--out", str(tmp_path)]) == 0

    data = json.loads((tmp_path / "results.json").read_text())
    phases = {(p["target"], p["phase"]): p for p in data["phases"]}
    bare, sauti = phases[("bare", "burst")], phases[("sauti-sqlite-1w", "burst")]
    assert bare["acked"] == bare["sent"] > 0
    assert sauti["acked"] == sauti["sent"] > 0
    assert sauti["answered"] == sauti["acked"], "a message was acknowledged but never answered"
    assert sauti["duplicate_replies"] == 0
    assert [p["stored"] for p in data["phases"] if p["phase"] == "scale"] == [100, 300]
    # Each ladder step runs twice here: one row per target in the report, both in the notes.
    ladder = [p["target"] for p in data["phases"] if p["phase"] == "ladder"]
    assert sorted(ladder) == sorted(set(ladder)) and "sauti-sqlite-1w" in ladder
    assert any(n.startswith("sauti-sqlite-1w: p99 ms of the 2 runs") for n in data["notes"])
    # The steady stream runs for the bots that reply, not for the bare endpoint.
    steady = phases[("sauti-sqlite-1w", "steady")]
    assert steady["acked"] == steady["sent"] == 20 and steady["answered"] == 20
    assert ("bare", "steady") not in phases
    report = (tmp_path / "report.md").read_text()
    assert "| sauti-sqlite-1w |" in report and "## Targets" in report
    assert "## A steady stream at a busy helpline's pace (20 webhooks/s)" in report
