"""parse_number() reads one count in any script or in words, and refuses to guess."""

from __future__ import annotations

import pytest

from bot.i18n.numbers import ethiopic_value, parse_number


@pytest.mark.parametrize(
    ("typed", "lang"),
    [
        ("16", None),
        ("we are 16", "en"),
        ("nous sommes 16", "fr"),
        ("16 personnes", "fr"),
        ("١٦", "ar"),
        ("نحن ١٦ شخص", "ar"),
        ("۱۶", None),
        ("፲፮", "am"),
        ("sixteen", "en"),
        ("we are sixteen women", "en"),
        ("seize", "fr"),
        ("ستة عشر", "ar"),
        ("سطاش", "ary"),
        ("sta3ch", "ary-Latn"),
        ("stta3ch", None),
        ("kumi na sita", "sw"),
        ("tuko kumi na sita", "sw"),
        ("lix iyo toban", "so"),
        ("waxaan nahay lix iyo toban", "so"),
        ("አስራ ስድስት", "am"),
        ("ዓሰርተ ሽዱሽተ", "ti"),
    ],
)
def test_sixteen_in_every_language_and_script(typed: str, lang: str | None) -> None:
    assert parse_number(typed, lang) == 16


@pytest.mark.parametrize(
    ("typed", "lang", "value"),
    [
        ("twenty-five", "en", 25),
        ("one hundred and five", "en", 105),
        ("a hundred", "en", 100),
        ("vingt et un", "fr", 21),
        ("soixante-dix", "fr", 70),
        ("quatre-vingt-seize", "fr", 96),
        ("deux cents", "fr", 200),
        ("خمسة وعشرون", "ar", 25),
        ("مئة", "ar", 100),
        ("جوج", "ary", 2),
        ("khamsa w 3chrin", "ary-Latn", 25),
        ("tlata", "ary-Latn", 3),
        ("mia mbili na hamsini", "sw", 250),
        ("watano", "sw", 5),
        ("laba boqol", "so", 200),
        ("labaatan iyo shan", "so", 25),
        ("ሃያ አምስት", "am", 25),
        ("መቶ", "am", 100),
        ("ዕስራን ሓሙሽተን", "ti", 25),
        ("ሚእቲ", "ti", 100),
        ("1,000", None, 1000),
        ("31", "ary-Latn", 31),
    ],
)
def test_number_words(typed: str, lang: str | None, value: int) -> None:
    assert parse_number(typed, lang) == value


def test_words_are_read_without_a_language() -> None:
    assert parse_number("twenty five") == 25
    assert parse_number("kumi na sita") == 16


@pytest.mark.parametrize(
    ("run", "value"),
    [("፩", 1), ("፲", 10), ("፲፮", 16), ("፳፭", 25), ("፻", 100), ("፪፻፴", 230), ("፲፻", 1000)],
)
def test_ethiopic_numerals(run: str, value: int) -> None:
    assert ethiopic_value(run) == value


@pytest.mark.parametrize(
    "typed",
    [
        "hello",
        "3afak",  # an Arabizi word, not a number
        "we are 3 women and 2 children",  # two numbers: ask again
        "2nd",
        "",
    ],
)
def test_no_number_or_too_many(typed: str) -> None:
    assert parse_number(typed, "en" if typed.isascii() else None) is None


def test_digits_win_over_words() -> None:
    assert parse_number("16, sixteen", "en") == 16


@pytest.mark.parametrize(
    ("typed", "lang"),
    [
        ("alone", "en"),
        ("I am alone", "en"),
        ("je suis seule", "fr"),
        ("وحدي", "ar"),
        ("ana bo7di", "ary-Latn"),
        ("peke yangu", "sw"),
        ("keligay", "so"),
        ("ብቻዬን ነኝ", "am"),
        ("በይነይ", "ti"),
    ],
)
def test_alone_is_one(typed: str, lang: str) -> None:
    # The question says "write 1 if you are alone"; many write "alone" instead.
    assert parse_number(typed, lang) == 1


@pytest.mark.parametrize(
    ("typed", "value"), [("not alone", None), ("je ne suis pas seule", None), ("5, not alone", 5)]
)
def test_not_alone_is_not_one(typed: str, value: int | None) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("فوق العشرين", "ar", 20), ("fo9 l3chrin", "ary-Latn", 20), ("ከሰላሳ በላይ", "am", 30),
     ("قريب لمية", "ary", 100)],
)  # fmt: skip
def test_an_article_or_preposition_on_a_number_word(text: str, lang: str, value: int) -> None:
    assert parse_number(text, lang) == value
