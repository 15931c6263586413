"""Places at the location step: pins, and the side question "which one?" (on the fakes;
reading situations, countries and "I don't know" is tested on the real gazetteer)."""

from __future__ import annotations

from bot.engine import places
from bot.engine.effects import PlaceMatch
from bot.engine.state import PlaceQuestion
from bot.geo.gazetteer import get_gazetteer
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


def test_a_pin_near_a_town_keeps_the_pin_not_the_towns_position():
    found = get_gazetteer().resolve_pin(35.5, 11.5)
    assert found is not None
    assert places._place(found, latitude=35.5, longitude=11.5) == PlaceMatch(
        latitude=35.5,
        longitude=11.5,
        place=found.name,
        country_code="TN",
        distance_km=found.distance_km,
        matched=True,
    )


def test_a_typed_town_is_noted_with_what_was_typed_and_the_towns_position():
    match = places._place(get_gazetteer().resolve_text("tripoli")[0], text="tripoli")
    assert (match.text, match.place, match.country_code, match.matched) == (
        "tripoli",
        "Tripoli",
        "LY",
        True,
    )
    assert match.latitude is not None and abs(match.latitude - 32.89) < 0.1
