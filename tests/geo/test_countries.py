from __future__ import annotations

import pytest

from bot.geo.countries import country_name, find_country, is_country_name


@pytest.mark.parametrize(
    ("lang", "libya", "morocco"),
    [
        ("en", "Libya", "Morocco"),
        ("fr", "Libye", "Maroc"),
        ("ar", "ليبيا", "المغرب"),
        ("sw", "Libya", "Morocco"),
        ("am", "ሊቢያ", "ሞሮኮ"),
        ("ti", "ሊብያ", "ሞሮኮ"),
        ("so", "Liibya", "Morooko"),
    ],
)
def test_country_names_in_the_persons_language(lang: str, libya: str, morocco: str) -> None:
    assert country_name("LY", lang) == libya
    assert country_name("MA", lang) == morocco


def test_darija_falls_back_by_script() -> None:
    assert country_name("LY", "ary") == "ليبيا"  # Arabic letters: Arabic names
    assert country_name("LY", "ary-Latn") == "Libye"  # Arabizi: French names
    assert country_name("LY", "ary_Latn") == "Libye"


def test_unknown_language_falls_back_to_english() -> None:
    assert country_name("LY", "xx") == "Libya"
    assert country_name("ER", "") == "Eritrea"


def test_codes_are_case_insensitive_and_unknown_codes_come_back() -> None:
    assert country_name("ly", "en") == "Libya"
    assert country_name("sea", "en") == "sea"
    assert country_name("Q9", "en") == "Q9"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Libya", "LY"),
        ("I am in Libya", "LY"),
        ("je suis au Maroc", "MA"),
        ("انا في ليبيا", "LY"),
        ("niko Saudi Arabia", "SA"),
        ("ኢትዮጵያ", "ET"),
        ("Tripoli", None),
        ("", None),
    ],
)
def test_find_country_in_text(text: str, code: str | None) -> None:
    assert find_country(text) == code


def test_is_country_name_needs_the_whole_text() -> None:
    assert is_country_name("Lebanon")
    assert is_country_name("لبنان")
    assert not is_country_name("I am in Lebanon")
