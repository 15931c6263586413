"""The engine's language glue on the real word lists, catalogs and detector: the language
menu answered in words, a language's name typed at any step, a help word that is also the
answer "in danger now", and a conversation script for every language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.engine import matching
from bot.engine.loader import load_yaml
from bot.engine.schema import ChoiceStep
from bot.flowtools.scripts import real_context_factory
from tests.engine.conftest import Chat
from tests.engine.fakes import ROOT, msg

LOCALES = ROOT / "locales"
SCRIPTS = ROOT / "tests" / "conversations"
LANGUAGES = ["en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"]
make_real_context = real_context_factory(LOCALES)


@pytest.fixture
def real(flow):
    def make(locales: Path = LOCALES) -> Chat:
        return Chat(flow, real_context_factory(locales)())

    return make


# -- a script per language ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_typed_and_keyword_scripts(lang: str) -> None:
    typed = load_yaml((SCRIPTS / f"lang_{lang}_typed.yaml").read_text(encoding="utf-8")).data
    sends = [s["send"] for s in typed["steps"]]
    # Typed only, the way people write: no option ids, no pins.
    assert all(isinstance(s, str) for s in sends), sends
    assert typed["case"]["language"] == lang
    assert {"priority", "rules_fired", "answers", "location"} <= typed["case"].keys()
    assert (SCRIPTS / f"lang_{lang}_keywords.yaml").is_file()


def test_there_are_scripts_that_mix_scripts_and_switch_language() -> None:
    names = {p.stem for p in SCRIPTS.glob("*.yaml")}
    assert {"mix_ary_arabic_then_arabizi", "mix_ary-Latn_french"} <= names
    assert len({n for n in names if n.startswith("switch_")}) >= 3


# -- the language menu, answered in words --------------------------------------------------


@pytest.mark.parametrize(
    ("first", "answer", "lang"),
    [
        ("habari", "ndiyo", "sw"),  # "yes" keeps the language the menu is written in
        ("salam 3afak", "wah", "ary-Latn"),
        ("ሰላም", "እሺ", "am"),  # a tie on the menu; "ok" in Amharic, not Tigrinya
        ("ሰላም", "ሕራይ", "ti"),
        ("hi", "ok", "en"),
        ("hi", "niko hatarini", "sw"),  # a sentence in another language picks that one
        ("hi", "oui", "fr"),
        ("salam 3afak", "oui", "ary-Latn"),  # Darija readers say "oui" too: no switch
        ("hi", "darija", "ary-Latn"),  # the menu's "Darija", typed in Latin letters
        ("hi", "الدارجة", "ary"),
    ],
)
def test_the_language_menu_answered_in_words(real, first: str, answer: str, lang: str) -> None:
    c = real()
    c.send(msg(first))
    assert c.send(msg(answer)) == ["consent-prompt"]
    assert c.state.lang == lang
    assert c.fx.replies[0].lang == lang


@pytest.mark.parametrize("answer", ["16", "la", "banana"])
def test_the_menu_still_asks_again_when_it_cannot_tell(real, answer: str) -> None:
    c = real()
    c.send(msg("hi"))
    assert c.send(msg(answer)) == ["reask-choice", "language-prompt"]
    assert c.state.lang == "en"


def test_darija_falls_back_to_arabic_script_where_arabizi_is_not_offered(real, tmp_path) -> None:
    for tag in ("en", "ary"):
        shutil.copytree(LOCALES / tag, tmp_path / tag)
    c = real(tmp_path)
    c.send(msg("hi"))
    assert c.send(msg("darija")) == ["consent-prompt"]
    assert c.state.lang == "ary"


# -- a language's name at any step --------------------------------------------------------


def _at_safety(c: Chat, greeting: str = "hi", yes: str = "yes") -> Chat:
    for text in (greeting, yes, yes):
        c.send(msg(text))
    assert c.state.step == "safety"
    return c


@pytest.mark.parametrize(
    ("name", "lang"),
    [("Kiswahili", "sw"), ("français svp", "fr"), ("بالعربية", "ar"), ("ትግርኛ", "ti")],
)
def test_a_language_name_switches_at_any_step(real, name: str, lang: str) -> None:
    c = _at_safety(real())
    assert c.send(msg(name)) == ["language-switched", "safety-prompt"]
    assert c.fx.language == lang and c.state.lang == lang
    assert {r.lang for r in c.fx.replies} == {lang}
    assert c.state.step == "safety" and c.state.misses == 0


def test_a_sentence_with_a_language_name_is_not_a_switch(real) -> None:
    c = _at_safety(real())
    c.send(msg("i am somali"))
    assert c.state.lang == "en" and c.fx.language is None


def test_a_language_name_after_the_end_switches_without_a_question(real) -> None:
    c = real()
    c.state = _at_safety(real()).state.model_copy(update={"done": True, "step": "finished"})
    assert c.send(msg("français")) == ["language-switched"]
    assert c.state.lang == "fr"


# -- help words that are also answers -------------------------------------------------------


@pytest.mark.parametrize(("lang", "word"), [("en", "SOS"), ("fr", "au secours"), ("ar", "النجدة")])
def test_a_help_word_that_means_in_danger_opens_an_urgent_case(real, lang, word) -> None:
    greeting = {"en": "hi", "fr": "bonjour", "ar": "مرحبا"}[lang]
    yes = {"en": "yes", "fr": "oui", "ar": "نعم"}[lang]
    c = _at_safety(real(), greeting, yes)
    assert c.send(msg(word)) == ["answer-noted", "urgent-opened", "location-prompt"]
    assert c.fx.priority == "urgent" and c.fx.handoff is None
    c.send(msg("Sabha"))
    assert c.send(msg(word)) == ["help-handoff", "passport-prompt"]  # elsewhere: a person
    assert c.fx.handoff == "help"


def test_help_words_are_answers_only_where_they_mean_in_danger(flow) -> None:
    """No help word of any language is an exact answer to another question: "help me" at
    "who has your passport?" is a request for a person, never `with_me`."""
    ctx = make_real_context()
    found = set()
    for lang in ctx.lexicon.languages:
        for phrase in ctx.lexicon.wordlist(lang).keywords["help"]:
            for step in flow.spec.steps:
                if isinstance(step, ChoiceStep):
                    answer = matching.exact_answer(ctx, lang, step, msg(phrase))
                    if answer:
                        found.add((step.id, answer))
    assert found == {("safety", "danger_now")}


def test_a_help_sentence_is_still_help(real) -> None:
    c = _at_safety(real())
    c.send(msg("safe"))
    c.send(msg("Sabha"))
    assert c.send(msg("help me")) == ["help-handoff", "passport-prompt"]  # not "me" = with_me
