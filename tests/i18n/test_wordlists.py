"""words.yaml reading: yes/no stay words, and a malformed list does not stop the bot."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.i18n.wordlists import ANSWER_IDS, KEYWORDS, load_wordlist
from tests.i18n.conftest import LOCALES


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "en").mkdir(exist_ok=True)
    path = tmp_path / "en" / "words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_yes_and_no_are_not_booleans(tmp_path: Path) -> None:
    words = load_wordlist(_write(tmp_path, "answers:\n  yes: [yes, on, ok]\n  no: [no, off]\n"))
    assert words.answers == {"yes": ("yes", "on", "ok"), "no": ("no", "off")}


def test_entries_are_normalized(tmp_path: Path) -> None:
    words = load_wordlist(_write(tmp_path, "answers:\n  safe: ['Ça VA', 'أنا بخير']\n"))
    assert words.answers["safe"] == ("ca va", "انا بخير")


def test_malformed_file_is_logged_and_skipped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="bot.i18n.wordlists"):
        words = load_wordlist(_write(tmp_path, "answers: [oops\n"))
    assert words.answers == {} and words.keywords == {}
    assert "cannot read" in caplog.text


@pytest.mark.parametrize("path", sorted(LOCALES.glob("*/words.yaml")), ids=lambda p: p.parent.name)
def test_every_locale_lists_every_keyword_and_answer(path: Path) -> None:
    words = load_wordlist(path)
    assert set(words.keywords) == set(KEYWORDS)
    assert set(words.answers) == set(ANSWER_IDS)
    assert len(words.ordinals) >= 5


def test_words_that_answer_only_alone_and_negations_after(tmp_path: Path) -> None:
    words = load_wordlist(
        _write(
            tmp_path,
            "answers: {with_me: [with me]}\nalone: {with_me: [Me, mine]}\n"
            "negation_after: [pas, 'አይደለም']\n",
        )
    )
    assert words.alone == {"with_me": ("me", "mine")}
    assert words.negation_after == frozenset({"pas", "አይደለም"})


def test_alone_and_negation_after_are_optional(tmp_path: Path) -> None:
    words = load_wordlist(_write(tmp_path, "answers: {yes: [yes]}\n"))
    assert words.alone == {} and words.negation_after == frozenset()
