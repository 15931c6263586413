"""Text normalization for matching what people type: one function used on both sides.

`normalize` folds case, punctuation, accents, Arabic letter variants, stretched letters
("laaaa") and digits in other scripts, so that a word list entry and a typed message compare
equal. `skeleton` goes further for Arabizi (Darija in Latin letters), whose vowels vary from
one writer to the next ("3awnouni", "3awnoni", "3awnuni").
"""

from __future__ import annotations

import re
import unicodedata

from bot.i18n.ethiopic import fold as fold_geez

__all__ = ["normalize", "skeleton", "squeeze", "tokens"]

# Harakat, Quranic marks, superscript alef: never meaningful in chat text.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        # Persian/Urdu keyboards are common on cheap phones.
        "ی": "ي",
        "ک": "ك",
        "ۀ": "ه",
    }
)
# Apostrophes join ("j'ai" = "jai", Somali "ma'aha" = "maaha"), other punctuation splits.
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb`\u00b4]")
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_FINAL_DOUBLE = re.compile(r"([^\W\d_])\1\b")
_LATIN_VOWELS = re.compile("[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
# Arabizi spellings that vary more than vowels do; digits are the canonical form.
_ARABIZI_DIGRAPHS = (("kh", "5"), ("sh", "ch"), ("x", "ch"), ("gh", "8"), ("q", "9"))
_FINAL_VOWELS = {"a": "a", "e": "", "i": "i", "y": "i", "o": "u", "u": "u"}
_OU = re.compile("ou(?=[aeiy])")  # French-style "ouach" = "wach"
_H = re.compile("(?<!c)h")


def _strip_char(ch: str) -> str:
    """A space for punctuation and symbols, nothing for combining marks, else the char."""
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf"):
        return ""
    if cat[0] in "PSZC":
        return " "
    return ch


def normalize(text: str, lang: str | None = None) -> str:  # noqa: ARG001 - same fold for all
    """Fold `text` for comparison: the same input always gives the same output.

    `lang` is accepted so callers can pass it; the fold is deliberately the same for every
    language, so a Darija word list entry and an Arabizi message meet in the middle.
    """
    text = _APOSTROPHES.sub("", text.casefold())
    text = text.replace(_TATWEEL, "")
    text = _ARABIC_MARKS.sub("", text)
    text = text.translate(_ARABIC_LETTERS)
    # NFKD splits Latin accents and Arabic hamza carriers into base + mark; the marks go.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(_strip_char(ch) for ch in text)
    text = unicodedata.normalize("NFC", text)
    # Arabic-Indic and Eastern Arabic digits (and any other decimal digit) → ASCII.
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    text = fold_geez(text.translate(_ARABIC_LETTERS))  # ሐ, ኀ and ሀ alike: bot.i18n.ethiopic
    text = _REPEATS.sub(r"\1", text)
    return " ".join(text.split())


def squeeze(folded: str) -> str:
    """`normalize`d text with a letter doubled at the end of a word written once: "ouii",
    "yess", "laa" → "oui", "yes", "la". A second try only: "haa" (Somali yes) is a word."""
    return _FINAL_DOUBLE.sub(r"\1", folded)


def tokens(text: str, lang: str | None = None) -> list[str]:
    """The words of `text` after `normalize`."""
    return normalize(text, lang).split()


def skeleton(text: str) -> str:
    """A vowel-less form of normalized Latin text for fuzzy Arabizi matching.

    "3awnouni" and "3awnoni" both give "3wnni"; "stta3ch" and "sta3ch" both give "st3ch";
    a final vowel stays, because Darija suffixes carry meaning ("3ndi" my, "3ndo" his).
    Use it only on words long enough to keep their consonants distinctive.
    """
    out = []
    for word in normalize(text).split():
        for old, new in _ARABIZI_DIGRAPHS:
            word = word.replace(old, new)
        word = _H.sub("7", word)  # "h" for ح as often as "7": "mertah", "sahbti", "hbes"
        word = _DOUBLES.sub(r"\1", _OU.sub("w", word))
        # The last vowel is grammar, not spelling: "3ndi" (I have) ≠ "3ndo" (he has).
        stem, end = word, ""
        if word[-1:] in _FINAL_VOWELS and len(word) > 1:
            stem, end = word[:-1], _FINAL_VOWELS[word[-1]]
            if stem.endswith("o"):  # "ou" → "u"
                stem = stem[:-1]
        out.append(_LATIN_VOWELS.sub("", stem) + end)
    return " ".join(w for w in out if w)
