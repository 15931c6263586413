"""Words of a message spelled another way than in the word lists → the listed spelling.

People write as they speak, and no list holds every spelling: Arabizi vowels, doubled and
digit letters ("wakhkha", "mashi", "3liya" for "wakha", "machi", "3lia"), Ge'ez letters that
sound alike ("ሐ", "ኀ" and "ሀ"; "ዐ" and "አ"), and plain typos in longer words ("alowed").
`Speller` maps each word it does not know to the one known word it is a spelling of, so the
rest of the matching (phrases, negations, neutral words) works on the listed form. A word
near two known words is left alone: the bot then asks rather than guesses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.i18n.normalize import skeleton

__all__ = ["Speller", "geez_key"]

TYPO_MIN = 5  # shorter words are too easy to confuse ("no" / "na", "lost" / "lont")
TWO_TYPOS_MIN = 8  # words this long may have two
ARABIZI_MIN = 4  # an Arabizi word this long may be matched by its consonants
SKELETON_MIN = 3  # consonants left: fewer say too little ("wa" / "wi")

# Ge'ez letters that sound alike (one series → another, all seven orders), and the first
# and fourth orders of ሀ and አ: writers use them interchangeably, most of all in Amharic.
_GEEZ_SERIES = {0x1210: 0x1200, 0x1280: 0x1200, 0x1220: 0x1230, 0x12D0: 0x12A0, 0x1340: 0x1338}
_GEEZ_FOLD = {
    base + order: target + order for base, target in _GEEZ_SERIES.items() for order in range(7)
}
_GEEZ = re.compile("[\u1200-\u137f]")
_FOURTH = {0x1203: 0x1200, 0x12A3: 0x12A0}
_GEEZ_FOLD = {k: _FOURTH.get(v, v) for k, v in _GEEZ_FOLD.items()} | _FOURTH


def geez_key(word: str) -> str:
    """`word` with Ge'ez letters that sound alike folded to one: a key, never a display."""
    return word.translate(_GEEZ_FOLD)


@lru_cache(maxsize=8192)
def _skeleton(word: str) -> str:
    return skeleton(word)


class Speller:
    """The known words of a language, and how to reach them from another spelling."""

    def __init__(self, vocabulary: Iterable[str], arabizi: bool = False) -> None:
        words = {w for w in vocabulary if w and not w.isdigit()}
        self.known = frozenset(words)
        self.long = tuple(sorted(w for w in words if len(w) >= TYPO_MIN - 1))
        self.arabizi = arabizi
        geez: dict[str, set[str]] = defaultdict(set)
        for w in words:
            if _GEEZ.search(w):
                geez[geez_key(w)].add(w)
        self.geez = dict(geez)
        consonants: dict[str, set[str]] = defaultdict(set)
        if arabizi:
            for w in words:
                key = _skeleton(w)
                if len(w) >= ARABIZI_MIN - 1 and len(key) >= SKELETON_MIN:
                    consonants[key].add(w)
        self.consonants = dict(consonants)

    def knows(self, token: str) -> bool:
        """Whether `token` is a known word, as spelled or in another Arabizi or Ge'ez
        spelling (not by a typo)."""
        if token in self.known:
            return True
        found = self.spell(token)
        return found is not None and not found[1]

    def word(self, token: str) -> str | None:
        """The known word `token` is a spelling of, or None (known already, or unsure)."""
        found = self.spell(token)
        return found[0] if found else None

    def spell(self, token: str) -> tuple[str, bool] | None:
        """The known word `token` is a spelling of, and whether it took a typo to get
        there (not a spelling variant: Arabizi consonants, Ge'ez letters alike)."""
        if token in self.known or token.isdigit():
            return None
        if token[:1] == "و" and token[1:] in self.known and len(token) > 3:
            return token[1:], False  # "and" written onto the word: "والحمدلله"
        variant = None
        if _GEEZ.search(token) and (found := self.geez.get(geez_key(token))):
            variant = _nearest(token, found)
        elif self.arabizi and len(token) >= ARABIZI_MIN:
            found = self.consonants.get(_skeleton(token))
            variant = _nearest(token, found) if found else None
        if variant:
            return variant, False
        typo = self._typo(token)
        return (typo, True) if typo else None

    def _typo(self, token: str) -> str | None:
        if len(token) < TYPO_MIN:
            return None
        limit = 2 if len(token) >= TWO_TYPOS_MIN else 1
        near = process.extract(
            token,
            self.long,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=limit,
            limit=None,
        )
        if not near:
            return None
        # Two typos, but not a prefix or ending more or less: "kuendelea" (to go on) is
        # not "endelea" (go on) with two letters lost.
        near = [n for n in near if n[1] == 1 or abs(len(n[0]) - len(token)) <= 1]
        if not near:
            return None
        best = min(distance for _, distance, _ in near)
        closest = [w for w, distance, _ in near if distance == best]
        return closest[0] if len(closest) == 1 else None

    def correct(self, tokens: Sequence[str]) -> tuple[list[str], dict[int, bool]]:
        """`tokens` with each word the lists spell otherwise in their listed spelling, and
        which were changed (index → whether by a typo)."""
        out, changed = list(tokens), {}
        for i, token in enumerate(tokens):
            found = self.spell(token)
            if found:
                out[i], changed[i] = found
        return out, changed


def _nearest(token: str, words: set[str]) -> str | None:
    """The one word of `words` closest to `token`; None when two are as close."""
    if len(words) == 1:
        return next(iter(words))
    ranked = sorted((DamerauLevenshtein.distance(token, w), w) for w in words)
    if ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]
