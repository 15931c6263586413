"""Words in a typed answer that say where a person is without naming a town.

From the NGO place file (`flows/places.yaml`): "I don't know" phrases, situations (at sea,
in the desert, in a vehicle, detained) and country names people type besides CLDR's
(KSA, lmghrib), merged with the CLDR names in every supported language. A phrase counts
when its normalized words appear together anywhere in the answer, the longest first.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.geo.countries import country_keys
from bot.geo.normalize import tokens
from bot.geo.places_file import PlacesFile

Span = tuple[int, int]  # [start, end) over the answer's normalized words


def _keyed(phrases: Iterable[tuple[str, str]]) -> dict[tuple[str, ...], str]:
    """Normalized word tuple → value, for every (phrase, value)."""
    out: dict[tuple[str, ...], str] = {}
    for phrase, value in phrases:
        words = tuple(tokens(phrase))
        if words:
            out.setdefault(words, value)
    return out


class Phrases:
    """The place file's phrase lists, ready to find inside an answer."""

    def __init__(self, places: PlacesFile) -> None:
        self._dont_know = _keyed((p, "dont_know") for p in places.dont_know)
        self._situations = _keyed(
            (p, name) for name, words in places.situations.items() for p in words
        )
        aliases = ((p, cc) for cc, words in places.countries.items() for p in words)
        cldr = ((k, cc) for k, cc in country_keys().items())
        self._countries = _keyed([*aliases, *cldr])
        self._longest = max(
            (len(k) for k in (*self._dont_know, *self._situations, *self._countries)), default=1
        )

    def dont_know(self, words: list[str]) -> Span | None:
        found = _find(words, self._dont_know, self._longest)
        return found[1] if found else None

    def situation(self, words: list[str]) -> tuple[str, Span] | None:
        return _find(words, self._situations, self._longest)

    def country(self, words: list[str]) -> tuple[str, Span] | None:
        return _find(words, self._countries, self._longest)


def _find(
    words: list[str], table: dict[tuple[str, ...], str], longest: int
) -> tuple[str, Span] | None:
    for n in range(min(longest, len(words)), 0, -1):
        for start in range(len(words) - n + 1):
            value = table.get(tuple(words[start : start + n]))
            if value is not None:
                return value, (start, start + n)
    return None
