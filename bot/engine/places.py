"""Where the person is: a typed answer or a pin at the location step, and the side
questions it may open (which place? is it this one? which town in that country?).

Nothing is recorded that the person did not say: "I don't know" is noted as unknown, a
situation ("in a boat", "in prison") as that situation, a country alone as the country
(then the town is asked once, skippable), and a place found only by a typo match is
confirmed first ("Siġġiewi, Malta? yes / no, somewhere else"). A pin at sea is at sea,
never "near <town>"; a pin far from any town is noted without a town.
"""

from __future__ import annotations

from typing import Any

from bot.engine import context as tools
from bot.engine.context import Context
from bot.engine.effects import PlaceMatch
from bot.engine.render import PLACE_OTHER, SKIP, text
from bot.engine.schema import LocationStep
from bot.engine.state import PlaceOption, PlaceQuestion, TownQuestion
from bot.engine.turn import Turn
from bot.messages import Inbound

DEFAULT_NEAR_KM = 10.0
MAX_PLACES = 9  # a WhatsApp list has 10 rows; the last is "somewhere else"
MAX_TOWN_KM = 50.0  # a pin farther than this from any town is not "near" it
UNKNOWN = "unknown"  # the situation of a person who does not know where she is
AT_SEA = "at_sea"
REMOTE = ("at_sea", "in_desert")  # the situations with a path of their own


# -- what the gazetteer found -------------------------------------------------------------


def _place(c: Any, **extra: Any) -> PlaceMatch:
    fields = {
        "latitude": c.latitude,
        "longitude": c.longitude,
        "place": c.name,
        "country_code": c.country_code,
        "distance_km": getattr(c, "distance_km", None),
        "matched": True,
    }
    return PlaceMatch(**{**fields, **extra})


def from_pin(ctx: Context, latitude: float, longitude: float) -> PlaceMatch:
    """A shared pin: the person's own position, the nearest town if it is near, the country,
    and the situation the pin shows (at sea, in the desert)."""
    found = tools.gazetteer(ctx).resolve_pin(latitude, longitude)
    if found is None:
        return PlaceMatch(latitude=latitude, longitude=longitude, matched=False)
    situation = getattr(found, "situation", None)
    km = getattr(found, "distance_km", None)
    pin = {"latitude": latitude, "longitude": longitude, "situation": situation}
    if situation == AT_SEA or (km is not None and km > MAX_TOWN_KM):
        # No town to name: only the country (of the coast, at sea) and how far it is.
        return PlaceMatch(**pin, country_code=found.country_code, distance_km=km, matched=True)
    return _place(found, **pin)


def _candidate(ctx: Context, lang: str, index: int, c: Any) -> PlaceOption:
    country = tools.country_name(ctx, c.country_code, lang)
    ident = getattr(c, "geonameid", None) or index
    shown = tools.place_name(ctx, c.name, c.country_code, lang)
    return PlaceOption(
        id=f"place:{ident}",
        title=text(ctx, lang, "location-option", place=shown, country=country),
        place=c.name,
        shown=shown,
        country=country,
        country_code=c.country_code,
        latitude=c.latitude,
        longitude=c.longitude,
    )


def _reading(ctx: Context, lang: str, typed: str, prefer: list[str]) -> Any:
    gaz = tools.gazetteer(ctx)
    return gaz.read(typed, lang=lang, prefer_countries=tuple(prefer + ctx.prefer_countries))


# -- the location step --------------------------------------------------------------------


def typed_place(turn: Turn, event: Inbound) -> None:
    """A typed answer at the location step."""
    typed = (event.text or "").strip() if event.kind == "text" else ""
    if not typed:
        return turn.miss("reask-text")
    reading = _reading(turn.ctx, turn.lang, typed, [])
    if reading.kind == "empty":  # "here": nothing we could note
        return turn.miss("location-reask")
    if reading.kind == "dont_know":
        known = turn.state.location or PlaceMatch()
        if known.country_code or known.situation not in (None, UNKNOWN):
            turn.say("location-dont-know")  # keep what we know ("in a boat", a pin)
            return turn.advance()
        return _found(turn, PlaceMatch(text=typed, situation=UNKNOWN))
    if reading.kind == "situation":
        place = PlaceMatch(text=typed, situation=reading.situation,
                           country_code=reading.country_code)  # fmt: skip
        return _found(turn, place)
    if reading.kind == "country":
        turn.set_location(PlaceMatch(text=typed, country_code=reading.country_code, matched=True))
        turn.state.pending = TownQuestion(country=reading.country_code, typed=typed)
        return turn.ask_again()
    if reading.kind == "places":
        return _offer(turn, typed, list(reading.candidates), reading.confirm, reading.situation)
    _found(turn, PlaceMatch(text=typed))


def _offer(
    turn: Turn, typed: str, cands: list[Any], confirm: bool, situation: str | None = None
) -> None:
    """One clear place is noted; several are offered; a typo match is confirmed first."""
    ctx, lang = turn.ctx, turn.lang
    if len(cands) > 1 and tools.ambiguous(ctx, cands):
        options = [_candidate(ctx, lang, i, c) for i, c in enumerate(cands[:MAX_PLACES])]
        turn.state.pending = PlaceQuestion(typed=typed, candidates=options, situation=situation)
        return turn.ask_again()
    if confirm:
        only = [_candidate(ctx, lang, 0, cands[0])]
        turn.state.pending = PlaceQuestion(typed=typed, candidates=only, situation=situation,
                                           confirm=True)  # fmt: skip
        return turn.ask_again()
    _found(turn, _place(cands[0], text=typed, distance_km=None, situation=situation))


def _found(turn: Turn, place: PlaceMatch) -> None:
    turn.state.pending = None
    known = turn.state.location.situation if turn.state.location else None
    if place.situation is None and known in REMOTE:
        # "near Zuwara" typed from a boat: still at sea (only a pin on land says otherwise).
        place = place.model_copy(update={"situation": known})
    turn.set_location(place, getattr(turn.current, "near_km", DEFAULT_NEAR_KM))
    turn.advance()


def shared_location(turn: Turn, event: Inbound) -> None:
    """A pin: the answer at the location step; elsewhere noted, and the question again."""
    assert event.location is not None
    shared_position(turn, event.location.latitude, event.location.longitude)


def shared_position(turn: Turn, latitude: float, longitude: float) -> None:
    """A pin or typed coordinates: the answer at a location step; at any other moment
    (even after the handover) the case's position is updated and the question asked again.
    While a caseworker has the chat the position is noted silently."""
    place = from_pin(turn.ctx, latitude, longitude)
    if turn.ctx.claimed:
        return turn.set_location(place, quiet=True)
    step = turn.current
    at_location_step = isinstance(step, LocationStep) and not turn.state.done
    turn.state.pending = None
    turn.set_location(place, step.near_km if at_location_step else DEFAULT_NEAR_KM)
    if at_location_step:
        turn.advance()
    else:
        turn.ask_again()


# -- the side questions ---------------------------------------------------------------------


def which_place(turn: Turn, event: Inbound, pending: PlaceQuestion) -> None:
    """The answer to "Which Tripoli?" or "Siġġiewi, Malta?"."""
    if event.kind == "location" and event.location is not None:
        return shared_location(turn, event)  # a pin answers better than any option
    chosen = _choice(turn.ctx, turn.lang, event, pending)
    typed = (event.text or "").strip() if event.kind == "text" else ""
    if chosen is None and typed:
        # Not one of the options: maybe another, clearer answer ("Tripoli Libya", "Misrata").
        reading = _reading(turn.ctx, turn.lang, typed, [])
        if reading.kind == "places":
            return _offer(turn, typed, list(reading.candidates), False, reading.situation)
        if reading.kind in ("dont_know", "situation", "country"):
            turn.state.pending = None
            return typed_place(turn, event)
    if chosen is None:
        return turn.miss("reask-choice")
    if chosen == PLACE_OTHER:
        if pending.confirm:  # "no, somewhere else": ask where, nothing is noted
            turn.state.pending = None
            return turn.ask_again()
        return _found(turn, PlaceMatch(text=pending.typed, situation=pending.situation))
    c = next(c for c in pending.candidates if c.id == chosen)
    place = PlaceMatch(latitude=c.latitude, longitude=c.longitude, text=pending.typed,
                       place=c.place, country_code=c.country_code, matched=True,
                       situation=pending.situation)  # fmt: skip
    _found(turn, place)


def _choice(ctx: Context, lang: str, event: Inbound, pending: PlaceQuestion) -> str | None:
    if event.kind == "choice":
        ids = {c.id for c in pending.candidates} | {PLACE_OTHER}
        return event.choice_id if event.choice_id in ids else None
    typed = (event.text or "").strip()
    if not typed:
        return None
    other = [text(ctx, lang, "location-other"), text(ctx, "en", "location-other")]
    if pending.confirm:
        c = pending.candidates[0]
        yes = [text(ctx, lang, "location-yes"), text(ctx, "en", "location-yes")]
        said = ctx.lexicon.match(typed, lang, {"yes": yes, "no": other}, whole=True)
        return {"yes": c.id, "no": PLACE_OTHER}.get(said or "")
    candidates = {c.id: [c.title, c.country, c.country_code] for c in pending.candidates}
    candidates[PLACE_OTHER] = other
    key = typed.casefold().replace(" ", "_")
    if key in candidates:
        return key
    ids = list(candidates)
    number = ctx.lexicon.ordinal(typed, lang, len(ids))
    if number is not None and 1 <= number <= len(ids):
        return ids[number - 1]
    return ctx.lexicon.match(typed, lang, candidates)


def town_answer(turn: Turn, event: Inbound, pending: TownQuestion) -> None:
    """The answer to "In which town?" after a country alone: asked once, skippable."""
    if event.kind == "location" and event.location is not None:
        return shared_location(turn, event)
    cc, ctx, lang = pending.country, turn.ctx, turn.lang
    typed = (event.text or "").strip() if event.kind == "text" else ""
    skip = [text(ctx, lang, "option-skip"), text(ctx, "en", "option-skip")]
    skipped = (event.kind == "choice" and event.choice_id == SKIP) or (
        typed and ctx.lexicon.match(typed, lang, {SKIP: skip}, whole=True) == SKIP
    )
    if not typed and not skipped:
        return turn.miss("reask-text")
    turn.state.pending = None
    if skipped:
        return turn.advance()
    reading = _reading(ctx, lang, typed, [cc])
    cands = [c for c in reading.candidates if c.country_code == cc]
    if cands:
        return _offer(turn, f"{pending.typed}, {typed}", cands, reading.confirm)
    if reading.kind == "dont_know":
        return turn.advance()
    if reading.kind == "situation":  # "Libya" then "we are in a boat": at sea off Libya
        place = PlaceMatch(text=f"{pending.typed}, {typed}", country_code=cc,
                           situation=reading.situation)  # fmt: skip
        return _found(turn, place)
    # Not on our map: keep the country, and what she wrote for the caseworker.
    known = turn.state.location or PlaceMatch()
    location = known.model_copy(update={"text": f"{pending.typed}, {typed}"})
    turn.state.location = location
    turn.fx.location = location
    turn.say("location-unknown", name=typed)
    turn.advance()
