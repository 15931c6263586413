"""Lexicon: global keywords, typed answers and option numbers in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.i18n.catalog import Catalogs
from bot.i18n.words import DOUBTFUL, Lexicon, lexicon_chain
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


# -- what the Lexicon must never guess ---------------------------------------------------
# A wrong answer to "who has your passport?" or "are you in danger?" changes a case's
# priority; asking again costs one message. Each of these must give None.
NEVER_GUESS = [
    ("en", "passport", "they took it from me"),  # "me" alone is `with_me`, not in a sentence
    ("en", "passport", "I have nothing"),
    ("en", "passport", "i dont have it"),  # maybe the employer has it: not `never_had`
    ("en", "passport", "it is not with me"),
    ("fr", "passport", "ils me l'ont pris"),
    ("fr", "passport", "je l'ai pas"),  # negation after the verb
    ("fr", "passport", "moi je l'ai plus"),
    ("ar", "passport", "ما عندي"),
    ("ar", "passport", "ليس معي"),
    ("ary", "passport", "ماعنديش"),
    ("ary-Latn", "passport", "ma3ndich"),
    ("ary-Latn", "passport", "machi 3ndi"),
    ("sw", "passport", "sina"),
    ("sw", "passport", "haiko kwangu"),  # not with me, one letter from "iko kwangu"
    ("sw", "passport", "wamechukua kutoka kwangu"),
    ("so", "passport", "ma haysto"),
    ("so", "passport", "shaqo bixiyaha ma haysto"),  # the employer does NOT have it
    ("am", "passport", "እኔ ጋር አይደለም"),  # not with me
    ("am", "passport", "የለኝም"),
    ("ti", "passport", "ምሳይ የለን"),  # not with me
    ("ti", "passport", "የብለይን"),
]


@pytest.mark.parametrize(("lang", "step", "typed"), NEVER_GUESS, ids=lambda v: str(v))
def test_risky_sentences_are_asked_again(
    lexicon: Lexicon, catalogs: Catalogs, lang: str, step: str, typed: str
) -> None:
    assert lexicon.match(typed, lang, _candidates(catalogs, lang, step)) is None


@pytest.mark.parametrize(
    ("lang", "step", "typed", "want"),
    [
        ("en", "passport", "me", "with_me"),  # `alone:` words still answer on their own
        ("fr", "passport", "moi", "with_me"),
        ("sw", "passport", "mimi", "with_me"),
        ("so", "passport", "aniga", "with_me"),
        ("am", "passport", "እኔ", "with_me"),
        ("ti", "passport", "ምሳይ", "with_me"),
        ("ary-Latn", "passport", "ana", "with_me"),
        ("en", "passport", "my boss took it from me", "held_by_employer"),
        ("fr", "safety", "je ne suis pas en danger", "safe"),  # ne … pas is one negation
        ("fr", "safety", "ça va pas", "not_safe"),  # "ça va" then "pas": not safe
        ("so", "safety", "khatar ma jirto", "safe"),
        ("am", "safety", "ሰላም አይደለሁም", "not_safe"),
        ("sw", "safety", "sipo salama", "not_safe"),  # not "salama" (safe)
        ("ary-Latn", "free_to_leave", "ma 3arftch", "unsure"),  # a spelling with a negation
        ("ary-Latn", "safety", "ana machi en sécurité", "not_safe"),  # French in Darija
        ("ary-Latn", "passport", "la patronne 3andha le passeport", "held_by_employer"),
        ("ary", "passport", "lpatron 3ando lpaspor", "held_by_employer"),  # Arabizi in ary
        ("ary", "consent", "wah", "yes"),
        ("fr", "consent", "ouii", "yes"),  # a doubled last letter
        ("en", "consent", "yess", "yes"),
        ("ary-Latn", "consent", "laa", "no"),
        ("ar", "consent", "la2", "no"),
    ],
)
def test_more_typed_answers(
    lexicon: Lexicon, catalogs: Catalogs, lang: str, step: str, typed: str, want: str
) -> None:
    assert lexicon.match(typed, lang, _candidates(catalogs, lang, step)) == want


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "ary", "ary-Latn", "sw", "so", "am", "ti"])
def test_i_dont_know_is_unsure_where_both_unsure_and_skip_are_offered(
    lexicon: Lexicon, catalogs: Catalogs, lang: str
) -> None:
    candidates = _candidates(catalogs, lang, "free_to_leave")
    candidates["skip"] = [catalogs.format(lang, "option-skip")]
    dont_know = catalogs.format(lang, "free_to_leave-unsure")
    assert lexicon.match(dont_know, lang, candidates) == "unsure"
    # Where only "skip" is offered, the same words skip.
    skip_only = {"skip": [catalogs.format(lang, "option-skip")]}
    assert lexicon.match(dont_know, lang, skip_only) == "skip"


def test_whole_message_only(lexicon: Lexicon, catalogs: Catalogs) -> None:
    candidates = _candidates(catalogs, "en", "safety")
    assert lexicon.match("SOS", "en", candidates, whole=True) == "danger_now"
    assert lexicon.match("they are beating me", "en", candidates, whole=True) is None
    assert lexicon.match("they are beating me", "en", candidates) == "danger_now"
    assert lexicon.match("in dangr", "en", candidates, whole=True) is None  # no typos either


def test_darija_reads_arabizi_and_arabizi_reads_darija() -> None:
    assert lexicon_chain("ary") == ["ary", "ary-Latn", "ar", "fr", "en"]
    assert lexicon_chain("ary-Latn") == ["ary-Latn", "ary", "ar", "fr", "en"]
    assert lexicon_chain("sw") == ["sw", "en"]


def test_answers_are_the_same_on_every_call(lexicon: Lexicon, catalogs: Catalogs) -> None:
    # Tables are built once per language and per option set; the answers must not drift.
    candidates = _candidates(catalogs, "sw", "passport")
    first = [lexicon.match(t, "sw", candidates) for t in ("bosi wangu", "sina", "imepotea")]
    again = [lexicon.match(t, "sw", dict(candidates)) for t in ("bosi wangu", "sina", "imepotea")]
    assert first == again == ["held_by_employer", None, "lost"]


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "ary", "ary-Latn", "sw", "so", "am", "ti"])
def test_a_keyword_is_never_an_answer_except_help_for_danger(lexicon: Lexicon, lang: str) -> None:
    """A keyword wins over the question asked, so a word that is both would lose answers.
    The one overlap on purpose: cries for help ("SOS", "au secours") are also `danger_now`,
    which the engine takes as the answer at the safety question."""
    lists = [lexicon.wordlist(t) for t in lexicon_chain(lang)]
    answers: dict[str, set[str]] = {}
    for w in lists:
        for section in (w.answers, w.alone):
            for answer, phrases in section.items():
                for phrase in phrases:
                    answers.setdefault(phrase, set()).add(answer)
    overlaps = {
        (kw, answer)
        for w in lists
        for kw, phrases in w.keywords.items()
        for phrase in phrases
        for answer in answers.get(phrase, ())
    }
    assert overlaps <= {("help", "danger_now")}


@pytest.mark.parametrize(
    ("typed", "lang"),
    [("baraka", "sw"), ("sali", "sw"), ("mwanzo", "fr"), ("fin", "ary-Latn"), ("bilow", "sw")],
)
def test_stop_and_restart_words_of_other_languages_do_not_count(
    lexicon: Lexicon, typed: str, lang: str
) -> None:
    # "baraka" is Darija for "enough" but Swahili for "blessings": it must not end a Swahili
    # chat silently. Help, language and erase (which asks first) still work across languages.
    assert lexicon.keyword(typed, lang) is None


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "ary", "ary-Latn", "sw", "so", "am", "ti"])
def test_no_answer_word_reads_as_an_option_number(lexicon: Lexicon, lang: str) -> None:
    # Option numbers are tried before words: "2" or "the second one" must never swallow an
    # answer such as Somali "hal" or Darija "wa7ed" written as a word list entry.
    for tag in lexicon_chain(lang):
        w = lexicon.wordlist(tag)
        for section in (w.answers, w.alone):
            for answer, phrases in section.items():
                for phrase in phrases:
                    assert lexicon.ordinal(phrase, lang, 5) is None, (tag, answer, phrase)


@pytest.mark.parametrize(
    ("lang", "typed"),
    [
        ("en", "I am not in danger"),
        ("fr", "je suis pas en danger"),
        ("ar", "لا خطر"),
        ("ary", "ماكاينش خطر"),
        ("ary-Latn", "ana machi f khatar"),
        ("sw", "siko hatarini"),
        ("so", "khatar kuma jiro"),
        ("am", "አደጋ ላይ አይደለሁም"),
        ("ti", "ኣብ ሓደጋ የለኹን"),
    ],
)
def test_not_in_danger_is_never_danger_now(
    lexicon: Lexicon, catalogs: Catalogs, lang: str, typed: str
) -> None:
    # The word for danger is inside; the negation (before or after it) must win.
    assert lexicon.match(typed, lang, _candidates(catalogs, lang, "safety")) == "safe"


def test_a_keyword_asked_again_is_answered_for_its_own_language(lexicon: Lexicon) -> None:
    # Answers are remembered per message and language: "baraka" is "enough" in Darija only.
    for _ in range(2):
        assert lexicon.keyword("baraka", "ary") == "stop"
        assert lexicon.keyword("Baraka", "sw") is None
        assert lexicon.keyword("msaada", "fr") == "help"


YES_NO: dict[str, list[str]] = {"yes": [], "no": []}


@pytest.mark.parametrize(("lang", "typed"), [("ary", "ماشي بخير"), ("ary-Latn", "machi bikhir")])
def test_a_negation_word_that_flips_well_is_not_a_no(
    lexicon: Lexicon, lang: str, typed: str
) -> None:
    # At "are you in danger?", "no" means safe: "not well" must never be read as "no"
    # (at most a doubtful guess, which the bot asks back).
    found = lexicon.understand(typed, lang, YES_NO)
    assert found is None or found.score <= DOUBTFUL


def test_a_negation_word_before_another_answer_is_still_a_no(lexicon: Lexicon) -> None:
    assert lexicon.match("ماشي موافق", "ary", YES_NO) == "no"  # not agreed


def test_a_language_keeps_its_own_meaning_of_a_word_its_fallback_reads_otherwise(
    lexicon: Lexicon,
) -> None:
    # "ماشي" is "ok" in Arabic and "no" in Darija, whose lists fall back on Arabic's.
    assert lexicon.match("ماشي", "ar", YES_NO) == "yes"
    assert lexicon.match("ماشي", "ary", YES_NO) == "no"


def test_talk_with_an_answer_word_in_the_middle_is_asked_back(lexicon: Lexicon) -> None:
    # Tigrinya "ምስ ኤጀንሲ ክዛረብ" (I want to talk with the agency), like "talk to agent".
    found = lexicon.understand("ምስ ኤጀንሲ ክዛረብ", "ti", {"held_by_agent": [], "with_me": []})
    assert found is not None and found.answer == "held_by_agent" and found.score < 0.9


def test_words_that_say_nothing_do_not_make_an_answer_doubtful(lexicon: Lexicon) -> None:
    found = lexicon.understand("oui je peux sortir quand je veux", "fr", YES_NO)
    assert found is not None and found.answer == "yes" and found.score >= 0.9


def test_an_arabizi_spelling_beside_words_that_say_nothing_is_sure(lexicon: Lexicon) -> None:
    # "lmadame" is spelt "lmadam" in the list; "3ndha" (she has it) says nothing more.
    candidates: dict[str, list[str]] = {"held_by_employer": [], "with_me": []}
    found = lexicon.understand("lmadame 3ndha", "ary-Latn", candidates)
    assert found is not None and found.answer == "held_by_employer" and found.score >= 0.9


@pytest.mark.parametrize(
    ("lang", "said", "found"),
    [
        ("en", "we are 5 with children", "children"),
        ("en", "3, no children", None),
        ("en", "we are 4 without children", None),
        ("fr", "nous sommes 3, pas d'enfants", None),
        ("sw", "tuko 4 hakuna watoto", None),
        ("ar", "نحن ٣ بدون أطفال", None),
    ],
)
def test_no_children_is_not_children(lexicon: Lexicon, lang: str, said: str, found: str | None):
    # The people question notes children mentioned in passing (flows/distress.yaml `also`).
    words = {"en": ["children"], "fr": ["enfants"], "sw": ["watoto"], "ar": ["أطفال"]}
    assert lexicon.match(said, lang, {"children": words[lang]}) == found
