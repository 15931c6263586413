"""Agency names compared across spellings, typos and scripts."""

from __future__ import annotations

import pytest

from bot.groups.agency import parse, same_agency, similarity

AL_AMAL = [
    "Al Amal Recruitment",
    "alamal recruitment",
    "الأمل للتوظيف",
    "Al-Amaal Recruitmnet Agncy",  # typos, in the name and in the generic words
    "El Amal office",
    "مكتب الأمل",
]


@pytest.mark.parametrize("spelling", AL_AMAL[1:])
def test_spellings_and_scripts_of_one_agency_match(spelling: str) -> None:
    a, b = parse(AL_AMAL[0]), parse(spelling)
    assert a is not None and b is not None
    assert same_agency(a, b), (spelling, similarity(a, b))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Al Amal Recruitment", "Al Amin Agency"),
        ("الأمل للتوظيف", "الأمين"),
        ("Al Amal Recruitment", "Golden Star Agency"),
        ("Golden Star Agency", "Silver Moon Agency"),
    ],
)
def test_different_agencies_do_not_match(one: str, other: str) -> None:
    a, b = parse(one), parse(other)
    assert a is not None and b is not None
    assert not same_agency(a, b), similarity(a, b)


def test_arabic_without_vowels_matches_latin_through_consonants() -> None:
    a, b = parse("Al Noor agency"), parse("النور للاستقدام")
    assert a is not None and b is not None
    assert a.script == "latin" and b.script == "arabic"
    assert same_agency(a, b)


def test_generic_words_are_not_a_name() -> None:
    assert parse("the agency") is None
    assert parse("مكتب التوظيف") is None
    assert parse("Recruitment Office Ltd") is None


@pytest.mark.parametrize("text", ["I don't know", "sijui", "idk", "", "  ", None, "لا اعرف"])
def test_not_knowing_is_not_an_agency(text: str | None) -> None:
    assert parse(text) is None


def test_generic_words_are_stripped_so_only_the_name_counts() -> None:
    a = parse("Golden Star Travel Agency Ltd")
    assert a is not None and a.key == "goldenstar"
    assert a.raw == "Golden Star Travel Agency Ltd"
