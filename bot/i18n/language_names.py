"""A language tag in words for caseworkers ("sw" → "Swahili"), from Babel's CLDR data."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

# CLDR has no name for Darija in Latin letters, and calls `ary` "Moroccan Arabic".
_NAMES = {"ary": "Moroccan Darija", "ary-Latn": "Moroccan Darija (Latin letters)"}


def language_name(code: str | None) -> str:
    """'sw' → 'Swahili'; the code itself when Babel does not know it; 'unknown' for none."""
    if not code:
        return "unknown"
    if code in _NAMES:
        return _NAMES[code]
    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name("en"))
    except (UnknownLocaleError, ValueError, TypeError):
        return code
