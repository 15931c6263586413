"""The conversation script runner (`sauti flows test`): inputs, checks and readable failures."""

from __future__ import annotations

from pathlib import Path

from bot.engine.context import Resume, Timeout
from bot.engine.registry import FlowRegistry
from bot.flowtools.scripts import START, inbound, run_script, run_scripts
from tests.engine.fakes import ROOT, make_context

REGISTRY = FlowRegistry(ROOT / "flows")


def play(script: dict) -> list[str]:
    return run_script(script, REGISTRY, make_context)


def test_send_forms():
    assert inbound("hi", 1, START).text == "hi"
    assert inbound({"choice": "en"}, 1, START).choice_id == "en"
    assert inbound({"location": [1.5, 2.5]}, 1, START).location.longitude == 2.5
    voice = inbound({"media": "voice"}, 1, START).media
    assert voice.kind == "audio" and voice.voice
    assert inbound({"kind": "unsupported"}, 1, START).kind == "unsupported"
    assert inbound({"timeout": "expire"}, 1, START) == Timeout("expire")
    assert inbound({"resume": True}, 1, START) == Resume()


def test_a_passing_script_has_no_failures():
    script = {
        "steps": [
            {"send": "hi", "expect": ["language-prompt"]},
            {
                "send": {"choice": "en"},
                "expect": ["consent-prompt"],
                "options": ["yes", "no"],
                "effects": {"language": "en"},
            },
        ]
    }
    assert play(script) == []


def test_failures_say_which_step_what_was_expected_and_what_came():
    script = {
        "steps": [
            {"send": "hi", "expect": ["consent-prompt"]},
            {"send": {"choice": "en"}, "state": {"step": "safety"}, "options": ["oui"]},
            {"send": "no", "expect": [{"msg": "consent-declined", "contains": "rescue"}]},
        ],
        "case": {"erased": False},
    }
    failures = play(script)
    assert failures[0].startswith(
        "step 1 (send 'hi'): expected replies ['consent-prompt'], got ['language-prompt'] "
        "(Choose your language."
    )
    assert (
        failures[1] == "step 2 (send {'choice': 'en'}): expected options ['oui'], got ['yes', 'no']"
    )
    assert (
        failures[2] == "step 2 (send {'choice': 'en'}) state.step: expected 'safety', got 'consent'"
    )
    assert failures[3].startswith("step 3 (send 'no'): consent-declined should contain 'rescue'")
    assert failures[4] == "case.erased: expected False, got True"


def test_run_scripts_prints_and_returns_1_on_failure(tmp_path: Path):
    (tmp_path / "good.yaml").write_text("steps:\n  - send: hi\n    expect: [language-prompt]\n")
    (tmp_path / "bad.yaml").write_text("steps:\n  - send: hi\n    expect: []\n")
    (tmp_path / "broken.yaml").write_text("steps: [\n")
    out: list[str] = []
    code = run_scripts([tmp_path], ROOT / "flows", ROOT / "locales", out.append, make_context)
    assert code == 1
    assert out[0] == f"FAIL  {tmp_path / 'bad.yaml'}"
    assert out[2] == f"FAIL  {tmp_path / 'broken.yaml'}"
    assert out[3].startswith("      cannot run: line 2")
    assert out[4] == f"ok  {tmp_path / 'good.yaml'}"
    assert out[-1] == "1 passed, 2 failed"


def test_run_scripts_passes_on_the_shipped_scripts():
    out: list[str] = []
    code = run_scripts(
        [ROOT / "tests" / "conversations"], ROOT / "flows", ROOT / "locales", out.append
    )
    assert code == 0, "\n".join(out)


def test_the_script_language_is_the_fallback_and_steps_can_check_the_reply_language(tmp_path):
    from tests.engine.fakes import locales_with_french

    locales = locales_with_french(tmp_path)
    script = {
        "lang": "fr",
        "steps": [
            {"send": "????", "expect": ["language-prompt"], "lang": "fr"},
            {"send": {"choice": "fr"}, "expect": ["consent-prompt"], "lang": "en"},
        ],
    }
    failures = run_script(script, REGISTRY, lambda: make_context(locales))
    assert failures == ["step 2 (send {'choice': 'fr'}): expected replies in en, got ['fr']"]
