"""The inbox's own words come from `locales/<tag>/inbox.ftl`: in the caseworker's language
when the inbox speaks it, else her browser's, else English; a language without an inbox
catalog (or a message missing from one) shows English, never a message id."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import update

from bot.store.models import User
from bot.web.render import TEMPLATES_DIR
from bot.web.ui_words import INBOX_FILE, UiWords
from tests.web.inbox.support import Web, login, make_case

LOCALES = Path(__file__).resolve().parents[3] / "locales"
USED = re.compile(r'_\("([a-z0-9-]+)"[,)]')


def ids(lang: str) -> set[str]:
    lines = (LOCALES / lang / INBOX_FILE).read_text(encoding="utf-8").splitlines()
    return {line.split(" = ")[0] for line in lines if " = " in line and line[:1].isalpha()}


def test_english_french_and_arabic_have_every_word() -> None:
    english = ids("en")
    assert len(english) > 20
    for lang in ("fr", "ar"):
        assert ids(lang) == english, lang


def test_every_word_a_template_asks_for_is_in_the_english_catalog() -> None:
    used = {
        found for path in TEMPLATES_DIR.rglob("*.html") for found in USED.findall(path.read_text())
    }
    assert len(used) > 40
    assert used <= ids("en"), sorted(used - ids("en"))


def test_a_missing_language_or_word_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / INBOX_FILE).write_text("a = Open\nb = { $count } open\n")
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / INBOX_FILE).write_text("a = Ouvert\n")
    words = UiWords(tmp_path)
    assert words.text("fr", "a") == "Ouvert"
    assert words.text("fr", "b", count=2) == "2 open"
    assert words.text("sw", "a") == "Open"  # no Swahili inbox catalog yet
    assert words.choose("sw", "sw-KE, fr;q=0.8") == "fr"
    assert words.choose(None, "de, *;q=0.1") == "en"
    assert words.choose("fr", "ar") == "fr"  # her own setting first
    assert words.choose("ary-Latn", "en") == "fr"  # Darija falls back to French here
    assert words.choose("en", "fr") == "en"


async def test_the_sign_in_page_speaks_the_browser_s_language(web: Web) -> None:
    french = await web.client.get("/inbox/login", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert '<html lang="fr">' in french.text and "Mot de passe" in french.text
    arabic = await web.client.get("/inbox/login", headers={"Accept-Language": "ar-LY"})
    assert '<html lang="ar" dir="rtl">' in arabic.text and "كلمة المرور" in arabic.text
    swahili = await web.client.get("/inbox/login", headers={"Accept-Language": "sw"})
    assert '<html lang="en">' in swahili.text and "Password" in swahili.text


async def test_a_wrong_password_is_said_in_her_language(web: Web) -> None:
    web.client.headers["Accept-Language"] = "fr"
    response = await login(web.client, "amina", "not the password")
    assert response.status_code == 401
    assert "Nom d&#39;utilisateur ou mot de passe incorrect." in response.text


async def test_her_own_language_setting_wins_over_the_browser(web: Web) -> None:
    async with web.rt.db.session() as s, s.begin():
        await s.execute(update(User).where(User.name == "amina").values(language="fr"))
    await login(web.client, "amina")
    page = await web.client.get("/inbox", headers={"Accept-Language": "en"})
    assert "<h1>Dossiers</h1>" in page.text and "Se déconnecter" in page.text
    assert "Ouverts et pris en charge" in page.text
    case_page = await web.client.get(f"/inbox/cases/{await make_case(web.rt)}")
    assert "Prendre ce dossier" in case_page.text and "Notes internes" in case_page.text
    assert "Ce que nous savons" in case_page.text  # the facts panel
