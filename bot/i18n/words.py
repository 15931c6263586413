"""Typed text → keyword, answer id or option number, in every language we support.

`Lexicon` reads `locales/<tag>/words.yaml` (see `wordlists`) and answers three questions:
is this message just a global keyword ("help", "3awnouni", "ERASE")? which of these answers
does it mean ("my boss has it" → held_by_employer)? which option number ("la deuxième")?
It is conservative: when two answers fit equally, it says None and the bot asks again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from bot.i18n.catalog import fallback_chain
from bot.i18n.normalize import normalize, skeleton
from bot.i18n.number_words import UNITS as NUMBER_WORDS
from bot.i18n.numbers import parse_number, word_value
from bot.i18n.wordlists import WORDS_FILE, Wordlist, load_wordlist

__all__ = ["Lexicon"]

ARABIZI = "ary-Latn"
FUZZY_MIN = 86  # rapidfuzz ratio for a typo; below it we would rather ask again
FUZZY_MARGIN = 6  # the best answer must beat the next one by this much
FUZZY_MIN_LEN = 5  # shorter words are too easy to confuse ("no" / "na")
SKELETON_MIN_LEN = 4
NEGATION_REACH = 2  # "not really safe": a negation up to two words before a phrase flips it
EXACT_KEYWORDS = {"stop"}
ORDINAL_MAX_WORDS = 5
ORDINAL_SMALL_WORD = 3  # "the", "one", "la", "ya": words that may stand around an ordinal
# Words that may stand before an option number: "option 2", "رقم 2", "namba 2".
NUMBER_LABELS = {
    "option", "number", "nr", "numero", "num", "choix", "رقم", "الرقم", "ra9m", "namba",
    "nambari", "lambar", "lambarka", "ቁጥር", "ቁጽሪ",
}  # fmt: skip

_THUMBS = {"yes": "\U0001f44d", "no": "\U0001f44e"}
_EMOJI_NOISE = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f\u200d\\s]")
_ETHIOPIC_NUMERAL = re.compile("[\u1369-\u137c]+")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th|e|er|ere|re|eme|ieme|em|ème)$")

Span = tuple[int, int]
NUMBER_LANGS = tuple(NUMBER_WORDS)


def _find(tokens: Sequence[str], phrase: Sequence[str]) -> list[Span]:
    """Every place where `phrase` stands as whole words in `tokens`."""
    n = len(phrase)
    return [(i, i + n) for i in range(len(tokens) - n + 1) if list(tokens[i : i + n]) == phrase]


def _without(tokens: list[str], phrases: Iterable[str]) -> list[str]:
    """`tokens` with every occurrence of the filler `phrases` taken out."""
    for phrase in sorted(phrases, key=len, reverse=True):
        words = phrase.split()
        for start, end in reversed(_find(tokens, words)):
            del tokens[start:end]
    return tokens


class Lexicon:
    """Word lists of every locale under `locales_dir`."""

    def __init__(self, locales_dir: Path) -> None:
        self.locales_dir = Path(locales_dir)
        self._lists: dict[str, Wordlist] = {
            path.parent.name: load_wordlist(path)
            for path in sorted(self.locales_dir.glob(f"*/{WORDS_FILE}"))
        }

    @property
    def languages(self) -> list[str]:
        return list(self._lists)

    def wordlist(self, lang: str) -> Wordlist:
        return self._lists.get(lang) or Wordlist(lang)

    def _chain(self, lang: str | None) -> list[Wordlist]:
        """The lists to read for `lang`: its fallback chain (ary-Latn → ary → ar → fr → en)."""
        tags = fallback_chain(lang) if lang else list(self._lists)
        return [self._lists[t] for t in tags if t in self._lists]

    def _others(self, lang: str | None) -> list[Wordlist]:
        seen = {w.lang for w in self._chain(lang)}
        return [w for t, w in self._lists.items() if t not in seen]

    def _clean(self, text: str, lang: str | None, lists: Iterable[Wordlist]) -> str:
        fillers = {f for w in lists for f in w.filler}
        return " ".join(_without(normalize(text, lang).split(), fillers))

    # -- keywords -------------------------------------------------------------------------

    def keyword(self, text: str, lang: str | None) -> str | None:
        """ "help", "restart", "language", "stop" or "erase" when `text` is just that word.

        Words of `lang` (and its fallbacks) are tried first, then every other language, so
        "msaada" works in a French conversation. A sentence that merely contains the word
        ("can you help my sister") is not a keyword.
        """
        for lists in (self._chain(lang), self._others(lang)):
            found = self._keyword_in(text, lang, lists)
            if found:
                return found
        return None

    def _keyword_in(self, text: str, lang: str | None, lists: list[Wordlist]) -> str | None:
        if not lists:
            return None
        said = self._clean(text, lang, lists)
        if not said:
            return None
        table = {kw: {p for w in lists for p in w.keywords.get(kw, ())} for kw in _keywords(lists)}
        exact = {kw for kw, phrases in table.items() if said in phrases}
        if exact:
            return exact.pop() if len(exact) == 1 else None
        arabizi = {
            kw: {p for w in lists if w.lang == ARABIZI for p in w.keywords.get(kw, ())}
            for kw in table
        }
        # "stop" ends the conversation silently: only the exact word counts ("stopped" ≠ stop).
        fuzzy = {kw: phrases for kw, phrases in table.items() if kw not in EXACT_KEYWORDS}
        return _fuzzy_pick(said, fuzzy, arabizi, whole=True)

    # -- answers --------------------------------------------------------------------------

    def match(self, text: str, lang: str | None, candidates: dict[str, list[str]]) -> str | None:
        """The answer id among `candidates` that `text` means, or None if unsure.

        `candidates` maps each answer id to extra labels (the option titles shown, synonyms
        from the flow). Tried in order: a thumbs emoji, the whole message, whole words inside
        it ("my boss has it"), then typos and Arabizi spelling variants.
        """
        emoji = _thumbs(text)
        if emoji in candidates:
            return emoji
        lists = self._chain(lang)
        table, arabizi = self._answer_phrases(lang, lists, candidates)
        said = normalize(text, lang)
        if not said:
            return None
        cleaned = self._clean(text, lang, lists)
        exact = {a for a, phrases in table.items() if said in phrases or cleaned in phrases}
        if exact:
            return exact.pop() if len(exact) == 1 else None
        negation = {n for w in lists for n in w.negation}
        inside = _contained(said.split(), table, negation)
        if inside is not None:
            return inside or None
        typo = _fuzzy_pick(cleaned or said, table, arabizi, negation)
        if typo or lang is None:
            return typo
        # "oui" in an English conversation: other languages count, but only word for word.
        others = self._others(lang)
        elsewhere = {
            a
            for a in candidates
            for w in others
            if said in w.answers.get(a, ()) or cleaned in w.answers.get(a, ())
        }
        return elsewhere.pop() if len(elsewhere) == 1 else None

    def _answer_phrases(
        self, lang: str | None, lists: list[Wordlist], candidates: dict[str, list[str]]
    ) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        table: dict[str, set[str]] = {}
        arabizi: dict[str, set[str]] = {}
        for answer, labels in candidates.items():
            phrases = {normalize(x, lang) for x in [answer, answer.replace("_", " "), *labels]}
            for w in lists:
                phrases.update(w.answers.get(answer, ()))
            table[answer] = {p for p in phrases if p}
            arabizi[answer] = {
                p for w in lists if w.lang == ARABIZI for p in w.answers.get(answer, ())
            }
        return table, arabizi

    # -- option numbers -------------------------------------------------------------------

    def ordinal(self, text: str, lang: str | None, count: int) -> int | None:
        """The 1-based option `text` points at: "2", "٢", "the second one", "ya pili".

        Only when that is all the message says: "first my boss took it" is not option 1,
        and "no one" is not option 1 either.
        """
        lists = self._chain(lang) + self._others(lang)
        said = self._clean(text, lang, lists).split()
        position = None
        if 0 < len(said) <= ORDINAL_MAX_WORDS:
            position = self._ordinal_word(said, lists)
        if position is None and said and all(_numeric(t) for t in said):
            position = parse_number(" ".join(said), lang)
        if position is None or not 1 <= position <= count:
            return None
        return position

    def _ordinal_word(self, said: list[str], lists: list[Wordlist]) -> int | None:
        found: set[int] = set()
        if len(said) == 1 and (digits := _ORDINAL_DIGITS.match(said[0])):
            found.add(int(digits.group(1)))
        for w in lists:
            for index, phrases in enumerate(w.ordinals, start=1):
                for phrase in phrases:
                    for start, end in _find(said, phrase.split()):
                        rest = said[:start] + said[end:]
                        # Only small words around it: "the second one", "la deuxième".
                        if len(rest) <= 2 and all(len(t) <= ORDINAL_SMALL_WORD for t in rest):
                            found.add(index)
        return found.pop() if len(found) == 1 else None


def _numeric(token: str) -> bool:
    """A digit, a Ge'ez numeral, a number word of any language, or "number"/"option"."""
    return (
        token.isdigit()
        or bool(_ETHIOPIC_NUMERAL.fullmatch(token))
        or token in NUMBER_LABELS
        or any(word_value(token, tag) is not None for tag in NUMBER_LANGS)
    )


@lru_cache(maxsize=8192)
def _skeleton(phrase: str) -> str:
    return skeleton(phrase)


def _keywords(lists: Iterable[Wordlist]) -> set[str]:
    return {kw for w in lists for kw in w.keywords}


def _thumbs(text: str) -> str | None:
    """ "yes"/"no" when the message is only a thumbs up/down emoji (any skin tone)."""
    bare = _EMOJI_NOISE.sub("", text)
    if bare and set(bare) == {_THUMBS["yes"]}:
        return "yes"
    if bare and set(bare) == {_THUMBS["no"]}:
        return "no"
    return None


def _negated(tokens: Sequence[str], span: Span, negation: set[str]) -> bool:
    before = tokens[max(0, span[0] - NEGATION_REACH) : span[0]]
    return any(t in negation for t in before)


def _contained(tokens: list[str], table: dict[str, set[str]], negation: set[str]) -> str | None:
    """The answer whose words stand in `tokens`: "" when several do, None when none does.

    A phrase inside a longer phrase of another answer ("safe" in "not safe") gives way, and
    a phrase right after a negation ("not really safe") does not count.
    """
    hits: list[tuple[str, Span]] = []
    for answer, phrases in table.items():
        for phrase in phrases:
            for span in _find(tokens, phrase.split()):
                if not _negated(tokens, span, negation):
                    hits.append((answer, span))
    if not hits:
        return None
    kept = {
        answer
        for answer, (start, end) in hits
        if not any(
            other != answer and s <= start and end <= e and (e - s) > (end - start)
            for other, (s, e) in hits
        )
    }
    return kept.pop() if len(kept) == 1 else ""


def _fuzzy_pick(
    said: str,
    table: dict[str, set[str]],
    arabizi: dict[str, set[str]],
    negation: set[str] | None = None,
    whole: bool = False,
) -> str | None:
    """Typos ("pasport", "aider moi") and Arabizi vowels ("3awnoni"): one clear winner only.

    With `whole`, only the whole message may resemble a phrase (keywords); otherwise a word
    of a short message may too ("my bos has it").
    """
    tokens = said.split()
    if negation and any(t in negation for t in tokens):
        return None  # "not ..." with a typo: too risky to guess
    said_skeleton = skeleton(said)
    scores: dict[str, float] = {}
    for answer, phrases in table.items():
        best = 0.0
        for phrase in phrases:
            if len(phrase) >= FUZZY_MIN_LEN:
                best = max(best, fuzz.ratio(said, phrase))
                if not whole and 1 < len(tokens) <= ORDINAL_MAX_WORDS and " " not in phrase:
                    best = max(best, max(fuzz.ratio(t, phrase) for t in tokens))
        for phrase in arabizi.get(answer, ()):
            key = _skeleton(phrase)
            if len(key.replace(" ", "")) >= SKELETON_MIN_LEN and (
                key == said_skeleton or (not whole and _find(said_skeleton.split(), key.split()))
            ):
                best = max(best, 95.0)
        if best >= FUZZY_MIN:
            scores[answer] = best
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
        return None
    return ranked[0][0]
