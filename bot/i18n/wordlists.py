"""Reading `locales/<tag>/words.yaml`: the words people type for keywords and answers.

The file is for NGO staff to extend without touching Python:

```yaml
keywords: {help: [...], restart: [...], language: [...], stop: [...], erase: [...]}
answers: {yes: [...], no: [...], danger_now: [...], ...}   # keyed by the flow's answer ids
alone: {with_me: [me, mine]}      # optional: answers only when they are the whole message
ordinals: [[first, 1st], [second, 2nd], ...]               # optional: "the second one"
negation: [not, never]                                      # optional: "not safe" ≠ "safe"
negation_after: [pas]            # optional: "je l'ai pas" ≠ "je l'ai" (negation after)
filler: [please, now]                                       # optional: "help please" = "help"
neutral: [the, has, it]      # optional: words that say nothing alone ("the madam keeps it")
doubtful: {not_safe: [maybe]}  # optional: phrases that hint at an answer, never surely: asked back
keyword_words:               # optional: a sentence with a word of each group is the keyword
  erase: [[delete, erase, remove], [everything, messages, data, "information*"]]
  stop.negated: [[dont, never], [message, write]]   # more groups for a keyword: "<kw>.<name>"
concepts:                    # optional: words that alone carry an answer, among any others
  held_by_authorities: [police, "deport*", detention center]
asking: [what do you mean]   # optional: a question back about the question answers nothing
```

`load_wordlist` is forgiving (a person in danger must still get answers when one list is
malformed: the bad part is skipped and logged); `sauti locales check` reports the problems.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.i18n.normalize import normalize

__all__ = [
    "ANSWER_IDS",
    "KEYWORDS",
    "OPTIONAL_KEYWORDS",
    "OPTIONAL_SECTIONS",
    "WORDS_FILE",
    "Wordlist",
    "load_wordlist",
    "read_yaml",
]

log = logging.getLogger(__name__)

WORDS_FILE = "words.yaml"
KEYWORDS = ("help", "restart", "language", "stop", "erase", "change")
OPTIONAL_KEYWORDS = ("change",)  # "change" (redo the last answer) came later: not required
# The default flow's answer ids (architecture A5), `skip` for optional questions, and the
# sea example's two extra safety answers (flows/examples/sea.yaml).
ANSWER_IDS = (
    "yes", "no", "unsure", "skip", "danger_now", "not_safe", "safe", "with_me",
    "held_by_employer", "held_by_agent", "held_by_authorities", "lost", "never_had",
    "anytime", "daytime", "never",
    "at_sea", "in_desert",
)  # fmt: skip
OPTIONAL_SECTIONS = (
    "alone", "ordinals", "negation", "negation_after", "filler", "neutral", "doubtful",
    "keyword_words", "concepts", "asking",
)  # fmt: skip

Phrases = tuple[str, ...]


@dataclass(frozen=True)
class Wordlist:
    """One language's words, already normalized."""

    lang: str
    keywords: dict[str, Phrases] = field(default_factory=dict)
    answers: dict[str, Phrases] = field(default_factory=dict)
    # Answers only as the whole message: "me" is `with_me`, "they took it from me" is not.
    alone: dict[str, Phrases] = field(default_factory=dict)
    ordinals: tuple[Phrases, ...] = ()
    negation: frozenset[str] = frozenset()
    # Words that negate the phrase just before them (Amharic አይደለም, French "je l'ai pas").
    negation_after: frozenset[str] = frozenset()
    filler: Phrases = ()
    # Words that say nothing alone ("the", "has", "it"): an answer's words inside a sentence
    # of such words are sure; beside other words ("talk to agent") the bot asks back.
    neutral: frozenset[str] = frozenset()
    # Phrases that hint at an answer without saying it ("maybe" at "are you in danger?"):
    # the bot asks back with that answer as a button, never records it from them alone.
    doubtful: dict[str, Phrases] = field(default_factory=dict)
    # keyword → groups of words: a short sentence with a word of every group is that
    # keyword ("please delete all my messages"). A word ending in "*" is a stem.
    keyword_words: dict[str, tuple[Phrases, ...]] = field(default_factory=dict)
    # answer → words that carry it wherever they stand ("CID took" is the authorities): one
    # salient concept, not a phrase. A word ending in "*" is a stem.
    concepts: dict[str, Phrases] = field(default_factory=dict)
    # A question about the question ("what do you mean", "c'est quoi"): with a word or two
    # after it ("what do you mean danger"), the message answers nothing.
    asking: Phrases = ()


class _WordLoader(yaml.SafeLoader):
    """Safe YAML where yes/no/on/off stay words: `yes: [yes, ok]` is not `True: [True, ...]`."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    """The YAML document at `path` (raises yaml.YAMLError or OSError)."""
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_WordLoader)  # noqa: S506 - a SafeLoader subclass


def _phrases(values: Any, lang: str) -> Phrases:
    if not isinstance(values, list):
        return ()
    words = (str(v) for v in values if v is not None)
    return tuple(dict.fromkeys(p for w in words if (p := normalize(w, lang))))


def _section(data: dict[str, Any], name: str, path: Path) -> dict[str, Phrases]:
    raw = data.get(name) or {}
    if not isinstance(raw, dict):
        log.error("%s: `%s` is not a mapping, ignored", path, name)
        return {}
    lang = path.parent.name
    return {str(k): p for k, v in raw.items() if (p := _phrases(v, lang))}


def _groups(data: dict[str, Any], path: Path) -> dict[str, tuple[Phrases, ...]]:
    raw = data.get("keyword_words") or {}
    if not isinstance(raw, dict):
        log.error("%s: `keyword_words` is not a mapping, ignored", path)
        return {}
    lang = path.parent.name
    found = {}
    for keyword, groups in raw.items():
        if isinstance(groups, list) and all(isinstance(g, list) for g in groups) and groups:
            found[str(keyword)] = tuple(_stems(g, lang) for g in groups)
    return found


def _concepts(data: dict[str, Any], path: Path) -> dict[str, Phrases]:
    raw = data.get("concepts") or {}
    if not isinstance(raw, dict):
        log.error("%s: `concepts` is not a mapping, ignored", path)
        return {}
    lang = path.parent.name
    return {str(k): p for k, v in raw.items() if isinstance(v, list) and (p := _stems(v, lang))}


def _stems(values: list[Any], lang: str) -> Phrases:
    """Like `_phrases`, keeping a "*" first or last (a stem: "deport*", "*nipiga")."""
    out = []
    for v in values:
        word = str(v)
        head, tail = word.startswith("*"), word.endswith("*")
        if p := normalize(word.strip("*"), lang):
            out.append(("*" if head else "") + p + ("*" if tail else ""))
    return tuple(dict.fromkeys(out))


def load_wordlist(path: Path) -> Wordlist:
    """The word list in `path`; malformed parts are logged and left out."""
    lang = path.parent.name
    try:
        data = read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        log.error("%s: cannot read (%s), ignored", path, type(exc).__name__)
        return Wordlist(lang)
    if not isinstance(data, dict):
        log.error("%s: not a mapping, ignored", path)
        return Wordlist(lang)
    ordinals = data.get("ordinals") or []
    return Wordlist(
        lang=lang,
        keywords=_section(data, "keywords", path),
        answers=_section(data, "answers", path),
        alone=_section(data, "alone", path),
        ordinals=tuple(_phrases(o, lang) for o in ordinals) if isinstance(ordinals, list) else (),
        negation=frozenset(_phrases(data.get("negation"), lang)),
        negation_after=frozenset(_phrases(data.get("negation_after"), lang)),
        filler=_phrases(data.get("filler"), lang),
        neutral=frozenset(_phrases(data.get("neutral"), lang)),
        doubtful=_section(data, "doubtful", path),
        keyword_words=_groups(data, path),
        concepts=_concepts(data, path),
        asking=_phrases(data.get("asking"), lang),
    )
