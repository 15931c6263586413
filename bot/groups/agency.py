"""Recruitment agency names as people type them, compared across spellings and scripts.

"Al Amal Recruitment", "alamal recruitment" and "الأمل للتوظيف" name one agency. A name is
folded (`bot.i18n.normalize`), stripped of generic words (recruitment, agency, office,
مكتب, وكالة... also misspelt), Arabic letters are transliterated to Latin with a simple
table, and the forms are compared with rapidfuzz. Arabic writes no short vowels, so across
scripts the consonant skeletons are compared too ("النور" nwr ≈ "Al Noor" nr).

Pure: no database, no web. Used for link suggestions and for pattern statistics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from rapidfuzz import fuzz, process

from bot.i18n.normalize import normalize

MIN_SCORE = 85.0  # a pair at or above this is "the same agency"
_GENERIC_FUZZY = 85.0  # "recruitmnet" is still a generic word
_MIN_FUZZY_LEN = 5  # shorter words must match a generic word exactly

# Words that say what kind of business it is, not which one (normalized forms).
GENERIC_LATIN = frozenset(
    """
    recruitment recruitments recruiting recruiter recruiters recrutement recruit
    agency agencies agence agencia agenzia agent agents office offices bureau
    company compagnie societe co ltd limited llc plc inc sarl corp corporation
    services service international intl employment emploi manpower placement placements
    consultancy consultant consultants consulting travel travels tours tourism voyages
    group enterprise enterprises establishment overseas general
    and the of for de du des la le les et
    wakala kampuni ya na
    shirkadda shirkad wakaalad wakaaladda xafiiska
    """.split()
)
_GENERIC_LATIN_LONG = sorted(w for w in GENERIC_LATIN if len(w) >= _MIN_FUZZY_LEN)
# Arabic stems; the article and the prefixes و ب ل لل are tried off each word first.
GENERIC_ARABIC = frozenset(
    """
    مكتب مكاتب وكاله وكالات شركه موسسه توظيف استقدام عماله خدمات دوليه سفر سياحه
    تشغيل تسفير
    """.split()
)
GENERIC_OTHER = frozenset({"ኤጀንሲ", "ድርጅት"})  # Amharic/Tigrinya: agency, organization
ARTICLES = frozenset({"al", "el", "il", "ul"})

# What people write when they do not know: never "the same agency" as each other.
UNKNOWN = frozenset(
    {
        "dont know", "i dont know", "idk", "unknown", "no", "none", "nothing", "na", "n a",
        "je ne sais pas", "je sais pas", "sais pas", "sijui", "sijui jina", "ma3rftch",
        "ma3reftch", "لا اعرف", "ما اعرف", "معرفتش", "مااعرفش", "ma aqaano",
        "skip",
    }
)  # fmt: skip

# Normalized Arabic letters (see bot.i18n.normalize: أ/إ/آ → ا, ة → ه, ى → ي) → Latin.
_ARABIC_TO_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "پ": "p", "چ": "ch", "ڤ": "v",
    "گ": "g",
}  # fmt: skip
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[a-z]")
# Arabizi digits: 3 = ع (often unwritten in Latin), 7 = ح, 9 = ق, 5 = خ, 2 = ء.
_ARABIZI = str.maketrans({"3": "", "2": "", "7": "h", "9": "q", "5": "kh"})
_SKELETON_RULES = (("ph", "f"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ck", "k"),
                   ("kh", "k"), ("q", "k"), ("c", "k"), ("sh", "s"), ("th", "t"),
                   ("dh", "d"), ("gh", "g"))  # fmt: skip
_VOWELS = re.compile("[aeiouwy]")
_DOUBLES = re.compile(r"(.)\1+")
_ARABIC_PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل")


@dataclass(frozen=True)
class AgencyName:
    """One typed agency name, folded for comparison."""

    raw: str  # as typed (trimmed)
    script: str  # latin | arabic | other
    forms: tuple[str, ...]  # Latin forms, without spaces: with and without the article
    skeletons: tuple[str, ...]  # the same forms without vowels

    @property
    def key(self) -> str:
        """The fullest form: a stable, non-personal label of the spelling."""
        return self.forms[0]


def parse(raw: str | None) -> AgencyName | None:
    """The comparable name, or None when nothing distinctive is left ("the agency", "idk")."""
    if not raw or not isinstance(raw, str):
        return None
    text = normalize(raw)
    if not text or text in UNKNOWN:
        return None
    words = [w for w in text.split() if not _generic(w)]
    if not words:
        return None
    script = _script(words)
    latin = [_to_latin(w) for w in words]
    forms = _forms(words, latin)
    forms = tuple(f for f in dict.fromkeys(forms) if len(f) >= 2)
    if not forms or len(forms[0]) < 3:
        return None
    return AgencyName(
        raw=" ".join(raw.split())[:120],
        script=script,
        forms=forms,
        skeletons=tuple(dict.fromkeys(_skeleton(f) for f in forms)),
    )


def similarity(a: AgencyName, b: AgencyName) -> float:
    """0–100: how surely two typed names are one agency."""
    best = max(fuzz.ratio(x, y) for x, y in product(a.forms, b.forms))
    # Skeletons drop vowels, so short ones collide easily; across scripts they are all we
    # have (Arabic has no short vowels), within one script they must be longer.
    shortest = 3 if a.script != b.script else 5
    for x, y in product(a.skeletons, b.skeletons):
        if min(len(x), len(y)) >= shortest:
            best = max(best, fuzz.ratio(x, y))
    return float(best)


def same_agency(a: AgencyName, b: AgencyName, min_score: float = MIN_SCORE) -> bool:
    return similarity(a, b) >= min_score


def _generic(word: str) -> bool:
    if word in GENERIC_LATIN or word in GENERIC_OTHER:
        return True
    if _ARABIC.search(word):
        return any(stem in GENERIC_ARABIC for stem in _arabic_stems(word))
    if len(word) >= _MIN_FUZZY_LEN and _LATIN.search(word):
        hit = process.extractOne(word, _GENERIC_LATIN_LONG, scorer=fuzz.ratio)
        return hit is not None and hit[1] >= _GENERIC_FUZZY
    return False


def _arabic_stems(word: str) -> list[str]:
    stems = [word]
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            stems.append(word[len(prefix) :])
    return stems


def _script(words: list[str]) -> str:
    joined = "".join(words)
    if _ARABIC.search(joined):
        return "arabic"
    if _LATIN.search(joined):
        return "latin"
    return "other"


def _to_latin(word: str) -> str:
    if not _ARABIC.search(word):
        return word.translate(_ARABIZI)
    out = "".join(_ARABIC_TO_LATIN.get(ch, ch) for ch in word)
    # A final ه is nearly always ة (ta marbuta), said "a": "النجمه" → "alnajma".
    return out[:-1] + "a" if word.endswith("ه") else out


def _forms(words: list[str], latin: list[str]) -> list[str]:
    """The name with its article, then without ("al amal" → "alamal", "amal")."""
    full = "".join(latin)
    without = [
        w[2:] if (orig.startswith("ال") and _ARABIC.search(orig)) else w
        for orig, w in zip(words, latin, strict=True)
        if w not in ARTICLES
    ]
    forms = [full, "".join(without)]
    first = without[0] if without else ""
    # "alamal" glued: try it without the article too.
    if first[:2] in ("al", "el") and len(first) >= 5:
        forms.append(first[2:] + "".join(without[1:]))
    return forms


def _skeleton(form: str) -> str:
    for old, new in _SKELETON_RULES:
        form = form.replace(old, new)
    form = _VOWELS.sub("", form)
    return _DOUBLES.sub(r"\1", form)
