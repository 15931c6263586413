"""Typed answers → answer ids and numbers (places: test_places.py)."""

from __future__ import annotations

from bot.engine import answers, matching
from bot.engine.schema import ChoiceStep, TextStep
from bot.i18n.words import Lexicon
from tests.engine.fakes import make_context, msg
from tests.i18n.conftest import LOCALES

CANDIDATES = {"with_me": ["I have it"], "held_by_employer": ["My employer"], "lost": ["Lost"]}


def test_a_tapped_option_wins_over_its_text():
    ctx = make_context()
    assert matching.pick(ctx, "en", msg("Lost", choice="with_me"), CANDIDATES) == "with_me"


def test_a_stale_button_falls_back_to_its_title():
    ctx = make_context()
    assert matching.pick(ctx, "en", msg("Lost", choice="gone_option"), CANDIDATES) == "lost"


def test_option_ids_numbers_ordinals_and_labels():
    ctx = make_context()
    assert matching.pick(ctx, "en", msg("held by employer"), CANDIDATES) == "held_by_employer"
    assert matching.pick(ctx, "en", msg("3"), CANDIDATES) == "lost"
    assert matching.pick(ctx, "en", msg("second"), CANDIDATES) == "held_by_employer"
    assert matching.pick(ctx, "en", msg("i have it"), CANDIDATES) == "with_me"
    assert matching.pick(ctx, "en", msg("7"), CANDIDATES) is None
    assert matching.pick(ctx, "en", msg(""), CANDIDATES) is None


def test_numbers_respect_bounds():
    ctx = make_context()
    assert matching.number(ctx, "en", msg("we are sixteen"), 1, None) == 16
    assert matching.number(ctx, "en", msg("0"), 1, None) is None
    assert matching.number(ctx, "en", msg("20001"), None, 20000) is None


def test_free_text_is_trimmed_and_cut():
    assert matching.free_text(msg("  Golden Star  "), 500) == "Golden Star"
    assert matching.free_text(msg("x" * 20), 5) == "xxxxx"
    assert matching.free_text(msg("   "), 5) is None


def test_skip_on_a_text_step_needs_the_whole_message():
    ctx = make_context()
    step = TextStep(id="agency", kind="text", skippable=True)
    assert matching.is_skip(ctx, "en", step, msg("skip"))
    assert matching.is_skip(ctx, "en", step, msg(choice="skip"))
    assert not matching.is_skip(ctx, "en", step, msg("skip travel agency"))
    assert not matching.is_skip(
        ctx, "en", step.model_copy(update={"skippable": False}), msg("skip")
    )


def _safety() -> ChoiceStep:
    """ "Are you in danger right now?" as the default flow asks it: yes is danger, no safe."""
    return ChoiceStep.model_validate(
        {"id": "safety", "kind": "choice",
         "options": [{"id": "danger_now", "means": ["yes"]}, "not_safe",
                     {"id": "safe", "means": ["no"]}]}
    )  # fmt: skip


def test_a_borrowed_word_inside_a_sentence_is_asked_back():
    # "no" means "safe" at "are you in danger?", but not inside "... no water for 2 days".
    ctx, step = make_context(lexicon=Lexicon(LOCALES)), _safety()
    inside = matching.read_choice(ctx, "en", step, msg("we are stuck here no water for days"))
    assert inside is None or inside.answer != "safe" or inside.score < answers.SURE
    alone = matching.read_choice(ctx, "en", step, msg("no"))
    assert alone is not None and alone.answer == "safe" and alone.score >= answers.SURE


def test_a_yes_said_with_a_negation_is_not_danger():
    # "no problem" is a yes at consent, but at "are you in danger?" it is never danger_now.
    ctx, step = make_context(lexicon=Lexicon(LOCALES)), _safety()
    for lang, said in [("en", "no problem"), ("fr", "pas de probleme"), ("ar", "ما في مشكلة")]:
        found = matching.read_choice(ctx, lang, step, msg(said))
        assert found is None or found.answer != "danger_now" or found.score < answers.SURE
