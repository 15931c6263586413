"""Employer towns as people type them ("Misrata", "مصراتة", "misurata"), reduced to one key.

The gazetteer (bot.geo) knows towns in every script; a town it does not know is compared by
its folded spelling. Pure apart from the gazetteer's lazy, shared index.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.geo.gazetteer import get_gazetteer
from bot.i18n.normalize import normalize

_MAX_CACHE = 4096


@dataclass(frozen=True)
class Town:
    key: str  # "geo:<geonameid>" for a known place, "text:<folded spelling>" otherwise
    name: str  # what to show: the place's name, or the spelling as typed


def gazetteer_for(flows_dir: Path | None) -> Callable[[], Any]:
    """A getter for this deployment's gazetteer (its flows/places.yaml aliases)."""

    def get() -> Any:
        places = Path(flows_dir) / "places.yaml" if flows_dir else None
        return get_gazetteer(places if places and places.is_file() else None)

    return get


class Towns:
    """Reads employer towns; remembers what it read (the same few towns come back often)."""

    def __init__(self, gazetteer: Callable[[], Any] | None = None) -> None:
        self._gazetteer = gazetteer
        self._seen: dict[tuple[str, str], Town | None] = {}

    def town(self, text: Any, country: str | None = None) -> Town | None:
        if not isinstance(text, str) or not text.strip():
            return None
        key = (text.strip(), (country or "").upper())
        if key not in self._seen:
            if len(self._seen) >= _MAX_CACHE:
                self._seen.clear()
            self._seen[key] = self._read(key[0], [key[1]] if key[1] else [])
        return self._seen[key]

    def _read(self, text: str, prefer: Sequence[str]) -> Town | None:
        if self._gazetteer is not None:
            found = self._gazetteer().resolve_text(text, prefer_countries=prefer)
            if found:
                best = found[0]
                ident = best.geonameid or f"{normalize(best.name)}|{best.country_code}"
                return Town(key=f"geo:{ident}", name=best.name)
        folded = normalize(text)
        if len(folded) < 2:
            return None
        return Town(key=f"text:{folded}", name=" ".join(text.split())[:80])
