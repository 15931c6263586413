"""Where a person is: typed place names (any script, inside a sentence) and shared pins.

`get_gazetteer()` builds one `Gazetteer` per place file, lazily and once (thread-safe), on
top of the GeoNames index (`bot.geo._geonames`) that all of them share. An edited place
file is picked up on the next call; a broken edit keeps the last good one and is logged.

Typed text (`resolve_text`) is matched in this order, best first:
1. the NGO alias file (`flows/places.yaml`): tanja → Tangier, mliliya → Melilla;
2. exact GeoNames names and alternate names, after normalization (`bot.geo.normalize`),
   with a few variants (Arabic ب/ف/و/ل prefixes and ال, Latin al/el, Arabizi digits);
3. only when nothing matched exactly: rapidfuzz `ratio` ≥ 85 (90 inside a sentence) for
   typos, over names of places in the preferred countries and of cities ≥ 100,000 people.
   Not over the small-place extract: its 7,700 villages would turn typos of everyday words
   into villages (النجدة, "help!", into An Najd in Yemen); their spellings go to the alias
   file instead.
A sentence ("ana f tanja", "niko Tripoli sasa") is read by trying word n-grams, longest
first, skipping the place file's `ignore_words` at their edges.

Ranking: exact before fuzzy; then the caller's `prefer_countries` in their order; then an
alias before a plain name; then the place file's `prefer_countries` (as one block); then
population. Results are deduplicated by place.

Pins (`resolve_pin`) give the nearest place and its distance: a pin at sea gets the nearest
coastal town with a large `distance_km`, and the caller says "near X".
"""

from __future__ import annotations

import logging
import math
import operator
import threading
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.geo import index_file
from bot.geo._geonames import GeoNamesIndex
from bot.geo.candidate import Candidate, Source, is_ambiguous
from bot.geo.countries import country_name, is_country_name
from bot.geo.land import get_land_mask
from bot.geo.normalize import Script, key, script_of, spelling_variants, split_elisions, tokens
from bot.geo.phrases import Phrases
from bot.geo.places_file import Alias, PlacesFile, PlacesFileError, load_places
from bot.geo.reading import PlaceReading, read_place
from bot.geo.spatial import GridIndex

__all__ = ["Candidate", "Gazetteer", "check_places_file", "get_gazetteer", "is_ambiguous"]

log = logging.getLogger(__name__)

DEFAULT_PLACES_FILE = Path(__file__).resolve().parents[2] / "flows" / "places.yaml"

FUZZY_MIN_SCORE = 85.0  # rapidfuzz ratio, whole text
FUZZY_MIN_SCORE_IN_SENTENCE = 90.0  # single words and pairs inside a longer text
FUZZY_MIN_CHARS = 5  # shorter words are too easy to mistake for another place
FUZZY_BIG_CITY = 100_000  # outside the preferred countries, fuzzy only looks at cities this big
MAX_NGRAM = 4  # longest place name, in words, looked for inside a sentence
# Inside a sentence, a town outside the preferred countries counts only from this size.
SENTENCE_MIN_POPULATION = 50_000
MAX_FUZZY_QUERIES = 24
REMOTE_KM = 50.0  # a pin this far from any town in a desert is "in the desert"
# Rough boxes (lat_min, lat_max, lon_min, lon_max): the Sahara and the Arabian deserts.
DESERTS = ((15.0, 33.0, -17.0, 35.0), (16.0, 32.0, 36.0, 56.0))

# The script a language's readers expect place names in (others keep the Latin name).
_LANG_SCRIPT: dict[str, Script] = {
    "ar": "arabic",
    "ary": "arabic",
    "am": "ethiopic",
    "ti": "ethiopic",
}


@dataclass(slots=True)
class _Hit:
    row: int
    source: Source
    score: float
    matched: str


class Gazetteer:
    """Resolves typed names and pins to places. Read-only after construction."""

    def __init__(
        self, geonames: GeoNamesIndex, places: PlacesFile | None = None, source: Path | None = None
    ) -> None:
        started = time.perf_counter()
        places = places or PlacesFile()
        self.source = source
        self._geo = geonames
        # Own copies of the columns: alias-only places are appended after the GeoNames rows.
        # Arrays, not lists of number objects (a few MB less); a geonameid of 0 is none.
        self._names = list(geonames.names)
        self._ccs = list(geonames.country_codes)
        self._lats = array("d", geonames.lats)
        self._lons = array("d", geonames.lons)
        self._pops = array("q", geonames.populations)
        self._gids = array("q", geonames.geonameids)
        self.prefer_countries: tuple[str, ...] = tuple(dict.fromkeys(places.prefer_countries))
        self._region = frozenset(self.prefer_countries)
        self._ignore = frozenset(k for w in places.ignore_words for k in tokens(w))
        self._aliases: dict[str, tuple[int, bool]] = {}
        # geonameid → row, only for the ids the alias file names (not 77,000 of them).
        wanted = {a.geonameid for a in places.aliases if a.geonameid is not None}
        self._gid_rows = {g: r for r, g in enumerate(self._gids) if g in wanted}
        self._shown: dict[int, str] = {}  # row → the name the alias file gives it
        # Row → its name in Arabic letters / in Ge'ez: the alias file's first (not from a
        # district's entry), else GeoNames'.
        self._local: dict[Script, dict[int, str]] = {"arabic": {}, "ethiopic": {}}
        for alias in places.aliases:
            row = self._add_alias(alias)
            if not alias.district:
                for name in alias.names:
                    script = script_of(name)
                    if script in self._local:
                        self._local[script].setdefault(row, name)
        for script, found in (("arabic", geonames.arabic), ("ethiopic", geonames.ethiopic)):
            for row, name in found.items():
                self._local[script].setdefault(row, name)
        self.phrases = Phrases(places)
        self._grid = GridIndex(self._lats, self._lons)
        self._fuzzy = self._fuzzy_choices()
        is_country_name("")  # load CLDR names now rather than during someone's first message
        country_name("LY", "en")
        self.build_seconds = time.perf_counter() - started

    # -- building -----------------------------------------------------------------------

    def _add_alias(self, alias: Alias) -> int:
        row = self._alias_row(alias)
        for name in alias.names:
            k = key(name)
            if not k:
                raise PlacesFileError(f"{self._where(alias)}: alias {name!r} has no letters")
            known = self._aliases.get(k)
            if known is not None and known[0] != row:
                other = self._names[known[0]]
                raise PlacesFileError(
                    f"{self._where(alias)}: {name!r} is already an alias of {other!r}"
                )
            self._aliases[k] = (row, alias.ambiguous)
        return row

    def _alias_row(self, alias: Alias) -> int:
        """The row of the alias's place: by geonameid, by name and country, or a new row.

        The alias's `place` becomes the name shown for that row (also for pins), so two
        entries for one place must spell it the same way.
        """
        row = self._find_row(alias)
        if row is None:
            if alias.latitude is None or alias.longitude is None:
                raise PlacesFileError(
                    f"{self._where(alias)}: {alias.place!r} ({alias.country}) is not in the "
                    "gazetteer; give its latitude and longitude (or its geonameid)"
                )
            self._names.append(alias.place)
            self._ccs.append(alias.country)
            self._lats.append(alias.latitude)
            self._lons.append(alias.longitude)
            self._pops.append(alias.population or 0)
            self._gids.append(alias.geonameid or 0)
            row = len(self._names) - 1
            if alias.geonameid is not None:
                self._gid_rows.setdefault(alias.geonameid, row)
        elif self._ccs[row] != alias.country:
            raise PlacesFileError(
                f"{self._where(alias)}: geonameid {alias.geonameid} is in {self._ccs[row]}, "
                f"not {alias.country}"
            )
        shown = self._shown.setdefault(row, alias.place)
        if shown != alias.place:
            raise PlacesFileError(
                f"{self._where(alias)}: {alias.place!r} is the same place as {shown!r}; "
                "spell it the same way in both entries"
            )
        self._names[row] = alias.place
        return row

    def _find_row(self, alias: Alias) -> int | None:
        if alias.geonameid is not None:
            row = self._gid_rows.get(alias.geonameid)
            if row is not None:
                return row
        k = key(alias.place)
        rows = [r for r in self._geo.rows(k) if self._ccs[r] == alias.country]
        if not rows:  # a place an earlier entry added (a camp's entry after its town's)
            added = range(len(self._geo.names), len(self._names))
            rows = [r for r in added if self._ccs[r] == alias.country and key(self._names[r]) == k]
        return max(rows, key=lambda r: self._pops[r]) if rows else None

    def _where(self, alias: Alias) -> str:
        return f"{self.source or 'places'}:{alias.line}"

    def _fuzzy_choices(self) -> dict[Script, list[str]]:
        """Name keys fuzzy matching looks at, by script: preferred countries and big cities."""
        choices: dict[Script, list[str]] = {"latin": [], "arabic": [], "ethiopic": []}
        # Rows worth it: in a preferred country or big, and not from the small-place extract
        # (computed in C loops: this runs at every start, over 77,000 rows).
        geo = self._geo
        in_region = map(self._region.__contains__, self._ccs)
        big = map(FUZZY_BIG_CITY.__le__, self._pops)
        keep = bytearray(map(operator.or_, in_region, big))
        if geo.small_from is not None:
            keep[geo.small_from : len(geo.names)] = bytes(len(geo.names) - geo.small_from)
        for k in self._geo.keys.keys_with_a_row_in(keep):
            if len(k) >= FUZZY_MIN_CHARS - 1:
                choices.get(script_of(k), []).append(k)
        for k in self._aliases:
            choices.get(script_of(k), []).append(k)
        return choices

    # -- typed text ---------------------------------------------------------------------

    @property
    def region(self) -> frozenset[str]:
        """The place file's preferred countries."""
        return self._region

    @property
    def ignore_words(self) -> frozenset[str]:
        return self._ignore

    def read(
        self, text: str, lang: str | None = None, prefer_countries: Sequence[str] = ()
    ) -> PlaceReading:
        """What an answer to "where are you?" says (see `bot.geo.reading`)."""
        return read_place(self, text, lang, prefer_countries)

    def resolve_text(
        self, text: str, lang: str | None = None, prefer_countries: Sequence[str] = ()
    ) -> list[Candidate]:
        """Places `text` may name, best first; [] when nothing plausible matched.

        Args:
            text: what the person typed: a name, or a short sentence containing one.
            lang: the conversation's language tag; Arabizi digit readings (3 → a, 7 → h, 9 → q)
                are tried for `ary-Latn`, `ary` and when unknown.
            prefer_countries: countries to rank first, in order (for example the country of
                an earlier pin, or the team's countries).
        """
        toks = tokens(text)
        if not toks or all(t in self._ignore for t in toks):
            return []
        arabizi = lang in (None, "ary", "ary-Latn")
        hits = self._exact(" ".join(toks), arabizi)
        if not hits and is_country_name(text):
            return []  # a country, not a town: not a typo of some village
        if not hits:
            # "près d'Oujda": an elided article is a word of its own inside a sentence.
            toks = tokens(split_elisions(text))
            if len(toks) > 1:
                hits = self._focus(self._scan(toks, arabizi), prefer_countries)
        if not hits:
            hits = self._fuzzy_hits(toks)
        return self._rank(hits, prefer_countries)

    def _focus(self, hits: list[_Hit], prefer: Sequence[str]) -> list[_Hit]:
        """Keep the words of a sentence that are likely meant as the place.

        A name from the place file wins: "sur la route d'Agadez" is Agadez, not Tyre ("Sur"
        in Arabic) nor Sur in Oman (an ambiguous alias keeps its twins). Then, once one word
        is a place we expect (in a preferred country), the others are noise: "I am in Tripoli
        near the port" ("port" is also a town in Réunion). Otherwise only towns written with
        their own name and of some size remain, so "my name is Fatima" does not send the
        person to Fátima in Portugal.
        """
        named = {h.matched for h in hits if h.source == "alias"}
        if named:
            return [h for h in hits if h.matched in named]
        wanted = self._region | {cc.upper() for cc in prefer}
        strong = [h for h in hits if h.source == "alias" or self._ccs[h.row] in wanted]
        if strong:
            return strong
        return [
            h
            for h in hits
            if self._pops[h.row] >= SENTENCE_MIN_POPULATION and key(self._names[h.row]) == h.matched
        ]

    def _lookup(self, k: str) -> list[_Hit]:
        alias = self._aliases.get(k)
        hits: list[_Hit] = []
        if alias is not None:
            hits.append(_Hit(alias[0], "alias", 100.0, k))
            if not alias[1]:
                return hits
        hits.extend(_Hit(r, "name", 100.0, k) for r in self._geo.rows(k))
        return hits

    def _exact(self, k: str, arabizi: bool) -> list[_Hit]:
        for variant in spelling_variants(k, arabizi):
            hits = self._lookup(variant)
            if hits:
                return hits
        return []

    def _scan(self, toks: list[str], arabizi: bool) -> list[_Hit]:
        """Exact matches of word n-grams inside a sentence, longest first, not overlapping."""
        used = [False] * len(toks)
        hits: list[_Hit] = []
        for n in range(min(MAX_NGRAM, len(toks)), 0, -1):
            for start in range(len(toks) - n + 1):
                span = toks[start : start + n]
                if any(used[start : start + n]) or not self._worth_trying(span):
                    continue
                found = self._exact(" ".join(span), arabizi)
                if found:
                    hits.extend(found)
                    used[start : start + n] = [True] * n
        return hits

    def _worth_trying(self, span: list[str]) -> bool:
        if span[0] in self._ignore or span[-1] in self._ignore:
            return False
        return len(span) > 1 or (len(span[0]) >= 3 and not span[0].isdigit())

    def _fuzzy_hits(self, toks: list[str]) -> list[_Hit]:
        queries: list[tuple[str, float]] = []
        if len(toks) <= 3:
            queries.append((" ".join(toks), FUZZY_MIN_SCORE))
        if len(toks) > 1:
            for n in (2, 1):
                for start in range(len(toks) - n + 1):
                    span = toks[start : start + n]
                    if self._worth_trying(span):
                        queries.append((" ".join(span), FUZZY_MIN_SCORE_IN_SENTENCE))
        hits: list[_Hit] = []
        tried: set[str] = set()
        for query, cutoff in queries[:MAX_FUZZY_QUERIES]:
            if query in tried:
                continue
            tried.add(query)
            choices = self._fuzzy.get(script_of(query))
            if not choices or len(query) < FUZZY_MIN_CHARS or is_country_name(query):
                continue
            for choice, score, _ in process.extract(
                query, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=5
            ):
                hits.extend(_Hit(h.row, "fuzzy", score, choice) for h in self._lookup(choice))
        return hits

    def _rank(self, hits: list[_Hit], prefer: Sequence[str]) -> list[Candidate]:
        caller: dict[str, int] = {}
        for cc in prefer:
            caller.setdefault(cc.upper(), len(caller))
        best: dict[int, _Hit] = {}
        for hit in hits:
            seen = best.get(hit.row)
            if seen is None or _better(hit, seen):
                best[hit.row] = hit

        def order(h: _Hit) -> tuple[bool, float, int, bool, bool, int]:
            cc = self._ccs[h.row]
            return (
                h.source == "fuzzy",
                -h.score,
                caller.get(cc, len(caller)),
                h.source != "alias",
                cc not in self._region,
                -self._pops[h.row],
            )

        ranked = sorted(best.values(), key=order)
        seen_gids: set[int] = set()
        out: list[Candidate] = []
        for h in ranked:
            gid = self._gids[h.row]
            if gid:
                if gid in seen_gids:
                    continue
                seen_gids.add(gid)
            out.append(self._candidate(h.row, h.source, score=h.score, matched=h.matched))
        return out

    def local_name(self, name: str, country_code: str, lang: str | None) -> str:
        """`name` (a place in `country_code`) as a person writing `lang` reads it: in
        Arabic letters for ar/ary, in Ge'ez for am/ti, where we know it; else `name`."""
        script = _LANG_SCRIPT.get(lang or "")
        if script is None:
            return name
        k = key(name)
        rows = [r for r in self._geo.rows(k) if self._ccs[r] == country_code]
        rows += [
            r for r, shown in self._shown.items() if shown == name and self._ccs[r] == country_code
        ]
        for row in sorted(set(rows), key=lambda r: -self._pops[r]):
            local = self._local[script].get(row)
            if local:
                return local
        return name

    # -- pins ---------------------------------------------------------------------------

    def resolve_pin(self, lat: float, lon: float) -> Candidate | None:
        """The nearest place to a pin, with `distance_km`; None for an impossible position.

        `situation` says what the pin shows besides: `at_sea` more than 2 km off any coast
        (the nearest place then only gives the coast's country), `in_desert` far from any
        town in the Sahara or Arabia. The caller names the town only when it is near.
        """
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90):
            return None
        if not -180 <= lon <= 180:
            return None
        found = self._grid.nearest(lat, lon)
        if found is None:
            return None
        row, km = found
        situation = None
        if get_land_mask().at_sea(lat, lon):
            situation = "at_sea"
        elif km > REMOTE_KM and _in_desert(lat, lon):
            situation = "in_desert"
        return self._candidate(row, "pin", distance_km=round(km, 1), situation=situation)

    # -- helpers ------------------------------------------------------------------------

    def _candidate(
        self,
        row: int,
        source: Source,
        *,
        score: float = 100.0,
        matched: str = "",
        distance_km: float | None = None,
        situation: str | None = None,
    ) -> Candidate:
        cc = self._ccs[row]
        return Candidate(
            name=self._names[row],
            country_code=cc,
            country_name=country_name(cc, "en"),
            latitude=self._lats[row],
            longitude=self._lons[row],
            population=self._pops[row],
            geonameid=self._gids[row] or None,
            distance_km=distance_km,
            source=source,
            score=round(score, 1),
            matched=matched,
            situation=situation,
            small=self._geo.is_small(row) and row not in self._shown,  # aliased: ours
        )

    def stats(self) -> dict[str, float | int]:
        """Sizes and build time, for the startup log and the module docs."""
        small_from = self._geo.small_from
        return {
            "places": len(self._names),
            "small_places": 0 if small_from is None else len(self._geo.names) - small_from,
            "name_keys": len(self._geo.by_key),
            "aliases": len(self._aliases),
            "fuzzy_choices": sum(len(v) for v in self._fuzzy.values()),
            "build_seconds": round(self.build_seconds, 3),
        }


def _in_desert(lat: float, lon: float) -> bool:
    return any(a <= lat <= b and c <= lon <= d for a, b, c, d in DESERTS)


def _better(a: _Hit, b: _Hit) -> bool:
    rank = {"alias": 0, "name": 1, "fuzzy": 2, "pin": 3}
    return (rank[a.source], -a.score) < (rank[b.source], -b.score)


# -- the shared instance ----------------------------------------------------------------

_lock = threading.Lock()
_geonames: GeoNamesIndex | None = None
_built: dict[Path, tuple[int, Gazetteer]] = {}  # place file → (its mtime_ns, gazetteer)


def get_gazetteer(places_file: Path | None = None, *, cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer for `places_file` (default: the repository's flows/places.yaml).

    Built on first use (about 0.5 s once the GeoNames index file exists, see
    `bot.geo.index_file`) and shared; safe to call from any thread. The place file is re-read
    when it changes on disk; if the new version is broken, the error is logged and the last
    good version stays in use.

    Args:
        places_file: the NGO place file. A missing default file means no aliases; a missing
            file that was named explicitly is an error.
        cache_dir: where the GeoNames index file is kept (default: the user's cache
            directory; only the first call in a process loads that index, so pass it from
            the start).
    """
    path = (places_file or DEFAULT_PLACES_FILE).resolve()
    mtime = _mtime(path)
    entry = _built.get(path)
    if entry is not None and entry[0] == mtime:
        return entry[1]
    with _lock:
        entry = _built.get(path)
        if entry is not None and entry[0] == mtime:
            return entry[1]
        global _geonames
        if _geonames is None:
            _geonames = index_file.load(cache_dir)
        try:
            if mtime == -1:
                if places_file is not None:
                    raise PlacesFileError(f"{path}: no such file")
                places = PlacesFile()
            else:
                places = load_places(path)
            gazetteer = Gazetteer(_geonames, places, source=path)
        except PlacesFileError:
            if entry is None:
                raise
            log.exception("place file %s is broken; keeping the previous version", path)
            gazetteer = entry[1]
        _built[path] = (mtime, gazetteer)
        return gazetteer


def check_places_file(path: Path, *, cache_dir: Path | None = None) -> list[str]:
    """Problems in a place file as `file:line: message` lines; [] when it is good.

    For `sauti flows check`: besides the format, it checks that every alias's place exists
    in the gazetteer (or has coordinates) and that no name points at two places.
    """
    global _geonames
    try:
        places = load_places(path)
        with _lock:
            if _geonames is None:
                _geonames = index_file.load(cache_dir)
        Gazetteer(_geonames, places, source=path)
    except PlacesFileError as exc:
        return str(exc).splitlines()
    return []


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1
