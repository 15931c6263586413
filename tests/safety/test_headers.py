"""What reaches a caseworker's browser: pages carry a strict Content-Security-Policy, cannot be
framed, leak no referrer and are never cached; JSON with a person's data is never cached."""

from __future__ import annotations

import re

import httpx
from sqlalchemy import select

from bot.accounts import add_team, add_user
from bot.config import Settings
from bot.store.models import Case
from tests.conftest import runtime
from tests.safety.people import Person, converse

PAGE_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
}


async def setup_case(client: httpx.AsyncClient, secret: str) -> tuple[str, str, str]:
    """A caseworker (name, password, token) and a case they can see."""
    async with runtime(client).db.session() as session, session.begin():
        await add_team(session, "everyone", [], default=True)
        new = await add_user(session, "amina", ["everyone"])
    person = Person(phone="218922222222", name="Huda")
    await converse(client, secret, *[person.text(t) for t in ("hello", "1", "yes", "danger now")])
    async with runtime(client).db.session() as session:
        case_id = (await session.execute(select(Case.id))).scalar_one()
    return new.password, new.token, case_id


async def sign_in(client: httpx.AsyncClient, password: str) -> None:
    page = await client.get("/inbox/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf, "the login form carries a CSRF token"
    response = await client.post(
        "/inbox/login", data={"name": "amina", "password": password, "csrf": csrf.group(1)}
    )
    assert response.status_code == 303, response.text


def assert_page_headers(response: httpx.Response) -> None:
    for name, value in PAGE_HEADERS.items():
        assert response.headers.get(name) == value, (response.url, name)
    csp = response.headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                      "object-src 'none'"):  # fmt: skip
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


async def test_inbox_and_simulator_pages_carry_the_security_headers(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    password, _token, case_id = await setup_case(wa_client, wa_settings.app_secret)
    # Session cookies are Secure (__Host-): the browser talks HTTPS.
    transport = httpx.ASGITransport(app=wa_client.app)  # type: ignore[attr-defined]
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as browser:
        assert_page_headers(await browser.get("/inbox/login"))
        assert_page_headers(await browser.get("/simulator"))
        await sign_in(browser, password)
        case_page = await browser.get(f"/inbox/cases/{case_id}")
        assert case_page.status_code == 200
        assert_page_headers(case_page)
        assert_page_headers(await browser.get("/inbox"))


async def test_api_answers_with_a_persons_data_are_never_cached(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    _password, token, case_id = await setup_case(wa_client, wa_settings.app_secret)
    headers = {"Authorization": f"Bearer {token}"}
    for path in (f"/api/cases/{case_id}", f"/api/cases/{case_id}/messages", "/api/cases"):
        response = await wa_client.get(path, headers=headers)
        assert response.status_code == 200
        assert response.headers.get("cache-control") == "no-store", path
        assert response.headers.get("x-content-type-options") == "nosniff", path
