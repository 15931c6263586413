"""Lexicon: global keywords, typed answers and option numbers in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.i18n.catalog import Catalogs
from bot.i18n.words import Lexicon
from tests.i18n.conftest import DATA

ANSWERS = yaml.safe_load((DATA / "answers.yaml").read_text(encoding="utf-8"))
ANSWER_CASES = [
    pytest.param(lang, step, typed, want, id=f"{lang}:{typed}")
    for lang, rows in ANSWERS["cases"].items()
    for step, typed, want in rows
]


def _candidates(catalogs: Catalogs, lang: str, step: str) -> dict[str, list[str]]:
    """What the engine passes: each option's label in the person's language and in English."""
    prefix = "safety" if step == "sea" else step
    return {
        answer: [
            catalogs.format(lang, f"{prefix}-{answer}"),
            catalogs.format("en", f"{prefix}-{answer}"),
        ]
        for answer in ANSWERS["steps"][step]
    }


@pytest.mark.parametrize(("lang", "step", "typed", "want"), ANSWER_CASES)
def test_typed_answers(
    lexicon: Lexicon, catalogs: Catalogs, lang: str, step: str, typed: str, want: str | None
) -> None:
    assert lexicon.match(typed, lang, _candidates(catalogs, lang, step)) == want


@pytest.mark.parametrize(
    ("typed", "lang", "keyword"),
    [
        ("help", "en", "help"),
        ("HELP!!", None, "help"),
        ("help me please", "en", "help"),
        ("aidez-moi", "fr", "help"),
        ("aidez moi svp", None, "help"),
        ("aider moi", "fr", "help"),
        ("3awnouni", "ary-Latn", "help"),
        ("3awnoni 3afak", "ary-Latn", "help"),
        ("عاونوني", "ary", "help"),
        ("مساعدة", "ar", "help"),
        ("msaada", "sw", "help"),
        ("msaada", "fr", "help"),  # another language's word still works
        ("caawimo", "so", "help"),
        ("እርዳታ", "am", "help"),
        ("ሓገዝ", "ti", "help"),
        ("ERASE", None, "erase"),
        ("supprimer", "fr", "erase"),
        ("futa", "sw", "erase"),
        ("tirtir", "so", "erase"),
        ("ms7 kolchi", "ary-Latn", "erase"),
        ("امسح", "ar", "erase"),
        ("ሰርዝ", "am", "erase"),
        ("Stop", "en", "stop"),
        ("jooji", "so", "stop"),
        ("restart", None, "restart"),
        ("recommencer", "fr", "restart"),
        ("anza upya", "sw", "restart"),
        ("language", "fr", "language"),
        ("langue", "fr", "language"),
        ("lugha", "sw", "language"),
        ("ቋንቋ", "ti", "language"),
        ("لغة", "ary", "language"),
    ],
)
def test_keywords_in_every_language(
    lexicon: Lexicon, typed: str, lang: str | None, keyword: str
) -> None:
    assert lexicon.keyword(typed, lang) == keyword


@pytest.mark.parametrize(
    "typed",
    [
        "can you help my sister",
        "they deleted my photos",
        "lugha yangu ni kiswahili",
        "stopped",  # stop ends the chat silently: exact words only
        "yes",
        "la",
        "tripoli",
        "16",
        "lpatron 3ando l passport dyali",
        "salam",
        "ሰላም",
    ],
)
def test_ordinary_answers_are_not_keywords(lexicon: Lexicon, typed: str) -> None:
    for lang in [None, *lexicon.languages]:
        assert lexicon.keyword(typed, lang) is None, lang


@pytest.mark.parametrize(
    ("typed", "lang", "position"),
    [
        ("2", None, 2),
        ("٢", "ar", 2),
        ("۲", None, 2),
        ("፪", "am", 2),
        ("option 2", "en", 2),
        ("two", "en", 2),
        ("the second one", "en", 2),
        ("2nd", "en", 2),
        ("la deuxième", "fr", 2),
        ("2e", "fr", 2),
        ("التاني", "ary", 2),
        ("الثانية", "ar", 2),
        ("tani", "ary-Latn", 2),
        ("ya pili", "sw", 2),
        ("labaad", "so", 2),
        ("ሁለተኛው", "am", 2),
        ("ካልኣይ", "ti", 2),
        ("third", "en", 3),
    ],
)
def test_option_numbers(lexicon: Lexicon, typed: str, lang: str | None, position: int) -> None:
    assert lexicon.ordinal(typed, lang, 3) == position


@pytest.mark.parametrize(
    "typed",
    ["4", "the fourth", "we are 16", "no one", "first my boss took it", "hello", "0"],
)
def test_not_an_option_number(lexicon: Lexicon, typed: str) -> None:
    assert lexicon.ordinal(typed, "en", 3) is None


@pytest.mark.parametrize(
    ("typed", "want"),
    [("👍", "yes"), ("👍🏽", "yes"), ("👍👍", "yes"), ("👎", "no"), ("👍👎", None)],
)
def test_thumbs_for_yes_and_no(lexicon: Lexicon, typed: str, want: str | None) -> None:
    assert lexicon.match(typed, "sw", {"yes": ["Ndiyo"], "no": ["Hapana"]}) == want


def test_thumbs_only_where_yes_is_an_option(lexicon: Lexicon) -> None:
    assert lexicon.match("👍", "en", {"safe": ["Safe for now"], "not_safe": ["Not safe"]}) is None


def test_flow_labels_and_ids_count_as_words(lexicon: Lexicon) -> None:
    candidates = {"boat_engine": ["Engine broken"], "boat_leak": ["Water inside"]}
    assert lexicon.match("engine broken", "en", candidates) == "boat_engine"
    assert lexicon.match("boat leak", "en", candidates) == "boat_leak"


def test_an_ngo_adds_words_without_python(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "words.yaml").write_text(
        "keywords: {help: [help], restart: [restart], language: [language], stop: [stop],"
        " erase: [erase]}\nanswers:\n  held_by_employer: [mama sarah]\n",
        encoding="utf-8",
    )
    lexicon = Lexicon(tmp_path)
    candidates = {"held_by_employer": [], "with_me": []}
    assert lexicon.match("Mama Sarah has it", "en", candidates) == "held_by_employer"


# The words each catalog tells people to type: (language, erase, help, skip).
TOLD_TO_TYPE = {
    "en": ("language", "ERASE", "HELP", "skip"),
    "fr": ("langue", "SUPPRIMER", "AIDE", "passer"),
    "ar": ("لغة", "امسح", "مساعدة", "تخطي"),
    "ary": ("لغة", "مسح", "عاونوني", "فوت"),
    "ary-Latn": ("lougha", "MS7", "3AWNOUNI", "fout"),
    "sw": ("lugha", "FUTA", "MSAADA", "ruka"),
    "so": ("luuqad", "TIRTIR", "CAAWIMO", "ka gudub"),
    "am": ("ቋንቋ", "ሰርዝ", "እርዳታ", "እለፍ"),
    "ti": ("ቋንቋ", "ደምስስ", "ሓገዝ", "ሕለፍ"),
}


@pytest.mark.parametrize(("lang", "words"), TOLD_TO_TYPE.items())
def test_the_words_we_tell_people_to_type_work(
    lexicon: Lexicon, catalogs: Catalogs, lang: str, words: tuple[str, str, str, str]
) -> None:
    language, erase, help_, skip = words
    args = {"org": "Sauti", "days": 30, "case": "S-1"}
    assert language in catalogs.format(lang, "language-prompt")
    assert erase in catalogs.format(lang, "consent-prompt", **args)
    assert help_ in catalogs.format(lang, "done-prompt", **args)
    assert skip in catalogs.format(lang, "agency-prompt")
    assert lexicon.keyword(language, lang) == "language"
    assert lexicon.keyword(erase, lang) == "erase"
    assert lexicon.keyword(help_, lang) == "help"
    assert lexicon.match(skip, lang, {"skip": [catalogs.format(lang, "option-skip")]}) == "skip"
