"""Amharic and Tigrinya as people type them: Ge'ez letters that sound alike, and Latin letters.

Two habits make the same word look different:

- Ge'ez has several letters for one sound (ሀ ሐ ኀ, ሰ ሠ, አ ዐ, ጸ ፀ; Tigrinya ቐ and ኸ are often
  typed ቀ and ከ; ዉ and ው) and writers pick any: `fold` maps each family to one letter. It
  is part of `normalize`, so word lists, number words and typed text meet on both sides.
- Without a Ge'ez keyboard people type Latin letters, each their own way: "irdugn",
  "erdugn", "iriduny" for እርዱኝ; "kolfewubgnal"; "ayefkdulnan". `Respeller` reads the
  Latin words of a message (and Ge'ez words spelled otherwise) as the one known word of
  the language's list they spell, by their consonants and then the closest vowels; a word
  that could be two known words is left as it is, so the bot asks rather than guesses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from bot.i18n.markers import LATIN_MARKERS

__all__ = ["ETHIOPIC_LANGS", "Respeller", "fold", "latin_key", "number_words", "romanize"]

ETHIOPIC_LANGS = ("am", "ti")
_FIRST, _LAST = 0x1200, 0x135F
# Letter series (8 code points each) read as another series: same sound, other letter.
_SAME_SOUND = {
    0x1210: 0x1200,  # ሐ → ሀ
    0x1280: 0x1200,  # ኀ → ሀ
    0x1220: 0x1230,  # ሠ → ሰ
    0x12D0: 0x12A0,  # ዐ → አ
    0x1340: 0x1338,  # ፀ → ጸ
    0x1250: 0x1240,  # ቐ → ቀ (Tigrinya, typed ቀ on Amharic keyboards)
    0x12B8: 0x12A8,  # ኸ → ከ
}
_FOLD = {base + order: target + order for base, target in _SAME_SOUND.items() for order in range(7)}
# "ha" and "a" are written with the first or the fourth letter (ሀ/ሃ, አ/ኣ), "wu" as ዉ or ው.
_FOLD |= {0x1203: 0x1200, 0x12A3: 0x12A0, 0x1213: 0x1200, 0x1283: 0x1200, 0x12D3: 0x12A0}
_FOLD |= {0x12C9: 0x12CD, 0x12A7: 0x12A0}  # ዉ → ው, ኧ → አ

# Consonant of each series, as people type it in Latin letters (one common spelling; the
# key below folds the others). "" for the glottal letters አ and ዐ.
_CONSONANTS = {
    0x1200: "h", 0x1208: "l", 0x1210: "h", 0x1218: "m", 0x1220: "s", 0x1228: "r",
    0x1230: "s", 0x1238: "sh", 0x1240: "q", 0x1250: "q", 0x1260: "b", 0x1268: "v",
    0x1270: "t", 0x1278: "ch", 0x1280: "h", 0x1290: "n", 0x1298: "gn", 0x12A0: "",
    0x12A8: "k", 0x12B8: "kh", 0x12C8: "w", 0x12D0: "", 0x12D8: "z", 0x12E0: "zh",
    0x12E8: "y", 0x12F0: "d", 0x1300: "j", 0x1308: "g", 0x1320: "t", 0x1328: "ch",
    0x1330: "p", 0x1338: "ts", 0x1340: "ts", 0x1348: "f", 0x1350: "p",
}  # fmt: skip
# Series that are the labialized forms of another (ቈ = qwä): no 2nd or 7th order.
_LABIALIZED = {0x1248: "qw", 0x1288: "hw", 0x12B0: "kw", 0x12C0: "khw", 0x1310: "gw"}
# Vowels of the seven orders, and the eighth (ሏ = lwa). The sixth is mostly silent.
_VOWELS = ("e", "u", "i", "a", "e", "", "o", "wa")
_LABIAL_VOWELS = {0: "e", 2: "i", 3: "a", 4: "e", 5: ""}
# The glottal letters keep a vowel even in the sixth order: እርዱኝ is typed "erdugn" or
# "irdugn", never "rdugn"; እየ is "eye".
_GLOTTAL_SIXTH = "e"

# Latin spellings → one letter per sound, longest first.
_DIGRAPHS = (
    ("tch", "C"), ("ch", "C"), ("c", "C"), ("sh", "S"), ("zh", "Z"), ("tz", "T"),
    ("ts", "T"), ("x", "T"), ("kh", "k"), ("qh", "k"), ("ck", "k"), ("q", "k"),
    ("gn", "N"), ("ny", "N"), ("ñ", "N"), ("ph", "f"), ("v", "b"), ("dj", "j"),
    ("ee", "i"), ("oo", "u"), ("ou", "u"), ("ie", "e"), ("7", "h"), ("3", ""),
)  # fmt: skip
_U_BEFORE_VOWEL = re.compile("u(?=[aeio])")  # "quanqua" is "qwanqwa"
_I_BEFORE_VOWEL = re.compile("(?<=[^aeiou])i(?=[ao])")  # "atsiomuni" is "atsyomni"
_VOWEL = re.compile("[aeiou]")
_DOUBLE = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile("^[a-z0-9ñ]+$")
_GEEZ_LETTER = re.compile("[\u1200-\u137f]")
_GEEZ_WORD = re.compile("^[\u1200-\u135a]+$")

PROTECTED_LANGS = ("en", "fr")
LATIN_WORDS = frozenset(w for tag in PROTECTED_LANGS for w in LATIN_MARKERS[tag]) | {
    "who", "allow", "let", "go", "out", "from", "him", "her", "them", "us", "your",
}  # fmt: skip
SHORT = 1  # consonants: a word with this few must match its vowels too ("ay", "ale")
GEEZ_VOWEL_MIN = 3  # consonants of a Ge'ez word that may differ by a vowel (ፖሊስ, ፓሊስ)
NUMBER_MIN_LETTERS = 3  # "and", "seba": Latin number words are longer than two letters
CACHE_SIZE = 256  # option sets seen per language: a few flows' questions
MIN_LETTERS = 2  # Latin letters: one is never read as a word


def fold(text: str) -> str:
    """`text` with Ge'ez letters that sound alike written alike (a key, never shown)."""
    return text.translate(_FOLD) if _GEEZ_LETTER.search(text) else text


@lru_cache(maxsize=8192)
def romanize(word: str) -> str:
    """A Ge'ez word in Latin letters the way people type it ("አደጋ" → "adega")."""
    out = []
    for ch in word:
        code = ord(ch)
        if not _FIRST <= code <= _LAST:
            out.append(ch)
            continue
        base, order = code & ~7, code & 7
        if base in _LABIALIZED:
            out.append(_LABIALIZED[base] + _LABIAL_VOWELS.get(order, ""))
        elif base in _CONSONANTS:
            consonant = _CONSONANTS[base]
            vowel = _VOWELS[order]
            if not consonant and order == 5:
                vowel = _GLOTTAL_SIXTH
            elif not consonant and order == 0:
                vowel = "a"  # አ is "a" in Amharic ("adega"), "e" in Tigrinya ("ewe" is እወ)
            out.append(consonant + vowel)
    return "".join(out)


@lru_cache(maxsize=8192)
def latin_key(word: str) -> tuple[str, tuple[str, ...]]:
    """(consonants, vowels around them) of a Latin-letter word. The consonants find the
    candidates ("irdugn", "erdugn", "iriduny" all give "rdN"); the vowels tell them apart.
    "h" comes and goes ("dehna" / "dena", "firihe") and is left out of both."""
    word = word.lower()
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = _I_BEFORE_VOWEL.sub("y", _U_BEFORE_VOWEL.sub("w", word))
    word = _DOUBLE.sub(r"\1", word.replace("h", ""))
    parts = _CONSONANT_SPLIT.split(word)  # vowels, consonant, vowels, consonant, …, vowels
    return "".join(parts[1::2]), tuple(_DOUBLE.sub(r"\1", g.replace("e", "a")) for g in parts[::2])


_CONSONANT_SPLIT = re.compile("([^aeiou])")
# What a vowel written one way costs against another: the silent sixth order is typed "i",
# "e" or nothing ("alchilim", "alchlm"), "o" and "u" are confused; other vowels differ.
_SOFT = {frozenset({"", "a"}), frozenset({"", "i"}), frozenset({"a", "i"}), frozenset({"o", "u"})}


def _gap_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if frozenset({a, b}) in _SOFT:
        return 0.5
    return 1.0


def _key(word: str) -> tuple[str, tuple[str, ...]]:
    return latin_key(romanize(word) if _GEEZ_LETTER.search(word) else word)


def _long_enough(word: str) -> bool:
    """One Latin letter is never a word to read; one Ge'ez letter is a syllable (ጋ, at)."""
    return len(word) >= MIN_LETTERS or bool(_GEEZ_LETTER.search(word))


def _spelling(word: str) -> str:
    return romanize(word) if _GEEZ_LETTER.search(word) else word


def _short_ok(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A short word differs only by "e" written "i" ("ine", እኔ), never by a vowel more
    or less ("who" is not አዎ, awo)."""
    return all(x == y or {x, y} == {"a", "i"} for x, y in zip(a, b, strict=True))


def _distance(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    return sum(_gap_cost(x, y) for x, y in zip(a, b, strict=True))


def _limit(consonants: str, geez: bool) -> float:
    """Vowel differences tolerated between two spellings with the same consonants. Ge'ez
    letters say their vowel (እውን, also, is not እወን, yes): only a long word may differ
    by one; Latin letters only approximate it."""
    if geez:
        return 1.0 if len(consonants) >= GEEZ_VOWEL_MIN else 0.0
    if len(consonants) <= SHORT:
        return 0.5  # only "e" for "i" ("iye", እየ): see `_short_ok`
    return 0.5 * (len(consonants) - 1)  # "allow" is not አለው (alew)


class Respeller:
    """The words of one Ethiopic-script language's list, found from other spellings."""

    def __init__(
        self, vocabulary: Iterable[str], known: Iterable[str] = (), phrases: Iterable[str] = ()
    ) -> None:
        """`vocabulary`: the language's own words (Ge'ez and Latin); `known`: words of the
        lists read with it (English) that stay as they are; `phrases`: the list's phrases
        (a message that is one of them in Latin letters is read as it is)."""
        words = {w for w in vocabulary if _long_enough(w) and not w.isdigit()}
        self.vocabulary = frozenset(words)
        self.phrases = frozenset(phrases)
        self.others = frozenset(known)
        self._with: dict[frozenset[str], Respeller] = {}
        self.geez = frozenset(w for w in words if _GEEZ_LETTER.search(w))
        # An English word stays English, unless the language's own list has it too
        # ("pasport", "polis" are read as ፓስፖርት, ፖሊስ).
        self.known = self.geez | (self.others - self.vocabulary)
        self.latin = frozenset(words - self.geez)
        self.by_consonants: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for w in sorted(words):
            consonants, vowels = _key(w)
            if len(vowels) == len(consonants) + 1:
                self.by_consonants[consonants].append((w, vowels))

    @classmethod
    def of(cls, lang: str | None, lists: Sequence[object]) -> Respeller | None:
        """The respeller for `lang` from its chain of `Wordlist`s (own list first), or None
        for a language not written in Ge'ez."""
        if lang not in ETHIOPIC_LANGS or not lists:
            return None
        own, *rest = lists
        # English and French written in an Amharic chat are not Amharic spelled otherwise.
        known = set(LATIN_WORDS)
        for other in rest:
            if getattr(other, "lang", None) in PROTECTED_LANGS:
                known |= _words(other)
        return cls(_words(own), known, _phrases(own))

    def including(self, phrases: Iterable[str]) -> Respeller:
        """This respeller with `phrases` too (the options shown and the flow's own words
        for them): their Ge'ez words are known, their Latin phrases ("i can", "mewtat
        echlalehu") stay as written."""
        extra = frozenset(phrases) - self.phrases
        if not extra:
            return self
        found = self._with.get(extra)
        if found is None:
            if len(self._with) >= CACHE_SIZE:
                self._with.clear()
            geez = {t for p in extra if _GEEZ_LETTER.search(p) for t in p.split()}
            found = self._with[extra] = Respeller(
                self.vocabulary | geez, self.others, self.phrases | extra
            )
        return found

    @lru_cache(maxsize=8192)  # noqa: B019 - one per language, kept for the process
    def word(self, token: str) -> str | None:
        """The known word `token` spells, or None (known already, unsure, or no such).

        A Latin word of the list ("ayfal") is read as its Ge'ez spelling when there is one,
        so the phrases written in Ge'ez ("ኣይፋል ደሓን እየ") are found from Latin letters too.
        """
        if token in self.known or not _long_enough(token) or token.isdigit():
            return None
        geez = bool(_GEEZ_WORD.match(token))
        if not geez and not _LATIN_WORD.match(token):
            return None
        consonants, vowels = _key(token)
        found = self.by_consonants.get(consonants)
        if not found or not consonants or len(vowels) != len(consonants) + 1:
            return None
        # Ge'ez first, as the list's phrases are written in it; Ge'ez is never read as Latin.
        in_geez = [f for f in found if f[0] in self.geez]
        found = in_geez if geez or in_geez else found
        if not found:
            return None
        # By vowels, then by the whole spelling ("dehna" is ደህና rather than ደና).
        spelling = _spelling(token)
        ranked = sorted(
            ((_distance(vowels, v), Levenshtein.distance(spelling, _spelling(w))), w)
            for w, v in found
        )
        (best, _), word = ranked[0]
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None  # two known words as close: ask rather than guess
        if best > _limit(consonants, geez) or word == token:
            return None
        if len(consonants) <= SHORT and not _short_ok(vowels, dict(found)[word]):
            return None
        return word

    def respell(self, said: str) -> str:
        """`said` (normalized) with each word read as the known word it spells; a phrase
        of the lists in Latin letters ("no ay") stays as it is."""
        if " " in said and said in self.phrases:
            return said
        tokens = said.split()
        out = [self.word(t) or t for t in tokens]
        respelled = " ".join(out)
        # One Latin word the list holds ("tsbuq", yes) stays, unless its Ge'ez spelling is
        # a phrase too ("kolfewubgnal" is ቆልፈውብኛል, which the options also hold).
        if said in self.phrases and respelled not in self.phrases:
            return said
        return respelled


def _phrases(wordlist: object) -> set[str]:
    """Every phrase of a `Wordlist`."""
    found: set[str] = set()
    for name in ("keywords", "answers", "alone"):
        section = getattr(wordlist, name, {}) or {}
        found.update(p for phrases in section.values() for p in phrases)
    for name in ("negation", "negation_after", "filler", "neutral"):
        found.update(getattr(wordlist, name, ()))
    for phrases in getattr(wordlist, "ordinals", ()):
        found.update(phrases)
    return found


def _words(wordlist: object) -> set[str]:
    """Every word of a `Wordlist`'s phrases."""
    return {t for p in _phrases(wordlist) for t in p.split()}


# English words that look like Amharic number words typed in Latin letters: "and" (አንድ,
# one) joins "me and 4 others" far more often than it counts.
_NOT_NUMBERS = frozenset({"and", "sit", "set", "made", "sabt"})


@lru_cache(maxsize=16)
def _number_speller(words: frozenset[str]) -> Respeller:
    return Respeller(w for w in words if _GEEZ_LETTER.search(w))


def number_word(token: str, lang: str | None, words: dict[str, object]) -> str | None:
    """The Ge'ez number word of `words` (one language's table) that a Latin-letter or
    spelled `token` is ("selasa", "silsa" → ሰላሳ), for Amharic and Tigrinya."""
    if lang not in ETHIOPIC_LANGS or token in _NOT_NUMBERS or token in words:
        return None
    if not token.isalpha() or not token.isascii() or len(token) < NUMBER_MIN_LETTERS:
        return None  # Ge'ez words are in the table as they are spelled; short ones say little
    speller = _number_speller(frozenset(words))
    found = speller.word(token)
    if found is None and lang == "ti" and token.endswith("n"):
        found = speller.word(token[:-1])  # Tigrinya "and" is a final ን: "esran kilten" = 22
    return found


def number_words(tokens: list[str], lang: str | None, words: dict[str, object]) -> list[str]:
    """`tokens` with Latin-letter number words of an Amharic or Tigrinya conversation in
    the table's Ge'ez spelling ("arba" is 40 there, not the Darija 4)."""
    if lang not in ETHIOPIC_LANGS:
        return tokens
    return [number_word(t, lang, words) or t for t in tokens]
