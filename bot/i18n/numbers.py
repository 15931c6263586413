"""Reading a count from a message: "16", "١٦", "۱۶", "፲፮", "sixteen", "kumi na sita", "sta3ch".

`parse_number` answers only when the message holds one number: several different numbers
("3 women and 2 children") give None, so the bot asks again instead of guessing. A message
with no number that says "alone" ("ana bo7di", "peke yangu", "ብቻዬን") is 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from bot.i18n import number_words as nw
from bot.i18n.ethiopic import number_words
from bot.i18n.normalize import normalize, skeleton

__all__ = ["ethiopic_value", "parse_number", "word_value"]

_DIGITS = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")
_GROUPED = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")  # "1,000" / "1.000"
_ETHIOPIC_RUN = re.compile("[\u1369-\u137c]+")
_ETHIOPIC = {chr(0x1369 + i): i + 1 for i in range(9)} | {
    chr(0x1372 + i): (i + 1) * 10 for i in range(9)
}
_QUATRE_VINGT = re.compile(r"\bquatre (vingts?)\b")
_UNE_VINGTAINE = re.compile(r"\b(?:une|a) (\w+aine|dozen)\b")  # "une vingtaine" is 20, not 21
_Word = tuple[int, bool]  # (value, is a multiplier)


def ethiopic_value(run: str) -> int:
    """The value of a run of Ge'ez numerals: "፲፮" = 16, "፪፻፴" = 230."""
    total, group = 0, 0
    for ch in run:
        if ch == "\u137b":  # ፻ hundred
            group = (group or 1) * 100
        elif ch == "\u137c":  # ፼ ten thousand
            total = (total + (group or 1)) * 10_000
            group = 0
        else:
            group += _ETHIOPIC[ch]
    return total + group


@cache
def _table(lang: str) -> tuple[dict[str, _Word], dict[str, _Word]]:
    """Normalized word → value for `lang`, plus a skeleton index for Arabizi spellings."""
    words: dict[str, _Word] = {}
    # Darija in Arabic letters uses the Arabic words too ("تنين و عشرين").
    for word, value in nw.UNITS.get("ar", {}).items() if lang == "ary" else ():
        words[normalize(word)] = (value, False)
    for word, value in nw.UNITS.get(lang, {}).items():
        words[normalize(word)] = (value, False)
    for word, value in nw.MULTIPLIERS.get(lang, {}).items():
        words[normalize(word)] = (value, True)
    skeletons: dict[str, _Word] = {}
    if lang == "ary-Latn":
        clashes: set[str] = set()
        for word, entry in words.items():
            key = skeleton(word)
            if len(key) < 3:
                continue
            if key in skeletons and skeletons[key] != entry:
                clashes.add(key)
            skeletons[key] = entry
        for key in clashes:
            del skeletons[key]
    return words, skeletons


def word_value(token: str, lang: str) -> _Word | None:
    """(value, is a multiplier) of one normalized token read as `lang`, or None."""
    words, skeletons = _table(lang)
    if token in words:
        return words[token]
    # An attached "and": Arabic "وعشرون", Arabizi "w3chrin", Tigrinya "ዕስራን".
    prefix, suffix = nw.PREFIX_CONNECTORS.get(lang), nw.SUFFIX_CONNECTORS.get(lang)
    if prefix and token.startswith(prefix) and token[len(prefix) :] in words:
        return words[token[len(prefix) :]]
    if suffix and token.endswith(suffix) and token[: -len(suffix)] in words:
        return words[token[: -len(suffix)]]
    # An article or preposition stuck to the number: "العشرين" (the twenty), Arabizi
    # "l3chrin", Amharic "ከሰላሳ" (from thirty: "ከሰላሳ በላይ", more than thirty).
    for stuck in nw.ATTACHED_BEFORE.get(lang, ()):
        rest = token[len(stuck) :]
        if token.startswith(stuck) and len(rest) >= 2 and rest in words:
            return words[rest]
    if skeletons:
        key = skeleton(token)
        if len(key) >= 3 and key in skeletons:
            return skeletons[key]
    teen = _teen(token, lang)
    return (teen, False) if teen is not None else None


_LATIN_VOWELS = re.compile("[aeiou3]")


def _teen(token: str, lang: str) -> int | None:
    """11 to 19 said as one worn word: "خمسطعش", "اتناش", "tlettach", "sbatach"."""
    for script in nw.TEEN_SCRIPTS.get(lang, ()):
        units = nw.TEEN_UNITS[script]
        for ending in nw.TEEN_ENDINGS[script]:
            if not token.endswith(ending) or len(token) == len(ending):
                continue
            start = token[: -len(ending)]
            if script == "latin":
                start = _LATIN_VOWELS.sub("", start.replace("kh", "5").replace("h", "7"))
                start = {"5ms": "khms"}.get(start, start)
            if start in units:
                return units[start] + 10
    return None


def _combine(values: list[_Word], multiplier_first: bool) -> int | None:
    """One number from its parts, or None when the parts make no sense ("five six")."""
    total, group, prev = 0, 0, None
    i = 0
    while i < len(values):
        value, is_mult = values[i]
        if is_mult and multiplier_first:
            nxt = values[i + 1] if i + 1 < len(values) else None
            limit = 10 if value == 100 else 100
            if nxt and not nxt[1] and 0 < nxt[0] < limit:
                value *= nxt[0]
                i += 1
            total += value
            prev = None
        elif is_mult:
            group = (group or 1) * value
            if value >= 1000:
                total, group = total + group, 0
            prev = None
        else:
            if prev is not None and prev < 10 and value < 10:
                return None
            group += value
            prev = value
        i += 1
    return total + group


def _runs(toks: list[str], lang: str) -> list[tuple[int | None, int]]:
    """Each run of number words in `toks` read with `lang`'s words: (value, words used)."""
    connectors = nw.CONNECTORS.get(lang, set())
    nouns = nw.COUNTING_NOUNS.get(lang, set())
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    previous = ""
    for tok in toks:
        # Darija "عشرين واحد" is "twenty people", not 21 (that is "واحد وعشرين").
        counted = tok in nouns and current and previous not in connectors
        previous = tok
        entry = None if counted else word_value(tok, lang)
        if entry is not None:
            current.append(entry)
        elif not (tok in connectors and current):
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [(_combine(run, lang in nw.MULTIPLIER_FIRST), len(run)) for run in runs]


def _languages(lang: str | None) -> Iterable[str]:
    if lang in nw.UNITS:
        yield lang
    yield from (tag for tag in nw.UNITS if tag != lang)


def parse_number(text: str, lang: str | None = None) -> int | None:
    """The one number `text` holds, written in digits of any script or in words.

    Digits win over words. Words are read with `lang` first; without a reading in `lang`,
    every language is tried and the reading that uses most words wins. None when there is
    no number, more than one, or two equally good readings.
    """
    text = _GROUPED.sub("", text)
    found = {ethiopic_value(run) for run in _ETHIOPIC_RUN.findall(text)}
    flat = normalize(text, lang)
    found |= {int(d) for d in _DIGITS.findall(flat)}
    if found:
        return found.pop() if len(found) == 1 else None
    toks = _UNE_VINGTAINE.sub(r"\1", _QUATRE_VINGT.sub(r"quatre\1", flat)).split()
    toks = number_words(toks, lang, _table(lang)[0] if lang else {})  # "selasa": ሰላሳ
    readings: dict[int, int] = {}  # value → most number words any language read it from
    for tag in _languages(lang):
        runs = _runs(toks, tag)
        if not runs:
            continue
        if len(runs) != 1 or runs[0][0] is None:
            if tag == lang:
                return None
            continue
        value, used = runs[0]
        if tag == lang:
            return value
        readings[value] = max(used, readings.get(value, 0))
    # Without `lang`: the reading that explains most words wins ("kumi na sita" is Swahili
    # 16, not Arabizi "sita" = 6), if it is the only one that long.
    best = [v for v, used in readings.items() if used == max(readings.values(), default=0)]
    if best:
        return best[0] if len(best) == 1 else None
    return 1 if _alone(flat) else None


@cache
def _alone_phrases() -> frozenset[str]:
    return frozenset(normalize(p) for phrases in nw.ALONE.values() for p in phrases)


def _alone(flat: str) -> bool:
    """ "alone", "ana bo7di", "peke yangu", and no "not" before it."""
    said = f" {flat} "
    if not any(f" {p} " in said for p in _alone_phrases()):
        return False
    return not any(t in _not_alone() for t in flat.split())


@cache
def _not_alone() -> frozenset[str]:
    return frozenset(normalize(w) for w in nw.NOT_ALONE)
