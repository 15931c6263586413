"""One turn of a conversation: the state being changed and the effects being collected.

The runner decides what an input means; a Turn knows how to move through the flow (run
action steps until the next question), record answers, open and update the case, give
the emergency number, and re-ask.
"""

from __future__ import annotations

from typing import Any

from bot.engine import emergency, priority, render
from bot.engine.compile import CompiledFlow
from bot.engine.context import Context
from bot.engine.effects import Effects, PlaceMatch, Timer
from bot.engine.schema import (
    CaseStep,
    EndStep,
    LanguageStep,
    PriorityStep,
    QuestionBase,
    SetStep,
    answer_key,
)
from bot.engine.state import (
    ConfirmAnswer,
    ConversationState,
    Ended,
    EraseQuestion,
    LanguageMenu,
    PlaceQuestion,
    TownQuestion,
)
from bot.engine.timers import may_write_first
from bot.engine.where import location_words

MAX_MOVES = 200  # action steps in one turn; a loop of actions in a flow stops here


def new_state(flow: CompiledFlow, lang: str) -> ConversationState:
    return ConversationState(flow=flow.id, flow_version=flow.version, step=flow.first, lang=lang)


class Turn:
    def __init__(self, flow: CompiledFlow, state: ConversationState, ctx: Context) -> None:
        self.flow = flow
        # The caller's state is left as it was. Only these two are changed in place; the
        # other nested values (location, pending, timers) are always replaced whole.
        self.state = state.model_copy(
            update={"answers": dict(state.answers), "forced": dict(state.forced)}
        )
        self.ctx = ctx
        self.fx = Effects()

    # -- reading -------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def current(self) -> Any:
        return self.flow.steps[self.state.step]

    def facts(self) -> dict[str, Any]:
        location = self.state.location or PlaceMatch()
        return {
            **self.state.answers,
            "language": self.lang,
            "country": location.country_code,
            "situation": location.situation,
            # "pin": the person's own position (a pin or typed coordinates), not a town's.
            "position": "pin" if location.latitude is not None and not location.text else None,
        }

    def prefs(self) -> dict[str, Any] | None:
        return self.fx.contact_prefs or self.ctx.contact_prefs

    # -- saying ------------------------------------------------------------------------
    def say(self, msg_id: str, **args: Any) -> None:
        self.fx.replies.append(render.say(self.ctx, self.lang, msg_id, **args))

    def ask_again(self) -> None:
        """The question the person is on: a side question if one is open, else the step's."""
        pending = self.state.pending
        if isinstance(pending, LanguageMenu):
            self.fx.replies.append(self._language_menu())
        elif isinstance(pending, PlaceQuestion | TownQuestion):
            self.fx.replies.append(render.place_question(self.ctx, self.lang, pending))
        elif isinstance(pending, EraseQuestion):
            self.fx.replies.append(render.erase_question(self.ctx, self.lang))
        elif isinstance(pending, ConfirmAnswer):
            reply = render.confirm_question(self.ctx, self.lang, self.current, pending.answer)
            self.fx.replies.append(reply)
        elif not self.state.done and self.flow.is_question(self.state.step):
            first = self.state.menu_first
            self.fx.replies.append(render.question(self.ctx, self.lang, self.current, first))
        elif not self.state.done:
            self.enter(self.state.step)  # a new conversation that began with "erase"

    def _language_menu(self) -> Any:
        step = self.flow.steps.get(self.flow.language_step or "")
        reply = render.ask(
            self.ctx,
            self.lang,
            "language-prompt",
            render.language_options(self.ctx, step, self.state.menu_first),  # type: ignore[arg-type]
            render.LANGUAGE_MENU_BUTTON,
        )
        return reply

    def miss(self, hint: str) -> None:
        """Not understood: a hint and the question again; at the limit, offer a person."""
        self.state.misses += 1
        limit = self.flow.spec.globals.max_misses
        if self.state.misses < limit:
            self.say(hint)
            self.ask_again()
        elif self.state.misses == limit:
            self.say("offer-human")
            self.fx.handoff = "misses"
        else:
            self.say("received-ack")

    # -- answers and the case --------------------------------------------------------------
    def record(self, key: str, value: Any) -> None:
        self.state.answers[key] = value
        if self.state.case_open:
            self.fx.answers[key] = value
            self._priority()

    def _priority(self) -> None:
        level, fired = priority.evaluate(self.flow.spec.priority, self.facts(), self.state.forced)
        self.fx.priority, self.fx.rules_fired = level, fired
        self.fx.indicators = priority.indicators(self.flow.spec.indicators, self.facts())

    def open_case(self, update_only: bool = False) -> None:
        if update_only and not self.state.case_open:
            return
        self.fx.open_case = self.fx.open_case or not update_only
        self.state.case_open = True
        self.fx.answers.update(self.state.answers)
        if self.state.location:
            self.fx.location = self.state.location
        self._priority()

    def set_location(self, place: PlaceMatch, near_km: float = 10.0, quiet: bool = False) -> None:
        """Store where the person is, say what we understood, and give the emergency number
        if it was waiting for the country. `quiet`: noted only (a caseworker has the chat)."""
        self.state.location = place
        self.fx.location = place
        if quiet:
            if self.state.case_open:
                self._priority()
            return
        msg_id, args = location_words(self.ctx, self.lang, place, near_km)
        self.say(msg_id, **args)
        if self.state.case_open:
            self._priority()
        if self.state.emergency is not None:  # pending, or given (again only at sea)
            self.emergency()

    def emergency(self) -> None:
        """The emergency numbers for where the person is, once per conversation; again only
        when "we are in a boat" got the numbers of every sea and a pin now says which."""
        again = self.state.emergency == "given"
        if again and not self._sea_now_placed():
            return
        location = self.state.location
        if location and (location.country_code or location.situation == emergency.AT_SEA):
            emergency.give(self, location, again=again)
            self.state.emergency = "given"
            self.state.emergency_for = _numbers_for(location)
        elif location is not None:
            self.say("emergency-unknown-country")
            emergency.hotline(self)
            self.state.emergency = "given"
        else:
            self.state.emergency = "pending"  # given as soon as the country is known

    def _sea_now_placed(self) -> bool:
        location = self.state.location or PlaceMatch()
        return (
            self.state.emergency_for == _numbers_for(PlaceMatch(situation=emergency.AT_SEA))
            and location.situation == emergency.AT_SEA
            and bool(location.country_code)
        )

    # -- moving ----------------------------------------------------------------------------
    def advance(self) -> None:
        """Leave the current step (its answer is recorded) for the next one."""
        self.enter(self.flow.advance(self.state.step, self.facts()))

    def enter(self, step_id: str | None) -> None:
        """Arrive at a step; run action steps until a question (asked) or the end."""
        for _ in range(MAX_MOVES):
            if step_id is None:
                self.finish()
                return
            self.state.step, self.state.misses = step_id, 0
            self.state.reminded, self.state.pending = None, None
            step = self.flow.steps[step_id]
            if isinstance(step, QuestionBase) and self._known(step):
                # Already answered (in passing, or before a case was resolved): not asked.
                step_id = self.flow.advance(step_id, self.facts())
                continue
            if step.say:
                self.say(step.say)
            if isinstance(step, QuestionBase):
                self.ask_again()
                return
            if isinstance(step, EndStep):
                self.finish(erase=step.erase)
                return
            self._act(step)
            step_id = self.flow.advance(step_id, self.facts())
        self.fx.handoff = "flow"  # a loop of action steps: let a person look

    def _known(self, step: QuestionBase) -> bool:
        if isinstance(step, LanguageStep):
            return "language" in self.state.kept
        return answer_key(step) in self.state.answers

    def _act(self, step: Any) -> None:
        if isinstance(step, SetStep):
            self.record(step.answer, step.value)
        elif isinstance(step, CaseStep):
            self.open_case(update_only=step.action == "update")
        elif isinstance(step, PriorityStep):
            self.state.forced[step.rule or step.id] = step.level
            self._priority()
        elif step.kind == "emergency":
            self.emergency()
        elif step.kind == "handoff":
            self.fx.handoff = "flow"

    def finish(self, erase: bool = False) -> None:
        self.state.done, self.state.pending = True, None
        if erase:
            self.end("declined")
            self.fx.erase = True
        else:
            self.fx.finished = True

    def end(self, reason: Ended) -> None:
        """The conversation is over; the next message starts a new one."""
        self.state.done, self.state.ended, self.state.pending = True, reason, None
        self.state.answers, self.state.location = {}, None

    # -- timers ----------------------------------------------------------------------------
    def set_timers(self) -> None:
        """The full set of timers for the new state (Effects.timers replaces earlier ones)."""
        timers: list[Timer] = []
        if not self.state.done:
            now = self.ctx.now
            expire = now + self.flow.spec.timeouts.expire_after
            step = self.current
            timeout = getattr(step, "timeout", None)
            if timeout and timeout.action == "expire":
                expire = now + timeout.after
            elif timeout and (timeout.action != "reminder" or self.may_remind()):
                timers.append(Timer(name=timeout.action, at=now + timeout.after))
            timers.append(Timer(name="expire", at=expire))
        self.state.timers = timers
        self.fx.timers = timers

    def may_remind(self, now: bool = False) -> bool:
        """Whether a reminder may be set (the person allows us to write first), or, with
        `now`, sent at this moment (also within their safe hours)."""
        if self.state.reminded == self.state.step:
            return False
        prefs = self.prefs()
        if not now:
            return bool(prefs and prefs.get("safe_to_message_first"))
        country = self.state.location.country_code if self.state.location else None
        return may_write_first(prefs, self.ctx.now, country)


def _numbers_for(location: PlaceMatch) -> str:
    """Which numbers were given: a country's, or a sea's ("sea:" when no pin said which)."""
    cc = location.country_code or ""
    return f"sea:{cc}" if location.situation == emergency.AT_SEA else cc
