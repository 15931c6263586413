"""Facts about our languages that code needs: text direction and each language's own name."""

from __future__ import annotations

from typing import Protocol

__all__ = ["RTL", "is_rtl", "native_name"]

RTL = {"ar", "ary"}


class _Catalogs(Protocol):
    def has(self, msg_id: str, lang: str = ...) -> bool: ...
    def format(self, lang: str, msg_id: str, **args: object) -> str: ...


def is_rtl(lang: str | None) -> bool:
    """True for Arabic-script locales; "ary-Latn" (Arabizi) is left to right."""
    if not lang:
        return False
    base, _, script = lang.partition("-")
    return base in RTL and script.casefold() in ("", "arab")


def native_name(lang: str, catalogs: _Catalogs) -> str:
    """The language's name in its own words (`language-name` of its own catalog), else the tag.

    Never falls back to another catalog's name: "English" in the Amharic slot of a
    language menu would be worse than the tag.
    """
    if catalogs.has("language-name", lang):
        return catalogs.format(lang, "language-name")
    return lang
