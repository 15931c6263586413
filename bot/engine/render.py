"""Turning message ids into Replies in the person's language.

Every text comes from the catalogs; this module only chooses ids, options and flags
(menu label, location request). Questions are rendered from the flow's step and the state.
"""

from __future__ import annotations

from typing import Any

from bot.engine.context import Context
from bot.engine.schema import (
    ChoiceStep,
    LanguageStep,
    LocationStep,
    QuestionBase,
    StepBase,
    option_label,
    prompt_id,
)
from bot.engine.state import PlaceQuestion, TownQuestion
from bot.messages import Option, Reply

SKIP = "skip"
PLACE_OTHER = "place:other"
CONFIRM_OTHER = "confirm:other"  # "no, something else" under "Did you mean …?"
ERASE_YES, ERASE_NO = "erase-yes", "erase-no"
MENU_BUTTON = "menu-button"
LANGUAGE_MENU_BUTTON = "language-menu-button"


def message_args(ctx: Context) -> dict[str, Any]:
    """The values any message may use: $org, $days, $case, $hotline (0 when there is none,
    so a message can select on `[0]`)."""
    return {
        "org": ctx.org,
        "days": ctx.retention_days,
        "case": ctx.case_ref,
        "hotline": ctx.hotline or 0,
    }


def text(ctx: Context, lang: str, msg_id: str, **args: Any) -> str:
    return ctx.catalogs.format(lang, msg_id, **{**message_args(ctx), **args})


def say(ctx: Context, lang: str, msg_id: str, **args: Any) -> Reply:
    return Reply(text=text(ctx, lang, msg_id, **args), lang=lang)


def ask(
    ctx: Context,
    lang: str,
    msg_id: str,
    options: list[Option],
    menu: str = MENU_BUTTON,
    **args: Any,
) -> Reply:
    return Reply(
        text=text(ctx, lang, msg_id, **args),
        options=options,
        menu_label=text(ctx, lang, menu) if options else None,
        lang=lang,
    )


def languages(ctx: Context, step: LanguageStep | None) -> list[str]:
    """The language menu: the flow's order first, then any other locale with a catalog."""
    available = list(ctx.catalogs.languages)
    wanted = [t for t in (step.languages or []) if t in available] if step else []
    return wanted + [t for t in available if t not in wanted]


def language_options(
    ctx: Context, step: LanguageStep | None, first: list[str] | None = None
) -> list[Option]:
    # Each language is labelled in its own words, so a person finds theirs in any script;
    # `first` (Amharic and Tigrinya when a message could be either) come at the top.
    tags = languages(ctx, step)
    tags = [t for t in first or [] if t in tags] + [t for t in tags if t not in (first or [])]
    return [Option(id=t, title=ctx.catalogs.format(t, "language-name")) for t in tags]


def choice_options(ctx: Context, lang: str, step: ChoiceStep) -> list[Option]:
    return [Option(id=o.id, title=text(ctx, lang, option_label(step, o))) for o in step.options]


def skip_option(ctx: Context, lang: str) -> Option:
    return Option(id=SKIP, title=text(ctx, lang, "option-skip"))


def question(ctx: Context, lang: str, step: StepBase, first: list[str] | None = None) -> Reply:
    """The question a step asks, with its options (`first`: languages shown first)."""
    assert isinstance(step, QuestionBase)
    if isinstance(step, LanguageStep):
        options = language_options(ctx, step, first)
        return ask(ctx, lang, prompt_id(step), options, LANGUAGE_MENU_BUTTON)
    options = choice_options(ctx, lang, step) if isinstance(step, ChoiceStep) else []
    if step.skippable:
        options.append(skip_option(ctx, lang))
    reply = ask(ctx, lang, prompt_id(step), options)
    if isinstance(step, LocationStep):
        reply.request_location = True
    return reply


def place_question(ctx: Context, lang: str, pending: PlaceQuestion | TownQuestion) -> Reply:
    """The open side question: which place, is it this place, or which town."""
    if isinstance(pending, TownQuestion):
        return ask(ctx, lang, "location-town-prompt", [Option(id=SKIP, title=text(ctx, lang,
                   "option-skip"))])  # fmt: skip
    other = Option(id=PLACE_OTHER, title=text(ctx, lang, "location-other"))
    if pending.confirm:
        c = pending.candidates[0]
        yes = Option(id=c.id, title=text(ctx, lang, "location-yes"))
        return ask(ctx, lang, "location-confirm", [yes, other], place=c.shown,
                   country=c.country)  # fmt: skip
    options = [Option(id=c.id, title=c.title) for c in pending.candidates]
    return ask(ctx, lang, "location-ambiguous", [*options, other], name=pending.typed)


def confirm_question(ctx: Context, lang: str, step: ChoiceStep, likely: str) -> Reply:
    """ "Did you mean: my employer?" with that answer and "no, something else"."""
    option = next(o for o in step.options if o.id == likely)
    label = text(ctx, lang, option_label(step, option))
    options = [
        Option(id=likely, title=label),
        Option(id=CONFIRM_OTHER, title=text(ctx, lang, "confirm-other")),
    ]
    return ask(ctx, lang, "confirm-prompt", options, answer=label)


def erase_question(ctx: Context, lang: str) -> Reply:
    # Ids of their own, so a stale "yes" button from the consent question never erases.
    options = [
        Option(id=ERASE_YES, title=text(ctx, lang, "erase-yes")),
        Option(id=ERASE_NO, title=text(ctx, lang, "erase-no")),
    ]
    return ask(ctx, lang, "erase-confirm", options)
