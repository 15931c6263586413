"""Answers to the current question, by step kind, and to the side questions (language
menu, which place). A recognised answer is recorded and the flow moves on; anything else
is a miss (a hint and the question again; at the limit, a person is offered)."""

from __future__ import annotations

from bot.engine import matching, places, priority, render
from bot.engine.matching import Reading
from bot.engine.schema import (
    ChoiceStep,
    LanguageStep,
    LocationStep,
    NumberStep,
    QuestionBase,
    TextStep,
    answer_key,
    option_label,
)
from bot.engine.state import ConfirmAnswer
from bot.engine.turn import Turn
from bot.messages import Inbound

SURE = 0.75  # below this score a typed answer is asked back, not recorded
CHILDREN = "children"  # the answer noted when a count mentions children (architecture A6)
FREE_TEXT_MAX = 500  # what a `free_text:` choice keeps of a typed answer


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
            reading: Reading | None = Reading(event.choice_id, how="tap")  # no need to read
        else:
            reading = matching.read_choice(ctx, lang, step, event)
        if reading is None and ctx.lexicon.keyword(event.text or "", lang) == "help":
            # A call for help at "are you in danger?" is the urgent answer, never lower.
            urgent = urgent_option(turn)
            reading = Reading(urgent, how="help", words=event.text or "") if urgent else None
        if reading is None and matching.is_skip(ctx, lang, step, event):
            return turn.advance()
        if step.free_text and _kept_as_written(turn, step, event, reading):
            return turn.advance()
        if reading is None:
            return turn.miss("reask-choice")
        if reading.score < SURE and not _urgent(turn, step, reading.answer):
            return _ask_back(turn, reading.answer)
        choose(turn, step, reading.answer, typed=reading.how != "tap")
    elif matching.is_skip(ctx, lang, step, event):
        turn.advance()
    elif isinstance(step, NumberStep):
        count = (
            matching.count(ctx, lang, event, step.min, step.max) if event.kind == "text" else None
        )
        if count is None:
            return turn.miss("reask-number")
        turn.state.last = step.id
        turn.record(answer_key(step), count.value)
        if count.children:
            turn.record(CHILDREN, "yes")  # "5 women and 2 children": the case says so
        _also(turn, step, event.text or "")
        _advance_noting(turn, str(count.value))
    elif isinstance(step, TextStep):
        value = matching.free_text(event, step.max_length) if event.kind == "text" else None
        if value is None:
            return turn.miss("reask-text")
        turn.record(answer_key(step), value)
        turn.advance()
    elif isinstance(step, LocationStep):
        places.typed_place(turn, event)


def _kept_as_written(turn: Turn, step: ChoiceStep, event: Inbound, reading: Reading | None) -> bool:
    """`free_text:` keeps what she typed; True when that is the whole answer (no option
    read with confidence), so the flow moves on without asking again."""
    written = matching.free_text(event, FREE_TEXT_MAX) if event.kind == "text" else None
    if written is None or step.free_text is None:
        return False
    turn.record(step.free_text, written)
    turn.state.last = step.id
    return reading is None or reading.score < SURE


def _also(turn: Turn, step: NumberStep, text: str) -> None:
    """Other questions answered in passing ("we are 5, two children"): recorded as "yes",
    so they are not asked later. Never "no": not mentioning children is not an answer."""
    base = turn.lang.split("-")[0]
    for key, words in step.also.items():
        listed = words.get(turn.lang, []) + (words.get(base, []) if base != turn.lang else [])
        if key in turn.state.answers or not listed:
            continue
        if turn.ctx.lexicon.match(text, turn.lang, {key: listed}) == key:
            turn.record(key, "yes")


def choose(turn: Turn, step: ChoiceStep, chosen: str, typed: bool) -> None:
    """Record an option and move on; a typed answer is said back, with how to change it."""
    turn.record(answer_key(step), chosen)
    turn.state.last = step.id
    option = next(o for o in step.options if o.id == chosen)
    if option.contact_prefs is not None:
        turn.fx.contact_prefs = dict(option.contact_prefs)
    label = render.text(turn.ctx, turn.lang, option_label(step, option)) if typed else None
    _advance_noting(turn, label)


def _advance_noting(turn: Turn, noted: str | None) -> None:
    """Move on; a typed answer is said back first, unless the conversation ended with it."""
    before = len(turn.fx.replies)
    turn.advance()
    if noted is not None and not turn.state.ended:
        echo = render.say(turn.ctx, turn.lang, "answer-noted", answer=noted)
        turn.fx.replies.insert(before, echo)


def _urgent(turn: Turn, step: ChoiceStep, chosen: str) -> bool:
    """Whether this answer alone makes the case urgent: recorded without asking back, as
    a wrong "in danger" costs a caseworker a look, and a question costs the person time."""
    facts = {**turn.facts(), answer_key(step): chosen}
    level, _ = priority.evaluate(turn.flow.spec.priority, facts)
    return level == "urgent"


def urgent_option(turn: Turn) -> str | None:
    """The one option of the current choice question that makes the case urgent, if any."""
    step = turn.current
    if not isinstance(step, ChoiceStep):
        return None
    found = [o.id for o in step.options if _urgent(turn, step, o.id)]
    return found[0] if len(found) == 1 else None


def _ask_back(turn: Turn, likely: str) -> None:
    """Not sure enough to record: "Did you mean: my employer has it?" with a button."""
    turn.state.pending = ConfirmAnswer(answer=likely)
    turn.ask_again()


def confirm(turn: Turn, event: Inbound) -> None:
    """The answer to "Did you mean …?": yes records it; "something else" asks the question
    again; anything else is read as a new answer to the question."""
    step = turn.current
    pending = turn.state.pending
    assert isinstance(pending, ConfirmAnswer)  # the runner sends only this answer here
    likely = pending.answer
    turn.state.pending = None
    if event.kind == "choice" and event.choice_id == render.CONFIRM_OTHER:
        return turn.ask_again()
    said = (
        matching.pick(
            turn.ctx,
            turn.lang,
            event,
            {"yes": [], "no": [render.text(turn.ctx, turn.lang, "confirm-other")]},
        )
        if event.kind == "text"
        else None
    )
    if (event.kind == "choice" and event.choice_id == likely) or said == "yes":
        return choose(turn, step, likely, typed=event.kind == "text")
    if said == "no":
        return turn.ask_again()
    current_step(turn, event)


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
    turn.state.pending, turn.state.misses = None, 0
    _set_language(turn, tag)
    turn.say("language-switched")
    if isinstance(turn.current, LanguageStep) and not turn.state.done:
        turn.advance()  # they were on the menu anyway
    else:
        turn.ask_again()


def _set_language(turn: Turn, tag: str) -> None:
    turn.state.lang, turn.state.menu_first = tag, None
    turn.fx.language = tag
