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


def split_negations(said: str, known: Callable[[str], bool]) -> str:
    """`said` (normalized) with each wrapped negation taken apart, unless the whole word is
    known already ("mabghitch" may be listed as it is). `known` says whether a word is in
    the lists, in any spelling."""
    tokens = said.split()
    # "ma mertah ch": the "ch" written apart closes the negation, it says nothing else.
    tokens = [t for i, t in enumerate(tokens) if not (t in _CLOSING and i and "ma" in tokens[:i])]
    return " ".join(token if known(token) else _split(token, known) for token in tokens)


def _split(token: str, known: Callable[[str], bool]) -> str:
    if m := _LATIN_WRAPPED.match(token):
        return f"{NEGATION['latin']} {m['stem']}"
    if m := _ARABIC_WRAPPED.match(token):
        return f"{NEGATION['arabic']} {m['stem']}"
    if (m := _LATIN_FUSED.match(token)) and known(m["stem"]):
        return f"{NEGATION['latin']} {m['stem']}"
    return token
