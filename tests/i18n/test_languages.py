"""Direction and native names of our languages."""

from __future__ import annotations

from pathlib import Path

from bot.i18n.catalog import Catalogs
from bot.i18n.languages import is_rtl, native_name


def test_arabic_script_is_right_to_left() -> None:
    assert is_rtl("ar")
    assert is_rtl("ary")
    assert not is_rtl("ary-Latn")
    assert not is_rtl("fr")
    assert not is_rtl(None)


def test_native_names_in_their_own_script(catalogs: Catalogs) -> None:
    names = {lang: native_name(lang, catalogs) for lang in catalogs.languages}
    assert names == {
        "en": "English",
        "fr": "Français",
        "ar": "العربية",
        "ary": "الدارجة",
        "ary-Latn": "Darija",
        "sw": "Kiswahili",
        "am": "አማርኛ",
        "ti": "ትግርኛ",
        "so": "Soomaali",
    }


def test_a_locale_without_a_name_shows_its_tag_not_english(tmp_path: Path) -> None:
    for tag, text in [("en", "language-name = English\n"), ("xx", "other = x\n")]:
        (tmp_path / tag).mkdir()
        (tmp_path / tag / "bot.ftl").write_text(text, encoding="utf-8")
    assert native_name("xx", Catalogs(tmp_path)) == "xx"
