"""What a person sent → an answer: an option id, a number or a text (places: `places`).

Buttons carry option ids; typed answers go through, in order: the option id itself, the
option's number or ordinal ("2", "the second one"), then the Lexicon (labels in the
person's language and in English, words.yaml synonyms, the flow's own `words:`, fuzzy).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.engine import context as tools
from bot.engine.context import Context
from bot.engine.render import SKIP, languages, text
from bot.engine.schema import ChoiceStep, LanguageStep, QuestionBase, option_label
from bot.i18n.normalize import normalize
from bot.i18n.words import lexicon_chain
from bot.messages import Inbound

BORROWED_INSIDE = 0.5  # below answers.SURE: the bot asks back
NO = "no"  # the answer whose words are negations anyway ("no", "not now")


def _typed(event: Inbound) -> str:
    return (event.text or "").strip()


@dataclass(frozen=True)
class Reading:
    """What a person's message was read as: the answer, how sure (0..1), how, and why."""

    answer: str
    score: float = 1.0
    how: str = "exact"  # tap | id | ordinal | exact | emoji | inside | typo | elsewhere
    words: str = ""


def pick(ctx: Context, lang: str, event: Inbound, candidates: dict[str, list[str]]) -> str | None:
    """The candidate id the person chose, or None."""
    found = read(ctx, lang, event, candidates)
    return found.answer if found else None


def read(
    ctx: Context,
    lang: str,
    event: Inbound,
    candidates: dict[str, list[str]],
    means: dict[str, list[str]] | None = None,
) -> Reading | None:
    """The candidate the person chose and how sure we are, or None.

    `means` maps other answers to candidates ({"yes": ["danger_now"]}): their words count
    for those candidates, after the candidates' own words ("yes" at "are you in danger?").
    """
    if event.kind == "choice" and event.choice_id in candidates:
        return Reading(event.choice_id, how="tap")
    typed = _typed(event)
    if not typed:
        return None
    key = typed.casefold().replace(" ", "_")
    if key in candidates:
        return Reading(key, how="id", words=typed)
    ids = list(candidates)
    number = ctx.lexicon.ordinal(typed, lang, len(ids))
    if number is not None and 1 <= number <= len(ids):
        return Reading(ids[number - 1], how="ordinal", words=typed)
    borrowed = {a: [] for a in means or {}}
    for whole in (True, False):
        for table in (candidates, borrowed):
            found = _understand(ctx, lang, typed, table, whole) if table else None
            if found is None:
                continue
            if table is borrowed:
                owners = (means or {}).get(found.answer, [])
                if len(owners) != 1:
                    continue
                # "no" inside "we are in the desert, no water" does not say "safe": a
                # borrowed word among other words is asked back, never recorded. Nor is a
                # "yes" said with a negation ("no problem" is not "yes, in danger").
                negated = getattr(ctx.lexicon, "negated", None)
                said_no = found.answer != NO and negated and negated(found.words, lang)
                plain = found.score >= 1 and not said_no
                score = found.score if plain else min(found.score, BORROWED_INSIDE)
                found = Reading(owners[0], score, found.how, found.words)
            return found
    return None


def _understand(
    ctx: Context, lang: str, typed: str, candidates: dict[str, list[str]], whole: bool
) -> Reading | None:
    understand = getattr(ctx.lexicon, "understand", None)
    if understand is None:  # a lexicon that only matches: sure of what it finds
        answer = ctx.lexicon.match(typed, lang, candidates, whole=whole)
        return Reading(answer, words=typed) if answer else None
    found = understand(typed, lang, candidates, whole=whole)
    return Reading(found.answer, found.score, found.how, found.words) if found else None


def _labels(ctx: Context, lang: str, msg_id: str) -> list[str]:
    found = [text(ctx, lang, msg_id)]
    if lang != "en":
        found.append(text(ctx, "en", msg_id))
    return found


def choice_means(step: ChoiceStep) -> dict[str, list[str]]:
    """Other answers whose words mean an option here: {"yes": ["danger_now"]}."""
    found: dict[str, list[str]] = {}
    for option in step.options:
        for other in option.means:
            found.setdefault(other, []).append(option.id)
    return found


def read_choice(ctx: Context, lang: str, step: ChoiceStep, event: Inbound) -> Reading | None:
    """The option of a choice step the person chose, and how sure we are."""
    return read(ctx, lang, event, choice_candidates(ctx, lang, step), choice_means(step))


def choice_candidates(ctx: Context, lang: str, step: ChoiceStep) -> dict[str, list[str]]:
    chain = lexicon_chain(lang)  # the flow's own `words:` along the same chain as words.yaml
    candidates = {}
    for option in step.options:
        words = [w for tag in chain for w in option.words.get(tag, [])]
        candidates[option.id] = _labels(ctx, lang, option_label(step, option)) + words
    return candidates


def is_skip(ctx: Context, lang: str, step: QuestionBase, event: Inbound) -> bool:
    """A skippable step and the person tapped "skip" or wrote it (or "I don't know").

    For a choice, the Lexicon decides. For free text the whole message must be a skip
    phrase: an agency called "Next Step" is an answer, not a skip.
    """
    if not step.skippable:
        return False
    if event.kind == "choice":
        return event.choice_id == SKIP
    labels = _labels(ctx, lang, "option-skip")
    if isinstance(step, ChoiceStep):
        return pick(ctx, lang, event, {SKIP: labels}) == SKIP
    said = normalize(_typed(event), lang)
    return bool(said) and said in {normalize(p, lang) for p in labels + _skip_words(ctx, lang)}


def _skip_words(ctx: Context, lang: str) -> list[str]:
    # words.yaml's `skip` phrases, when the Lexicon exposes its lists (bot.i18n.words does).
    wordlist = getattr(ctx.lexicon, "wordlist", None)
    if wordlist is None:
        return ["skip"]
    return [p for tag in lexicon_chain(lang) for p in wordlist(tag).answers.get(SKIP, ())]


def language(ctx: Context, lang: str, step: LanguageStep | None, event: Inbound) -> str | None:
    """The locale tag chosen from the language menu: tapped, a name, a number or a tag;
    "yes"/"ok"/"wah" for the language the menu is written in; or else the language the
    answer itself is written in ("niko hatarini" on an English menu is Swahili)."""
    tags = languages(ctx, step)
    if event.kind == "choice" and event.choice_id in tags:
        return event.choice_id
    typed = _typed(event)
    if not typed:
        return None
    by_tag = {t.casefold(): t for t in tags}
    if typed.casefold() in by_tag:
        return by_tag[typed.casefold()]
    named = tools.language_by_name(ctx, typed)
    if named and named not in tags:
        named = named.split("-")[0]  # "darija" where only Arabic-script Darija is offered
    if named in tags:
        return named
    candidates = {t: [ctx.catalogs.format(t, "language-name")] for t in tags}
    chosen = pick(ctx, lang, event, candidates)
    if chosen is not None:
        return chosen
    # Only this language's own words for yes (and its fallbacks'): "oui" on an English menu
    # is French, below.
    if lang in tags and ctx.lexicon.match(typed, lang, {"yes": []}, whole=True) == "yes":
        return lang
    detected = tools.detect_language(ctx, typed, tags)
    if detected is None:
        # "እሺ" after "ሰላም": Amharic or Tigrinya script, and a word for yes in only one.
        tied = tools.language_choices(ctx, typed, tags)
        said_yes = [t for t in tied if ctx.lexicon.match(typed, t, {"yes": []}, whole=True)]
        return said_yes[0] if len(said_yes) == 1 else None
    if detected not in tags:
        return None
    # One word tells little ("la" is French, Swahili and Darija): only a word for yes.
    if len(typed.split()) > 1 or ctx.lexicon.match(typed, detected, {"yes": []}, whole=True):
        return detected
    return None


def exact_answer(ctx: Context, lang: str, step: Any, event: Inbound) -> str | None:
    """The option of a choice step that the whole message is ("SOS" at "are you in
    danger?"), or None; words inside a sentence and typos do not count here."""
    typed = _typed(event)
    if not isinstance(step, ChoiceStep) or event.kind != "text" or not typed:
        return None
    found = ctx.lexicon.match(typed, lang, choice_candidates(ctx, lang, step), whole=True)
    if found is None and (means := choice_means(step)):
        other = ctx.lexicon.match(typed, lang, {a: [] for a in means}, whole=True)
        owners = means.get(other or "", [])
        found = owners[0] if len(owners) == 1 else None
    return found


def number(
    ctx: Context, lang: str, event: Inbound, low: int | None, high: int | None
) -> int | None:
    typed = _typed(event)
    value = tools.parse_number(ctx, typed, lang) if typed else None
    if value is None or (low is not None and value < low) or (high is not None and value > high):
        return None
    return value


def count(ctx: Context, lang: str, event: Inbound, low: int | None, high: int | None) -> Any:
    """How many people the message counts ("me and 4 others" = 5), with whether children
    were mentioned; None when there is no clear count in range."""
    typed = _typed(event)
    found = tools.read_count(ctx, typed, lang) if typed else None
    value = found.value if found else None
    if value is None or (low is not None and value < low) or (high is not None and value > high):
        return None
    return found


def free_text(event: Inbound, max_length: int) -> str | None:
    typed = _typed(event)
    return typed[:max_length] if typed else None
