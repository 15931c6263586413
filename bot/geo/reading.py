"""What a typed answer to "where are you?" says: a town, a country, a situation, or that
the person does not know.

Read in this order, so nothing is invented: "I don't know" and situations ("in a boat",
"in prison") are found by the place file's phrases and never fuzzy-matched to a town
("sijui" is not Siġġiewi); a country's name (CLDR in every supported language, plus the
place file's aliases: KSA, lmghrib) keeps the country and only looks for towns in it
("Lebanon" is not nine towns in the United States); the rest goes to the gazetteer. A
typo match, or a village of the small-place extract named in a country the conversation did
not point at (`confirm`), must be confirmed with the person before it is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.geo.candidate import Candidate
from bot.geo.normalize import split_elisions, tokens

if TYPE_CHECKING:
    from bot.geo.gazetteer import Gazetteer

Kind = Literal["empty", "dont_know", "situation", "country", "places", "nothing"]
# A country's name that is also a big city elsewhere (عمان: Oman, and Amman in Jordan) is
# read as the city, which the person then confirms or corrects.
CITY_OVER_COUNTRY_POPULATION = 100_000
# An answer of up to this many words (not counting ignored ones) is a name: a town that
# matches only part of it is confirmed.
SHORT_ANSWER_WORDS = 3
PARTLY_NAMED_MAX_POPULATION = 50_000
_ARTICLES = frozenset({"al", "el"})  # al Kufra is Kufra


@dataclass(frozen=True)
class PlaceReading:
    kind: Kind
    situation: str | None = None  # at_sea | in_desert | in_vehicle | detained
    country_code: str | None = None  # a country named in the answer
    candidates: tuple[Candidate, ...] = ()  # places, best first (kind "places")
    # Ask the person before using the best place: a typo match, or a village of the
    # small-place extract (its name may be an everyday word) in a country the conversation
    # did not name.
    confirm: bool = False

SHORT_NAME = 3  # letters: "sur", "fel", "un" beside a situation are not places


def read_place(
    gaz: Gazetteer, text: str, lang: str | None = None, prefer_countries: Sequence[str] = ()
) -> PlaceReading:
    """What `text` (an answer to "where are you?") says about where the person is."""
    words = tokens(split_elisions(text))
    ignore = gaz.ignore_words
    if not [w for w in words if w not in ignore]:
        return PlaceReading("empty")  # "here", "hna", "hapa": nothing to note
    phrases = gaz.phrases
    used: list[tuple[int, int]] = []
    country = phrases.country(words)
    situation = phrases.situation(words)
    if situation and country and _overlap(situation[1], country[1]):
        situation = None  # "Western Sahara" is a country, not the desert
    dont_know = phrases.dont_know(words)
    cc = country[0] if country else None
    for found in (country and country[1], situation and situation[1], dont_know):
        if found:
            used.append(found)
    rest = [w for i, w in enumerate(words) if not any(a <= i < b for a, b in used)]
    cands: list[Candidate] = []
    prefer = (cc, *prefer_countries) if cc else tuple(prefer_countries)
    if [w for w in rest if w not in ignore]:
        cands = gaz.resolve_text(" ".join(rest), lang=lang, prefer_countries=prefer)
        if cc:
            cands = [c for c in cands if c.country_code == cc]
        if situation or dont_know:
            cands = _clearly_named(gaz, cands, prefer)
        cands = _near_first(gaz, cands, prefer)
    elif country and not situation and not dont_know:
        cands = _city_named_like(gaz, words, country[1], cc, lang)
    if country and not cands and not situation and not dont_know:
        cands = _town_holding_country_name(gaz, words, country[1], cc, lang)
    sit = situation[0] if situation else None
    if cands:
        confirm = _needs_confirmation(cands[0], prefer) or _partly_named(cands[0], rest, ignore)
        return PlaceReading("places", sit, cands[0].country_code, tuple(cands), confirm)
    if sit:
        return PlaceReading("situation", sit, cc)
    if cc:
        return PlaceReading("country", None, cc)
    if dont_know:
        return PlaceReading("dont_know")
    return PlaceReading("nothing")


def _needs_confirmation(best: Candidate, prefer: Sequence[str]) -> bool:
    if best.source == "fuzzy":
        return True
    return _small_by_name(best) and best.country_code not in {c.upper() for c in prefer}


def _partly_named(best: Candidate, rest: list[str], ignore: frozenset[str]) -> bool:
    """A short answer of which a small town is only a part: "Mai Tsebri" (a camp town in
    Ethiopia; Mai is a town in Kenya), "Adi Harush". Cities ("niko Dubai kazini") and the
    place file's own names are trusted."""
    if best.source == "alias" or best.population >= PARTLY_NAMED_MAX_POPULATION:
        return False
    words = [w for w in rest if w not in ignore and w not in _ARTICLES]
    if not 1 < len(words) <= SHORT_ANSWER_WORDS:
        return False
    return len([w for w in best.matched.split() if w not in _ARTICLES]) < len(words)


def _small_by_name(c: Candidate) -> bool:
    """A village of the small-place extract, found by one of its GeoNames names."""
    return c.small and c.source == "name"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _near_first(gaz: Gazetteer, cands: list[Candidate], prefer: Sequence[str]) -> list[Candidate]:
    """Our region over far-away homonyms: when the best place is in our region (or the
    conversation's countries), places elsewhere are dropped ("Oran" is Algeria, not
    India; a misspelt Tripoli is not a village in Turkey). A village of the small-place
    extract does not drop them: "Kula" is a town in Turkey before a village in Mali."""
    wanted = gaz.region | {c.upper() for c in prefer}
    if not cands or cands[0].country_code not in wanted or _small_by_name(cands[0]):
        return cands
    return [c for c in cands if c.country_code in wanted]


def _clearly_named(
    gaz: Gazetteer, cands: list[Candidate], prefer: Sequence[str]
) -> list[Candidate]:
    """Beside "in a boat" or "I don't know", only a place plainly named counts: no typo,
    and an alias, a place in our region, or a city ("fel" is not Vöhl in Germany). A name
    of three letters or fewer must be the place file's own: beside a situation such words
    are the sentence's ("sur un bateau" is not Sur in Oman or Tyre)."""
    wanted = gaz.region | {c.upper() for c in prefer}
    return [
        c
        for c in cands
        if c.source != "fuzzy"
        and (c.source == "alias" or c.country_code in wanted or c.population >= 100_000)
        and (c.source == "alias" or len(c.matched.replace(" ", "")) > SHORT_NAME)
    ]


def _town_holding_country_name(
    gaz: Gazetteer, words: list[str], span: tuple[int, int], cc: str | None, lang: str | None
) -> list[Candidate]:
    """A town of that country whose name holds the country's: "I am in Port Sudan" (not
    "port" in Sudan, which matches nothing). Else []."""
    name = f" {' '.join(words[span[0] : span[1]])} "
    return [
        c
        for c in gaz.resolve_text(" ".join(words), lang=lang, prefer_countries=[cc] if cc else [])
        if c.source != "fuzzy"
        and c.country_code == cc
        and name in f" {c.matched} "
        and name.strip() != c.matched
    ]


def _city_named_like(
    gaz: Gazetteer, words: list[str], span: tuple[int, int], cc: str | None, lang: str | None
) -> list[Candidate]:
    """A city the answer names although it contains a country's name: "Kuwait City"
    (the whole answer is the city's name), or عمان, Oman's name and Amman's (a big city in
    our region, in another country). Else []."""
    whole = " ".join(words)
    name = " ".join(words[span[0] : span[1]])
    found = []
    for c in gaz.resolve_text(whole, lang=lang):
        if c.source == "fuzzy":
            continue
        if c.matched == whole and whole != name and c.country_code == cc:
            found.append(c)  # "Kuwait City"
        elif (
            c.country_code != cc
            and c.country_code in gaz.region
            and c.population >= CITY_OVER_COUNTRY_POPULATION
        ):
            found.append(c)  # عمان: Amman
    return found
