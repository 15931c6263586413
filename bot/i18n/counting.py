"""How many people a reply counts: "me and 4 others" = 5, "5 women and 2 children" = 7.

`read_count` reads the answer to "how many people, counting you?": one number
(`numbers.parse_number`: digits of any script, number words, "about twenty"); groups added
up when joined by "and"; the person herself added when she says "me and …"; the largest of
a range ("10 or 15": a caseworker asks again, and too many is safer than too few). It also
tells whether children were mentioned, so the case can say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bot.i18n.normalize import normalize
from bot.i18n.number_words import ALONE, CONNECTORS
from bot.i18n.numbers import ethiopic_value, parse_number, word_value

__all__ = ["Count", "read_count"]

# fmt: off
SELF = {
    "me", "moi", "ana", "أنا", "انا", "mimi", "aniga", "anigu", "እኔ", "ኣነ", "i", "ene", "ane",
    "myself", "እኔን",
}
# "me with my 2 children": "with" right after the person is "and".
WITH = {"with", "avec", "m3a", "مع", "معايا", "ma3a", "pamoja"}
# "three women, me included": the person is already counted.
# "nous sommes 8 dont 2 enfants": the groups after it are part of the total before it.
INCLUDING = {
    "including", "included", "compris", "comprise", "ጨምሮ", "ጨሚረ", "ضمنهم", "منهم", "dont",
    "among", "فيهم", "بيناتهم", "fihom", "minhom", "menhom", "miongoni", "ikiwemo",
    "pamoja na", "ay ku jiraan", "ku jiraan", "ውስጥ", "ካብኦም", "ካብኣቶም",
}
# Who a person names beside herself, one each ("me, my husband and our 3 kids" = 5).
RELATIONS = {
    "husband", "wife", "sister", "brother", "friend", "mother", "mom", "father", "son",
    "daughter", "cousin", "baby", "mari", "femme", "soeur", "frere", "ami", "amie", "mere",
    "pere", "fils", "fille", "cousine", "زوجي", "زوجتي", "اختي", "اخي", "امي", "ابي",
    "صاحبي", "صاحبتي", "راجلي", "مرتي", "ختي", "خويا", "rajli", "mrati", "khti", "khouya",
    "khoya", "mume", "mke", "dada", "kaka", "rafiki", "mama", "ninkayga", "naagtayda",
    "walaashay", "walaalkay", "saaxiibkay", "hooyaday", "ባሌ", "ሚስቴ", "እህቴ", "ወንድሜ",
    "ጓደኛዬ", "እናቴ", "gwadegnaye", "ሓብተይ", "ሓወይ", "ዓርከይ", "ሰበይተይ", "ኣደይ",
    "ሰብኣየይ", "በዓል ቤተይ", "ኣቦይ", "ባለቤቴ", "አባቴ", "sa7bti", "sa7bi", "sahbti", "sa7bati", "sahbati",
    "ninkeyga", "saaxiibkey", "rafiki yangu", "mume wangu",
}
# Who is counted in groups: "10 men 4 women" = 14, "wanaume 5 wanawake 3" = 8.
ADULTS = {
    "men", "women", "man", "woman", "girls", "girl", "guys", "ladies", "people", "persons",
    "adults", "hommes", "femmes", "homme", "filles", "garcons", "personnes", "adultes",
    "رجال", "نساء", "رجل", "بنات", "شباب", "نسوان", "عيالات", "rjal", "3yalat", "bnat",
    "nsa", "wanaume", "wanawake", "wasichana", "wavulana", "watu", "rag", "dumar", "haween",
    "ragga", "ወንዶች", "ሴቶች", "ወንድ", "ሴት", "ሰዎች", "ሰብኡት", "ኣንስቲ", "ደቂ", "ሰብ",
}
# "and" written at the end of the words it joins: Tigrinya "ኣነን", Amharic "እኔና".
SUFFIX_AND = ("ን", "ና")
LATIN_SELF_AND = {"anen": "ane", "enena": "ene", "enen": "ene"}
# "and" between groups, in every language (CONNECTORS joins parts of one number too).
AND = {w for words in CONNECTORS.values() for w in words} | {"&", "plus", "pamoja", "እና"}
RANGE = {
    "or", "to", "ou", "a", "à", "au", "entre", "between", "أو", "او", "ولا", "wla", "ola",
    "hadi", "mpaka", "ilaa", "ወይም", "ወይ", "ድረስ", "ክሳብ",
}
CHILDREN = {
    "child", "children", "kid", "kids", "baby", "babies", "boy", "boys", "girl child",
    "enfant", "enfants", "bebe", "bebes", "gosses", "طفل", "أطفال", "اطفال", "طفلة",
    "أولاد", "اولاد", "ولاد", "دراري", "wlad", "drari", "tfal", "atfal", "watoto", "mtoto",
    "mtoto mchanga", "carruur", "caruur", "ilmo", "ilmaha", "ilmo yar", "ልጆች", "ልጅ",
    "ህፃናት", "ህጻናት", "ሕፃናት", "ቆልዑ", "ህጻን", "ውሉድ", "caruurta",
    "ልጆቻችን", "ደቅና", "ደቅናን", "wladi", "ولادي", "ولادنا", "عيالي",
}
# One child named without a number: "and my baby" is one more ("and children" is not).
ONE_CHILD = {
    "child", "kid", "baby", "bebe", "enfant", "طفل", "طفلة", "mtoto", "ilmahayga", "ልጄ", "ወደይ",
}
# One word that is the person alone: "single", "seul".
SINGLE = {"single", "solo", "kali", "keliya"}
# Words after a number that do not name a group ("we are 5 here").
NOT_GROUPS = {
    "are", "is", "of", "us", "we", "here", "there", "in", "at", "total", "all", "sommes",
    "ici", "en", "tout", "au", "nahay", "baan", "ni", "tuko", "hapa", "ኢና", "ነን",
}
# Things a number may count in a reply that are not people: "one room 8 people" is 8.
NOT_PEOPLE = {
    "room", "rooms", "house", "houses", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "hour", "hours", "time", "times", "night", "nights", "car", "boat",
    "bus", "truck", "camp", "chambre", "chambres", "piece", "maison", "jour", "jours",
    "nuit", "nuits", "semaine", "semaines", "mois", "an", "ans", "annee", "annees",
    "heure", "heures", "fois", "bateau", "voiture", "غرفة", "غرفه", "بيت", "يوم", "ايام",
    "أيام", "شهر", "اشهر", "أشهر", "شهور", "سنة", "سنين", "سنوات", "ساعة", "ساعات", "مرة",
    "مرات", "ليلة", "ليالي", "اسبوع", "أسبوع", "nhar", "iyam", "ayam", "chhar", "chhour",
    "3am", "snin", "sa3a", "merra", "bit", "chambra", "siku", "wiki", "mwezi", "miezi",
    "mwaka", "miaka", "saa", "chumba", "vyumba", "nyumba", "usiku", "maalin", "maalmood",
    "bil", "bilood", "sano", "saacad", "saacadood", "qol", "guri", "ቀን", "ቀናት", "ሳምንት",
    "ወር", "ወራት", "ዓመት", "አመት", "ሰዓት", "ክፍል", "ቤት", "መዓልቲ", "ሰሙን", "ወርሒ", "ገዛ",
}
# fmt: on


@dataclass(frozen=True)
class Count:
    value: int
    children: bool = False


@cache
def _norm_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


def _children(tokens: list[str]) -> bool:
    said = f" {' '.join(tokens)} "
    return any(f" {w} " in said for w in _norm_set(frozenset(CHILDREN)))


def _split(tokens: list[str], joiners: frozenset[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in joiners:
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


@cache
def _alone_words() -> frozenset[str]:
    return frozenset(normalize(w) for ws in ALONE.values() for p in ws for w in p.split())


def _split_and(tokens: list[str]) -> list[str]:
    """ "وأختي" (and my sister) → "و", "اختي"; "و٣" (and 3) → "و", "3"; "وحدي" (alone)
    stays whole. Tigrinya "ኣነን ሓብተይን" (me-and my-sister-and): "ኣነ", "እና", …"""
    out: list[str] = []
    for token in tokens:
        if (
            token[:1] == "و"
            and (len(token) > 3 or token[1:].isdigit())
            and (token not in _alone_words())
        ):
            out += ["و", token[1:]]
        elif token[-1:] in SUFFIX_AND and token[:-1] in _norm_set(frozenset(SELF | RELATIONS)):
            out += [token[:-1], "እና"]
        elif token in LATIN_SELF_AND:  # the same in Latin letters: "anen arkeyn"
            out += [LATIN_SELF_AND[token], "እና"]
        else:
            out.append(token)
    return out


def _attached(token: str) -> str:
    # Arabic "و" and Arabizi "w" stuck to the next word: "وأنا", "w ana".
    return token[1:] if token[:1] == "و" and len(token) > 1 else token


AND_WORDS = {"ena", "iyo"}  # Amharic "and" in Latin letters; Somali


def _persons(part: list[str], lang: str | None, selves: frozenset[str]) -> int:
    """How many people one part of "me, my husband and 3 kids" names: its number, or
    the person and those she names ("me my husband" = 2), at least one."""
    value = parse_number(" ".join(part), lang)
    if value is not None:
        return value
    relations = _norm_set(frozenset(RELATIONS))
    return max(1, sum(t in selves or _attached(t) in relations for t in part))


def _named_after(parts: list[list[str]], lang: str | None) -> bool:
    """Whether every part after the first names a relative or a child without a number."""
    named = _norm_set(frozenset(RELATIONS | ONE_CHILD))
    return all(
        parse_number(" ".join(p), lang) is None and any(_attached(t) in named for t in p)
        for p in parts
    )


def _number_in(part: list[str], lang: str | None) -> int | None:
    """The one number word of a group named before its number: "wladi joj" (my children,
    two), "ولادنا التلاتة" (our children, the three)."""
    found = [v for t in part if (v := _number_at(_bare(t), lang)) is not None]
    return found[0] if len(found) == 1 else None


def _bare(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


def _number_at(token: str, lang: str | None) -> int | None:
    if token.isdecimal():
        return int(token)
    if all("\u1369" <= ch <= "\u137c" for ch in token):  # Ge'ez numerals: "፲፭"
        return ethiopic_value(token)
    found = word_value(token, lang) if lang else None
    return found[0] if found and not found[1] else None


def _groups(tokens: list[str], lang: str | None) -> int | None:
    """The sum of groups each counted beside who they are ("10 men 4 women",
    "wanaume 5 wanawake 3 na watoto 2"), or None when any number stands alone ("we are
    5, 2 children" may be five in all)."""
    nouns = _norm_set(frozenset(ADULTS | CHILDREN))
    things = _norm_set(frozenset(NOT_PEOPLE))
    numbers = [
        (i, v)
        for i, t in enumerate(tokens)
        if (v := _number_at(t, lang)) is not None
        and not (i + 1 < len(tokens) and tokens[i + 1] in things)
    ]
    if len(numbers) < 2:
        return None

    # Every number with its own group, all on the same side ("10 men 4 women"; Swahili
    # "wanaume 5 wanawake 3"): "tuko 5, watoto wawili" is five in all, two of them children.
    def group(token: str) -> bool:
        return _attached(token) in nouns

    def word(token: str) -> bool:
        # "15 nepali 10 indian", "15 maliens 10 guineens": any word that is not a number,
        # a joiner or the person names the group before it.
        return (
            bool(token)
            and token.isalpha()
            and _number_at(token, lang) is None
            and (
                token
                not in _norm_set(frozenset(NOT_GROUPS | AND | RANGE | SELF | WITH | INCLUDING))
            )
        )

    def named(offset: int, test: Callable[[str], bool], start: int = 0) -> bool:
        near = [
            tokens[i + offset] if 0 <= i + offset < len(tokens) else "" for i, _ in numbers[start:]
        ]
        return all(test(t) for t in near)

    if named(1, group) or named(-1, group) or named(1, word):
        return sum(v for _, v in numbers)
    # "we are 40, 6 women and 3 children": a total first, then groups that fit in it.
    first, rest = numbers[0][1], sum(v for _, v in numbers[1:])
    if (
        (named(1, group, 1) or named(-1, group, 1))
        and not group(tokens[numbers[0][0] + 1] if numbers[0][0] + 1 < len(tokens) else "")
        and rest <= first
    ):
        return first
    return None


def read_count(text: str, lang: str | None = None) -> Count | None:
    """The number of people `text` counts, or None when it holds no clear count."""
    text = text.replace("+", " plus ")
    tokens = _split_and(normalize(text, lang).split())
    if not tokens:
        return None
    children = _children(tokens)
    ands, ranges = _norm_set(frozenset(AND)), _norm_set(frozenset(RANGE))
    selves = _norm_set(frozenset(SELF))
    groups = None if ranges.intersection(tokens) else _groups(tokens, lang)
    if groups is not None:
        return Count(groups, children)
    if len(tokens) == 1 and tokens[0] in selves | _norm_set(frozenset(SINGLE)):
        return Count(1)  # "me", "moi", "mimi", "single": the person alone
    with_ = _norm_set(frozenset(WITH))
    tokens = [
        "and" if t in with_ and i and tokens[i - 1] in selves else t for i, t in enumerate(tokens)
    ]
    whole = parse_number(text, lang)
    digits = sum(t.isdigit() for t in tokens)
    said_self = (len(tokens) > 1 and tokens[0] in selves) or any(
        _attached(t) in selves
        and (
            (i + 1 < len(tokens) and tokens[i + 1] in ands)
            or (i > 0 and tokens[i - 1] in ands)
            or (t != _attached(t))
        )
        for i, t in enumerate(tokens)
    )
    if whole is not None and digits <= 1:
        parts = _split(tokens, ands | _norm_set(frozenset(AND_WORDS)))
        # "we are 2 and my baby": those named after the number, without one, add one each.
        said_self = said_self or (len(parts) > 1 and _named_after(parts[1:], lang))
        if _norm_set(frozenset(INCLUDING)).intersection(tokens):
            return Count(whole, children)  # "three women, me included"
        # "me and 4 others": the others, and her; "me, my husband and our 3 kids": five.
        if said_self and len(parts) > 1:
            return Count(sum(_persons(p, lang, selves) for p in parts), children)
        return Count(whole, children)
    if ranges.intersection(tokens):
        values = [
            v for t in _split(tokens, ranges | ands) if (v := parse_number(" ".join(t), lang))
        ]
        return Count(max(values), children) if values else None
    parts = _split(tokens, ands)
    values = [parse_number(" ".join(p), lang) or _number_in(p, lang) for p in parts]
    if len(parts) < 2 or not (said_self or any(values)):
        return None
    # Each group by its number; a person named without one ("my sister", "me") is one.
    return Count(
        sum(v or _persons(p, lang, selves) for v, p in zip(values, parts, strict=True)), children
    )
