"""Darija's negation wrapped around a word, taken apart: "makan9belch" → "ma kan9bel".

Moroccan (and Egyptian) Arabic negate a verb or participle with "ma" before it and "ch"
after it, written as one word in both scripts ("ma3rftch", "mamkhliyinich", "ماكنقبلش"),
and often without the "ch" when "ma" is fused to a participle ("mamsmou7", not allowed).
The lists cannot hold every verb in every person with and without its negation; taken
apart, the word is the negation "ma" and a word the lists may know in its positive form,
so "not" before an answer works as in any language ("ma kan9bel" = not accept = no).
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["split_negations"]

# "ma" + at least three letters + "ch"/"sh"/"x" (Latin), "ما"/"م" + word + "ش" (Arabic).
_LATIN_WRAPPED = re.compile(r"^ma(?P<stem>[a-z0-9]{3,}?)(?:ch|sh|x)$")
_ARABIC_WRAPPED = re.compile("^ما?(?P<stem>[\u0621-\u064a]{3,}?)ش$")
# "ma" fused to a participle or a verb of the present ("mamsmou7", "mat9bel"): only when
# the rest is a known word, since "makla" (food) and "matar" (airport) are words too.
_LATIN_FUSED = re.compile(r"^ma(?P<stem>[mtkny][^aeiou][a-z0-9]{2,})$")
NEGATION = {"latin": "ma", "arabic": "ما"}
_CLOSING = {"ch", "sh", "x", "چ"}
_OPENING = {"ma", "ما"}


def split_negations(said: str, known: Callable[[str], bool]) -> str:
    """`said` (normalized) with each wrapped negation taken apart, unless the whole word is
    known already ("mabghitch" may be listed as it is). `known` says whether a word is in
    the lists, in any spelling."""
    tokens = said.split()
    # "ma mertah ch": the "ch" written apart closes the negation, it says nothing else.
    tokens = [t for i, t in enumerate(tokens) if not (t in _CLOSING and i and "ma" in tokens[:i])]
    out = []
    for i, token in enumerate(tokens):
        if known(token):
            out.append(token)
        elif i and tokens[i - 1] in _OPENING and (bare := _closed(token)) is not None:
            out.append(bare)  # "ma kan9derch", "ما كنعطاوش": the "ma" is already apart
        else:
            out.append(_split(token, known))
    return " ".join(out)


def _closed(token: str) -> str | None:
    """`token` without the "ch"/"ش" that closes a negation opened before it."""
    for end in ("ch", "sh", "x", "ش"):
        if token.endswith(end) and len(token) - len(end) >= 3:
            return token[: -len(end)]
    return None


def _split(token: str, known: Callable[[str], bool]) -> str:
    if m := _LATIN_WRAPPED.match(token):
        return f"{NEGATION['latin']} {m['stem']}"
    if m := _ARABIC_WRAPPED.match(token):
        return f"{NEGATION['arabic']} {m['stem']}"
    if (m := _LATIN_FUSED.match(token)) and known(m["stem"]):
        return f"{NEGATION['latin']} {m['stem']}"
    return token
