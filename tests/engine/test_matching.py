"""Typed answers → answer ids, numbers and places."""

from __future__ import annotations

from bot.engine import matching
from bot.engine.effects import PlaceMatch
from bot.engine.schema import TextStep
from tests.engine.fakes import make_context, msg

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


def test_places_from_pins_and_text():
    ctx = make_context()
    pin = matching.from_pin(ctx, 32.9, 13.2)
    assert (pin.place, pin.country_code, pin.latitude) == ("Tripoli", "LY", 32.9)
    assert pin.distance_km is not None
    assert matching.from_pin(ctx, 0.0, -30.0) == PlaceMatch(latitude=0.0, longitude=-30.0)
    sabha = matching.from_text(ctx, "en", "Sabha")
    assert isinstance(sabha, PlaceMatch) and sabha.text == "Sabha" and sabha.matched
    both = matching.from_text(ctx, "en", "Tripoli")
    assert [c["title"] for c in both] == ["Tripoli, Libya", "Tripoli, Lebanon"]
    assert matching.from_text(ctx, "en", "Nowhere") == PlaceMatch(text="Nowhere")


def test_which_place_by_country_name_or_number():
    ctx = make_context()
    pending = {"typed": "Tripoli", "candidates": matching.from_text(ctx, "en", "Tripoli")}
    assert matching.place_choice(ctx, "en", msg("Lebanon"), pending) == "place:266826"
    assert matching.place_choice(ctx, "en", msg("1"), pending) == "place:2210247"
    assert matching.place_choice(ctx, "en", msg("3"), pending) == "place:other"
