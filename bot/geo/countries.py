"""Country names in the person's language, from CLDR through Babel.

Babel does not know Moroccan Darija (`ary`), so Darija in Arabic letters uses the Arabic
names, and Darija in Latin letters (`ary-Latn`, Arabizi) the French ones, which is how
those writers spell countries. English is the last resort, then the code itself.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

_FALLBACKS: dict[str, tuple[str, ...]] = {
    "ary-Latn": ("fr", "ar"),
    "ary": ("ar", "fr"),
}


def _chain(lang: str) -> list[str]:
    lang = lang.replace("_", "-")
    chain = [lang, *_FALLBACKS.get(lang, ())]
    base = lang.split("-")[0]
    for tag in (*_FALLBACKS.get(base, ()), base, "en"):
        if tag not in chain:
            chain.append(tag)
    return chain


@lru_cache(maxsize=64)
def _territories(tag: str) -> dict[str, str] | None:
    try:
        return dict(Locale.parse(tag.replace("-", "_")).territories)
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=4096)
def country_name(cc: str, lang: str) -> str:
    """The name of country `cc` (ISO 3166-1 alpha-2) in `lang` (a BCP 47 tag such as `ary-Latn`).

    Returns the code unchanged when no locale knows it.
    """
    code = cc.strip().upper()
    if len(code) != 2 or not code.isalpha():
        return cc
    for tag in _chain(lang or "en"):
        names = _territories(tag)
        if names and code in names:
            return names[code]
    return code
