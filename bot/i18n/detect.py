"""Guessing the language of a message, to propose it (never to switch silently).

No library detects Moroccan Darija or Arabizi, and lingua knows neither Amharic nor
Tigrinya, so we route by Unicode script first (reference §3.3):

- Ethiopic: Tigrinya against Amharic by marker words and letters; on a tie ("ሰላም") we
  ask: the menu comes with both first (`language_choices`), never Amharic by default.
- A greeting alone: "slm", "asc" → Darija in Latin letters; "salaan" → Somali; "habari"
  → Swahili; "selam" → Amharic or Tigrinya (ask). Amharic and Tigrinya typed in Latin
  letters are told apart by their frequent words.
- Arabic: any Darija word → "ary", else "ar".
- Latin: digits inside words (3afak, 7na) or Darija words → "ary-Latn"; else frequent
  words plus lingua restricted to the Latin-script languages we support (en, fr, so, sw).

Every answer is a proposal (the language menu is always offered): None means "ask".

`language_by_name` reads a language's name anywhere in a message (for the language menu);
`language_named` only when the message is just that ("français", "Kiswahili please"), so a
person can switch at any step without a sentence being taken for a switch.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from bot.i18n import markers
from bot.i18n.normalize import normalize

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "detect_language",
    "language_by_name",
    "language_choices",
    "language_named",
    "script_of",
]
ETHIOPIC_TIE = ("am", "ti")  # Ge'ez script or "selam": ask, both first in the menu

LINGUA_LANGS = ("en", "fr", "so", "sw")
LINGUA_MIN = 0.75  # combined score the best language needs
LINGUA_MARGIN = 0.3  # and its lead over the next one
MARKER_WEIGHT = 0.3  # one frequent word of a language counts this much next to lingua

# "2nd", "3rd", "5pm", "9h", "3km": digits in English/French words, not Arabizi.
_NOT_ARABIZI = re.compile(
    r"\d+(st|nd|rd|th|am|pm|h|hr|hrs|km|kg|min|mn|mins|x|e|er|ere|eme|ieme|k|m|s|j|ans|dh|dt)"
)
_ARABIZI_DIGIT = re.compile(r"[a-z][235679]|[235679][a-z]")


def script_of(text: str) -> str | None:
    """ "Ethiopic", "Arabic" or "Latin": the script most letters of `text` are in."""
    counts: Counter[str] = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        code = ord(ch)
        if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F:
            counts["Ethiopic"] += 1
        elif 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF:
            counts["Arabic"] += 1
        elif ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):  # ASCII: a-z
            counts["Latin"] += 1
    return counts.most_common(1)[0][0] if counts else None


@cache
def _normalized(words: frozenset[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


# The marker sets are module constants: their normalized forms are kept by identity (with
# the set itself, so an id is never reused), instead of hashing the whole set per message.
_VOCABULARIES: dict[int, tuple[Collection[str], frozenset[str]]] = {}
_DARIJA_LATIN_STRONG = frozenset(markers.DARIJA_LATIN - markers.DARIJA_LATIN_WEAK)


def _vocabulary(words: Collection[str]) -> frozenset[str]:
    known = _VOCABULARIES.get(id(words))
    if known is None or known[0] is not words:
        known = _VOCABULARIES[id(words)] = (words, _normalized(frozenset(words)))
    return known[1]


def _hits(tokens: Iterable[str], words: Collection[str]) -> int:
    vocabulary = _vocabulary(words)
    return sum(1 for t in tokens if t in vocabulary)


def _ethiopic(text: str) -> str | None:
    """ "ti" or "am" by their marker words and letters; None on a tie."""
    tokens = normalize(text).split()
    ti = 2 * _hits(tokens, markers.TIGRINYA_WORDS)
    ti += sum(1 for ch in text if ch in markers.TIGRINYA_LETTERS)
    am = 2 * _hits(tokens, markers.AMHARIC_WORDS)
    am += 2 * sum(1 for t in tokens if t.endswith(markers.AMHARIC_ENDINGS))
    if ti == am:
        return None
    return "ti" if ti > am else "am"


def _is_arabizi(tokens: list[str]) -> bool:
    digits = sum(1 for t in tokens if _ARABIZI_DIGIT.search(t) and not _NOT_ARABIZI.fullmatch(t))
    strong = _hits(tokens, _DARIJA_LATIN_STRONG)
    weak = _hits(tokens, markers.DARIJA_LATIN_WEAK)
    if weak >= 2 and 2 * weak >= len(tokens):
        return True  # "ana fi khatar", "ana f libya": words that are Darija together
    return digits + strong >= 1 and (digits + strong + weak >= 2 or len(tokens) <= 2)


@cache
def _lingua() -> LanguageDetector:
    """The detector for en/fr/so/sw, built once on first use (low-accuracy mode: ~30 MB).

    It always weighs all four, even when a deployment supports fewer: restricted to en and
    fr it would call Swahili "French".
    """
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, t.upper())) for t in LINGUA_LANGS]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def _latin(text: str, tokens: list[str]) -> str | None:
    # "salam alikom" says nothing about the language (lingua would call it Swahili).
    tokens = [t for t in tokens if t not in _vocabulary(markers.GREETINGS)]
    if not tokens:
        return None
    text = " ".join(tokens)
    hits = {t: _hits(tokens, markers.LATIN_MARKERS[t]) for t in LINGUA_LANGS}
    marked = [t for t, n in hits.items() if n]
    if len(marked) == 1:
        # Frequent words of one language only: more reliable than lingua on short text.
        return marked[0]
    scores = {t: MARKER_WEIGHT * n for t, n in hits.items()}
    for value in _lingua().compute_language_confidence_values(text):
        tag = value.language.iso_code_639_1.name.lower()
        scores[tag] += value.value
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, score), (_, runner_up) = ranked[0], ranked[1]
    if score >= LINGUA_MIN and score - runner_up >= LINGUA_MARGIN:
        return best
    return None


def _first_supported(supported: Collection[str], *tags: str) -> str | None:
    return next((t for t in tags if t in supported), None)


def detect_language(text: str, supported: list[str]) -> str | None:
    """The language `text` is probably written in, among `supported`, or None if unsure."""
    found = language_choices(text, supported)
    return found[0] if len(found) == 1 else None


def language_choices(text: str, supported: list[str]) -> tuple[str, ...]:
    """The languages `text` may be in: one when we can tell, two when Amharic and Tigrinya
    tie ("ሰላም", "selam": the bot asks, with both first in the menu), none when unsure."""
    found = _detect(text, tuple(supported))
    if found == ETHIOPIC_TIE:
        return tuple(t for t in ETHIOPIC_TIE if t in supported)
    return (found,) if isinstance(found, str) else ()


def _greeting(tokens: list[str]) -> str | tuple[str, ...] | None:
    """The language of a message that is only greetings ("slm", "habari", "selam")."""
    if not tokens:
        return None
    table = _greeting_table()
    if all(t in _vocabulary(markers.ETHIOPIC_LATIN_SHARED) for t in tokens):
        return ETHIOPIC_TIE
    found = {table.get(t) for t in tokens}
    return found.pop() if len(found) == 1 else None


@cache
def _greeting_table() -> dict[str, str]:
    return {normalize(word): tag for word, tag in markers.GREETING_LANGUAGE.items()}


def _ethiopic_latin(tokens: list[str]) -> str | tuple[str, ...] | None:
    """Amharic or Tigrinya typed in Latin letters, by their frequent words."""
    am = _hits(tokens, markers.AMHARIC_LATIN)
    ti = _hits(tokens, markers.TIGRINYA_LATIN)
    if not am and not ti:
        return None
    if am == ti:
        return ETHIOPIC_TIE
    return "am" if am > ti else "ti"


@lru_cache(maxsize=4096)  # first messages repeat a lot ("hi", "salam", "bonjour")
def _detect(text: str, supported: tuple[str, ...]) -> str | tuple[str, ...] | None:
    script = script_of(text)
    if script == "Ethiopic":
        found = _ethiopic(text)
        if found is None:
            both = tuple(t for t in ETHIOPIC_TIE if t in supported)
            return both if len(both) > 1 else (both[0] if both else None)
        return found if found in supported else None
    tokens = normalize(text).split()
    if script == "Arabic":
        if _hits(tokens, markers.DARIJA_ARABIC):
            return _first_supported(supported, "ary", "ar")
        return _first_supported(supported, "ar")
    if script != "Latin":
        return None
    greeting = _greeting(tokens)
    if greeting is None:
        greeting = _ethiopic_latin(tokens) if not _latin_marked(tokens) else None
    if greeting == ETHIOPIC_TIE:
        both = tuple(t for t in ETHIOPIC_TIE if t in supported)
        return both if len(both) > 1 else (both[0] if both else None)
    if greeting is not None:
        if greeting == "ary-Latn":
            return _first_supported(supported, "ary-Latn", "ary", "ar")
        return greeting if greeting in supported else None
    if _is_arabizi(tokens):
        return _first_supported(supported, "ary-Latn", "ary")
    found = _latin(text, tokens)
    return found if found in supported else None


def _latin_marked(tokens: list[str]) -> bool:
    """Whether frequent words of en/fr/sw/so outnumber Ethiopic-in-Latin ones."""
    others = max(_hits(tokens, markers.LATIN_MARKERS[t]) for t in LINGUA_LANGS)
    ours = _hits(tokens, markers.AMHARIC_LATIN) + _hits(tokens, markers.TIGRINYA_LATIN)
    return others > ours


@cache
def _name_table() -> tuple[tuple[str, str, str], ...]:
    """(tag, normalized name, its first word) for every name of every language."""
    return tuple(
        (tag, name, name.split()[0])
        for tag, names in markers.LANGUAGE_NAMES.items()
        for name in sorted(_normalized(frozenset(names)))
        if name
    )


@cache
def _around_names() -> frozenset[str]:
    return _normalized(frozenset(markers.AROUND_NAMES))


def _names(said: str) -> dict[str, str]:
    """Each language named in the normalized text `said`, with the longest name found."""
    words = set(said.split())
    found: dict[str, str] = {}
    for tag, name, first in _name_table():
        if first in words and f" {name} " in f" {said} " and len(name) > len(found.get(tag, "")):
            found[tag] = name
    # "darija latin" names ary-Latn; the "darija" inside it does not also count for ary.
    return {
        tag: name
        for tag, name in found.items()
        if not any(other != name and f" {name} " in f" {other} " for other in found.values())
    }


def _by_script(tag: str, text: str) -> str:
    # "darija" typed in Latin letters: the person writes Latin letters, and the menu labels
    # Arabizi "Darija"; «الدارجة» in Arabic letters stays Arabic-script Darija.
    if tag == "ary" and script_of(text) == "Latin":
        return "ary-Latn"
    return tag


def language_by_name(text: str) -> str | None:
    """The tag of the language `text` names: "français" → "fr", "ትግርኛ" → "ti"."""
    said = normalize(text)
    if not said:
        return None
    tags = set(_names(said))
    return _by_script(tags.pop(), text) if len(tags) == 1 else None


def language_named(text: str) -> str | None:
    """The tag when `text` is only a language's name, maybe with a polite or linking word
    ("français", "Kiswahili tafadhali", "in English", "بالعربية"); else None."""
    said = normalize(text)
    found = _names(said) if said else {}
    if len(found) != 1:
        return None
    tag, name = next(iter(found.items()))
    rest = f" {said} ".replace(f" {name} ", " ", 1).split()
    if any(t not in _around_names() for t in rest):
        return None
    return _by_script(tag, text)
