"""Hints that are never sure (`doubtful`), keywords said as sentences (`keyword_words`), and
a "no" that answers rather than negates."""

from __future__ import annotations

import pytest

from bot.i18n.words import DOUBTFUL, Lexicon

SAFETY = {"danger_now": [], "not_safe": [], "safe": []}


@pytest.mark.parametrize(
    ("text", "lang"),
    [("maybe", "en"), ("i dont know what to say", "en"), ("je sais pas", "fr"),
     ("sijui", "sw"), ("ma 3reftch", "ary-Latn"), ("አላውቅም", "am"), ("not really", "en")],
)  # fmt: skip
def test_not_knowing_whether_in_danger_is_asked_back(
    lexicon: Lexicon, text: str, lang: str
) -> None:
    # "Did you mean: I don't feel safe?", never recorded from the hint alone.
    found = lexicon.understand(text, lang, SAFETY)
    assert found is not None and found.answer == "not_safe" and found.score <= DOUBTFUL


def test_a_hint_beside_a_serious_answer_does_not_soften_it(lexicon: Lexicon) -> None:
    found = lexicon.understand("i dont know, he beats me", "en", SAFETY)
    assert found is not None and found.answer == "danger_now" and found.score > DOUBTFUL


def test_unsure_is_still_sure_where_it_is_an_option(lexicon: Lexicon) -> None:
    found = lexicon.understand("i dont know", "en", {"yes": [], "no": [], "unsure": []})
    assert found is not None and found.answer == "unsure" and found.score == 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [("my boss is threatening me", "en"), ("il me menace", "fr"), ("wananitishia", "sw"),
     ("هددني بالموت", "ar")],
)  # fmt: skip
def test_threats_are_danger_now(lexicon: Lexicon, text: str, lang: str) -> None:
    found = lexicon.understand(text, lang, SAFETY)
    assert found is not None and found.answer == "danger_now"


@pytest.mark.parametrize("text", ["no im fine", "no i am safe", "no we are ok"])
def test_a_leading_no_answers_the_question(lexicon: Lexicon, text: str) -> None:
    found = lexicon.understand(text, "en", SAFETY)
    assert found is not None and found.answer == "safe"


def test_a_leading_no_still_negates_the_word_right_after(lexicon: Lexicon) -> None:
    found = lexicon.understand("no safe place here", "en", SAFETY)
    assert found is None or found.answer != "safe"


@pytest.mark.parametrize(
    ("text", "lang", "keyword"),
    [("please erase everything i said", "en", "erase"),
     ("remove all my information", "en", "erase"),
     ("stop messaging me", "en", "stop"),
     ("i need a real human", "en", "help"),
     ("supprimez tout ce que j'ai dit", "fr", "erase")],
)  # fmt: skip
def test_keywords_said_as_sentences(lexicon: Lexicon, text: str, lang: str, keyword: str) -> None:
    assert lexicon.keyword(text, lang) == keyword


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to delete my messages",
        "they stopped paying me",
        "he took my phone",
        "my boss stop me sending messages",
    ],
)
def test_sentences_that_only_share_words_with_a_keyword_are_not_one(
    lexicon: Lexicon, text: str
) -> None:
    assert lexicon.keyword(text, "en") is None
