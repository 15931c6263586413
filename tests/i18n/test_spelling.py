"""Speller: a word spelled otherwise than in the lists is read in its listed spelling."""

from __future__ import annotations

from bot.i18n.spelling import Speller, geez_key
from bot.i18n.words import Lexicon

SAFETY = {"danger_now": [], "not_safe": [], "safe": []}


def test_arabizi_words_are_found_by_their_consonants() -> None:
    speller = Speller(["machi", "wakha", "3lia"], arabizi=True)
    spelled, changed = speller.correct(["mashi", "wakhkha", "3liya", "daba"])
    assert spelled == ["machi", "wakha", "3lia", "daba"]
    assert changed == {0: False, 1: False, 2: False}  # spelling variants, not typos


def test_consonants_count_only_for_arabizi() -> None:
    assert Speller(["wakha"]).word("wakhkha") is None


def test_a_typo_in_a_long_word_is_corrected_when_one_word_is_nearest() -> None:
    speller = Speller(["allowed", "allows", "passport"])
    assert speller.word("alowed") == "allowed"
    assert speller.word("pasport") == "passport"


def test_short_words_and_ties_are_left_alone() -> None:
    speller = Speller(["lost", "last", "bread", "break"])
    assert speller.word("lest") is None  # four letters: too short to guess
    assert speller.word("breat") is None  # as near to "bread" as to "break"


def test_a_lost_prefix_is_not_a_typo() -> None:
    assert Speller(["endelea"]).word("kuendelea") is None


def test_geez_letters_that_sound_alike_are_one() -> None:
    assert geez_key("ሐገዝ") == geez_key("ሀገዝ")
    assert geez_key("ዐደጋ") == geez_key("አደጋ") == geez_key("ኣደጋ")
    assert Speller(["ሓገዝ"]).word("ሃገዝ") == "ሓገዝ"


def test_a_negation_spelled_otherwise_still_negates(lexicon: Lexicon) -> None:
    # "mashi mzyan" is "machi mzyan" (not well), never "mzyan" (well).
    found = lexicon.understand("ana mashi mzyana", "ary-Latn", SAFETY)
    assert found is not None and found.answer == "not_safe"


def test_an_answer_spelled_otherwise_is_a_little_less_sure(lexicon: Lexicon) -> None:
    found = lexicon.understand("wakhkha", "ary-Latn", {"yes": [], "no": []})
    assert found is not None and found.answer == "yes" and found.how == "spelling"
    assert 0.75 <= found.score < 1


def test_the_mild_answer_from_a_respelled_word_is_asked_back(lexicon: Lexicon) -> None:
    found = lexicon.understand("mzyanaa bikhiir", "ary-Latn", SAFETY)
    assert found is None or found.answer != "safe" or found.score < 0.75
