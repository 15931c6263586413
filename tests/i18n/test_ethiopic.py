"""Amharic and Tigrinya as people type them: Ge'ez letters that sound alike, Latin letters."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.i18n.ethiopic import Respeller, fold, latin_key, romanize
from bot.i18n.normalize import normalize
from bot.i18n.numbers import parse_number
from bot.i18n.words import Lexicon

ROOT = Path(__file__).resolve().parents[2]
SAFETY = {"danger_now": [], "not_safe": [], "safe": []}


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon(ROOT / "locales")


@pytest.mark.parametrize(
    ("one", "other"),
    [("ሐሳብ", "ሀሳብ"), ("ኀይል", "ሀይል"), ("ሠላም", "ሰላም"), ("ዐይን", "አይን"), ("ፀሐይ", "ጸሀይ"),
     ("ሃገር", "ሀገር"), ("ኣነ", "አነ"), ("ደላላዉ", "ደላላው"), ("ይቐትሉ", "ይቀትሉ")],
)  # fmt: skip
def test_letters_that_sound_alike_fold_to_one(one: str, other: str) -> None:
    assert fold(one) == fold(other)
    assert normalize(one) == normalize(other)


def test_other_scripts_are_not_folded() -> None:
    assert fold("hello سلام") == "hello سلام"


@pytest.mark.parametrize(
    ("geez", "latin"),
    [("አደጋ", "adega"), ("አይደለም", "aydelem"), ("ደህና", "dehna"), ("ነኝ", "negn"),
     ("እርዱኝ", "erdugn"), ("ቋንቋ", "qwanqwa"), ("እየ", "eye")],
)  # fmt: skip
def test_geez_is_romanized_as_people_type_it(geez: str, latin: str) -> None:
    assert romanize(geez) == latin


def test_spellings_of_one_word_share_their_consonants() -> None:
    keys = {latin_key(w)[0] for w in ("irdugn", "erdugn", "iriduny", "irrdugn")}
    assert len(keys) == 1
    assert latin_key("quanqua")[0] == latin_key("qwanqwa")[0] == latin_key("kwankwa")[0]
    assert latin_key("kwtsa")[0] == latin_key("kwxa")[0]


def test_a_latin_word_is_read_as_the_geez_word_it_spells() -> None:
    speller = Respeller(["እርዱኝ", "አይደለም", "ደህና", "ነኝ", "አይ"])
    assert speller.respell("dehna negn") == "ደህና ነኝ"
    assert speller.respell("iriduny") == "እርዱኝ"
    assert speller.respell("aydelem") == "አይደለም"
    assert speller.respell("ay") == "አይ"


def test_words_of_the_other_lists_stay_as_they_are() -> None:
    speller = Respeller(["ኖ"], known=["no"])
    assert speller.respell("no") == "no"


def test_a_word_near_two_known_words_is_left_alone() -> None:
    speller = Respeller(["ሰላም", "ሰሊም"])
    assert speller.word("selum") is None


def test_a_geez_word_one_vowel_away_from_a_short_word_is_another_word() -> None:
    # እውን (also) is not እወን (yes); a longer word may differ by one vowel (ፖሊስ, ፓሊስ).
    speller = Respeller(["እወን", "ፖሊስ"])
    assert speller.word("እውን") is None
    assert speller.word("ፓሊስ") == "ፖሊስ"


def test_a_word_with_other_consonants_is_not_a_spelling() -> None:
    speller = Respeller(["አደጋ"])
    assert speller.word("adenga") is None
    assert speller.word("a") is None


@pytest.mark.parametrize(
    ("lang", "said", "answer"),
    [
        ("am", "irdugn", "danger_now"),
        ("am", "dehna aydelehum", "not_safe"),
        ("am", "dehna negn", "safe"),
        ("am", "ሠላም ነኝ", "safe"),
        ("ti", "ayfal dehan eye", "safe"),
        ("ti", "ab hadega aleku", "danger_now"),
    ],
)
def test_latin_letters_and_variant_letters_are_understood(
    lexicon: Lexicon, lang: str, said: str, answer: str
) -> None:
    found = lexicon.understand(said, lang, SAFETY)
    assert found is not None and found.answer == answer


def test_latin_letters_reach_keywords(lexicon: Lexicon) -> None:
    assert lexicon.keyword("kemejemeriya jemir", "am") == "restart"
    assert lexicon.keyword("kab mejemerta jemir", "ti") == "restart"


def test_other_languages_are_not_respelled(lexicon: Lexicon) -> None:
    # a spelling found only by respelling ("erdugni") is read in Amharic and Tigrinya only
    assert lexicon.understand("erdugni", "am", SAFETY) is not None
    assert lexicon.understand("erdugni", "en", SAFETY) is None


def test_latin_letters_are_read_as_the_words_of_the_options_shown(lexicon: Lexicon) -> None:
    # The flow's own words for "I can't leave" (ቆልፈውብኛል) are known only with the options.
    options = {"yes": ["እችላለሁ"], "no": ["ቆልፈውብኛል"]}
    assert lexicon.understand("kolfewubgnal", "am", options).answer == "no"
    assert lexicon.understand("echlalehu", "am", options).answer == "yes"


def test_a_latin_word_of_the_list_stays_when_its_geez_spelling_is_no_phrase() -> None:
    speller = Respeller(["tsbuq", "ጽቡቕ", "ቀጽሉ"], phrases=["tsbuq", "ጽቡቕ ቀጽሉ"])
    assert speller.respell("tsbuq") == "tsbuq"
    assert speller.respell("tsbuq qetsilu") == "ጽቡቕ ቀጽሉ"


def test_english_words_stay_unless_the_list_has_them_too() -> None:
    speller = Respeller(["ፓስፖርት", "pasport", "ነው"], known=["pasport", "new"])
    assert speller.respell("pasport") == "ፓስፖርት"
    assert speller.respell("new") == "new"


@pytest.mark.parametrize(
    ("said", "lang", "value"),
    [("arba negn", "am", 40), ("selasa yahl", "am", 30), ("silsa", "am", 60),
     ("arbea ina", "ti", 40), ("esran kilten", "ti", 22), ("seleste", "ti", 3)],
)  # fmt: skip
def test_number_words_in_latin_letters(said: str, lang: str, value: int) -> None:
    assert parse_number(said, lang) == value


def test_short_and_english_words_are_no_numbers() -> None:
    assert parse_number("me and 4 others", "am") == 4
    assert parse_number("በይነይ እየ", "ti") != 20


@pytest.mark.parametrize(
    ("said", "lang"), [("who are you", "am"), ("they dont allow me", "ti"), ("who", "am")]
)
def test_english_in_an_amharic_or_tigrinya_chat_stays_english(
    lexicon: Lexicon, said: str, lang: str
) -> None:
    assert lexicon._language(lang).respeller.respell(said) == said  # noqa: SLF001


def test_a_short_word_differs_only_by_e_written_i() -> None:
    speller = Respeller(["አዎ", "እኔ"])
    assert speller.word("ine") == "እኔ"
    assert speller.word("who") is None  # not አዎ (awo)


def test_without_a_language_nothing_is_respelled(lexicon: Lexicon) -> None:
    assert lexicon.understand("erdugni", None, SAFETY) is None
