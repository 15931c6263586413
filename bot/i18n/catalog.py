"""Fluent message catalogs: `locales/<tag>/bot.ftl`, resolved per message along a fallback chain.

A missing id never reaches a person as the raw id: the chain ends in English, and a fallback
is logged (without the message text).
"""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path
from typing import Any

from fluent.runtime import FluentLocalization, FluentResourceLoader

log = logging.getLogger(__name__)

SOURCE_LOCALE = "en"
CATALOG_FILE = "bot.ftl"

# Where a locale falls back to before English; anything not listed goes straight to English.
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
        self._loader = FluentResourceLoader(str(self.locales_dir / "{locale}"))
        self._by_chain: dict[str, FluentLocalization] = {}
        self._bundle_ids: dict[str, set[str]] = {}

    @cached_property
    def languages(self) -> list[str]:
        """Locale tags that have a catalog, English first."""
        tags = sorted(
            p.parent.name for p in self.locales_dir.glob(f"*/{CATALOG_FILE}") if p.is_file()
        )
        return sorted(tags, key=lambda t: t != SOURCE_LOCALE)

    def _ids(self, lang: str) -> set[str]:
        if lang not in self._bundle_ids:
            from fluent.syntax import FluentParser, ast

            path = self.locales_dir / lang / CATALOG_FILE
            ids: set[str] = set()
            if path.is_file():
                resource = FluentParser().parse(path.read_text(encoding="utf-8"))
                ids = {e.id.name for e in resource.body if isinstance(e, ast.Message)}
            self._bundle_ids[lang] = ids
        return self._bundle_ids[lang]

    def _localization(self, lang: str) -> FluentLocalization:
        if lang not in self._by_chain:
            chain = [t for t in fallback_chain(lang) if t in self.languages or t == lang]
            self._by_chain[lang] = FluentLocalization(chain, [CATALOG_FILE], self._loader)
        return self._by_chain[lang]

    def has(self, msg_id: str, lang: str = SOURCE_LOCALE) -> bool:
        return msg_id in self._ids(lang)

    def format(self, lang: str, msg_id: str, **args: Any) -> str:
        """The text of `msg_id` in `lang`, falling back along the chain (logged)."""
        if lang not in self.languages:
            log.warning("unknown locale %s, using %s", lang, SOURCE_LOCALE)
            lang = SOURCE_LOCALE
        if not self.has(msg_id, lang):
            used = next((t for t in fallback_chain(lang) if self.has(msg_id, t)), None)
            if used is None:
                log.error("message id %s missing in every locale", msg_id)
                return ""
            log.info("message %s not in %s, falling back to %s", msg_id, lang, used)
        return self._localization(lang).format_value(msg_id, args)
