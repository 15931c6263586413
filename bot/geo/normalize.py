"""Place-name normalization: one comparable key for a name however it was typed.

The same key function is used for the gazetteer's names, the NGO alias file and what a
person typed, so a match is a plain dictionary lookup:

- Latin: casefolded, accents stripped (Şabrātah → sabratah), apostrophes dropped
  (Ra's Lanuf → ras lanuf), hyphens and punctuation turned into single spaces.
- Arabic: harakat, tanwin, dagger alef and tatweel removed; alef forms (أ إ آ ٱ) → ا,
  ta marbuta ة → ه, alef maqsura ى → ي, hamza seats ؤ → و and ئ → ي, Persian yeh/kaf →
  Arabic ones (people and GeoNames mix them).
- Ge'ez (Amharic, Tigrinya): the letters that sound the same in Amharic are folded to one
  series (ሐ ኀ → ሀ, ሠ → ሰ, ዐ → አ, ፀ → ጸ), since people spell them either way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Literal

Script = Literal["latin", "arabic", "ethiopic", "other"]

# Marks removed after NFKD: Latin combining accents, Arabic harakat/tanwin/dagger alef (NFKD
# also splits أ إ آ ؤ ئ into a letter plus a hamza or madda mark, removed here), and tatweel.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
)
# Latin letters that carry their "accent" in the base letter, so NFKD does not strip it
# (Maltese Ħal Far, Polish Łódź). Applied after casefolding.
_LATIN_LETTERS = {"ħ": "h", "ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ð": "d"}
_ARABIC_LETTERS = {
    "ٱ": "ا",  # alef wasla (the other alef forms lose their mark in NFKD)
    "ة": "ه",  # ta marbuta
    "ى": "ي",  # alef maqsura
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # Persian kaf
    "ھ": "ه",  # heh doachashmee
}
# Apostrophe-like characters vanish (Ra's → ras): they are not word separators.
_APOSTROPHES = dict.fromkeys("'’‘ʼʻʿʾ`´", "")
# Ge'ez series (8 code points each) whose sounds merged in Amharic: first code point of the
# series → first code point of the series it is folded into. Only the seven plain orders:
# the eighth slot differs between series.
_ETHIOPIC_SERIES = {0x1210: 0x1200, 0x1280: 0x1200, 0x1220: 0x1230, 0x12D0: 0x12A0, 0x1340: 0x1338}
_ETHIOPIC_LETTERS = {
    chr(src + i): chr(dst + i) for src, dst in _ETHIOPIC_SERIES.items() for i in range(7)
}
_FOLD = str.maketrans(_LATIN_LETTERS | _ARABIC_LETTERS | _APOSTROPHES | _ETHIOPIC_LETTERS)
_WORD = re.compile(r"[^\W_]+")
# Arabic one-letter prefixes glued to a name: bi- (in), fa-, wa- (and), li- (to), ka- (like).
_AR_PREFIXES = ("ب", "ف", "و", "ل", "ك")
_AR_ARTICLE = "ال"
# Arabizi digits for Arabic letters, as they appear in place names (3in zara → ain zara).
_ARABIZI = str.maketrans({"2": "", "3": "a", "5": "kh", "7": "h", "8": "gh", "9": "q"})
_LETTERS_AND_DIGITS = re.compile(r"(?=.*[a-z])(?=.*[235789])")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
# French and Italian elisions: d'Oujda, l'Italia, j'habite.
_ELISION = re.compile(r"\b([cdjlmnst]|qu)['’](?=\w)", re.IGNORECASE)
# Anything not Latin, Arabic, Ge'ez, or general punctuation and spaces.
_OTHER_SCRIPT = re.compile(
    "[^\x00-\u024f\u1e00-\u1eff\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f\u2000-\u206f]"
)


def script_of(text: str) -> Script:
    """The script of the first letter in `text` (names rarely mix scripts)."""
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        if cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF:
            return "latin"
        if 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
            return "arabic"
        if 0x1200 <= cp <= 0x139F or 0x2D80 <= cp <= 0x2DDF or 0xAB00 <= cp <= 0xAB2F:
            return "ethiopic"
        return "other"
    return "other"


def has_other_script(text: str) -> bool:
    """True when `text` has a letter outside Latin, Arabic and Ge'ez (Cyrillic, Han, ...)."""
    return _OTHER_SCRIPT.search(text) is not None


def tokens(text: str) -> list[str]:
    """Normalized words of `text`, in order (see the module docstring for the rules)."""
    if text.isascii():  # fast path: most GeoNames alternate names, and Arabizi
        return _ASCII_WORD.findall(text.lower().replace("'", "").replace("`", ""))
    text = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall(_MARKS.sub("", text).translate(_FOLD))


def split_elisions(text: str) -> str:
    """French and Italian elisions as words of their own: "près d'Oujda" → "près d Oujda"
    (else "d'Oujda" is one word, "doujda", which only a typo match would find)."""
    return _ELISION.sub(r"\1 ", text)


def key(text: str) -> str:
    """The lookup key of a name: its normalized words joined by single spaces."""
    return " ".join(tokens(text))


def spelling_variants(k: str, arabizi: bool) -> Iterator[str]:
    """Key `k` itself, then keys of the same name with or without a prefix, or Arabizi digits.

    Arabic: a glued preposition (بطرابلس → طرابلس) and the article (الخرطوم ↔ خرطوم).
    Latin: al/el (al khums ↔ khums), and with `arabizi`, digits as letters (3in zara →
    ain zara). Tried in order until one is found, so exact spellings always win.
    """
    yield k
    script = script_of(k)
    if script == "arabic":
        stems = [k]
        if k[0] in _AR_PREFIXES and len(k.split(" ", 1)[0]) >= 4:
            stems.append(k[1:])  # بطرابلس → طرابلس
            yield k[1:]
        for stem in stems:
            if stem.startswith(_AR_ARTICLE):
                if len(stem) > 4:
                    yield stem[2:]  # الخرطوم → خرطوم
            else:
                yield _AR_ARTICLE + stem  # كفرة → الكفرة
    elif script == "latin":
        if arabizi and _LETTERS_AND_DIGITS.match(k):
            k = k.translate(_ARABIZI)
            yield k
        first, _, rest = k.partition(" ")
        if first in ("al", "el") and rest:
            yield rest
        elif not rest and len(k) >= 6 and k.startswith(("al", "el")):
            yield k[2:]
        else:
            yield "al " + k
            yield "el " + k
