"""How many people a reply counts: "me and 4 others" = 5, "5 women and 2 children" = 7.

`read_count` reads the answer to "how many people, counting you?": one number
(`numbers.parse_number`: digits of any script, number words, "about twenty"); groups added
up when joined by "and"; the person herself added when she says "me and …"; the largest of
a range ("10 or 15": a caseworker asks again, and too many is safer than too few). It also
tells whether children were mentioned, so the case can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.i18n.normalize import normalize
from bot.i18n.number_words import ALONE, CONNECTORS
from bot.i18n.numbers import parse_number

__all__ = ["Count", "read_count"]

# fmt: off
SELF = {"me", "moi", "ana", "أنا", "انا", "mimi", "aniga", "anigu", "እኔ", "ኣነ", "i"}
# "and" written at the end of the words it joins: Tigrinya "ኣነን", Amharic "እኔና".
SUFFIX_AND = ("ን", "ና")
# "and" between groups, in every language (CONNECTORS joins parts of one number too).
AND = {w for words in CONNECTORS.values() for w in words} | {"&", "plus", "pamoja", "እና"}
RANGE = {
    "or", "to", "ou", "a", "à", "au", "entre", "between", "أو", "او", "ولا", "wla", "ola",
    "hadi", "mpaka", "ilaa", "ወይም", "ወይ", "ድረስ", "ክሳብ",
}
CHILDREN = {
    "child", "children", "kid", "kids", "baby", "babies", "boy", "boys", "girl child",
    "enfant", "enfants", "bebe", "bebes", "gosses", "طفل", "أطفال", "اطفال", "طفلة",
    "أولاد", "اولاد", "ولاد", "دراري", "wlad", "drari", "tfal", "atfal", "watoto", "mtoto",
    "mtoto mchanga", "carruur", "caruur", "ilmo", "ilmaha", "ilmo yar", "ልጆች", "ልጅ",
    "ህፃናት", "ህጻናት", "ሕፃናት", "ቆልዑ", "ህጻን", "ውሉድ",
}
# fmt: on


@dataclass(frozen=True)
class Count:
    value: int
    children: bool = False


@cache
def _norm_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def _children(tokens: list[str]) -> bool:
    said = f" {' '.join(tokens)} "
    return any(f" {w} " in said for w in _norm_set(frozenset(CHILDREN)))


def _split(tokens: list[str], joiners: frozenset[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in joiners:
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


@cache
def _alone_words() -> frozenset[str]:
    return frozenset(normalize(w) for ws in ALONE.values() for p in ws for w in p.split())


def _split_and(tokens: list[str]) -> list[str]:
    """ "وأختي" (and my sister) → "و", "اختي"; "و٣" (and 3) → "و", "3"; "وحدي" (alone)
    stays whole. Tigrinya "ኣነን ሓብተይን" (me-and my-sister-and): "ኣነ", "እና", …"""
    out: list[str] = []
    for token in tokens:
        if (
            token[:1] == "و"
            and (len(token) > 3 or token[1:].isdigit())
            and (token not in _alone_words())
        ):
            out += ["و", token[1:]]
        elif token[-1:] in SUFFIX_AND and token[:-1] in _norm_set(frozenset(SELF)):
            out += [token[:-1], "እና"]
        else:
            out.append(token)
    return out


def _attached(token: str) -> str:
    # Arabic "و" and Arabizi "w" stuck to the next word: "وأنا", "w ana".
    return token[1:] if token[:1] == "و" and len(token) > 1 else token


def read_count(text: str, lang: str | None = None) -> Count | None:
    """The number of people `text` counts, or None when it holds no clear count."""
    text = text.replace("+", " plus ")
    tokens = _split_and(normalize(text, lang).split())
    if not tokens:
        return None
    children = _children(tokens)
    ands, ranges = _norm_set(frozenset(AND)), _norm_set(frozenset(RANGE))
    selves = _norm_set(frozenset(SELF))
    whole = parse_number(text, lang)
    digits = sum(t.isdigit() for t in tokens)
    said_self = any(
        _attached(t) in selves
        and (
            (i + 1 < len(tokens) and tokens[i + 1] in ands)
            or (i > 0 and tokens[i - 1] in ands)
            or (t != _attached(t))
        )
        for i, t in enumerate(tokens)
    )
    if whole is not None and digits <= 1:
        parts = _split(tokens, ands)
        # "me and 4 others": the others, and her; "me and my sister": two.
        if said_self and len(parts) > 1:
            if all(parse_number(" ".join(p), lang) is None for p in parts[1:]) and (
                parse_number(" ".join(parts[0]), lang) is None
            ):
                return Count(len(parts), children)
            return Count(whole + 1, children)
        return Count(whole, children)
    if ranges.intersection(tokens):
        values = [
            v for t in _split(tokens, ranges | ands) if (v := parse_number(" ".join(t), lang))
        ]
        return Count(max(values), children) if values else None
    parts = _split(tokens, ands)
    values = [parse_number(" ".join(p), lang) for p in parts]
    if len(parts) < 2 or not (said_self or any(values)):
        return None
    # Each group by its number; a person named without one ("my sister", "me") is one.
    return Count(sum(v or 1 for v in values), children)
