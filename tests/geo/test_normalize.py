from __future__ import annotations

import pytest

from bot.geo.normalize import has_other_script, key, script_of, tokens


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Şabrātah", "sabratah"),
        ("Ra's Lanuf", "ras lanuf"),
        ("Sidi-Bel-Abbès", "sidi bel abbes"),
        ("ĦAL FAR", "hal far"),
        ("  TRIPOLI!! ", "tripoli"),
    ],
)
def test_latin_names_lose_case_accents_and_punctuation(typed: str, expected: str) -> None:
    assert key(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("طَرَابُلُس", "طرابلس"),  # harakat
        ("طرابـــلس", "طرابلس"),  # tatweel
        ("أغاديس", "اغاديس"),  # hamza on alef
        ("إدلب", "ادلب"),
        ("طنجة", "طنجه"),  # ta marbuta
        ("بنى وليد", "بني وليد"),  # alef maqsura
        ("ﻃﻨﺠﺔ", "طنجه"),  # presentation forms
    ],
)
def test_arabic_spelling_variants_share_a_key(typed: str, expected: str) -> None:
    assert key(typed) == expected


def test_geez_letters_that_sound_alike_are_folded() -> None:
    # ሐ and ሀ, ሠ and ሰ, ዐ and አ, ፀ and ጸ are written interchangeably in Amharic.
    assert key("ሐረር") == key("ሀረር")
    assert key("ሠላም") == key("ሰላም")
    assert key("ዐዲስ") == key("አዲስ")
    assert key("ፀሐይ") == key("ጸሀይ")
    assert key("ትሪፖሊ") == "ትሪፖሊ"


def test_tokens_split_a_sentence_into_words() -> None:
    assert tokens("I am in Tripoli, near the port!") == [
        "i",
        "am",
        "in",
        "tripoli",
        "near",
        "the",
        "port",
    ]
    assert tokens("ana f tanja") == ["ana", "f", "tanja"]
    assert tokens("አሁን ትሪፖሊ ነኝ።") == ["አሁን", "ትሪፖሊ", "ነኝ"]


def test_script_detection() -> None:
    assert script_of("Oujda") == "latin"
    assert script_of("وجدة") == "arabic"
    assert script_of("ትሪፖሊ") == "ethiopic"
    assert script_of("Триполи") == "other"
    assert script_of("123") == "other"
    assert has_other_script("Триполи")
    assert has_other_script("的黎波里")
    assert not has_other_script("Tripoli طرابلس ትሪፖሊ")
