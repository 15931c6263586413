"""Numbers, phone numbers and Latin words inside right-to-left text are isolated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.bidi import FSI, PDI, is_rtl, isolate_ltr_runs


def iso(run: str) -> str:
    return f"{FSI}{run}{PDI}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اتصل على +218 91 234 5678 الآن", f"اتصل على {iso('+218 91 234 5678')} الآن"),
        ("اكتب Sauti Libya هنا", f"اكتب {iso('Sauti Libya')} هنا"),
        ("الرابط wa.me/21891234 هنا", f"الرابط {iso('wa.me/21891234')} هنا"),
        ("الساعة 14:30.", f"الساعة {iso('14:30')}."),
        # Punctuation after a run stays outside it.
        ("رقم 112، ثم 190.", f"رقم {iso('112')}، ثم {iso('190')}."),
        # Arabic-Indic digits are already laid out right to left: untouched.
        ("اتصل على ١١٢", "اتصل على ١١٢"),
    ],
)
def test_isolates_left_to_right_runs(text: str, expected: str) -> None:
    assert isolate_ltr_runs(text) == expected


def test_text_without_right_to_left_letters_is_unchanged() -> None:
    assert isolate_ltr_runs("Call 112 now") == "Call 112 now"
    assert isolate_ltr_runs("3afak 3awni") == "3afak 3awni"


@given(st.text(alphabet=st.sampled_from("اب ت112+ SautiX.-:/،؟\n")))
def test_isolation_is_idempotent_and_only_adds_isolates(text: str) -> None:
    once = isolate_ltr_runs(text)
    assert isolate_ltr_runs(once) == once
    assert once.replace(FSI, "").replace(PDI, "") == text
    assert once.count(FSI) == once.count(PDI)


@pytest.mark.parametrize(
    ("lang", "rtl"),
    [
        ("ar", True),
        ("ary", True),
        ("ar-MA", True),
        ("ary-Arab", True),
        ("ary-Latn", False),
        ("fr", False),
        ("am", False),
        ("ti", False),
        ("so", False),
        ("sw", False),
        ("en", False),
        (None, False),
        ("", False),
    ],
)
def test_is_rtl(lang: str | None, rtl: bool) -> None:
    assert is_rtl(lang) is rtl
