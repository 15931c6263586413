"""Answers to the current question, by step kind, and to the side questions (language
menu, which place). A recognised answer is recorded and the flow moves on; anything else
is a miss (a hint and the question again; at the limit, a person is offered)."""

from __future__ import annotations

from bot.engine import matching, places
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
        turn.advance()
    elif isinstance(step, TextStep):
        value = matching.free_text(event, step.max_length) if event.kind == "text" else None
        if value is None:
            return turn.miss("reask-text")
        turn.record(answer_key(step), value)
        turn.advance()
    elif isinstance(step, LocationStep):
        places.typed_place(turn, event)


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
