"""Counting people in a reply: the person herself, groups added up, about-amounts, children."""

from __future__ import annotations

import pytest

from bot.i18n.counting import read_count


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("me and 4 others", "en", 5), ("me and my sister", "en", 2),
        ("me and two friends", "en", 3), ("5 women and 2 children", "en", 7),
        ("5 women and 5 children", "en", 10), ("5 + 2", "en", 7), ("about twenty", "en", 20),
        ("we are 16", "en", 16), ("4 of us", "en", 4), ("alone", "en", 1),
        ("10 or 15", "en", 15), ("between 10 and 15", "en", 15),
        ("twenty and five", "en", 25), ("une vingtaine", "fr", 20),
        ("moi et 4 autres", "fr", 5), ("3 femmes et 2 enfants", "fr", 5),
        ("7awali 3ichrin", "ary-Latn", 20), ("ana w 3 bnat", "ary-Latn", 4),
        ("ana w khti", "ary-Latn", 2), ("أنا و 4 بنات", "ar", 5), ("عشرين و خمسة", "ar", 25),
        ("ishirini na tano", "sw", 25), ("mimi na wengine 4", "sw", 5),
        ("labaatan iyo shan", "so", 25), ("ሃያ አምስት", "am", 25), ("፳፭", "am", 25),
        ("ዕስራን ሓሙሽተን", "ti", 25), ("٢٥", "ar", 25), ("۲۵", "ar", 25),
        # "and" stuck to a digit, or written after each word (Tigrinya -ን, Amharic -ና)
        ("أنا و٣ بنات", "ar", 4), ("ኣነን ሓብተይን", "ti", 2), ("ኣነን 4 ካልኦትን", "ti", 5),
        ("እኔና እህቴ", "am", 2),
        # Darija names what it counts after the number; units come before the tens
        ("عشرين واحد", "ary", 20), ("واحد وعشرين", "ary", 21), ("3chrin wa7ed", "ary-Latn", 20),
        # the Arabic dual is two people
        ("خمس نساء وطفلين", "ar", 7), ("احدعش", "ar", 11), ("انا بس", "ar", 1),
    ],
)  # fmt: skip
def test_counts(text: str, lang: str, value: int) -> None:
    found = read_count(text, lang)
    assert found is not None and found.value == value


def test_children_are_noticed() -> None:
    assert read_count("5 women and 2 children", "en").children  # type: ignore[union-attr]
    assert read_count("watoto 3 na wanawake 2", "sw").children  # type: ignore[union-attr]
    assert not read_count("we are 16", "en").children  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "hello", "i dont know"])
def test_no_count(text: str) -> None:
    assert read_count(text, "en") is None


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("10 men 4 women", "en", 14),
        ("5 hommes 3 femmes et 2 enfants", "fr", 10),
        ("wanaume 5 wanawake 3 na watoto 2", "sw", 10),
        ("5 ሰብኡት 3 ኣንስቲ 2 ቆልዑ", "ti", 10),
        ("me, my husband and our 3 kids", "en", 5),
        ("me with my 2 children", "en", 3),
        ("moi avec mes 2 enfants", "fr", 3),
        ("ana w rajli w wladi jouj", "ary-Latn", 4),
        ("انا وزوجي وولادنا التلاتة", "ar", 5),
        ("ሶስት ሴቶች እኔን ጨምሮ", "am", 3),
        ("myself only", "en", 1),
        ("mimi pekee", "sw", 1),
    ],
)
def test_groups_relatives_and_the_person_herself(text: str, lang: str, value: int) -> None:
    found = read_count(text, lang)
    assert found is not None and found.value == value


def test_a_number_beside_a_total_is_not_added_to_it() -> None:
    # "we are 5, 2 children": five in all, maybe; never seven.
    found = read_count("we are 5, 2 children", "en")
    assert found is None or found.value != 7


def test_a_total_then_its_children_is_the_total() -> None:
    found = read_count("tuko 5, watoto wawili", "sw")
    assert found is not None and found.value == 5 and found.children


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("arba negn", "am", 40), ("anen arkeyn", "ti", 2), ("anen kilte kalotn", "ti", 3),
     ("esran kilten", "ti", 22)],
)  # fmt: skip
def test_amharic_and_tigrinya_counts_in_latin_letters(text: str, lang: str, value: int) -> None:
    found = read_count(text, lang)
    assert found is not None and found.value == value
