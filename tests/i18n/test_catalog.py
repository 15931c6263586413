"""Catalogs: per-message fallback along the chain, logged, and never a raw id."""

from __future__ import annotations

import logging
import re

import pytest
from fluent.syntax import FluentParser, ast

from bot.i18n.catalog import Catalogs, fallback_chain
from tests.i18n.conftest import DATA, LOCALES

ARGS = {
    "org": "Sauti",
    "days": 30,
    "place": "Tripoli",
    "country": "Libya",
    "answer": "My employer",
    "km": 12,
    "name": "Kufra",
    "case": "S-1042",
    "number": "1515",
    "numbers": "ambulance: 15",
    "hotline": "+000 111",
    "situation": "at sea",
}


@pytest.fixture
def fallback() -> Catalogs:
    return Catalogs(DATA / "fallback")


def test_fallback_chains() -> None:
    assert fallback_chain("ary-Latn") == ["ary-Latn", "ary", "ar", "fr", "en"]
    assert fallback_chain("ary") == ["ary", "ar", "fr", "en"]
    assert fallback_chain("sw") == ["sw", "en"]
    assert fallback_chain("en") == ["en"]


def test_each_message_comes_from_the_first_locale_that_has_it(fallback: Catalogs) -> None:
    assert fallback.format("ary-Latn", "everywhere") == "Darija."
    assert fallback.format("ary-Latn", "in-ar") == "العربية فقط."
    assert fallback.format("ary-Latn", "in-fr") == "Français seulement."
    assert fallback.format("ary-Latn", "only-en") == "English only."


def test_fallback_is_logged_with_ids_only(
    fallback: Catalogs, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.i18n.catalog"):
        fallback.format("ary", "in-fr")
    assert "in-fr not in ary, falling back to fr" in caplog.text
    assert "Français" not in caplog.text


def test_a_missing_id_never_reaches_a_person(
    fallback: Catalogs, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="bot.i18n.catalog"):
        assert fallback.format("fr", "no-such-message") == ""
    assert "no-such-message missing" in caplog.text


def test_unknown_locale_uses_english(fallback: Catalogs) -> None:
    assert fallback.format("xx", "everywhere") == "English."


def test_darija_plurals_use_arabic_rules(fallback: Catalogs) -> None:
    assert fallback.format("ary", "days", n=1) == "نهار واحد"
    assert fallback.format("ary", "days", n=2) == "يومين"
    assert fallback.format("ary", "days", n=5) == "5 أيام"
    assert fallback.format("ary", "days", n=30) == "30 يوم"
    assert fallback.format("ar", "days", n=30) == "30 يومًا"
    assert fallback.format("ar", "days", n=100) == "100 يوم"


def test_has_and_languages(fallback: Catalogs) -> None:
    assert fallback.languages[0] == "en"
    assert set(fallback.languages) == {"en", "fr", "ar", "ary", "ary-Latn"}
    assert fallback.has("in-fr", "fr")
    assert not fallback.has("in-fr", "ary")
    assert not fallback.has("everywhere", "xx")


def _ids() -> list[str]:
    source = (LOCALES / "en" / "bot.ftl").read_text(encoding="utf-8")
    return [e.id.name for e in FluentParser().parse(source).body if isinstance(e, ast.Message)]


@pytest.mark.parametrize("lang", Catalogs(LOCALES).languages)
def test_every_message_renders_in_every_locale(
    catalogs: Catalogs, lang: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.i18n.catalog"):
        for msg_id in _ids():
            text = catalogs.format(lang, msg_id, **ARGS)
            assert text and not re.search(r"[{}]", text), msg_id
    assert caplog.text == ""  # no fallback, no formatting error


def test_the_decline_names_the_ngos_own_line_only_when_there_is_one(catalogs: Catalogs) -> None:
    for lang in catalogs.languages:
        without = catalogs.format(lang, "consent-declined", **ARGS)
        with_line = catalogs.format(lang, "consent-declined", **{**ARGS, "hotline": "+33 1 23"})
        assert "112" in without and "+33 1 23" not in without, lang
        assert "112" in with_line and "+33 1 23" in with_line, lang


def test_no_rescue_promises_in_any_locale(catalogs: Catalogs) -> None:
    words = re.compile(r"rescue|guarantee|sauver|garanti|نعدك|ننقذ|okoa", re.IGNORECASE)
    for lang in catalogs.languages:
        for msg_id in _ids():
            assert not words.search(catalogs.format(lang, msg_id, **ARGS)), (lang, msg_id)


def test_a_fallback_is_logged_each_time_it_is_used(
    fallback: Catalogs, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.i18n.catalog"):
        first, again = fallback.format("ary", "in-fr"), fallback.format("ary", "in-fr")
    assert first == again == "Français seulement."
    assert caplog.text.count("in-fr not in ary, falling back to fr") == 2
