"""The pure engine: `step(flow, state, event, ctx) -> (new state, effects)`.

No I/O: the host loads the state, calls `step`, stores the new state and applies the
effects (replies to the outbox, answers and location to the case, timers to its scheduler).

Order for a message: ignore platform noise; a claimed chat stays silent (except stop and
erase); global words (help, restart, language, stop, erase) in every language, at any
step, except that a help word which is also an answer to the question asked ("SOS" at
"are you in danger?") is that answer; then an open side question (erase confirmation,
language menu, which place, "did you mean …?"), except that typed coordinates are a pin;
a language's name alone ("français") switches to it; then media and shared locations;
then the answer to the current step. A pin while a caseworker has the chat is noted
silently (at sea, every position counts).
"""

from __future__ import annotations

from typing import Any

from bot.consent import SHARE_NO, SHARE_YES
from bot.engine import answers, coordinates, places
from bot.engine import context as tools
from bot.engine.compile import CompiledFlow
from bot.engine.context import Context, Resume, Timeout
from bot.engine.effects import Effects, Timer
from bot.engine.matching import exact_answer, pick
from bot.engine.render import ERASE_NO, ERASE_YES
from bot.engine.schema import LanguageStep, TextStep
from bot.engine.state import (
    ConfirmAnswer,
    ConversationState,
    EraseQuestion,
    LanguageMenu,
    PlaceQuestion,
    TownQuestion,
    load_state,
)
from bot.engine.turn import Turn, new_state
from bot.messages import Inbound

__all__ = ["Context", "Resume", "Timeout", "ask_share", "close", "step"]

# Kinds that are not the person talking to us: never answered.
NOISE = {"status", "echo", "standby", "system", "reaction", "other"}


def step(
    flow: CompiledFlow,
    stored: ConversationState | dict[str, Any] | None,
    event: Inbound | Timeout | Resume,
    ctx: Context,
) -> tuple[ConversationState | None, Effects]:
    """Apply one input to a conversation. `stored` is None for a new conversation; a
    stored dict of any schema version is read with `load_state`.

    The input state is not changed; the returned one is the new state (None: still no
    conversation, the input was not someone talking to us).
    """
    state = load_state(stored)
    if state is None or state.ended:
        if not isinstance(event, Inbound) or event.kind in NOISE:
            return state, Effects()
        return _start(flow, state, event, ctx)
    turn = Turn(flow, state, ctx)
    turn.state.flow_version = flow.version
    if turn.state.step not in flow.steps:
        # The flow changed under this conversation (its old version is gone): start over
        # after the language menu, keeping the language.
        turn.state.step, turn.state.pending, turn.state.answers = flow.restart_step, None, {}
    if isinstance(event, Timeout):
        return _timeout(turn, event)
    if isinstance(event, Resume):
        turn.state.share_asked = None  # the caseworker's yes/no question closes with the chat
        later = getattr(turn.current, "on_handback", None) if turn.state.done else None
        if later:
            turn.state.done = False
            turn.say("handback-resume")
            turn.enter(later)
        else:
            turn.say("handback-done" if turn.state.done else "handback-resume")
            turn.ask_again()
    elif event.kind not in NOISE and _share_answer(turn, event):
        pass  # the answer to a caseworker's "may we contact the embassy?"
    elif ctx.claimed and (point := _position(event)) and not _claimed_exception(turn, event):
        places.shared_position(turn, *point)  # at sea, every new position counts: noted
        turn.fx.timers = _kept_timers(turn)
        return turn.state, turn.fx
    elif event.kind in NOISE or (ctx.claimed and not _claimed_exception(turn, event)):
        turn.fx.timers = _kept_timers(turn)
        return turn.state, turn.fx
    else:
        _inbound(turn, event)
    if not turn.state.ended:
        turn.set_timers()
    return turn.state, turn.fx


def close(stored: dict[str, Any] | None) -> dict[str, Any] | None:
    """A caseworker resolved the case: the bot asks nothing more in this conversation
    (no question picked up again, no reminder). The answers stay in the state, so the
    person's next message starts a new conversation with those the flow's `closing: keep`
    lists; everything else is asked afresh. Stored form in, stored form out (the host's)."""
    state = load_state(stored)
    if state is None or state.ended in ("stopped", "declined", "erased"):
        return stored
    update = {"done": True, "ended": "resolved", "pending": None, "timers": []}
    return state.model_copy(update=update).stored()


def _carry(flow: CompiledFlow, previous: ConversationState | None, new: ConversationState) -> None:
    """What a conversation after a resolved case starts with (see `close`)."""
    if previous is None or previous.ended != "resolved":
        return
    known = previous.answers
    new.answers = {k: known[k] for k in flow.spec.closing.keep if k in known}
    new.kept = ["language", *new.answers]


def _start(
    flow: CompiledFlow, previous: ConversationState | None, event: Inbound, ctx: Context
) -> tuple[ConversationState, Effects]:
    languages = list(ctx.catalogs.languages)
    choices = (
        tools.language_choices(ctx, event.text, languages)
        if event.kind == "text" and event.text
        else ()
    )
    detected = choices[0] if len(choices) == 1 else None
    lang = detected or (previous.lang if previous else None) or "en"
    fresh = new_state(flow, lang if lang in languages else "en")
    _carry(flow, previous, fresh)
    turn = Turn(flow, fresh, ctx)
    turn.fx.answers.update(fresh.answers)  # the new case shows what is known
    if len(choices) > 1:
        turn.state.menu_first = list(choices)  # "ሰላም": Amharic or Tigrinya? Ask.
    if previous is not None and previous.ended == "new" and previous.share_asked:
        # A caseworker asked "may we contact …?" before the bot ever spoke (a case opened by
        # a handover): her yes or no is the answer, as in a running conversation.
        turn.state.share_asked = previous.share_asked
        if _share_answer(turn, event):
            turn.set_timers()
            return turn.state, turn.fx
    word = _keyword(turn, event)
    if word == "stop":
        turn.end("stopped")
        turn.fx.stop = True
        return turn.state, turn.fx
    if ctx.claimed and word != "erase":
        return turn.state, turn.fx
    if word == "help":
        turn.say("help-handoff")
        turn.fx.handoff = "help"
    if (point := _position(event)) is not None:
        # A first message may be the pin: keep it (the location step can confirm it later).
        turn.set_location(places.from_pin(ctx, *point))
    elif event.kind == "media":
        _media(turn, event)
    if word == "erase":
        # Maybe about an earlier conversation: confirm first; the flow starts after.
        turn.state.pending = EraseQuestion()
        turn.ask_again()
    else:
        turn.enter(flow.first)
    turn.set_timers()
    return turn.state, turn.fx


def _kept_timers(turn: Turn) -> list[Timer]:
    return list(turn.state.timers)


def _keyword(turn: Turn, event: Inbound) -> str | None:
    if event.kind != "text" or not event.text:
        return None
    word = turn.ctx.lexicon.keyword(event.text, turn.lang)
    if word == "help" and _urgent_here(turn):
        # "SOS", "au secours", «النجدة» at "are you in danger?" mean `danger_now`: the
        # urgent case alerts a person at once and the questions go on.
        return None
    if word and _answers_the_question(turn, event):
        # A word of the question's own answers is that answer: Swahili "ndo" (yes) is
        # not a typo of "undo".
        return None
    return word if word in turn.flow.spec.globals.words else None


def _answers_the_question(turn: Turn, event: Inbound) -> bool:
    state = turn.state
    if state.pending or state.done or state.ended or turn.ctx.claimed:
        return False
    return exact_answer(turn.ctx, turn.lang, turn.current, event) is not None


def _urgent_here(turn: Turn) -> bool:
    """The question asked has an answer that makes the case urgent ("in danger now")."""
    state = turn.state
    if state.pending or state.done or state.ended or turn.ctx.claimed:
        return False
    return answers.urgent_option(turn) is not None


def _language_named(turn: Turn, event: Inbound) -> str | None:
    """A message that is only a language's name, outside the language menu itself."""
    if event.kind != "text" or not event.text:
        return None
    if isinstance(turn.current, LanguageStep | TextStep) and not turn.state.done:
        # The menu's own answer; at a free-text question ("nationality?" "Somali") the
        # name is the answer (the word "language" still opens the menu).
        return None
    tag = tools.language_named(turn.ctx, event.text)
    if tag not in turn.ctx.catalogs.languages:
        base = (tag or "").split("-")[0]
        tag = base if base in turn.ctx.catalogs.languages else None
    return tag


def ask_share(stored: dict[str, Any] | None, recipient: str) -> dict[str, Any]:
    """A caseworker asked the person whether we may contact `recipient`: her next yes or no
    (a tap or typed, even while the caseworker has the chat) is her answer. Stored form in,
    stored form out (the host's)."""
    state = load_state(stored) or ConversationState(ended="new")
    return state.model_copy(update={"share_asked": recipient}).stored()


def _share_answer(turn: Turn, event: Inbound) -> bool:
    recipient = turn.state.share_asked
    if not recipient or _keyword(turn, event):
        return False
    if event.kind == "choice":
        choice = {SHARE_YES: "yes", SHARE_NO: "no"}.get(event.choice_id or "")
    elif event.kind == "text":
        labels = {
            "yes": [turn.ctx.catalogs.format(turn.lang, SHARE_YES), "yes"],
            "no": [turn.ctx.catalogs.format(turn.lang, SHARE_NO), "no"],
        }
        choice = pick(turn.ctx, turn.lang, event, labels)
    else:
        choice = None
    if choice is None:
        return False  # not an answer: an ordinary message (the question stays open)
    turn.state.share_asked = None
    turn.fx.share_consent = {recipient: choice == "yes"}
    turn.say("share-answer-given" if choice == "yes" else "share-answer-refused")
    return True


def _claimed_exception(turn: Turn, event: Inbound) -> bool:
    """While a caseworker has the chat, only stop and erase (and its confirmation) work."""
    erasing = isinstance(turn.state.pending, EraseQuestion)
    return _keyword(turn, event) in ("stop", "erase") or erasing


def _inbound(turn: Turn, event: Inbound) -> None:
    word = _keyword(turn, event)
    pending = turn.state.pending
    if word:
        _global(turn, word)
    elif isinstance(pending, EraseQuestion):
        _erase_answer(turn, event)
    elif isinstance(pending, LanguageMenu):
        answers.language_menu(turn, event)
    elif event.kind == "text" and (point := _position(event)):
        places.shared_position(turn, *point)  # typed coordinates are a pin
    elif isinstance(pending, PlaceQuestion):
        places.which_place(turn, event, pending)
    elif isinstance(pending, TownQuestion):
        places.town_answer(turn, event, pending)
    elif isinstance(pending, ConfirmAnswer):
        answers.confirm(turn, event)
    elif tag := _language_named(turn, event):
        answers.switch_language(turn, tag)
    elif event.kind == "media":
        _media(turn, event)
        turn.ask_again()
    elif event.kind == "location" and event.location is not None:
        places.shared_location(turn, event)
    elif event.kind in ("unsupported", "contacts"):
        turn.say("unsupported-message")
        turn.ask_again()
    elif turn.state.done:
        turn.say("received-ack")
    else:
        answers.current_step(turn, event)


def _position(event: Inbound) -> tuple[float, float] | None:
    """The person's own position: a shared pin, or coordinates typed in a message."""
    if event.kind == "location" and event.location is not None:
        return event.location.latitude, event.location.longitude
    return coordinates.parse(event.text) if event.kind == "text" else None


def _media(turn: Turn, event: Inbound) -> None:
    media = event.media
    voice = media is not None and (media.voice or media.kind == "audio")
    turn.say("voice-note" if voice else "media-received")
    turn.fx.handoff = "media"


def _global(turn: Turn, word: str) -> None:
    if word == "stop":
        turn.end("stopped")
        turn.fx.stop = True
    elif word == "erase":
        turn.state.pending = EraseQuestion()
        turn.ask_again()
    elif word == "help":
        turn.say("help-handoff")
        turn.fx.handoff = "help"
        turn.state.pending = None
        turn.ask_again()
    elif word == "restart":
        state = turn.state
        state.answers, state.forced, state.kept, state.done = {}, {}, [], False
        state.location, state.emergency, state.emergency_for = None, None, None
        turn.say("restart-done")
        turn.enter(turn.flow.restart_step)
    elif word == "language":
        turn.state.pending = LanguageMenu()
        turn.ask_again()
    elif word == "change":
        _change(turn)


def _change(turn: Turn) -> None:
    """ "change": the question answered last, asked again; the flow goes on from there."""
    last = turn.state.last
    turn.state.pending = None
    if last in turn.flow.steps and not turn.state.done:
        turn.state.step, turn.state.misses, turn.state.last = last, 0, None
    turn.ask_again()


def _erase_answer(turn: Turn, event: Inbound) -> None:
    if event.kind == "choice":
        choice = {ERASE_YES: "yes", ERASE_NO: "no"}.get(event.choice_id or "")
    else:
        labels = {
            "yes": [turn.ctx.catalogs.format(turn.lang, ERASE_YES)],
            "no": [turn.ctx.catalogs.format(turn.lang, ERASE_NO)],
        }
        choice = pick(turn.ctx, turn.lang, event, labels)
    if choice == "yes":
        turn.end("erased")
        turn.fx.erase = True
        turn.say("erase-done")
        return
    turn.state.pending = None
    turn.say("erase-cancelled")
    if turn.ctx.claimed:
        return  # the caseworker has the chat: no question from the bot
    if choice == "no":
        turn.ask_again()
    else:
        _inbound(turn, event)  # not an answer to "delete?": treat it as a normal message


def _timeout(turn: Turn, event: Timeout) -> tuple[ConversationState, Effects]:
    if turn.ctx.claimed or turn.state.done:
        turn.fx.timers = _kept_timers(turn)
        return turn.state, turn.fx
    if event.name == "expire":
        turn.end("expired")  # silently: the bot never writes first without permission
        return turn.state, turn.fx
    kept = [t for t in _kept_timers(turn) if t.name != event.name]
    if event.name == "reminder" and turn.may_remind(now=True):
        turn.say("reminder")
        turn.state.reminded = turn.state.step
    elif event.name == "handoff":
        turn.fx.handoff = "flow"
    turn.fx.timers = kept
    turn.state.timers = kept
    return turn.state, turn.fx
