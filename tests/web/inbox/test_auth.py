"""Signing in and out of the inbox: cookies, CSRF, rate limits, and what ends a session."""

from __future__ import annotations

from bot.accounts import add_user
from bot.config import Settings
from bot.store.db import Database
from tests.conftest import running_app
from tests.web.inbox.support import PASSWORD, Web, csrf_of, login, page_csrf


async def test_pages_need_a_login(web: Web) -> None:
    response = await web.client.get("/inbox")
    assert response.status_code == 303
    assert response.headers["location"] == "/inbox/login?next=/inbox"


async def test_login_sets_a_protected_cookie_and_lands_on_the_cases(web: Web) -> None:
    response = await login(web.client, "amina")
    assert response.status_code == 303
    assert response.headers["location"] == "/inbox"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("sauti_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    page = await web.client.get("/inbox")
    assert page.status_code == 200
    assert "amina" in page.text and "Sign out" in page.text


async def test_wrong_password_is_refused(web: Web) -> None:
    response = await login(web.client, "amina", "not the password")
    assert response.status_code == 401
    assert "Wrong user name or password" in response.text
    assert (await web.client.get("/inbox")).status_code == 303


async def test_login_goes_back_to_the_page_asked_for_but_never_elsewhere(web: Web) -> None:
    page = await web.client.get("/inbox/login?next=/inbox/cases/ABCD-EFGH")
    assert 'value="/inbox/cases/ABCD-EFGH"' in page.text
    form = {"csrf": csrf_of(page.text), "name": "amina", "password": PASSWORD}
    response = await web.client.post("/inbox/login", data={**form, "next": "//evil.example/x"})
    assert response.headers["location"] == "/inbox"


async def test_logout_ends_the_session(web: Web) -> None:
    await login(web.client, "amina")
    old_cookie = web.client.cookies["sauti_session"]
    csrf = await page_csrf(web.client)
    response = await web.client.post("/inbox/logout", data={"csrf": csrf})
    assert response.status_code == 303
    assert (await web.client.get("/inbox")).status_code == 303
    # The old cookie, replayed, no longer works either.
    web.client.cookies.set("sauti_session", old_cookie)
    assert (await web.client.get("/inbox")).status_code == 303


async def test_forms_without_the_csrf_token_are_refused(web: Web) -> None:
    response = await web.client.post("/inbox/login", data={"name": "amina", "password": PASSWORD})
    assert response.status_code == 403
    await login(web.client, "amina")
    for path in ("/inbox/logout", "/inbox/cases/ABCD-EFGH/claim"):
        response = await web.client.post(path, data={"csrf": "forged"})
        assert response.status_code == 403, path
    assert (await web.client.get("/inbox")).status_code == 200  # still signed in


async def test_the_csrf_token_also_comes_as_the_htmx_header(web: Web) -> None:
    await login(web.client, "amina")
    csrf = await page_csrf(web.client)
    response = await web.client.post("/inbox/logout", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 303


async def test_a_tampered_cookie_is_a_stranger(web: Web) -> None:
    await login(web.client, "amina")
    value = web.client.cookies["sauti_session"]
    payload, sig = value.split(".")
    web.client.cookies.set("sauti_session", payload[:-2] + "xx." + sig)
    assert (await web.client.get("/inbox")).status_code == 303


async def test_resetting_the_password_ends_existing_sessions(web: Web) -> None:
    await login(web.client, "amina")
    async with web.rt.db.session() as s, s.begin():
        await add_user(s, "amina", ["libya"], password="a new password here")
    assert (await web.client.get("/inbox")).status_code == 303


async def test_outside_demo_the_cookie_is_secure(settings: Settings, db: Database) -> None:
    production = settings.model_copy(update={"demo": False, "session_secret": "s3cret-for-test"})
    async with running_app(production) as client:
        response = await client.get("/inbox/login")
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("__Host-sauti_session=")
        assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/" in cookie
