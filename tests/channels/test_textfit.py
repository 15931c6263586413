"""Long text splits at sentence ends, labels are cut cleanly, and limits always hold."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.channels._textfit import cut, layout, split_text, unique_cuts, utf8_len, utf16_len
from bot.channels.bidi import isolate_ltr_runs


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_short_text_is_one_piece() -> None:
    assert split_text("Are you safe?", 100) == ["Are you safe?"]
    assert split_text("   ", 100) == []


def test_splits_at_sentence_ends() -> None:
    text = "First sentence here. Second one is here! Third? Fourth."
    assert split_text(text, 25) == ["First sentence here.", "Second one is here!", "Third? Fourth."]


def test_splits_at_arabic_and_ethiopic_sentence_ends() -> None:
    assert split_text("هل أنت بأمان؟ أين أنت؟", 15) == ["هل أنت بأمان؟", "أين أنت؟"]
    assert split_text("ደህና ነሽ። የት ነሽ።", 10) == ["ደህና ነሽ።", "የት ነሽ።"]


def test_a_sentence_longer_than_the_limit_splits_between_words() -> None:
    assert split_text("one two three four five", 9) == ["one two", "three", "four five"]


def test_a_word_longer_than_the_limit_is_cut_without_losing_anything() -> None:
    assert split_text("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_accents_stay_with_their_letter() -> None:
    # "e" + combining acute: never separated.
    pieces = split_text("e\u0301e\u0301e\u0301", 3)
    assert pieces == ["e\u0301", "e\u0301", "e\u0301"]


def test_emoji_sequences_are_not_broken() -> None:
    family = "👩\u200d👩\u200d👧"
    assert cut(f"Hi {family} there", 5) == "Hi…"
    assert utf16_len(family) == 8
    assert split_text(family * 3, 10) == [family] * 3


def test_cut_prefers_a_word_end_and_marks_the_cut() -> None:
    assert cut("Held by my employer", 15) == "Held by my…"
    assert cut("Short", 20) == "Short"
    assert cut("  many   spaces  ", 20) == "many spaces"


def test_cut_counts_utf16_units() -> None:
    assert utf16_len("😀") == 2
    assert utf16_len(cut("😀" * 15, 20)) <= 20


def test_unique_cuts_number_repeats() -> None:
    titles = unique_cuts(["Someone else has it", "Someone else has it too", "Other"], 12)
    assert titles == ["Someone…", "Someone… 2", "Other"]
    assert len(set(titles)) == 3


def test_layout_keeps_the_block_whole_and_last() -> None:
    text = "A sentence. " * 30
    block = "1. one\n2. two\n3. three"
    chunks = layout(text, 100, block=block)
    assert chunks[-1].endswith(block)
    assert all(len(chunk) <= 100 for chunk in chunks)


def test_layout_sends_a_block_alone_when_it_does_not_fit() -> None:
    chunks = layout("x" * 90, 100, block="1. one\n2. two")
    assert chunks == ["x" * 90, "1. one\n2. two"]


def test_layout_makes_the_last_piece_fit_the_smaller_limit() -> None:
    text = "Sentence one is long. Sentence two is long. Tail."
    chunks = layout(text, 100, last_limit=10)
    assert chunks == ["Sentence one is long. Sentence two is long.", "Tail."]


@given(
    text=st.text(alphabet=st.sampled_from("ab cd.!?\n؟።اب12😀é\u0301"), max_size=400),
    limit=st.integers(4, 60),
)
def test_split_respects_the_limit_and_keeps_all_text(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(0 < utf16_len(piece) <= limit for piece in pieces)
    assert squash("".join(pieces)) == squash(text)


@given(
    text=st.text(alphabet=st.sampled_from("اب ت 12+ Sa.؟"), max_size=300),
    limit=st.integers(10, 50),
)
def test_split_respects_the_limit_after_bidi_isolation_in_bytes(text: str, limit: int) -> None:
    for piece in split_text(text, limit, utf8_len, isolate_ltr_runs):
        assert utf8_len(isolate_ltr_runs(piece)) <= limit


@given(title=st.text(max_size=60), limit=st.integers(2, 30))
def test_cut_always_fits(title: str, limit: int) -> None:
    assert utf16_len(cut(title, limit)) <= limit
