"""Answers to the current question, by step kind, and to the side questions (language
menu, which place). A recognised answer is recorded and the flow moves on; anything else
is a miss (a hint and the question again; at the limit, a person is offered)."""

from __future__ import annotations

from bot.engine import matching
from bot.engine.effects import PlaceMatch
from bot.engine.render import PLACE_OTHER
from bot.engine.schema import (
    ChoiceStep,
    LanguageStep,
    LocationStep,
    NumberStep,
    QuestionBase,
    TextStep,
    answer_key,
)
from bot.engine.turn import Turn
from bot.messages import Inbound

DEFAULT_NEAR_KM = 10.0


def current_step(turn: Turn, event: Inbound) -> None:
    step, ctx, lang = turn.current, turn.ctx, turn.lang
    assert isinstance(step, QuestionBase)
    if isinstance(step, LanguageStep):
        tag = matching.language(ctx, lang, step, event)
        if tag is None:
            return turn.miss("reask-choice")
        _set_language(turn, tag)
        turn.advance()
    elif isinstance(step, ChoiceStep):
        # The step's own answers come first: "I don't know" is `unsure` here, not "skip".
        ids = [o.id for o in step.options]
        if event.kind == "choice" and event.choice_id in ids:
            chosen: str | None = event.choice_id  # a tap: no need to read labels
        else:
            chosen = matching.pick(ctx, lang, event, matching.choice_candidates(ctx, lang, step))
        if chosen is None and matching.is_skip(ctx, lang, step, event):
            return turn.advance()
        if chosen is None:
            return turn.miss("reask-choice")
        turn.record(answer_key(step), chosen)
        option = next(o for o in step.options if o.id == chosen)
        if option.contact_prefs is not None:
            turn.fx.contact_prefs = dict(option.contact_prefs)
        turn.advance()
    elif matching.is_skip(ctx, lang, step, event):
        turn.advance()
    elif isinstance(step, NumberStep):
        value = (
            matching.number(ctx, lang, event, step.min, step.max) if event.kind == "text" else None
        )
        if value is None:
            return turn.miss("reask-number")
        turn.record(answer_key(step), value)
        _also(turn, step, event.text or "")
        turn.advance()
    elif isinstance(step, TextStep):
        value = matching.free_text(event, step.max_length) if event.kind == "text" else None
        if value is None:
            return turn.miss("reask-text")
        turn.record(answer_key(step), value)
        turn.advance()
    elif isinstance(step, LocationStep):
        _typed_place(turn, step, event)


def _also(turn: Turn, step: NumberStep, text: str) -> None:
    """Other questions answered in passing ("we are 5, two children"): recorded as "yes",
    so they are not asked later. Never "no": not mentioning children is not an answer."""
    base = turn.lang.split("-")[0]
    for key, words in step.also.items():
        listed = words.get(turn.lang, []) + (words.get(base, []) if base != turn.lang else [])
        if key in turn.state["answers"] or not listed:
            continue
        if turn.ctx.lexicon.match(text, turn.lang, {key: listed}) == key:
            turn.record(key, "yes")


def _typed_place(turn: Turn, step: LocationStep, event: Inbound) -> None:
    typed = (event.text or "").strip() if event.kind == "text" else ""
    if not typed:
        return turn.miss("reask-text")
    found = matching.from_text(turn.ctx, turn.lang, typed)
    if isinstance(found, PlaceMatch):
        turn.set_location(found, step.near_km)
        turn.advance()
        return
    turn.state["pending"] = {"kind": "place", "typed": typed, "candidates": found}
    turn.ask_again()


def which_place(turn: Turn, event: Inbound) -> None:
    """The answer to "There is more than one Tripoli. Which one?"."""
    pending = turn.state["pending"]
    chosen = matching.place_choice(turn.ctx, turn.lang, event, pending)
    if chosen is None and event.kind == "text" and (event.text or "").strip():
        # Not one of the candidates: maybe another, clearer name ("Tripoli Libya", "Misrata").
        found = matching.from_text(turn.ctx, turn.lang, event.text.strip())
        if isinstance(found, PlaceMatch) and matching.named(found, event.text):
            return _place_found(turn, found)
        if isinstance(found, list):
            turn.state["pending"] = {**pending, "typed": event.text.strip(), "candidates": found}
            return turn.ask_again()
    if chosen is None:
        return turn.miss("reask-choice")
    if chosen == PLACE_OTHER:
        place = PlaceMatch(text=pending["typed"], matched=False)
    else:
        c = next(c for c in pending["candidates"] if c["id"] == chosen)
        place = PlaceMatch(
            latitude=c["latitude"],
            longitude=c["longitude"],
            text=pending["typed"],
            place=c["place"],
            country_code=c["country_code"],
            matched=True,
        )
    _place_found(turn, place)


def _place_found(turn: Turn, place: PlaceMatch) -> None:
    turn.state["pending"] = None
    turn.set_location(place, getattr(turn.current, "near_km", DEFAULT_NEAR_KM))
    turn.advance()


def shared_location(turn: Turn, event: Inbound) -> None:
    """A pin: the answer at the location step; elsewhere noted, and the question again."""
    assert event.location is not None
    place = matching.from_pin(turn.ctx, event.location.latitude, event.location.longitude)
    step = turn.current
    at_location_step = isinstance(step, LocationStep) and not turn.state["done"]
    turn.set_location(place, step.near_km if at_location_step else DEFAULT_NEAR_KM)
    if at_location_step:
        turn.advance()
    else:
        turn.ask_again()


def language_menu(turn: Turn, event: Inbound) -> None:
    """The answer to the menu opened by the word "language": switch, then carry on."""
    step = turn.flow.steps.get(turn.flow.language_step or "")
    tag = matching.language(turn.ctx, turn.lang, step, event)  # type: ignore[arg-type]
    if tag is None:
        return turn.miss("reask-choice")
    switch_language(turn, tag)


def switch_language(turn: Turn, tag: str) -> None:
    """Write in `tag` from now on (chosen from the menu, or its name typed at any step),
    say so, and carry on where the person was."""
    turn.state.update(pending=None, misses=0)
    _set_language(turn, tag)
    turn.say("language-switched")
    if isinstance(turn.current, LanguageStep) and not turn.state["done"]:
        turn.advance()  # they were on the menu anyway
    else:
        turn.ask_again()


def _set_language(turn: Turn, tag: str) -> None:
    turn.state["lang"] = tag
    turn.fx.language = tag
