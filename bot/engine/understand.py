"""`sauti understand`: what the bot would make of a phrase at a question, and why.

For NGO staff trying words without a phone: the answer that would be recorded (or the
keyword, or "asked back"), the words it was read from, and how sure the match is.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.engine import answers, matching
from bot.engine.compile import CompiledFlow
from bot.engine.context import Context
from bot.engine.runner import step as run_step
from bot.engine.schema import ChoiceStep, NumberStep, QuestionBase
from bot.engine.state import ConfirmAnswer, ConversationState
from bot.engine.turn import new_state
from bot.messages import Inbound

__all__ = ["explain"]


def _event(text: str) -> Inbound:
    return Inbound(
        kind="text", text=text, channel="simulator", dedupe_key="understand",
        business_id="understand", contact_id="understand", timestamp=datetime.now(UTC),
    )  # fmt: skip


def explain(flow: CompiledFlow, ctx: Context, lang: str, step_id: str, text: str) -> list[str]:
    """Lines saying what `text` typed at `step_id` in `lang` would do, and why."""
    if step_id not in flow.steps or not isinstance(flow.steps[step_id], QuestionBase):
        questions = [s for s, v in flow.steps.items() if isinstance(v, QuestionBase)]
        return [f"unknown question {step_id!r}; questions: {', '.join(questions)}"]
    question = flow.steps[step_id]
    event = _event(text)
    lines = [f"{lang} at {step_id}: {text!r}"]
    keyword = ctx.lexicon.keyword(text, lang)
    if keyword:
        lines.append(f"keyword: {keyword}")
    if isinstance(question, ChoiceStep):
        reading = matching.read_choice(ctx, lang, question, event)
        if reading is None:
            lines.append("no answer matches")
        else:
            sure = "sure" if reading.score >= answers.SURE else "not sure: asks back"
            lines.append(
                f"reads as: {reading.answer} (score {reading.score:.2f}, {sure}; "
                f"{reading.how}: {reading.words!r})"
            )
    elif isinstance(question, NumberStep):
        count = matching.count(ctx, lang, event, question.min, question.max)
        if count is None:
            lines.append("no number in range")
        else:
            children = ", children mentioned" if count.children else ""
            lines.append(f"counts: {count.value}{children}")
    state = new_state(flow, lang)
    state.step = step_id
    new, fx = run_step(flow, state, event, ctx)
    lines.append(f"would: {_outcome(step_id, question, new, fx)}")
    return lines


def _outcome(step_id: str, question: Any, new: ConversationState | None, fx: Any) -> str:
    pending = new.pending if new else None
    answers = new.answers if new else {}
    key = question.answer or step_id
    if fx.stop:
        return "stop the conversation"
    if isinstance(pending, ConfirmAnswer):
        return f"ask back: did you mean {pending.answer}?"
    if pending is not None and pending.kind in ("erase", "language"):
        return f"ask about {pending.kind}"
    if fx.handoff == "help":
        return "hand the chat to a person (help)"
    if key in answers:
        extra = {k: v for k, v in answers.items() if k != key}
        also = f" (also {extra})" if extra else ""
        return f"record {key} = {answers[key]!r}{also}"
    return "ask the question again (not understood)"
