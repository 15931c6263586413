"""Policies that generalize beyond the word lists: a concept word carries its answer among
words we cannot place, politeness is filler, emoji answer, a question back answers nothing,
and counts add up the way people write them."""

from __future__ import annotations

import pytest

from bot.i18n.counting import read_count
from bot.i18n.words import Lexicon

PASSPORT = {
    "with_me": [], "held_by_employer": [], "held_by_agent": [], "held_by_authorities": [],
    "lost": [], "never_had": [],
}  # fmt: skip
SAFETY = {"danger_now": [], "not_safe": [], "safe": []}
SURE = 0.75


@pytest.mark.parametrize(
    ("text", "lang", "answer"),
    [
        ("CID took", "en", "held_by_authorities"),
        ("in deportation center", "en", "held_by_authorities"),
        ("supervisor took", "en", "held_by_employer"),
        ("missing", "en", "lost"),
        ("someone stole my bag with passport", "en", "lost"),
        ("i came without passport", "en", "never_had"),
        ("la PAF", "fr", "held_by_authorities"),
        ("le convoyeur a tout garde", "fr", "held_by_agent"),
        ("je suis venu sans passeport", "fr", "never_had"),
        ("shurta", "sw", "held_by_authorities"),
        ("ጀዋዛት ወሰደው", "am", "held_by_authorities"),
    ],
)
def test_a_concept_word_is_sure(lexicon: Lexicon, text: str, lang: str, answer: str) -> None:
    found = lexicon.understand(text, lang, PASSPORT)
    assert found is not None and found.answer == answer
    assert found.score >= SURE


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the police is not the one, my boss has it", "en"),  # two answers compete
        ("talk to agent", "en"),  # a keyword's words beside it
        ("je l'ai pas", "fr"),  # a negation after it
    ],
)
def test_a_concept_word_is_not_sure_when_something_else_is_said(
    lexicon: Lexicon, text: str, lang: str
) -> None:
    found = lexicon.understand(text, lang, PASSPORT)
    assert found is None or found.score < SURE


@pytest.mark.parametrize(
    ("text", "candidates", "answer"),
    [("✅", {"yes": [], "no": []}, "yes"), ("❌", {"yes": [], "no": []}, "no"),
     ("✔️", {"yes": [], "no": []}, "yes"), ("🆘", SAFETY, "danger_now")],
)  # fmt: skip
def test_emoji_answer(lexicon: Lexicon, text: str, candidates: dict, answer: str) -> None:
    found = lexicon.understand(text, "en", candidates)
    assert found is not None and (found.answer, found.score) == (answer, 1.0)


def test_restraint_is_danger_and_a_question_back_answers_nothing(lexicon: Lexicon) -> None:
    found = lexicon.understand("they tied my hands", "en", SAFETY)
    assert found is not None and found.answer == "danger_now"
    assert lexicon.understand("what do you mean danger", "en", SAFETY) is None


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("me", "en", 1), ("single", "en", 1), ("moi", "fr", 1), ("mimi", "sw", 1),
        ("15 nepali 10 indian", "en", 25), ("15 maliens 10 guineens", "fr", 25),
        ("we are 2 and my baby", "en", 3), ("nous 2 et mon bebe", "fr", 3),
        # a stated total with groups that fit in it is the total, never their sum alone
        ("we are 40, 6 women and 3 children", "en", 40),
        # a plural group named without a number adds no one
        ("nous sommes 25 avec des femmes et des enfants", "fr", 25),
    ],
)  # fmt: skip
def test_counts(text: str, lang: str, value: int) -> None:
    found = read_count(text, lang)
    assert found is not None and found.value == value
