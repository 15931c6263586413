"""Who may open what, decided once per request by the dependencies of bot.web.deps: the
sign-in page for a visitor (htmx follows HX-Redirect), a 403 page saying why for a
caseworker on an admin page, a bare 401 for an event stream, and 401/403 JSON on the API."""

from __future__ import annotations

from bot import user_admin
from tests.web.inbox.support import Web, login, page_csrf


async def test_a_visitor_is_sent_to_sign_in_and_comes_back_where_she_was(web: Web) -> None:
    response = await web.client.get("/inbox/cases/K7P2-9XQM?tab=notes")
    assert response.status_code == 303
    assert response.headers["location"] == "/inbox/login?next=/inbox/cases/K7P2-9XQM?tab=notes"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


async def test_a_fragment_sends_a_visitor_to_the_bare_sign_in_page(web: Web) -> None:
    response = await web.client.get("/inbox/fragments/counter")
    assert response.status_code == 303 and response.headers["location"] == "/inbox/login"


async def test_htmx_is_told_where_to_go_rather_than_given_the_page(web: Web) -> None:
    response = await web.client.get("/inbox/fragments/cases", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/inbox/login"
    assert response.text == ""


async def test_a_session_ended_elsewhere_is_dropped_from_her_cookie(web: Web) -> None:
    await login(web.client, "amina")
    assert (await web.client.get("/inbox")).status_code == 200
    async with web.rt.db.session() as s, s.begin():
        await user_admin.logout(s, "amina")
    response = await web.client.get("/inbox")
    assert response.status_code == 303
    assert "sauti_session" in response.headers.get("set-cookie", "")  # a fresh anonymous one
    assert (await web.client.get("/inbox")).status_code == 303


async def test_a_form_is_checked_for_its_token_before_who_sent_it(web: Web) -> None:
    forged = await web.client.post("/inbox/cases/K7P2-9XQM/claim", data={"csrf": "forged"})
    assert forged.status_code == 403
    token = await page_csrf(web.client, "/inbox/login")
    anonymous = await web.client.post("/inbox/cases/K7P2-9XQM/claim", data={"csrf": token})
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/inbox/login")


async def test_each_admin_page_says_to_a_caseworker_why_it_is_closed(web: Web) -> None:
    await login(web.client, "amina")
    reasons = {
        "/inbox/admin": "The admin area (teams, users, flows) is for admins only.",
        "/inbox/admin/numbers": "The emergency numbers are shown to admins only.",
        "/inbox/patterns": "Patterns across all cases are shown to admins only.",
    }
    for path, why in reasons.items():
        response = await web.client.get(path)
        assert response.status_code == 403, path
        assert why in response.text, path
    assert (await web.client.get("/inbox/patterns.csv")).status_code == 403


async def test_an_admin_passes_every_admin_check(web: Web) -> None:
    await login(web.client, "root")
    for path in ("/inbox/admin", "/inbox/admin/numbers", "/inbox/patterns"):
        assert (await web.client.get(path)).status_code == 200, path


async def test_an_event_stream_without_a_session_gets_a_bare_401(web: Web) -> None:
    response = await web.client.get("/inbox/events", headers={"Accept": "text/event-stream"})
    assert response.status_code == 401
    assert "location" not in response.headers and "HX-Redirect" not in response.headers


async def test_the_api_answers_json_401_and_403(web: Web) -> None:
    anonymous = await web.client.get("/api/patterns")
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"] == "Bearer"
    async with web.rt.db.session() as s, s.begin():
        token, _ = await user_admin.new_token(s, "amina")
    caseworker = await web.client.get("/api/patterns", headers={"Authorization": f"Bearer {token}"})
    assert caseworker.status_code == 403
    assert caseworker.json() == {"detail": {"error": "forbidden", "message": "for admins only"}}
