"""Typed text → keyword, answer id or option number, in every language we support.

`Lexicon` reads `locales/<tag>/words.yaml` (see `wordlists`) and answers three questions:
is this message just a global keyword ("help", "3awnouni", "ERASE")? which of these answers
does it mean ("my boss has it" → held_by_employer)? which option number ("la deuxième")?
It is conservative: when two answers fit equally, it says None and the bot asks again.

Every question is asked on each message a person sends, so the tables they need are built
once: per language on first use (keywords, ordinals, fillers, answer words), and per set
of options shown (labels and flow words); normalized texts are cached.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.i18n.catalog import fallback_chain
from bot.i18n.darija import split_negations
from bot.i18n.ethiopic import ETHIOPIC_LANGS, Respeller
from bot.i18n.normalize import normalize, skeleton, squeeze
from bot.i18n.number_words import UNITS as NUMBER_WORDS
from bot.i18n.numbers import parse_number, word_value
from bot.i18n.spelling import Speller
from bot.i18n.wordlists import WORDS_FILE, Wordlist, load_wordlist

__all__ = ["Lexicon", "Understood", "lexicon_chain"]

ARABIZI = "ary-Latn"
# Darija is written in both scripts, often in the same conversation: a person who chose
# the Arabic-script menu may still type "wah" or "lpatron", so `ary` reads the Arabizi list
# too (`ary-Latn` already reads `ary` through its fallback chain). Arabic speakers of other
# dialects write in Latin letters too ("sa3dooni", "5ayfa"): `ar` reads the Arabizi list.
EXTRA_LISTS: dict[str, tuple[str, ...]] = {"ary": (ARABIZI,), "ar": (ARABIZI,)}
SKIP = "skip"  # the weakest answer: "I don't know" is `unsure` where that is an option
FUZZY_MIN = 86  # rapidfuzz ratio for a typo; below it we would rather ask again
FUZZY_MARGIN = 6  # the best answer must beat the next one by this much
FUZZY_MIN_LEN = 5  # shorter words are too easy to confuse ("no" / "na")
SKELETON_MIN_LEN = 4
NEAR_MIN = 5  # a word of a sentence this long may have one typo ("the agnet"; "lont" ≠ "lost")
NEAR_MIN_ALONE = 3  # a whole message this long may ("hlp", "yse"); two letters never
NEAR_TWO_TYPOS = 8  # words this long may have two
KEYWORD_PAIR_MIN = 3  # keyword phrases this long lend their word pairs ("talk to a person")
SHORT_SENTENCE = 3  # a typo in a sentence this short is sure enough ("my sponser")
NEGATION_REACH = 2  # "not really safe": a negation up to two words before a phrase flips it
# (or after it, for the languages that negate after: Amharic "አደጋ ላይ አይደለሁም")
EXACT_KEYWORDS = {"stop"}
# Inside a sentence that holds several answers, these win, in this order: a person who
# writes both "ok" and "he beats me" is in danger; a caseworker can lower it, not raise it.
OUTRANKS = ("danger_now", "not_safe")
# The mildest answer is recorded from a sentence only when every other word is neutral, and
# never from a typo: a wrong "safe" is the one mistake that costs a life.
MILD = ("safe",)
DOUBTFUL = 0.5
TYPO_IN_SENTENCE = 0.7  # a typo among words we cannot place: the bot asks back
SPELLED = 0.95  # words read in their listed spelling ("mashi" = "machi"): a little less sure
# Words of languages outside the conversation's chain count for these keywords only: "msaada"
# in a French chat asks for a person, but "baraka" (Swahili: blessings; Darija: enough) must
# not end a Swahili chat silently, nor "mwanzo" (beginning) restart a French one. `erase`
# asks before it deletes.
CROSS_LANGUAGE_KEYWORDS = {"help", "language", "erase"}
# An answer said with a negation before it (or after, in the languages that negate after)
# means its opposite, when that is an option: "i do not accept" is no, "مو امان" not safe,
# "je ne peux pas" (can I go out?) no. Never the other way: "not in danger" is its own phrase.
OPPOSITE = {"yes": "no", "safe": "not_safe"}
FLIPPED = 0.85
# Negations that are not an answer on their own: "nobody is hitting me" is not "no, …".
NOBODY = frozenset({"nobody", "noone", "nothing", "neither", "nor", "never", "personne", "hakuna"})
YES = "yes"
YES_FIRST = 0.9  # a yes that opens a longer message
# A concept word ("CID", "stolen") among words we cannot place: sure enough to record.
CONCEPT = 0.85
# Concepts of these answers outrank another answer's phrase in the same message: "someone
# stole my bag with the passport" is lost, "tied my hands, I am ok" is danger.
CONCEPT_OUTRANKS = ("danger_now", "lost", "never_had")
ASKING_REST = 2  # "what do you mean danger": a question back, with at most this many words after
ORDINAL_MAX_WORDS = 5
KEYWORD_SENTENCE_MAX = 10  # longer messages say more than a keyword: they are answers
ORDINAL_SMALL_WORD = 3  # "the", "one", "la", "ya": words that may stand around an ordinal
# Words that may stand before an option number: "option 2", "رقم 2", "namba 2".
NUMBER_LABELS = {
    "option", "number", "nr", "numero", "num", "choix", "رقم", "الرقم", "ra9m", "namba",
    "nambari", "lambar", "lambarka", "ቁጥር", "ቁጽሪ",
}  # fmt: skip
CACHE_SIZE = 4096  # normalized messages and option sets kept; a few MB at most

# Emoji that answer alone (any skin tone): thumbs, OK hand, check and cross marks, SOS.
_EMOJI_ANSWERS = {
    "yes": frozenset("\U0001f44d\u2705\u2714\u2611\U0001f44c\U0001f197"),  # 👌 🆗 too
    "no": frozenset("\U0001f44e\u274c\u2716\u274e"),
    "danger_now": frozenset("\U0001f198"),
}
_EMOJI_NOISE = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f\u200d\\s]")
_ETHIOPIC_NUMERAL = re.compile("[\u1369-\u137c]+")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th|e|er|ere|re|eme|ieme|em|ème)$")

Span = tuple[int, int]


@dataclass(frozen=True)
class Understood:
    """An answer read from typed text: how sure (0..1), how, and the words it came from."""

    answer: str
    score: float
    how: str  # emoji | exact | inside | typo | elsewhere
    words: str


Words = tuple[str, ...]
Candidates = dict[str, list[str]]
NUMBER_LANGS = tuple(NUMBER_WORDS)


def lexicon_chain(lang: str) -> list[str]:
    """The word lists read for `lang`: its catalog fallback chain, plus Arabizi for Darija."""
    chain = fallback_chain(lang)
    for extra in EXTRA_LISTS.get(lang, ()):
        if extra not in chain:
            chain.insert(chain.index(lang) + 1, extra)
    return chain


@lru_cache(maxsize=CACHE_SIZE)
def _norm(text: str) -> str:
    return normalize(text)


@lru_cache(maxsize=CACHE_SIZE)
def _skeleton(phrase: str) -> str:
    return skeleton(phrase)


def _find(tokens: Sequence[str], phrase: Sequence[str]) -> list[Span]:
    """Every place where `phrase` stands as whole words in `tokens`."""
    n, words = len(phrase), list(phrase)
    return [(i, i + n) for i in range(len(tokens) - n + 1) if list(tokens[i : i + n]) == words]


class _Fillers:
    """Polite words to take out of a message ("help please" = "help"), longest first."""

    def __init__(self, lists: Iterable[Wordlist]) -> None:
        phrases = {f for w in lists for f in w.filler}
        self.phrases: tuple[Words, ...] = tuple(
            tuple(p.split()) for p in sorted(phrases, key=len, reverse=True)
        )
        self.first = frozenset(p[0] for p in self.phrases)

    def clean(self, said: str) -> str:
        tokens = said.split()
        if not self.first.intersection(tokens):
            return said
        for phrase in self.phrases:
            if phrase[0] not in tokens:  # most phrases: not even their first word is here
                continue
            for start, end in reversed(_find(tokens, phrase)):
                del tokens[start:end]
        return " ".join(tokens)


@dataclass(frozen=True)
class _Fuzzy:
    """What typo and Arabizi matching compare against, per answer (or keyword)."""

    phrases: tuple[str, ...]  # long enough to compare
    owners: tuple[str, ...]  # the answer of each phrase
    phrase_words: tuple[frozenset[str], ...]  # the words of each phrase
    words: tuple[str, ...]  # the one-word phrases among them, for words of a message
    word_owners: tuple[str, ...]
    # (answer, Arabizi skeleton, its words, the phrase's own words)
    skeletons: tuple[tuple[str, str, Words, frozenset[str]], ...]
    # every one-word phrase (however short), for one-typo matches
    near_words: tuple[str, ...] = ()
    near_owners: tuple[str, ...] = ()

    @classmethod
    def build(cls, table: dict[str, set[str]], arabizi: dict[str, set[str]]) -> _Fuzzy:
        pairs = [
            (answer, phrase)
            for answer, found in table.items()
            for phrase in sorted(found)
            if len(phrase) >= FUZZY_MIN_LEN
        ]
        words = [(answer, phrase) for answer, phrase in pairs if " " not in phrase]
        skeletons = []
        for answer, found in arabizi.items():
            for phrase in sorted(found):
                key = _skeleton(phrase)
                if len(key.replace(" ", "")) >= SKELETON_MIN_LEN:
                    skeletons.append((answer, key, tuple(key.split()), frozenset(phrase.split())))
        near = [
            (answer, phrase)
            for answer, found in table.items()
            for phrase in sorted(found)
            if " " not in phrase and not any(ch.isdigit() for ch in phrase)
        ]
        return cls(
            near_words=tuple(p for _, p in near),
            near_owners=tuple(a for a, _ in near),
            phrases=tuple(p for _, p in pairs),
            owners=tuple(a for a, _ in pairs),
            phrase_words=tuple(frozenset(p.split()) for _, p in pairs),
            words=tuple(p for _, p in words),
            word_owners=tuple(a for a, _ in words),
            skeletons=tuple(dict.fromkeys(skeletons)),
        )

    def pick(
        self,
        said: str,
        negation: frozenset[str] = frozenset(),
        whole: bool = False,
        neutral: frozenset[str] = frozenset(),
    ) -> tuple[str, float, str] | None:
        """Typos ("pasport", "aider moi") and Arabizi vowels ("3awnoni"): one clear winner.

        With `whole`, only the whole message may resemble a phrase (keywords); otherwise a
        word of a short message may too ("my bos has it").
        """
        tokens = said.split()
        # "not ..." with a typo is too risky to guess, unless the phrase it resembles says
        # "not" too ("not saef" is "not safe"; "ma 3arftch" is "ma 3reftch").
        negated = frozenset(t for t in tokens if t in negation)
        scores: dict[str, float] = {}
        # How sure each answer is (0..1) and the phrase it came from: a whole message that
        # resembles a phrase is surer than one word of a sentence that resembles one.
        sure: dict[str, tuple[float, str]] = {}

        def note(answer: str, score: float, certainty: float, phrase: str) -> None:
            if score >= scores.get(answer, 0.0):
                scores[answer] = score
                sure[answer] = (certainty, phrase)

        for _, score, i in process.extract(
            said, self.phrases, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=None
        ):
            # Nor the other way: "niko tayari" (I am ready) is not "siko tayari" (I am not).
            if negated <= self.phrase_words[i] and negation.isdisjoint(
                self.phrase_words[i] - negated
            ):
                note(self.owners[i], score, score / 100, self.phrases[i])
        if not whole and not negated and 1 < len(tokens) <= ORDINAL_MAX_WORDS:
            for token in tokens:
                for _, score, i in process.extract(
                    token, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=None
                ):
                    certain = score / 100 if len(tokens) <= SHORT_SENTENCE else 0.7
                    note(self.word_owners[i], score, certain, self.words[i])
        if not negated:
            near_ok = len(tokens) == 1 or (not whole and len(tokens) <= ORDINAL_MAX_WORDS)
            for token in tokens if near_ok else ():
                found = self._near(token, alone=len(tokens) == 1)
                if found is not None:
                    answer, distance, phrase = found
                    score = 90.0 if distance == 1 else 84.0
                    short = distance == 1 and len(tokens) <= SHORT_SENTENCE
                    note(answer, score, 0.85 if short else 0.7, phrase)
        if self.skeletons:
            said_skeleton = _skeleton(said)
            said_words = said_skeleton.split()
            # Words that say nothing ("3ndha", has it) leave the phrase as sure as alone.
            saying = max(1, len(said_words) - sum(t in neutral for t in tokens))
            for answer, key, words, own in self.skeletons:
                if not negated <= own:
                    continue
                if key == said_skeleton:
                    note(answer, 95.0, 0.95, key)
                elif not whole and _find(said_words, words):
                    note(answer, 95.0, 0.95 * min(1, len(words) / saying), key)
        if len(scores) > 1:
            scores.pop(SKIP, None)
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MARGIN:
            return None
        answer = ranked[0][0]
        return answer, *sure[answer]

    def _near(self, token: str, alone: bool) -> tuple[str, int, str] | None:
        """The one-word phrase one typo away from `token` ("agancy", "polise", "bos"),
        or two for long words; None when two answers are as near. Short words only when
        they are the whole message ("hlp"), never two letters ("ys" / "ya")."""
        shortest = NEAR_MIN_ALONE if alone else NEAR_MIN
        if len(token) < shortest:
            return None
        best: dict[str, tuple[int, str]] = {}
        for phrase, owner in zip(self.near_words, self.near_owners, strict=True):
            if abs(len(phrase) - len(token)) > 2 or len(phrase) < shortest:
                continue
            limit = 2 if min(len(phrase), len(token)) >= NEAR_TWO_TYPOS else 1
            distance = DamerauLevenshtein.distance(token, phrase, score_cutoff=limit)
            if 0 < distance <= limit and distance < best.get(owner, (99, ""))[0]:
                best[owner] = (distance, phrase)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: kv[1][0])
        if len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0]:
            return None
        answer, (distance, phrase) = ranked[0]
        return answer, distance, phrase


class _Keywords:
    """The global keywords of some word lists: exact phrases, then typos."""

    def __init__(self, lists: list[Wordlist], only: set[str] | None = None) -> None:
        self.fillers = _Fillers(lists)
        table: dict[str, set[str]] = defaultdict(set)
        arabizi: dict[str, set[str]] = defaultdict(set)
        for w in lists:
            for kw, phrases in w.keywords.items():
                if only is not None and kw not in only:
                    continue
                table[kw].update(phrases)
                if w.lang == ARABIZI:
                    arabizi[kw].update(phrases)
        self.exact: dict[str, set[str]] = defaultdict(set)
        for kw, phrases in table.items():
            for phrase in phrases:
                self.exact[phrase].add(kw)
        # "stop" ends the conversation silently: only the exact word counts ("stopped" ≠ stop).
        fuzzy = {kw: phrases for kw, phrases in table.items() if kw not in EXACT_KEYWORDS}
        self.fuzzy = _Fuzzy.build(fuzzy, {kw: arabizi.get(kw, set()) for kw in fuzzy})
        self.empty = not lists

    def find(self, said: str) -> str | None:
        if self.empty:
            return None
        said = self.fillers.clean(said)
        if not said:
            return None
        exact = self.exact.get(said) or self.exact.get(squeeze(said))
        if exact:
            return next(iter(exact)) if len(exact) == 1 else None
        if any(t.isdigit() for t in said.split()):
            return None  # "3 person" is a count, not a typo of "a person" ("ms7" is a word)
        typo = self.fuzzy.pick(said, whole=True)
        return typo[0] if typo else None


class _Answers:
    """One set of options in one language: every phrase that means each of them."""

    def __init__(
        self,
        table: dict[str, set[str]],
        arabizi: dict[str, set[str]],
        alone: dict[str, set[str]],
        speller: Speller,
        doubtful: frozenset[str] = frozenset(),
    ) -> None:
        self.speller = speller
        self.doubtful = doubtful
        self.exact: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, list[tuple[str, Words]]] = defaultdict(list)
        for answer, phrases in table.items():
            for phrase in phrases:
                self.exact[phrase].add(answer)
                words = tuple(phrase.split())
                self.by_first[words[0]].append((answer, words))
        for answer, phrases in alone.items():
            for phrase in phrases:
                self.exact[phrase].add(answer)
        self.fuzzy = _Fuzzy.build(table, arabizi)
        # One-word phrases in Arabic letters by their light stem: "كفيلي" (my kafeel) is
        # "الكفيل", "يضربني" (he beats me) is "يضرب".
        self.by_stem: dict[str, set[str]] = defaultdict(set)
        for answer, phrases in table.items():
            for phrase in phrases:
                if " " not in phrase and _ARABIC_LETTER.search(phrase):
                    for stem in _arabic_stems(phrase):
                        self.by_stem[stem].add(answer)

    def polite(self, tokens: list[str], i: int, language: _Language) -> bool:
        """Whether `tokens[i]` is a polite word that is an answer alone ("sir"), and not
        the first word of a longer phrase here ("mama wa nyumba")."""
        token = tokens[i]
        if token not in language.filler_words or not self.exact.get(token):
            return False
        return not any(
            len(words) > 1 and tuple(tokens[i : i + len(words)]) == words
            for _, words in self.by_first.get(token, ())
        )

    def flipped(
        self, tokens: list[str], language: _Language, answers: Iterable[str]
    ) -> Understood | None:
        """The opposite of the one answer whose phrases all stand negated ("i am not agree"
        is no, "مو امان هون" is not safe, "ma kan9belch" is no), when it is shown."""
        negation, after = language.negation, language.negation_after
        found: dict[str, set[int]] = defaultdict(set)
        # Where the last negated phrase ended: a phrase inside it ("securite" in "pas trop
        # en securite") or right after it ("ma msmou7 lia nkhroj") is negated with it.
        flipped_to = -1
        for i, token in enumerate(tokens):
            for answer, words in self.by_first.get(token, ()):
                end = i + len(words)
                if answer not in OPPOSITE or tuple(tokens[i:end]) != words:
                    continue
                if language.any_negation.intersection(words):
                    return None  # "not now", "no problem": a phrase that is negative itself
                before = max(0, i - NEGATION_REACH)
                # As for phrases: "no, I am fine" is an answer, not "not fine".
                flips = _negated(tokens, (i, end), negation, language.neutral, language.no_words)
                nots = [n for n in range(before, i) if tokens[n] in negation] if flips else []
                nots += [n for n in range(end, end + NEGATION_REACH) if n < len(tokens)
                         and tokens[n] in after]  # fmt: skip
                if not nots and not (flipped_to >= 0 and i - flipped_to <= NEGATION_REACH):
                    return None  # said plainly somewhere: not a negated answer
                found[answer].update(range(i, end), nots)
                flipped_to = max(flipped_to, end)
        if len(found) != 1:
            return None
        answer, used = next(iter(found.items()))
        opposite = OPPOSITE[answer]
        if opposite not in answers:
            return None
        words = " ".join(tokens[i] for i in sorted(used))
        score = FLIPPED if _inside_score(tokens, used, language) > DOUBTFUL else DOUBTFUL
        return Understood(opposite, score, "negated", words)

    def contained(self, tokens: list[str], language: _Language) -> tuple[str, list[Span]] | None:
        """The answer whose words stand in `tokens` and where: "" when several answers do,
        None when none does.

        A phrase inside a longer phrase of another answer ("safe" in "not safe") gives way.
        A phrase right after a negation ("not really safe") does not count, unless it is
        itself negative ("je ne suis pas en danger" is "pas en danger": ne … pas is one),
        nor one just before a negation that follows (Amharic "እኔ ጋር አይደለም", not with me).
        """
        negation, after = language.negation, language.negation_after
        hits: list[tuple[str, Span]] = []
        # Where a mild phrase ("bikhir", well) is flipped by a negation ("machi").
        negated = [
            i
            for i, token in enumerate(tokens)
            for words in language.mild_by_first.get(token, ())
            if tuple(tokens[i : i + len(words)]) == words
            and words[0] not in negation
            and _negated(tokens, (i, i + len(words)), negation, language.neutral, language.no_words)
        ]
        for i, token in enumerate(tokens):
            for answer, words in self.by_first.get(token, ()):
                end = i + len(words)
                if tuple(tokens[i:end]) != words:
                    continue
                if words[0] not in negation and _negated(
                    tokens, (i, end), negation, language.neutral, language.no_words
                ):
                    continue
                if words[-1] not in after and after.intersection(
                    tokens[end : end + NEGATION_REACH]
                ):
                    continue
                hits.append((answer, (i, end)))
        if not hits and self.by_stem:
            for i, token in enumerate(tokens):
                # Neutral words are not answers by their stem: "عند" (at) is not "عندي" (I have it).
                if (
                    not _ARABIC_LETTER.search(token)
                    or token in language.neutral
                    or _negated(tokens, (i, i + 1), negation, language.neutral, language.no_words)
                ):
                    continue
                found = {a for stem in _arabic_stems(token) for a in self.by_stem.get(stem, ())}
                hits.extend((answer, (i, i + 1)) for answer in found)
        # A negation word that is also an answer ("ماشي", no) is not that answer when it
        # flips a mild phrase after it: "ماشي بخير" is "not well", never "no" (safe).
        hits = [
            (answer, (start, end))
            for answer, (start, end) in hits
            if not (
                negation.issuperset(tokens[start:end])
                and any(end <= n < end + NEGATION_REACH for n in negated)
            )
        ]
        if not hits:
            return None
        kept = [
            (answer, (start, end))
            for answer, (start, end) in hits
            if not any(
                other != answer and s <= start and end <= e and (e - s) > (end - start)
                for other, (s, e) in hits
            )
        ]
        found = {a for a, _ in kept}
        # "I am ok but he beats me": the more serious answer wins, never the milder one.
        serious = next((a for a in OUTRANKS if a in found), None)
        answer = serious or _one(found) or ""
        return answer, [span for a, span in kept if a == answer]


@dataclass
class _Language:
    """Everything about one language's lists that does not depend on the options shown."""

    chain: list[Wordlist]
    others: list[Wordlist]

    @cached_property
    def respeller(self) -> Respeller | None:
        lang = self.chain[0].lang if self.chain else None
        return Respeller.of(lang, self.chain + self.others)

    @cached_property
    def fillers(self) -> _Fillers:
        return _Fillers(self.chain)

    @cached_property
    def keywords(self) -> tuple[_Keywords, _Keywords]:
        return _Keywords(self.chain), _Keywords(self.others, CROSS_LANGUAGE_KEYWORDS)

    @cached_property
    def neutral(self) -> frozenset[str]:
        """Words that say nothing by themselves ("the", "has", "it"), and fillers."""
        words = {n for w in self.chain for n in w.neutral}
        words.update(t for w in self.chain for f in w.filler for t in f.split())
        return frozenset(words)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of the chain's lists: what a differently spelled word may be."""
        words = set(self.neutral | self.any_negation)
        for w in self.chain:
            for section in (w.answers, w.alone, w.keywords):
                words.update(t for phrases in section.values() for p in phrases for t in p.split())
            words.update(t for phrases in w.ordinals for p in phrases for t in p.split())
            # Concept words too ("ghre9" is "ghr9", sank), without their stem mark.
            words.update(
                t.rstrip("*")
                for phrases in w.concepts.values()
                for p in phrases
                for t in p.split()
                if not t.startswith("*")  # a word's ending is not a word
            )
        return frozenset(words)

    @cached_property
    def arabizi_spelled(self) -> bool:
        """Whether words may be matched by their consonants (Darija in Latin letters)."""
        return any(w.lang == ARABIZI for w in self.chain)

    @cached_property
    def keyword_pairs(self) -> frozenset[tuple[str, str]]:
        """Two words in a row of a keyword's phrase ("talk to", "start again"), or around
        one word (Tigrinya "ምስ [ሰብ] ክዛረብ", with [a person] I talk): beside an answer's
        word, they make it doubtful ("talk to agent" is not "an agent has it")."""
        pairs = set()
        for w in self.chain:
            for phrases in w.keywords.values():
                for phrase in phrases:
                    words = phrase.split()
                    if len(words) >= KEYWORD_PAIR_MIN:  # "help me" beside "yes" is a plea
                        pairs.update(zip(words, words[1:], strict=False))
                        pairs.update(zip(words, words[2:], strict=False))
        # Two words that say nothing ("je veux", I want) do not make an answer doubtful.
        return frozenset(p for p in pairs if not self.neutral.issuperset(p))

    @cached_property
    def negation(self) -> frozenset[str]:
        return frozenset(n for w in self.chain for n in w.negation)

    @cached_property
    def negation_after(self) -> frozenset[str]:
        return frozenset(n for w in self.chain for n in w.negation_after)

    @cached_property
    def any_negation(self) -> frozenset[str]:
        return self.negation | self.negation_after

    @cached_property
    def answers(self) -> dict[str, set[str]]:
        return _merge(w.answers for w in self.chain)

    @cached_property
    def alone(self) -> dict[str, set[str]]:
        return _merge(w.alone for w in self.chain)

    @cached_property
    def doubtful(self) -> dict[str, set[str]]:
        return _merge(w.doubtful for w in self.chain)

    @cached_property
    def keyword_groups(self) -> tuple[tuple[str, tuple[Words, ...]], ...]:
        """(keyword, its groups of words) from the chain's `keyword_words`."""
        # "stop.negated" is more groups for "stop" ("don't message me again").
        return tuple(
            (kw.split(".")[0], groups) for w in self.chain for kw, groups in w.keyword_words.items()
        )

    @cached_property
    def no_words(self) -> frozenset[str]:
        """One-word yes and no answers ("no", "la", "ok"): a negation that answers alone, or
        an answer that ends what a negation before it reaches ("i am not ok, i accept")."""
        return frozenset(
            p
            for w in self.chain
            for a in ("yes", "no")
            for p in w.answers.get(a, ())
            if " " not in p
        )

    @cached_property
    def neutral_skeletons(self) -> frozenset[str]:
        """Neutral words by their Arabizi consonants ("lhamdoulilah" = "l7amdolilah")."""
        if not self.arabizi_spelled:
            return frozenset()
        return frozenset(
            key for w in self.neutral if len(key := _skeleton(w).replace(" ", "")) >= 4
        )

    def says_nothing(self, token: str) -> bool:
        """A neutral word, in any Arabizi spelling, or with "and" stuck to it ("والحمدلله")."""
        if token in self.neutral:
            return True
        if token[:1] in _AND_PREFIXES and len(token) > 2 and token[1:] in self.neutral:
            return True
        return bool(self.neutral_skeletons) and _skeleton(token) in self.neutral_skeletons

    @cached_property
    def filler_words(self) -> frozenset[str]:
        """The polite words that are a filler phrase alone ("sir", "mama")."""
        return frozenset(f for w in self.chain for f in w.filler if " " not in f)

    @cached_property
    def stop_words(self) -> frozenset[str]:
        """The words of the stop keyword's phrases ("safi", "enough")."""
        return frozenset(
            t for w in self.chain for p in w.keywords.get("stop", ()) for t in p.split()
        )

    @cached_property
    def keyword_speller(self) -> Speller:
        """The words of `keyword_words`, reached from other spellings ("nhdar" = "nhdr")."""
        words = {
            w.rstrip("*")
            for _, groups in self.keyword_groups
            for group in groups
            for w in group
            if not w.startswith("*")
        }
        return Speller(words | self.any_negation, arabizi=self.arabizi_spelled)

    def keyword_sentence(self, said: str) -> str | None:
        """The keyword a short sentence asks for by its words ("please delete all my
        messages"): a word of each group of one keyword, each a word of its own ("start"
        is not "start" and "again"), and no negation; else None."""
        tokens = said.split()
        if not 1 < len(tokens) <= KEYWORD_SENTENCE_MAX:
            return None
        # Spelling variants only: a typo may turn "l'agent" (who took it) into "agent".
        spelled, changed = self.keyword_speller.correct(tokens)
        tokens = [spelled[i] if changed.get(i) is False else t for i, t in enumerate(tokens)]
        found = {
            kw
            for kw, groups in self.keyword_groups
            if _each_group(tokens, groups)
            # "I don't want to delete": a negation before the words; "a person, not a
            # robot" after them is fine.
            and not self.any_negation.intersection(tokens[: _first_of(tokens, groups)])
            # "stop" ends the chat silently: only when the sentence says it first ("stop
            # messaging me"), never "my boss stops me sending messages".
            # ("safi, don't send me anything": a stop word before it is the same plea).
            and (
                kw not in EXACT_KEYWORDS
                or set(tokens[: _first_of(tokens, groups)]) <= self.stop_words
            )
        }
        return found.pop() if len(found) == 1 else None

    def language_named(self, cleaned: str, said: str) -> str | None:
        """ "language" for a wish that is only a language's name once polite words are
        out ("je veux l'anglais", "in bangla please"); a bare name is not a sentence."""
        if len(said.split()) < 2 or len(cleaned.split()) != 1:
            return None
        names = {w for kw, groups in self.keyword_groups if kw == "language" for w in groups[-1]}
        return "language" if _word_in(cleaned, tuple(names)) else None

    def asking(self, tokens: list[str]) -> bool:
        """Whether the message is a question back about the question ("what do you mean
        danger"): an `asking` phrase first and a word or two after it, no more (a longer
        sentence may say what happens: "what is this, they beat me")."""
        for w in self.chain:
            for phrase in w.asking:
                words = phrase.split()
                if tokens[: len(words)] == words and len(tokens) - len(words) <= ASKING_REST:
                    return True
        return False

    @cached_property
    def concepts(self) -> tuple[tuple[str, Words], ...]:
        """(answer, words) from the chain's `concepts`: words that carry an answer alone."""
        return tuple(
            (answer, tuple(p.split()))
            for w in self.chain
            for answer, phrases in w.concepts.items()
            for p in phrases
        )

    def concept(self, tokens: list[str], answers: Iterable[str]) -> tuple[str, list[Span]] | None:
        """The one answer among `answers` whose concept words stand in `tokens`, and where;
        None when none does or several answers' concepts do. Negations count as for
        phrases: not right after one (unless the concept is itself negative: "without
        passport"), nor right before one that follows ("je l'ai pas")."""
        found: dict[str, list[Span]] = defaultdict(list)
        for answer, words in self.concepts:
            if answer not in answers:
                continue
            n = len(words)
            for i in range(len(tokens) - n + 1):
                if not all(_word_in(tokens[i + k], (w,)) for k, w in enumerate(words)):
                    continue
                if words[0] not in self.any_negation and _negated(
                    tokens, (i, i + n), self.negation, self.neutral, self.no_words
                ):
                    continue
                if words[-1] not in self.negation_after and self.negation_after.intersection(
                    tokens[i + n : i + n + NEGATION_REACH]
                ):
                    continue
                found[answer].append((i, i + n))
        serious = next((a for a in OUTRANKS if a in found), None)
        answer = serious or (next(iter(found)) if len(found) == 1 else None)
        return (answer, found[answer]) if answer else None

    @cached_property
    def mild_by_first(self) -> dict[str, list[Words]]:
        """The phrases of the mild answers ("safe") by their first word, whatever the
        options shown: a negation before one of them is never the mild answer."""
        found: dict[str, list[Words]] = defaultdict(list)
        for answer in MILD:
            for phrase in self.answers.get(answer, ()):
                words = tuple(phrase.split())
                found[words[0]].append(words)
        return found

    @cached_property
    def arabizi(self) -> dict[str, set[str]]:
        return _merge(w.answers for w in self.chain if w.lang == ARABIZI)

    @cached_property
    def elsewhere(self) -> dict[str, set[str]]:
        """Phrase → answers, in the other languages' lists (read word for word only)."""
        found: dict[str, set[str]] = defaultdict(set)
        for w in self.others:
            for section in (w.answers, w.alone):
                for answer, phrases in section.items():
                    for phrase in phrases:
                        found[phrase].add(answer)
        return found

    @cached_property
    def ordinals(self) -> tuple[_Fillers, dict[Words, set[int]], int]:
        """Fillers of every language, ordinal phrase → option numbers, longest phrase."""
        lists = self.chain + self.others
        table: dict[Words, set[int]] = defaultdict(set)
        for w in lists:
            for index, phrases in enumerate(w.ordinals, start=1):
                for phrase in phrases:
                    table[tuple(phrase.split())].add(index)
        longest = max((len(p) for p in table), default=0)
        return _Fillers(lists), dict(table), longest


class Lexicon:
    """Word lists of every locale under `locales_dir`."""

    def __init__(self, locales_dir: Path) -> None:
        self.locales_dir = Path(locales_dir)
        self._lists: dict[str, Wordlist] = {
            path.parent.name: load_wordlist(path)
            for path in sorted(self.locales_dir.glob(f"*/{WORDS_FILE}"))
        }
        self._languages: dict[str | None, _Language] = {}
        self._answer_tables: dict[tuple[str | None, tuple], _Answers] = {}
        # Asked of every message: "hi", "1", "yes" come again and again.
        self._keyword_of: dict[tuple[str, str | None], str | None] = {}

    @property
    def languages(self) -> list[str]:
        return list(self._lists)

    def wordlist(self, lang: str) -> Wordlist:
        return self._lists.get(lang) or Wordlist(lang)

    def _language(self, lang: str | None) -> _Language:
        """The tables for `lang`: its chain (ary-Latn → ary → ar → fr → en) and the rest."""
        found = self._languages.get(lang)
        if found is None:
            tags = lexicon_chain(lang) if lang else list(self._lists)
            chain = [self._lists[t] for t in tags if t in self._lists]
            others = [w for t, w in self._lists.items() if t not in tags]
            found = self._languages[lang] = _Language(chain, others)
        return found

    # -- keywords -------------------------------------------------------------------------

    def keyword(self, text: str, lang: str | None) -> str | None:
        """ "help", "restart", "language", "stop" or "erase" when `text` is just that word.

        Words of `lang` (and its fallbacks) are tried first, then every other language for
        help, language and erase, so "msaada" works in a French conversation. A sentence
        that merely contains the word ("can you help my sister") is not a keyword.
        """
        said = _respell(_norm(text), lang, self._language(lang))
        if not said:
            return None
        key = (said, lang)
        if key in self._keyword_of:
            return self._keyword_of[key]
        found = None
        language = self._language(lang)
        for table in language.keywords:
            hit = table.find(said)
            if hit:
                found = hit
                break
        if found is None:
            sentence = language.fillers.clean(said) or said
            if language.arabizi_spelled:  # "matsifetch" is "ma tsifet": don't send
                sentence = split_negations(sentence, language.keyword_speller.knows)
            found = language.keyword_sentence(sentence) or language.language_named(sentence, said)
        if len(self._keyword_of) >= CACHE_SIZE:
            self._keyword_of.clear()
        self._keyword_of[key] = found
        return found

    # -- answers --------------------------------------------------------------------------

    def match(
        self, text: str, lang: str | None, candidates: Candidates, *, whole: bool = False
    ) -> str | None:
        """The answer id among `candidates` that `text` means, or None if unsure."""
        found = self.understand(text, lang, candidates, whole=whole)
        return found.answer if found else None

    def understand(
        self, text: str, lang: str | None, candidates: Candidates, *, whole: bool = False
    ) -> Understood | None:
        """The answer among `candidates` that `text` means, how sure we are and why.

        `candidates` maps each answer id to extra labels (the option titles shown, synonyms
        from the flow). Tried in order: a thumbs emoji, the whole message, whole words inside
        it ("my boss has it"), then typos and Arabizi spelling variants. A `skip` that is
        also another answer ("I don't know" is `unsure` too) gives way to that answer.
        With `whole`, only the whole message counts (no words inside it, no typos).

        The score is 1 for the whole message; for words inside a sentence, the share of the
        sentence they and neutral words ("the", "has", "it") explain: "the madam keeps it"
        is sure, "talk to agent" is not. A `doubtful` phrase ("maybe") is never sure.
        """
        found = self._read(text, lang, candidates, whole)
        if found is None or found.score <= DOUBTFUL:
            return found
        doubtful = self._answers(lang, self._language(lang), candidates).doubtful
        if _holds_doubt(found.words, doubtful) or _norm(text) in doubtful:
            # "maybe i dont know": a doubt inside the words that answer leaves it in doubt.
            return Understood(found.answer, DOUBTFUL, found.how, found.words)
        return found

    def _read(
        self, text: str, lang: str | None, candidates: Candidates, whole: bool
    ) -> Understood | None:
        emoji = _thumbs(text)
        if emoji in candidates:
            return Understood(emoji, 1.0, "emoji", text.strip())
        said = _respell(_norm(text), lang, self._language(lang), candidates)
        if not said:
            return None
        language = self._language(lang)
        if language.asking(said.split()):
            return None
        answers = self._answers(lang, language, candidates)
        if language.arabizi_spelled:  # "makan9belch" is "ma kan9bel": not accept
            said = split_negations(said, answers.speller.knows)
        cleaned = language.fillers.clean(said)
        exact = answers.exact.get(said, set()) | answers.exact.get(cleaned, set())
        if not exact and (squeezed := squeeze(cleaned or said)) != (cleaned or said):
            exact = answers.exact.get(squeezed, set())  # "ouii", "yess", "laa"
        if exact or whole:
            one = _one(exact)
            return Understood(one, 1.0, "exact", cleaned or said) if one else None
        tokens = said.split()
        # Words spelled otherwise than listed, in their listed spelling ("mashi mzyan" is
        # "machi mzyan", not well): known phrases stay as they are, more can be found.
        spelled, changed = answers.speller.correct(tokens)
        typos = {i for i, typo in changed.items() if typo}
        if changed:
            respelled = language.fillers.clean(" ".join(spelled))
            one = _one(answers.exact.get(respelled, set()))
            if one:
                # A typo may hide a negation ("nit safe"); an Arabizi or Ge'ez spelling
                # of the same words ("kolchi mezyan") does not.
                score = DOUBTFUL if one in MILD and typos else SPELLED
                return Understood(one, score, "typo" if typos else "spelling", respelled)
        inside = answers.contained(spelled, language)
        concept = language.concept(spelled, candidates.keys())
        if inside is not None and not inside[0]:
            # "passport with me sir": a polite word that is an answer alone too ("sir"
            # has it) is politeness beside another answer, unless a concept says otherwise
            # ("mama wa nyumba ameificha" stays in doubt).
            polite = [t for i, t in enumerate(spelled) if not answers.polite(spelled, i, language)]
            found = answers.contained(polite, language) if polite != spelled else None
            if found and found[0] and (concept is None or concept[0] == found[0]):
                inside, spelled = found, polite
                concept = language.concept(spelled, candidates.keys())
        if concept is not None:
            weighed = _weigh_concept(concept, inside, spelled, language)
            if weighed is not None:
                return weighed
        if inside is not None:
            answer, spans = inside
            if not answer:
                return None
            used = {i for start, end in spans for i in range(start, end)}
            # A concept of the same answer explains its words too ("daba ana f dar sa7bti
            # labas": at a friend's, fine), and is as sure as alone ("booliskii … qaatay").
            agrees = concept is not None and concept[0] == answer
            said_by = (
                {i for start, end in concept[1] for i in range(start, end)} if agrees else set()
            )
            words = " ".join(spelled[i] for i in sorted(used))
            score = _inside_score(spelled, used | said_by, language)
            how = "inside"
            if used & typos and score < 1 and len(tokens) > SHORT_SENTENCE:
                score, how = TYPO_IN_SENTENCE, "typo"  # "i think the agnet took it": ask
            elif used & changed.keys():
                score, how = round(score * SPELLED, 2), "typo" if used & typos else "spelling"
            if agrees and answer not in MILD and score > DOUBTFUL and not said_by & typos:
                score = max(score, CONCEPT)
            first = min(start for start, _ in spans)
            if answer == YES and first == 0 and not used & typos:
                # "yes please i need help, my sponsor…": a yes first answers; what follows
                # explains (unless a negation follows it: "yes no", "ok not now").
                after = spelled[max(end for _, end in spans) :][:NEGATION_REACH]
                if not language.any_negation.intersection(after):
                    score = max(score, YES_FIRST)
            if answer in MILD and score < 1:
                score = DOUBTFUL  # "nit safe" may be "not safe": ask, never guess "safe"
            return Understood(answer, score, how, words)
        flipped = answers.flipped(spelled, language, candidates.keys())
        if flipped is not None:
            return flipped
        typo = answers.fuzzy.pick(cleaned or said, language.any_negation, neutral=language.neutral)
        if typo:
            answer, score, phrase = typo
            score = min(score, DOUBTFUL) if answer in MILD else score
            return Understood(answer, round(score, 2), "typo", phrase)
        if lang is None:
            return None
        # "oui" in an English conversation: other languages count, but only word for word.
        elsewhere = language.elsewhere.get(said, set()) | language.elsewhere.get(cleaned, set())
        one = _one(elsewhere & candidates.keys())
        return Understood(one, 0.9, "elsewhere", said) if one else None

    def _answers(self, lang: str | None, language: _Language, candidates: Candidates) -> _Answers:
        key = (lang, tuple((answer, tuple(labels)) for answer, labels in candidates.items()))
        found = self._answer_tables.get(key)
        if found is None:
            table: dict[str, set[str]] = {}
            for answer, labels in candidates.items():
                phrases = {_norm(x) for x in [answer, answer.replace("_", " "), *labels]}
                phrases.update(language.answers.get(answer, ()))
                phrases.update(language.doubtful.get(answer, ()))
                table[answer] = {p for p in phrases if p}
            arabizi = {a: language.arabizi.get(a, set()) for a in candidates}
            alone = {a: language.alone.get(a, set()) for a in candidates}
            own = {t for phrases in table.values() for p in phrases for t in p.split()}
            speller = Speller(language.vocabulary | own, arabizi=language.arabizi_spelled)
            doubtful = {p for a in candidates for p in language.doubtful.get(a, ())}
            found = _Answers(table, arabizi, alone, speller, frozenset(doubtful))
            if len(self._answer_tables) >= CACHE_SIZE:
                self._answer_tables.clear()  # option sets come from flows: rarely reached
            self._answer_tables[key] = found
        return found

    def negated(self, text: str, lang: str | None) -> bool:
        """Whether `text` holds a negation word of `lang` ("no problem", "ما في مشكلة")."""
        return bool(self._language(lang).any_negation.intersection(_norm(text).split()))

    # -- option numbers -------------------------------------------------------------------

    def ordinal(self, text: str, lang: str | None, count: int) -> int | None:
        """The 1-based option `text` points at: "2", "٢", "the second one", "ya pili".

        Only when that is all the message says: "first my boss took it" is not option 1,
        and "no one" is not option 1 either.
        """
        fillers, table, longest = self._language(lang).ordinals
        said = fillers.clean(_norm(text)).split()
        position = None
        if 0 < len(said) <= ORDINAL_MAX_WORDS:
            position = _ordinal_word(said, table, longest)
        if position is None and said and all(_numeric(t) for t in said):
            position = parse_number(" ".join(said), lang)
        if position is None or not 1 <= position <= count:
            return None
        return position


def _ordinal_word(said: list[str], table: dict[Words, set[int]], longest: int) -> int | None:
    found: set[int] = set()
    if len(said) == 1 and (digits := _ORDINAL_DIGITS.match(said[0])):
        found.add(int(digits.group(1)))
    for start in range(len(said)):
        for end in range(start + 1, min(len(said), start + longest) + 1):
            indexes = table.get(tuple(said[start:end]))
            if not indexes:
                continue
            rest = said[:start] + said[end:]
            # Only small words around it: "the second one", "la deuxième".
            if len(rest) <= 2 and all(len(t) <= ORDINAL_SMALL_WORD for t in rest):
                found |= indexes
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=CACHE_SIZE)
def _numeric(token: str) -> bool:
    """A digit, a Ge'ez numeral, a number word of any language, or "number"/"option"."""
    return (
        token.isdigit()
        or bool(_ETHIOPIC_NUMERAL.fullmatch(token))
        or token in NUMBER_LABELS
        or any(word_value(token, tag) is not None for tag in NUMBER_LANGS)
    )


def _respell(
    said: str, lang: str | None, language: _Language, candidates: Candidates | None = None
) -> str:
    """Amharic and Tigrinya typed in Latin letters or spelled otherwise, in the spelling
    of the lists or of the options shown ("irdugn" → "እርዱኝ"): see `bot.i18n.ethiopic`.
    Only in an Amharic or Tigrinya conversation (without a language, the chain is every
    list, Amharic first)."""
    if lang not in ETHIOPIC_LANGS or not language.respeller:
        return said
    labels = (_norm(p) for phrases in (candidates or {}).values() for p in phrases)
    return language.respeller.including(labels).respell(said)


def _merge(sections: Iterable[dict[str, tuple[str, ...]]]) -> dict[str, set[str]]:
    """The answers of a chain of languages. A phrase the nearer language already gives
    meaning to keeps it: "ماشي" is "no" in Darija even though it is "ok" in Arabic."""
    merged: dict[str, set[str]] = defaultdict(set)
    claimed: set[str] = set()
    for section in sections:
        mine = {p for phrases in section.values() for p in phrases}
        for answer, phrases in section.items():
            merged[answer].update(p for p in phrases if p not in claimed)
        claimed |= mine
    return dict(merged)


def _one(answers: set[str]) -> str | None:
    """The one answer in `answers`; `skip` gives way to any other; None when several."""
    if len(answers) > 1:
        answers = answers - {SKIP}
    return next(iter(answers)) if len(answers) == 1 else None


_AND_PREFIXES = ("و",)  # Arabic "and" written onto the next word
_ARABIC_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و")
_ARABIC_SUFFIXES = ("ونني", "وني", "ني", "ها", "هم", "كم", "نا", "وه", "ه", "ي", "ك")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
ARABIC_STEM_MIN = 3  # letters left after a prefix or suffix is taken off


@lru_cache(maxsize=CACHE_SIZE)
def _arabic_stems(word: str) -> frozenset[str]:
    """Light stems: the word without a common prefix (ال, و) and/or an attached pronoun
    (ي, ني, ه…): "كفيلي" (my kafeel) and "الكفيل" share "كفيل"."""
    bases = {word}
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= ARABIC_STEM_MIN:
            bases.add(word[len(prefix) :])
            break
    stems = set(bases)
    for base in bases:
        for suffix in _ARABIC_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= ARABIC_STEM_MIN:
                stems.add(base[: -len(suffix)])
                break
    return frozenset(stems)


def _weigh_concept(
    concept: tuple[str, list[Span]],
    inside: tuple[str, list[Span]] | None,
    tokens: list[str],
    language: _Language,
) -> Understood | None:
    """A concept's answer, when no phrase of the message says another answer; None to read
    the phrases as usual (they say the same, or several answers). Beside a keyword's words
    ("talk to agent") or a phrase of another answer, the bot asks back."""
    answer, spans = concept
    used = {i for start, end in spans for i in range(start, end)}
    words = " ".join(tokens[i] for i in sorted(used))
    sure = CONCEPT if _inside_score(tokens, used, language) > DOUBTFUL else DOUBTFUL
    if inside is None:
        return Understood(answer, sure, "concept", words)
    other, _ = inside
    graver = answer in OUTRANKS and (
        other not in OUTRANKS or OUTRANKS.index(answer) < OUTRANKS.index(other)
    )
    if not other or other == answer or (other in OUTRANKS and not graver):
        return None
    if answer in CONCEPT_OUTRANKS:
        return Understood(answer, sure, "concept", words)
    return Understood(answer, DOUBTFUL, "concept", words)


def _inside_score(tokens: list[str], used: set[int], language: _Language) -> float:
    """How sure an answer found inside a sentence is: 1 when the other words are neutral
    ("the madam keeps it"); lower when some of them belong to a keyword or to another
    answer ("talk to agent": "talk" asks for a person), so the bot asks back."""
    rest = [t for i, t in enumerate(tokens) if i not in used and not language.says_nothing(t)]
    if not rest:
        return 1.0
    others = [t for i, t in enumerate(tokens) if i not in used]
    if any(pair in language.keyword_pairs for pair in zip(others, others[1:], strict=False)):
        return DOUBTFUL
    return 0.9


def _each_group(tokens: list[str], groups: tuple[Words, ...]) -> bool:
    """Whether each group has a word of its own among `tokens` (one word, one group)."""
    used: set[int] = set()
    for group in groups:
        at = next((i for i, t in enumerate(tokens) if i not in used and _word_in(t, group)), None)
        if at is None:
            return False
        used.add(at)
    return True


def _first_of(tokens: list[str], groups: tuple[Words, ...]) -> int:
    """Where the first word of any of `groups` stands in `tokens`."""
    return next(i for i, t in enumerate(tokens) if any(_word_in(t, g) for g in groups))


def _word_in(token: str, group: Words) -> bool:
    """Whether `token` is a word of `group`, starts with one of its stems ("word*"), ends
    with one ("*nipiga": Swahili puts the person before the verb) or holds one ("*x*")."""
    return any(_stem_match(token, w) for w in group)


@lru_cache(maxsize=CACHE_SIZE * 4)
def _stem_match(token: str, word: str) -> bool:
    head, tail = word.startswith("*"), word.endswith("*")
    core = word.strip("*")
    if head and tail:
        return core in token
    if head:
        return token.endswith(core)
    return token.startswith(core) if tail else token == word


def _thumbs(text: str) -> str | None:
    """The answer a message of only answering emoji says ("👍", "✅", "❌", "🆘"), or None."""
    bare = set(_EMOJI_NOISE.sub("", text))
    return next((a for a, marks in _EMOJI_ANSWERS.items() if bare and bare <= marks), None)


def _holds_doubt(words: str, doubtful: frozenset[str]) -> bool:
    """Whether a `doubtful` phrase stands, word for word, among `words`."""
    tokens = words.split()
    return any(
        tuple(tokens[i : i + len(d)]) == d
        for phrase in doubtful
        if (d := tuple(phrase.split()))
        for i in range(len(tokens) - len(d) + 1)
    )


def _negated(
    tokens: Sequence[str],
    span: Span,
    negation: frozenset[str],
    neutral: frozenset[str],
    no_words: frozenset[str] = frozenset(),
) -> bool:
    start = max(0, span[0] - NEGATION_REACH)
    # "no, I am fine": a negation first, before a word that says nothing, answers the
    # question ("no"); it does not flip what follows.
    if (
        start == 0
        and span[0] > 1
        and tokens[0] in negation
        and tokens[0] not in NOBODY
        and tokens[1] in neutral
    ):
        start = 1
    if any(t in negation for t in tokens[start : span[0]]):
        return True
    # "ma kayn 7ta khatar", "there is not any danger": words that say nothing between a
    # negation and the phrase do not end its reach (a "no" that answers still does not flip
    # what follows: "la walo dork labas").
    if not all(t in neutral and t not in no_words for t in tokens[start : span[0]]):
        return False
    for at in range(start - 1, max(-1, start - 1 - NEGATION_REACH), -1):
        if tokens[at] in negation:
            return tokens[at] not in no_words
        if tokens[at] not in neutral or tokens[at] in no_words:
            return False
    return False
