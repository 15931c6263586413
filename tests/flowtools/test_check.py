"""`sauti flows check`: each kind of mistake is reported with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.flowtools.check import check_flow, promise_words, run_check
from tests.engine.fakes import ROOT, locales_with_french

DATA = ROOT / "tests" / "data" / "flows"
LOCALES = ROOT / "locales"

BROKEN = [
    ("broken_yaml_syntax.yaml", 7, "YAML syntax"),
    ("broken_unknown_step.yaml", 9, "goes to unknown step 'urgnet' (did you mean 'urgent'?)"),
    ("broken_unreachable_step.yaml", 9, "step 'orphan' is never reached"),
    ("broken_reused_option.yaml", 9, "option id 'with_me' is used twice"),
    ("broken_missing_translation.yaml", 6, "message 'safety-at_the_zoo'"),
    ("broken_missing_translation.yaml", 9, "message 'goodbye-message'"),
    ("broken_boolean_key.yaml", 19, "'on' is read as true/false by YAML 1.1 tools; quote it"),
    ("broken_schema.yaml", 6, "step 'people': Input should be a valid integer"),
    ("broken_schema.yaml", 9, "unknown key 'promt' (did you mean 'prompt'?)"),
    ("broken_schema.yaml", 11, "unknown kind 'choise' (did you mean 'choice'?)"),
]


@pytest.mark.parametrize(("name", "line", "message"), BROKEN)
def test_broken_flows_name_file_line_and_problem(name, line, message):
    problems = check_flow(DATA / name, LOCALES)
    found = [p for p in problems if message in p.message]
    assert found, f"no problem like {message!r} in {[str(p) for p in problems]}"
    assert found[0].line == line and found[0].severity == "error"
    assert str(found[0]).startswith(f"{DATA / name}:{line}: error: ")


def test_every_broken_file_fails_the_command():
    for name in sorted({b[0] for b in BROKEN}):
        out: list[str] = []
        assert run_check([DATA / name], LOCALES, echo=out.append) == 1, name
        assert "error" in out[-1]


def test_the_shipped_flows_are_clean():
    out: list[str] = []
    assert run_check([ROOT / "flows"], LOCALES, echo=out.append) == 0
    assert out[-1].startswith("2 flow(s) and replies.yaml checked: 0 error(s)")
    # Only translations still to come (the i18n work runs alongside), nothing else.
    problems = [line for line in out[:-1] if "skipped, not a flow" not in line]
    assert all("has no translation in" in line for line in problems)


def test_a_folder_check_skips_yaml_files_that_are_not_flows(tmp_path: Path):
    shutil.copy(ROOT / "flows" / "distress.yaml", tmp_path / "distress.yaml")
    (tmp_path / "places.yaml").write_text("aliases:\n  - name: x\n", encoding="utf-8")
    out: list[str] = []
    assert run_check([tmp_path], LOCALES, echo=out.append) == 0
    assert (
        out[0] == f"{tmp_path / 'places.yaml'}: skipped, not a flow (no schema_version: or steps:)"
    )
    assert out[-1].startswith("1 flow(s) checked")
    # Named one by one (as `sauti flows check` does with the folder's files): the same.
    files = sorted(tmp_path.glob("*.yaml"))
    assert run_check(files, LOCALES, echo=out.append) == 0


def test_replies_that_require_consent_need_the_question_that_asks_for_it(tmp_path: Path):
    shutil.copy(ROOT / "flows" / "distress.yaml", tmp_path / "distress.yaml")
    (tmp_path / "replies.yaml").write_text(
        "replies:\n"
        "  fine: {message: canned-contacting-embassy, requires_consent: embassy}\n"
        "  police: {message: canned-received, requires_consent: police}\n"
        "  typo: {mesage: canned-received}\n",
        encoding="utf-8",
    )
    out: list[str] = []
    assert run_check([tmp_path], LOCALES, echo=out.append) == 1
    text = "\n".join(out)
    assert "replies.yaml:3: error: reply 'police' requires consent for 'police'" in text
    assert "no message 'share-police-prompt'" in text
    assert "reply 'typo': unknown key ['mesage']" in text
    assert "reply 'fine'" not in text


def test_closing_keep_and_indicators_name_answers_the_flow_stores(tmp_path: Path):
    text = (ROOT / "flows" / "distress.yaml").read_text(encoding="utf-8")
    text = text.replace("keep: [consent, nationality,", "keep: [consent, nationalty,")
    text = text.replace("when: {phone_private: watched}", "when: {phone: watched}")
    (tmp_path / "distress.yaml").write_text(text, encoding="utf-8")
    out: list[str] = []
    assert run_check([tmp_path / "distress.yaml"], LOCALES, echo=out.append) == 1
    joined = "\n".join(out)
    assert "closing keeps 'nationalty', but no step stores that answer" in joined
    assert "condition on 'phone', but no step stores an answer by that name" in joined


def test_a_missing_translation_in_another_locale_is_a_warning(tmp_path: Path):
    locales = locales_with_french(tmp_path / "locales")
    problems = check_flow(ROOT / "flows" / "distress.yaml", locales)
    assert all(p.severity == "warning" for p in problems)
    passport = [p for p in problems if "'passport-prompt'" in p.message]
    assert passport and "no translation in fr" in passport[0].message
    lines = (ROOT / "flows" / "distress.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[passport[0].line - 1].strip() == "- id: passport"  # the step that asks it


def test_texts_that_promise_rescue_are_warned_about(tmp_path: Path):
    locales = tmp_path / "locales"
    (locales / "en").mkdir(parents=True)
    text = (LOCALES / "en" / "bot.ftl").read_text(encoding="utf-8")
    text += "rescue-promise = Stay calm. We will rescue you and guarantee your safety.\n"
    (locales / "en" / "bot.ftl").write_text(text, encoding="utf-8")
    problems = check_flow(DATA / "promise.yaml", locales)
    warned = [p for p in problems if p.severity == "warning"]
    assert [p.message.split("'")[3] for p in warned] == ["rescue", "guarantee"]
    assert warned[0].line == 10
    assert run_check([DATA / "promise.yaml"], locales, echo=lambda _: None) == 0  # warnings only


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("We will rescue you.", ["rescue"]),
        ("We can save you.", ["save you"]),
        ("We guarantee it and promise you.", ["guarantee", "promise"]),
        ("We will get you out of there.", ["We will get you out"]),
        ("We cannot promise what will happen.", []),
        ("We are not a rescue service.", []),
        ("There is no guarantee.", []),
    ],
)
def test_promise_words_ignore_negated_ones(text, found):
    assert promise_words(text) == found


def test_an_unreadable_file_is_an_error(tmp_path: Path):
    problems = check_flow(tmp_path / "missing.yaml", LOCALES)
    assert problems[0].severity == "error" and "cannot read" in problems[0].message


def test_on_handback_must_name_a_step(tmp_path: Path):
    text = (ROOT / "flows" / "distress.yaml").read_text(encoding="utf-8")
    (tmp_path / "distress.yaml").write_text(
        text.replace("on_handback: asked_later", "on_handback: askd_later"), encoding="utf-8"
    )
    out: list[str] = []
    assert run_check([tmp_path / "distress.yaml"], LOCALES, echo=out.append) == 1
    assert any("hands back to unknown step 'askd_later'" in line for line in out)
