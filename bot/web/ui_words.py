"""The caseworker interface's own words, in `locales/<tag>/inbox.ftl` (Fluent), so the inbox
can be translated like the bot.

English is complete; another language may have no inbox catalog yet, or lack a message: the
English text is shown instead, never an id. The language is the caseworker's own setting
when the inbox speaks it, else the browser's Accept-Language, else English. What a person
wrote, case data and answer ids are never looked up here: only the interface's labels.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

from bot.i18n.catalog import SOURCE_LOCALE, fallback_chain

log = logging.getLogger(__name__)
INBOX_FILE = "inbox.ftl"
RTL = {"ar", "ary"}  # written right to left (not "ary-Latn": Latin letters)

Words = Callable[..., str]


class UiWords:
    """Every `inbox.ftl` under one locales folder."""

    def __init__(self, locales_dir: Path) -> None:
        self.locales_dir = Path(locales_dir)
        self._bundles: dict[str, FluentBundle | None] = {}

    def languages(self) -> list[str]:
        """Tags with an inbox catalog, English first."""
        tags = sorted(p.parent.name for p in self.locales_dir.glob(f"*/{INBOX_FILE}"))
        return sorted(tags, key=lambda t: t != SOURCE_LOCALE)

    def _bundle(self, lang: str) -> FluentBundle | None:
        if lang not in self._bundles:
            path = self.locales_dir / lang / INBOX_FILE
            bundle = None
            if path.is_file():
                bundle = FluentBundle(fallback_chain(lang), use_isolating=False)
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self._bundles[lang] = bundle
        return self._bundles[lang]

    def text(self, lang: str, msg_id: str, **args: Any) -> str:
        """`msg_id` in `lang`, or along its fallback chain down to English."""
        for tag in fallback_chain(lang):
            bundle = self._bundle(tag)
            if bundle is not None and bundle.has_message(msg_id):
                value = bundle.get_message(msg_id).value
                if value is None:
                    continue
                text, errors = bundle.format_pattern(value, args)
                for error in errors:  # names the variable or id, never a value
                    log.error("inbox message %s in %s: %s", msg_id, tag, error)
                return str(text)
        log.error("inbox message %s missing in every locale", msg_id)
        return msg_id

    def choose(self, own: str | None, accept_language: str) -> str:
        """The caseworker's own language if the inbox speaks it (or one it falls back to
        before English: Darija reads Arabic), else the browser's first language that it
        speaks (or whose base it speaks), else English."""
        have = set(self.languages())
        if own:
            for tag in fallback_chain(own):
                if tag in have and (tag == own or tag != SOURCE_LOCALE):
                    return tag
        for tag in _accepted(accept_language):
            for candidate in (tag, tag.split("-")[0]):
                if candidate in have:
                    return candidate
        return SOURCE_LOCALE

    def words(self, lang: str) -> Words:
        """`_("msg-id", n=3)` for templates, in `lang`."""
        return functools.partial(self.text, lang)


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"


def _accepted(header: str) -> list[str]:
    """Accept-Language's tags, most wanted first ("fr-CH, fr;q=0.9, en;q=0.8")."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        tag = tag.strip()
        if tag and tag != "*" and len(tag) <= 35 and quality > 0:
            ranked.append((-quality, i, tag))
    return [_case(tag) for _q, _i, tag in sorted(ranked)]


def _case(tag: str) -> str:
    """BCP 47 casing as our folders spell it: 'FR-ch' → 'fr-CH', 'ary-latn' → 'ary-Latn'."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part)
    return "-".join(out)


@functools.cache
def ui_words(locales_dir: Path) -> UiWords:
    """One reader per locales folder, per process (catalogs are read once)."""
    return UiWords(locales_dir)
