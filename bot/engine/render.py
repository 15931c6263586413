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
from bot.messages import Option, Reply

SKIP = "skip"
PLACE_OTHER = "place:other"
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


def language_options(ctx: Context, step: LanguageStep | None) -> list[Option]:
    # Each language is labelled in its own words, so a person finds theirs in any script.
    return [
        Option(id=t, title=ctx.catalogs.format(t, "language-name")) for t in languages(ctx, step)
    ]


def choice_options(ctx: Context, lang: str, step: ChoiceStep) -> list[Option]:
    return [Option(id=o.id, title=text(ctx, lang, option_label(step, o))) for o in step.options]


def skip_option(ctx: Context, lang: str) -> Option:
    return Option(id=SKIP, title=text(ctx, lang, "option-skip"))


def question(ctx: Context, lang: str, step: StepBase) -> Reply:
    """The question a step asks, with its options."""
    assert isinstance(step, QuestionBase)
    if isinstance(step, LanguageStep):
        return ask(ctx, lang, prompt_id(step), language_options(ctx, step), LANGUAGE_MENU_BUTTON)
    options = choice_options(ctx, lang, step) if isinstance(step, ChoiceStep) else []
    if step.skippable:
        options.append(skip_option(ctx, lang))
    reply = ask(ctx, lang, prompt_id(step), options)
    if isinstance(step, LocationStep):
        reply.request_location = True
    return reply


def place_question(ctx: Context, lang: str, pending: dict[str, Any]) -> Reply:
    """ "There is more than one Tripoli. Which one?" with the candidates as options."""
    options = [Option(id=c["id"], title=c["title"]) for c in pending["candidates"]]
    options.append(Option(id=PLACE_OTHER, title=text(ctx, lang, "location-other")))
    return ask(ctx, lang, "location-ambiguous", options, name=pending["typed"])


def erase_question(ctx: Context, lang: str) -> Reply:
    # Ids of their own, so a stale "yes" button from the consent question never erases.
    options = [
        Option(id=ERASE_YES, title=text(ctx, lang, "erase-yes")),
        Option(id=ERASE_NO, title=text(ctx, lang, "erase-no")),
    ]
    return ask(ctx, lang, "erase-confirm", options)
