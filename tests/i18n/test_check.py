"""`sauti locales check`: a broken catalog is reported by file, line and id; ours pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.i18n.catalog import Catalogs
from bot.i18n.check import BUTTON_MAX, check_locales, run_check
from tests.i18n.conftest import DATA, LOCALES

BROKEN = DATA / "broken"
FR_FTL = BROKEN / "fr" / "bot.ftl"
FR_WORDS = BROKEN / "fr" / "words.yaml"


@pytest.fixture(scope="module")
def reported() -> list[str]:
    lines: list[str] = []
    assert run_check(BROKEN, echo=lines.append) == 1
    return lines


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        (FR_FTL, 1, "goodbye: missing (it is in en)"),
        (FR_FTL, 3, "greeting: variables $nom, en has $name"),
        (FR_FTL, 4, "items: no plural selector on $count"),
        (FR_FTL, 5, "consent-yes: button label has 39 characters, WhatsApp allows 20"),
        (FR_FTL, 6, 'safety-danger_now: does not parse: Expected token: "}"'),
        (FR_FTL, 7, "bonus: not in en (extra id)"),
        (FR_FTL, 8, "left: $n variants few are not plural categories of fr (many, one, other)"),
        (FR_WORDS, 1, "keywords: `erase` missing"),
        (FR_WORDS, 2, "answers: unknown id `maybe`"),
        (FR_WORDS, 3, "unknown section `extra`"),
    ],
)
def test_broken_catalog_problems_name_file_line_and_id(
    reported: list[str], file: Path, line: int, message: str
) -> None:
    assert f"{file}:{line}: {message}" in reported


def test_nothing_else_is_reported(reported: list[str]) -> None:
    assert len(reported) == 11  # the ten above, plus safety-danger_now missing (it was junk)
    assert all(re.match(r"\S+:\d+: \S", line) for line in reported)


def test_our_locales_pass() -> None:
    problems = check_locales(LOCALES)
    assert problems == [], "\n".join(map(str, problems))
    assert run_check(LOCALES, echo=lambda _: None) == 0


def test_every_locale_has_every_english_id(catalogs: Catalogs) -> None:
    source = (LOCALES / "en" / "bot.ftl").read_text(encoding="utf-8")
    ids = re.findall(r"^([a-z][\w-]*) =", source, flags=re.MULTILINE)
    for lang in catalogs.languages:
        assert [i for i in ids if not catalogs.has(i, lang)] == [], lang


def test_button_labels_fit_whatsapp(catalogs: Catalogs) -> None:
    answers = {"yes", "no", "unsure", "skip", "other"}
    source = (LOCALES / "en" / "bot.ftl").read_text(encoding="utf-8")
    ids = re.findall(r"^([a-z][\w]*-([a-z_]+)) =", source, flags=re.MULTILINE)
    buttons = [i for i, last in ids if "_" in last or last in answers or last == "button"]
    assert "safety-danger_now" in buttons and "consent-yes" in buttons
    for lang in catalogs.languages:
        for msg_id in buttons:
            label = catalogs.format(lang, msg_id)
            assert len(label) <= BUTTON_MAX, (lang, msg_id, label)


def test_non_english_catalogs_say_who_drafted_them() -> None:
    for path in sorted(LOCALES.glob("*/bot.ftl")):
        if path.parent.name == "en":
            continue
        head = path.read_text(encoding="utf-8")[:600]
        assert "Sauti" in head and ("Drafted by" in head or "Rédigé par" in head), path
        if path.parent.name != "fr":
            assert "Needs review by a native speaker" in head, path


def test_unreadable_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    for tag in ("en", "xx"):
        (tmp_path / tag).mkdir()
        (tmp_path / tag / "bot.ftl").write_text("hello = Hi\n", encoding="utf-8")
    (tmp_path / "en" / "words.yaml").write_text(
        (LOCALES / "en" / "words.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "xx" / "words.yaml").write_text("keywords:\n  help: [a, b\n", encoding="utf-8")
    problems = check_locales(tmp_path)
    assert [(p.file.name, p.file.parent.name) for p in problems] == [("words.yaml", "xx")]
    assert problems[0].line >= 2 and "does not parse" in problems[0].message


def test_a_missing_source_catalog_is_one_problem(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    problems = check_locales(tmp_path)
    assert [str(p) for p in problems] == [f"{tmp_path}/en/bot.ftl:1: the source catalog is missing"]


def test_alone_is_checked_like_answers(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "bot.ftl").write_text("language-name = English\n", encoding="utf-8")
    (tmp_path / "en" / "words.yaml").write_text(
        "keywords: {help: [help], restart: [restart], language: [language], stop: [stop],"
        " erase: [erase]}\nanswers: {yes: [yes]}\nalone:\n  with_me: [me]\n  myself: [me]\n"
        "negation_after: pas\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check_locales(tmp_path)]
    words = tmp_path / "en" / "words.yaml"
    assert problems == [
        f"{words}:5: alone: unknown id `myself`",
        f"{words}:6: negation_after: must be a list",
    ]
