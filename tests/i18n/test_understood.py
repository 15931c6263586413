"""How sure a typed answer is: whole messages and neutral sentences are sure; an answer's
word beside a keyword's words ("talk to agent") is not, so the bot asks back."""

from __future__ import annotations

import pytest

from bot.i18n.words import Lexicon

PASSPORT = {
    "with_me": [], "held_by_employer": [], "held_by_agent": [], "held_by_authorities": [],
    "lost": [], "never_had": [],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "answer", "how"),
    [
        ("my employer", "en", "held_by_employer", "exact"),
        ("the madam keeps it", "en", "held_by_employer", "inside"),
        ("the police took it", "en", "held_by_authorities", "inside"),
        ("c'est la patronne qui le garde", "fr", "held_by_employer", "inside"),
        ("lboulis khdah", "ary-Latn", "held_by_authorities", "inside"),
    ],
)
def test_sure(lexicon: Lexicon, text: str, lang: str, answer: str, how: str) -> None:
    found = lexicon.understand(text, lang, PASSPORT)
    assert found is not None
    assert (found.answer, found.how) == (answer, how)
    assert found.score >= 0.75


@pytest.mark.parametrize(("text", "lang"), [("talk to agent", "en"), ("speak to the agent", "en")])
def test_beside_a_keyword_it_is_doubtful(lexicon: Lexicon, text: str, lang: str) -> None:
    found = lexicon.understand(text, lang, PASSPORT)
    assert found is not None and found.answer == "held_by_agent"
    assert found.score < 0.75


def test_a_typo_carries_its_similarity(lexicon: Lexicon) -> None:
    found = lexicon.understand("emploer", "en", PASSPORT)
    assert found is not None and found.how == "typo" and 0.86 <= found.score < 1


SAFETY = {"danger_now": [], "not_safe": [], "safe": []}


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("i am ok but scared", "not_safe"),
        ("i am not safe but not in danger now", "not_safe"),
        ("i am fine but he beats me", "danger_now"),
        ("not safe, they beat me", "danger_now"),
    ],
)
def test_the_more_serious_answer_wins_inside_a_sentence(
    lexicon: Lexicon, text: str, answer: str
) -> None:
    found = lexicon.understand(text, "en", SAFETY)
    assert found is not None and found.answer == answer


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("agancy", "held_by_agent"),
        ("polise", "held_by_authorities"),
        ("my sponser", "held_by_employer"),
    ],
)
def test_one_typo_in_a_word_is_read(lexicon: Lexicon, text: str, answer: str) -> None:
    found = lexicon.understand(text, "en", PASSPORT)
    assert found is not None and found.answer == answer and found.how == "typo"


def test_a_typo_in_a_long_sentence_is_asked_back(lexicon: Lexicon) -> None:
    found = lexicon.understand("i think maybe the agnet took it yesterday", "en", PASSPORT)
    assert found is None or found.score < 0.75


@pytest.mark.parametrize("text", ["nit safe", "im safe but", "saef"])
def test_safe_is_never_guessed(lexicon: Lexicon, text: str) -> None:
    # A wrong "safe" is the one mistake that costs a life: from a typo or beside words we
    # do not know, the bot asks back.
    found = lexicon.understand(text, "en", SAFETY)
    assert found is None or found.answer != "safe" or found.score < 0.75
