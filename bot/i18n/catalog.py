"""Fluent message catalogs: `locales/<tag>/bot.ftl`, resolved per message along a fallback chain.

A missing id never reaches a person as the raw id: the chain ends in English, every fallback
is logged (the ids and locales only, never the text), and an id missing everywhere gives "".

Catalog files are read once per process, so which locale serves an id, and the text of a
message formatted without arguments (language names, button labels), are worked out once.
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

log = logging.getLogger(__name__)

__all__ = ["CATALOG_FILE", "FALLBACKS", "SOURCE_LOCALE", "Catalogs", "fallback_chain"]

SOURCE_LOCALE = "en"
CATALOG_FILE = "bot.ftl"

# Where a locale falls back to before English; anything not listed goes straight to English.
# Moroccans read French more often than English, hence fr before en for Darija.
FALLBACKS: dict[str, list[str]] = {
    "ary-Latn": ["ary", "ar", "fr"],
    "ary": ["ar", "fr"],
}


def fallback_chain(lang: str) -> list[str]:
    """The locales tried, in order, for `lang`: e.g. ary-Latn → ary → ar → fr → en."""
    chain = [lang, *FALLBACKS.get(lang, [])]
    base = lang.split("-")[0]
    if base != lang and base not in chain:
        chain.insert(1, base)
    if SOURCE_LOCALE not in chain:
        chain.append(SOURCE_LOCALE)
    return chain


class Catalogs:
    """All catalogs under one locales folder; adding a folder adds a language."""

    def __init__(self, locales_dir: Path) -> None:
        self.locales_dir = Path(locales_dir)
        self._bundles: dict[str, FluentBundle] = {}
        self._resolved: dict[tuple[str, str], str | None] = {}
        self._plain: dict[tuple[str, str], str] = {}  # (locale used, id) → text, no arguments

    @cached_property
    def languages(self) -> list[str]:
        """Locale tags that have a catalog, English first."""
        tags = sorted(
            p.parent.name for p in self.locales_dir.glob(f"*/{CATALOG_FILE}") if p.is_file()
        )
        return sorted(tags, key=lambda t: t != SOURCE_LOCALE)

    def _bundle(self, lang: str) -> FluentBundle:
        """The bundle of one locale; plural rules come from the first locale Babel knows in
        its chain, so "ary" (unknown to CLDR) uses Arabic rules."""
        if lang not in self._bundles:
            bundle = FluentBundle(fallback_chain(lang), use_isolating=False)
            path = self.locales_dir / lang / CATALOG_FILE
            if path.is_file():
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self._bundles[lang] = bundle
        return self._bundles[lang]

    def has(self, msg_id: str, lang: str = SOURCE_LOCALE) -> bool:
        """True when `lang`'s own catalog has a message `msg_id` with a value."""
        if lang not in self.languages:
            return False
        bundle = self._bundle(lang)
        return bundle.has_message(msg_id) and bundle.get_message(msg_id).value is not None

    def resolve(self, lang: str, msg_id: str) -> str | None:
        """The locale whose text `format` would use for `msg_id` in `lang`, or None."""
        key = (lang, msg_id)
        if key not in self._resolved:
            self._resolved[key] = next(
                (t for t in fallback_chain(lang) if self.has(msg_id, t)), None
            )
        return self._resolved[key]

    def format(self, lang: str, msg_id: str, **args: Any) -> str:
        """The text of `msg_id` in `lang`, falling back along the chain (logged)."""
        if lang not in self.languages:
            log.warning("unknown locale %s, using %s", lang, SOURCE_LOCALE)
            lang = SOURCE_LOCALE
        used = self.resolve(lang, msg_id)
        if used is None:
            log.error("message id %s missing in every locale of %s", msg_id, lang)
            return ""
        if used != lang:
            log.warning("message %s not in %s, falling back to %s", msg_id, lang, used)
        if not args and (used, msg_id) in self._plain:
            return self._plain[(used, msg_id)]
        bundle = self._bundle(used)
        text, errors = bundle.format_pattern(bundle.get_message(msg_id).value, args)
        for error in errors:
            # Fluent errors name the variable or id, never the arguments' values.
            log.error("message %s in %s: %s", msg_id, used, error)
        if not args and not errors:  # errors are logged each time, so never kept
            self._plain[(used, msg_id)] = text
        return text
