"""Language tags in words for caseworkers."""

from __future__ import annotations

import pytest

from bot.i18n.language_names import language_name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("sw", "Swahili"),
        ("am", "Amharic"),
        ("ti", "Tigrinya"),
        ("so", "Somali"),
        ("ar", "Arabic"),
        ("ary", "Moroccan Darija"),
        ("ary-Latn", "Moroccan Darija (Latin letters)"),
        (None, "unknown"),
        ("zz-Qaaa", "zz-Qaaa"),  # not a language Babel knows: the code rather than nothing
    ],
)
def test_a_language_tag_reads_as_its_name(code: str | None, name: str) -> None:
    assert language_name(code) == name
