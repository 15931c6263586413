"""Rules that hold in every language (round 3): a negated answer means its opposite, Darija's
wrapped negation, keyword sentences with more groups, polite words that are answers too, a
language named as a wish, worn teens and things that are not people when counting."""

from __future__ import annotations

import pytest

from bot.i18n.counting import read_count
from bot.i18n.darija import split_negations
from bot.i18n.numbers import parse_number
from bot.i18n.words import DOUBTFUL, Lexicon

SAFETY = {"danger_now": [], "not_safe": [], "safe": []}
CONSENT = {"yes": [], "no": []}
PASSPORT = {
    a: []
    for a in ("with_me", "held_by_employer", "held_by_agent", "held_by_authorities", "lost",
              "never_had")
}  # fmt: skip
SURE = 0.75


@pytest.mark.parametrize(
    ("text", "lang", "options", "answer"),
    [("i do not accept", "en", CONSENT, "no"), ("مو امان هون", "ar", SAFETY, "not_safe"),
     ("ماشي امان هنا", "ary", SAFETY, "not_safe"), ("makan9belch", "ary-Latn", CONSENT, "no"),
     ("mam2aminach hna", "ary-Latn", SAFETY, "not_safe"),
     ("ውሕስቲ ኣይኮንኩን", "ti", SAFETY, "not_safe")],
)  # fmt: skip
def test_a_negated_answer_means_its_opposite(
    lexicon: Lexicon, text: str, lang: str, options: dict, answer: str
) -> None:
    found = lexicon.understand(text, lang, options)
    assert found is not None and found.answer == answer and found.score >= SURE


def test_a_negated_answer_is_never_flipped_where_its_opposite_is_not_shown(
    lexicon: Lexicon,
) -> None:
    # "not with me" at the passport question says who does not have it, not who does.
    found = lexicon.understand("not with me", "en", PASSPORT)
    assert found is None or found.answer != "with_me"


def test_a_negated_answer_said_plainly_too_is_not_flipped(lexicon: Lexicon) -> None:
    found = lexicon.understand("i am not ok, i accept", "en", CONSENT)
    assert found is None or found.answer != "no"


@pytest.mark.parametrize(
    ("said", "split"),
    [("makan9belch", "ma kan9bel"), ("ma3labalich", "ma 3labali"),
     ("ماكنقبلش", "ما كنقبل")],
)  # fmt: skip
def test_darija_wrapped_negation_is_taken_apart(said: str, split: str) -> None:
    assert split_negations(said, lambda _: False) == split


def test_a_fused_negation_is_taken_apart_only_before_a_known_word() -> None:
    # "makla" (food) and "matar" (airport) are words, not "ma" + something.
    assert split_negations("makla", lambda _: False) == "makla"
    assert split_negations("mamsmou7", lambda w: w == "msmou7") == "ma msmou7"


def test_a_known_word_is_never_taken_apart() -> None:
    assert split_negations("mabghitch", lambda w: w == "mabghitch") == "mabghitch"


@pytest.mark.parametrize(
    ("text", "lang", "keyword"),
    [("dont message me again", "en", "stop"), ("ne m ecrivez plus", "fr", "stop"),
     ("لا تبعتولي بعد", "ar", "stop"), ("safi matsifet lia walo", "ary-Latn", "stop"),
     ("usinitumie ujumbe tena", "sw", "stop"), ("ha ii soo dirin mar dambe", "so", "stop"),
     ("ከዚህ በኋላ አትላኩልኝ", "am", "stop"), ("je veux l'anglais", "fr", "language"),
     ("can i write in sinhala", "en", "language"), ("bghit nhdar m3a chi 7ed", "ary-Latn", "help")],
)  # fmt: skip
def test_keyword_sentences(lexicon: Lexicon, text: str, lang: str, keyword: str) -> None:
    assert lexicon.keyword(text, lang) == keyword


@pytest.mark.parametrize(
    ("text", "lang"),
    [("yes you can start", "en"),  # one word is not two groups: "start" is not "start over"
     ("dont contact my boss", "en"),  # not "me": about someone else
     ("english", "en")],  # a bare name is not a wish
)  # fmt: skip
def test_not_keyword_sentences(lexicon: Lexicon, text: str, lang: str) -> None:
    assert lexicon.keyword(text, lang) is None


def test_a_polite_word_that_is_an_answer_gives_way(lexicon: Lexicon) -> None:
    # "sir" alone is the employer; beside "with me" it is politeness.
    found = lexicon.understand("passport with me sir", "en", PASSPORT)
    assert found is not None and found.answer == "with_me"
    found = lexicon.understand("sir", "en", PASSPORT)
    assert found is not None and found.answer == "held_by_employer"


def test_a_typo_never_drops_a_negation(lexicon: Lexicon) -> None:
    # "niko tayari" (I am ready) is not "siko tayari" (I am not).
    found = lexicon.understand("niko tayari", "sw", CONSENT)
    assert found is None or found.answer != "no"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("little bit danger", "en"), ("pas trop en sécurité", "fr")],
)  # fmt: skip
def test_a_little_danger_is_never_recorded_as_danger_now(
    lexicon: Lexicon, text: str, lang: str
) -> None:
    found = lexicon.understand(text, lang, SAFETY)
    assert found is not None and found.answer == "not_safe"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("قفلو علينا الباب وراحو", "ar"), ("m9fla 3liya f lbit", "ary-Latn"),
     ("bgha yghtasbni", "ary-Latn"), ("il a essayé de me violer", "fr"),
     ("on nous donne pas à manger", "fr"), ("sijala siku tatu hawanipi chakula", "sw"),
     ("cunto nama siiyaan", "so"), ("ሶስት ቀን ምግብ አልሰጡኝም", "am"), ("ክቐትለኪ እየ ኢሉኒ", "ti")],
)  # fmt: skip
def test_locking_hunger_rape_and_threats_are_danger(lexicon: Lexicon, text: str, lang: str) -> None:
    found = lexicon.understand(text, lang, SAFETY)
    assert found is not None and found.answer == "danger_now" and found.score > DOUBTFUL


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("خمسطعش", "ar", 15), ("اتناش", "ary", 12), ("تلطاش", "ary", 13), ("sbatach", "ary-Latn", 17),
     ("tlettach", "ary-Latn", 13), ("احدى عشر", "ar", 11), ("تنين و عشرين", "ary", 22),
     ("wahda", "ary-Latn", 1)],
)  # fmt: skip
def test_worn_and_compound_numbers(text: str, lang: str, value: int) -> None:
    assert parse_number(text, lang) == value


def test_a_word_ending_like_a_teen_is_not_one() -> None:
    assert parse_number("باش", "ary") is None
    assert parse_number("bach", "ary-Latn") is None


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("one room 8 people", "en", 8), ("nous sommes 8 dont 2 enfants", "fr", 8),
     ("moi seulement", "fr", 1), ("ana w juj sa7bati", "ary-Latn", 3),
     ("ኣነን ሰብኣየይን ክልተ ደቅናን", "ti", 4)],
)  # fmt: skip
def test_counting(text: str, lang: str, value: int) -> None:
    found = read_count(text, lang)
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    ("text", "answer"),
    [("kolchi mezyan", "safe"),  # a spelling of "kolchi mzyan", not a typo: sure
     ("ana bikhir lhamdoulilah", "safe"),  # thanks to God in any spelling says nothing
     ("ma mertah ch", "not_safe")],  # "h" for ح, and the "ch" written apart
)  # fmt: skip
def test_arabizi_spellings_vary(lexicon: Lexicon, text: str, answer: str) -> None:
    found = lexicon.understand(text, "ary-Latn", SAFETY)
    assert found is not None and found.answer == answer and found.score >= SURE


def test_a_stem_may_be_a_word_s_ending(lexicon: Lexicon) -> None:
    # Swahili puts who is beaten before the verb: "ananichapa", "wananipiga" ("*nichapa").
    found = lexicon.understand("mama ananichapa", "sw", SAFETY)
    assert found is not None and found.answer == "danger_now" and found.score >= SURE


def test_a_negation_opened_apart_is_closed_on_the_next_word() -> None:
    assert split_negations("ma kan9derch", lambda _: False) == "ma kan9der"
    assert split_negations("ما كنعطاوش", lambda _: False) == "ما كنعطاو"
    assert split_negations("ma n9derch", lambda w: w == "n9derch") == "ma n9derch"


def test_a_count_is_never_a_typo_of_a_keyword(lexicon: Lexicon) -> None:
    # "3 person" at "how many are you?" is not "a person" (help); "ms7i kolchi" still erases.
    assert lexicon.keyword("3 person", "en") is None
    assert lexicon.keyword("ms7i kolchi", "ary-Latn") == "erase"


@pytest.mark.parametrize(
    ("text", "lang", "answer"),
    [("yes please i need help my sponsor not paying 8 months", "en", "yes"),
     ("ndiyo naomba msaada", "sw", "yes")],
)  # fmt: skip
def test_a_yes_that_opens_a_plea_answers(
    lexicon: Lexicon, text: str, lang: str, answer: str
) -> None:
    found = lexicon.understand(text, lang, CONSENT)
    assert found is not None and found.answer == answer and found.score >= SURE


def test_a_yes_followed_by_a_negation_is_not_sure(lexicon: Lexicon) -> None:
    found = lexicon.understand("yes not now i need help", "en", CONSENT)
    assert found is None or found.answer != "yes" or found.score < SURE


@pytest.mark.parametrize(
    "text", ["nobody is hitting me i am ok", "no one threatens me", "they dont beat me"]
)
def test_violence_denied_is_never_recorded_as_danger(lexicon: Lexicon, text: str) -> None:
    found = lexicon.understand(text, "en", SAFETY)
    assert found is None or found.answer != "danger_now" or found.score <= DOUBTFUL


@pytest.mark.parametrize(
    ("text", "lang"),
    [("ma kayn 7ta khatar", "ary-Latn"), ("والو ما كاين حتى خطر دابا", "ary"),
     ("مابش خطر ذلحين", "ar"), ("there is not any danger", "en")],
)  # fmt: skip
def test_a_negation_reaches_over_words_that_say_nothing(
    lexicon: Lexicon, text: str, lang: str
) -> None:
    found = lexicon.understand(text, lang, SAFETY)
    assert found is None or found.answer != "danger_now"


def test_a_doubt_inside_the_answering_words_asks_back(lexicon: Lexicon) -> None:
    found = lexicon.understand("maybe i dont know", "en", SAFETY)
    assert found is not None and found.score <= DOUBTFUL


@pytest.mark.parametrize(
    ("text", "lang"),
    [("i am afraid he will force me", "en"), ("mon patron veut coucher avec moi de force", "fr")],
)
def test_a_threat_of_forced_sex_is_danger_now(lexicon: Lexicon, text: str, lang: str) -> None:
    found = lexicon.understand(text, lang, SAFETY)
    assert found is not None and found.answer == "danger_now" and found.score > DOUBTFUL
