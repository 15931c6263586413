"""Places at the location step: pins, and the side question "which one?" (on the fakes;
reading situations, countries and "I don't know" is tested on the real gazetteer)."""

from __future__ import annotations

from bot.engine import places
from bot.engine.effects import PlaceMatch
from bot.engine.state import PlaceQuestion
from tests.engine.fakes import make_context, msg


def test_a_pin_keeps_the_persons_position_and_names_the_town_near_it():
    ctx = make_context()
    pin = places.from_pin(ctx, 32.9, 13.2)
    assert (pin.place, pin.country_code, pin.latitude) == ("Tripoli", "LY", 32.9)
    assert pin.distance_km is not None
    assert places.from_pin(ctx, 0.0, -30.0) == PlaceMatch(latitude=0.0, longitude=-30.0)


def test_a_pin_far_from_any_town_keeps_the_country_but_names_no_town():
    pin = places.from_pin(make_context(), 31.5, 14.5)
    assert pin.place is None and pin.country_code == "LY" and pin.distance_km > 50


def _pending(ctx, typed: str) -> PlaceQuestion:
    cands = ctx.gazetteer.resolve_text(typed)
    options = [places._candidate(ctx, "en", i, c) for i, c in enumerate(cands)]
    return PlaceQuestion(typed=typed, candidates=options)


def test_which_place_by_country_name_or_number():
    ctx = make_context()
    pending = _pending(ctx, "Tripoli")
    assert [c.title for c in pending.candidates] == ["Tripoli, Libya", "Tripoli, Lebanon"]
    assert places._choice(ctx, "en", msg("Lebanon"), pending) == "place:266826"
    assert places._choice(ctx, "en", msg("1"), pending) == "place:2210247"
    assert places._choice(ctx, "en", msg("3"), pending) == "place:other"


def test_is_it_this_place_takes_yes_and_no_in_words():
    ctx = make_context()
    pending = _pending(ctx, "Sabha").model_copy(update={"confirm": True})
    assert places._choice(ctx, "en", msg("yes"), pending) == "place:2212775"
    assert places._choice(ctx, "en", msg("no"), pending) == "place:other"
    assert places._choice(ctx, "en", msg("Somewhere else"), pending) == "place:other"
    assert places._choice(ctx, "en", msg(choice="place:2212775"), pending) == "place:2212775"
    assert places._choice(ctx, "en", msg("banana"), pending) is None
