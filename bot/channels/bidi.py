"""Right-to-left text that stays readable when it contains numbers, phone numbers or Latin.

In an Arabic sentence, "+218 91 234 5678" or "Sauti" can be reordered by the phone's
bidirectional algorithm ("5678 234 91 218+"). Wrapping each left-to-right run in a first
strong isolate (U+2068 ... U+2069) keeps it intact without changing what is shown.
"""

from __future__ import annotations

import re

__all__ = ["FSI", "PDI", "is_rtl", "isolate_ltr_runs"]

FSI = "\u2068"  # first strong isolate: a run of only digits is laid out left to right
PDI = "\u2069"  # pop directional isolate

_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# A run starts with a Latin letter or an ASCII digit (or "+" before a digit) and goes on
# through connectors only while more Latin or digits follow: "+218 91 234 5678",
# "wa.me/21891", "Sauti Libya", "14:30". Arabic-Indic digits are fine in RTL and left alone.
_RUN = re.compile(rf"\+?[{_LATIN}0-9]+(?:[ .\-/:@_',+#]+[{_LATIN}0-9]+)*")
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ISOLATED = re.compile(f"({FSI}[^{PDI}]*{PDI})")
_RTL_LANGUAGES = frozenset({"ar", "ary", "arz", "apd", "fa", "he", "ur", "ps"})


def is_rtl(lang: str | None) -> bool:
    """True for right-to-left language tags ("ar", "ary", "ar-MA"); "ary-Latn" is not."""
    if not lang:
        return False
    parts = lang.replace("_", "-").split("-")
    if any(part.lower() == "latn" for part in parts[1:]):
        return False  # Darija written in Latin letters (Arabizi) is left to right
    return parts[0].lower() in _RTL_LANGUAGES


def isolate_ltr_runs(text: str) -> str:
    """Wrap each left-to-right run inside right-to-left text in U+2068 ... U+2069.

    Text without any right-to-left letter is returned unchanged, and runs that are already
    isolated are left alone, so applying it twice changes nothing.
    """
    if not _RTL_CHAR.search(text):
        return text
    pieces = _ISOLATED.split(text)
    # split() with a group alternates: plain text at even indexes, isolated runs at odd ones.
    return "".join(
        piece if index % 2 else _RUN.sub(lambda m: f"{FSI}{m.group(0)}{PDI}", piece)
        for index, piece in enumerate(pieces)
    )
