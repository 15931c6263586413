"""The admin area of the inbox (/inbox/admin): teams, users and the audit of every change,
through the same functions as `sauti teams` and `sauti users`, refused to anyone else."""

from __future__ import annotations

import html
import re

import httpx
from sqlalchemy import select

from bot.store.models import AuditLog, Team, User
from tests.web.inbox.support import PASSWORD, Web, login, page_csrf

ADMIN = "/inbox/admin"
TEAMS = "/inbox/admin/teams"
USERS = "/inbox/admin/users"
PAGES = (ADMIN, TEAMS, USERS)
ACTIONS = {
    "/inbox/admin/teams/add": {"name": "egypt", "countries": "EG"},
    "/inbox/admin/teams/countries": {"team": "libya", "countries": "LY, TN"},
    "/inbox/admin/teams/default": {"team": "libya"},
    "/inbox/admin/users/add": {"name": "sara", "role": "admin", "teams": "libya"},
    "/inbox/admin/users/disable": {"name": "amina"},
    "/inbox/admin/users/enable": {"name": "amina"},
    "/inbox/admin/users/password": {"name": "amina"},
    "/inbox/admin/users/teams": {"name": "amina", "teams": "morocco"},
    "/inbox/admin/users/token": {"name": "amina"},
    "/inbox/admin/users/revoke-tokens": {"name": "amina"},
}


async def as_root(web: Web, path: str = USERS) -> str:
    await login(web.client, "root")
    return await page_csrf(web.client, path)


async def post(web: Web, path: str, token: str, **data: str | list[str]) -> httpx.Response:
    return await web.client.post(path, data={"csrf": token, **data})


def text(response: httpx.Response) -> str:
    """The page's words, tags dropped and spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


async def audit(web: Web, action: str) -> list[dict]:
    async with web.rt.db.session() as s:
        rows = await s.execute(select(AuditLog).where(AuditLog.action == action))
        return [r.detail or {} for r in rows.scalars()]


async def team(web: Web, name: str) -> Team:
    async with web.rt.db.session() as s:
        return (await s.execute(select(Team).where(Team.name == name))).scalar_one()


# --- who may come in ---------------------------------------------------------------------


async def test_admins_find_the_area_from_the_top_bar(web: Web) -> None:
    await login(web.client, "root")
    inbox = await web.client.get("/inbox")
    assert f'href="{ADMIN}"' in inbox.text
    for path in PAGES:
        response = await web.client.get(path)
        assert response.status_code == 200, path
        for part in (TEAMS, USERS, "/inbox/admin/flows", "/inbox/admin/numbers", "/inbox/patterns"):
            assert f'href="{part}"' in response.text, (path, part)


async def test_caseworkers_get_a_clear_403_page_and_no_link(web: Web) -> None:
    await login(web.client, "amina")
    assert f'href="{ADMIN}"' not in (await web.client.get("/inbox")).text
    for path in PAGES:
        response = await web.client.get(path)
        assert response.status_code == 403, path
        assert "for admins only" in text(response).lower()
    token = await page_csrf(web.client)
    for path, data in ACTIONS.items():
        response = await post(web, path, token, **data)
        assert response.status_code == 403, path
    async with web.rt.db.session() as s:
        amina = (await s.execute(select(User).where(User.name == "amina"))).scalar_one()
        assert amina.active
        assert (await s.execute(select(User).where(User.name == "sara"))).first() is None
    assert (await team(web, "libya")).countries == ["LY"]


async def test_signed_out_visitors_go_to_the_login_page(web: Web) -> None:
    for path in PAGES:
        response = await web.client.get(path)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/inbox/login")


async def test_every_change_needs_the_session_s_csrf_token(web: Web) -> None:
    await as_root(web)
    for path, data in ACTIONS.items():
        for token in (None, "forged"):
            sent = dict(data) if token is None else {**data, "csrf": token}
            response = await web.client.post(path, data=sent)
            assert response.status_code == 403, (path, token)
    assert (await team(web, "libya")).countries == ["LY"]
    assert await audit(web, "user_disable") == []


# --- teams -----------------------------------------------------------------------------


async def test_teams_are_listed_with_their_countries_by_name_and_the_default(web: Web) -> None:
    await login(web.client, "root")
    page = text(await web.client.get(TEAMS))
    assert "Libya (LY)" in page and "Morocco (MA)" in page
    morocco = re.search(
        r'data-team="morocco".*?</section>', (await web.client.get(TEAMS)).text, re.S
    )
    assert morocco and "Default team" in morocco.group(0)


async def test_an_admin_adds_a_team_and_it_is_audited_with_her_name(web: Web) -> None:
    token = await as_root(web, TEAMS)
    response = await post(web, "/inbox/admin/teams/add", token, name="Egypt", countries="eg, ly")
    assert response.status_code == 303
    assert (await team(web, "egypt")).countries == ["EG", "LY"]
    listed = text(await web.client.get(TEAMS))
    assert "Team egypt added." in listed and "Egypt (EG)" in listed
    assert await audit(web, "team_add") == [
        {"actor": "root", "team": "egypt", "countries": ["EG", "LY"], "default": False}
    ]


async def test_countries_may_be_typed_by_name(web: Web) -> None:
    token = await as_root(web, TEAMS)
    response = await post(
        web, "/inbox/admin/teams/add", token, name="gulf", countries="Saudi Arabia, qatar; KW"
    )
    assert response.status_code == 303
    assert (await team(web, "gulf")).countries == ["KW", "QA", "SA"]


async def test_invalid_country_codes_are_refused_with_the_valid_ones(web: Web) -> None:
    token = await as_root(web, TEAMS)
    response = await post(web, "/inbox/admin/teams/add", token, name="nowhere", countries="XX,LY")
    assert response.status_code == 400
    page = text(response)
    assert "Not ISO country codes: XX" in page and "Valid codes:" in page and "TN" in page
    assert 'value="nowhere"' in response.text  # what she typed stays in the form
    response = await post(web, "/inbox/admin/teams/countries", token, team="libya", countries="ZZ")
    assert response.status_code == 400 and "Not ISO country codes: ZZ" in text(response)
    assert (await team(web, "libya")).countries == ["LY"]
    async with web.rt.db.session() as s:
        assert (await s.execute(select(Team).where(Team.name == "nowhere"))).first() is None
    assert await audit(web, "team_add") == [] and await audit(web, "team_change") == []


async def test_a_team_name_already_taken_is_refused(web: Web) -> None:
    token = await as_root(web, TEAMS)
    response = await post(web, "/inbox/admin/teams/add", token, name="Libya", countries="EG")
    assert response.status_code == 400
    assert "already exists" in text(response)
    assert (await team(web, "libya")).countries == ["LY"]


async def test_an_admin_changes_a_team_s_countries(web: Web) -> None:
    token = await as_root(web, TEAMS)
    response = await post(
        web, "/inbox/admin/teams/countries", token, team="libya", countries="LY TN"
    )
    assert response.status_code == 303
    assert (await team(web, "libya")).countries == ["LY", "TN"]
    [row] = await audit(web, "team_change")
    assert row["actor"] == "root" and row["before"] == ["LY"] and row["after"] == ["LY", "TN"]
    missing = await post(web, "/inbox/admin/teams/countries", token, team="mars", countries="LY")
    assert missing.status_code == 400 and "No team named mars" in text(missing)


async def test_an_admin_moves_the_default_team(web: Web) -> None:
    token = await as_root(web, TEAMS)
    assert (await team(web, "morocco")).is_default
    response = await post(web, "/inbox/admin/teams/default", token, team="libya")
    assert response.status_code == 303
    assert (await team(web, "libya")).is_default
    assert not (await team(web, "morocco")).is_default
    [row] = await audit(web, "team_change")
    assert row["default"] is True and row["actor"] == "root"


# --- users -----------------------------------------------------------------------------


async def test_users_are_listed_with_role_teams_state_and_last_sign_in(web: Web) -> None:
    await login(web.client, "amina")
    await as_root(web)
    page = (await web.client.get(USERS)).text
    amina = re.search(r'data-user="amina".*?</section>', page, re.S)
    omar = re.search(r'data-user="omar".*?</section>', page, re.S)
    assert amina and omar
    assert "Caseworker" in amina.group(0) and "libya" in amina.group(0)
    assert "<time" in amina.group(0)  # she signed in
    assert re.search(r"Last sign-in</dt><dd>never", omar.group(0))


async def test_a_new_user_s_password_and_token_are_shown_once_labelled(web: Web) -> None:
    token = await as_root(web)
    response = await post(
        web, "/inbox/admin/users/add", token, name="sara", role="caseworker", teams=["libya"]
    )
    assert response.status_code == 200
    page = text(response)
    assert "Shown only this once" in page
    password = re.search(r'data-secret="Password">([^<]+)<', response.text)
    api_token = re.search(r'data-secret="API token">([^<]+)<', response.text)
    assert password and api_token and api_token.group(1).startswith("sauti_")
    # She signs in with it, and the token opens the API.
    client = web.client
    assert (await login(client, "sara", password.group(1))).status_code == 303
    api = await client.get("/api/cases", headers={"Authorization": f"Bearer {api_token.group(1)}"})
    assert api.status_code == 200
    # The secret is in no audit row and on no later page.
    [row] = await audit(web, "user_add")
    assert row == {"actor": "root", "account": "sara", "role": "caseworker", "teams": ["libya"]}
    await login(client, "root")
    assert password.group(1) not in (await client.get(USERS)).text


async def test_adding_an_existing_name_is_refused_and_changes_nothing(web: Web) -> None:
    token = await as_root(web)
    response = await post(web, "/inbox/admin/users/add", token, name="amina", teams=["morocco"])
    assert response.status_code == 400
    assert "A user named amina already exists" in text(response)
    assert "sauti users" not in text(response)  # the terminal's hint is not for the browser
    assert (await login(web.client, "amina")).status_code == 303  # her password still works
    assert await audit(web, "user_add") == []


async def test_an_unknown_team_or_role_is_refused(web: Web) -> None:
    token = await as_root(web)
    response = await post(web, "/inbox/admin/users/add", token, name="sara", teams=["mars"])
    assert response.status_code == 400 and "Unknown team: mars" in text(response)
    response = await post(web, "/inbox/admin/users/add", token, name="sara", role="god")
    assert response.status_code == 400 and "Role must be caseworker or admin" in text(response)
    response = await post(web, "/inbox/admin/users/disable", token, name="nobody")
    assert response.status_code == 400 and "No user named nobody" in text(response)


async def test_disabling_her_ends_her_open_session_at_once(web: Web) -> None:
    # Her own browser: a second client on the same app.
    transport = httpx.ASGITransport(app=web.client.app)  # type: ignore[attr-defined]
    other = httpx.AsyncClient(transport=transport, base_url="http://testserver")
    async with other:
        assert (await login(other, "amina")).status_code == 303
        assert (await other.get("/inbox")).status_code == 200
        token = await as_root(web)
        response = await post(web, "/inbox/admin/users/disable", token, name="amina")
        assert response.status_code == 303
        assert "1 session ended" in text(await web.client.get(USERS))
        after = await other.get("/inbox")
        assert after.status_code == 303 and after.headers["location"].startswith("/inbox/login")
        assert (await login(other, "amina")).status_code == 401
    [row] = await audit(web, "user_disable")
    assert row["actor"] == "root" and row["account"] == "amina" and row["sessions"] == 1
    token = await page_csrf(web.client, USERS)
    assert (await post(web, "/inbox/admin/users/enable", token, name="amina")).status_code == 303
    assert (await login(web.client, "amina")).status_code == 303


async def test_an_admin_cannot_disable_herself(web: Web) -> None:
    token = await as_root(web)
    response = await post(web, "/inbox/admin/users/disable", token, name="root")
    assert response.status_code == 400 and "cannot disable yourself" in text(response)
    assert (await web.client.get(USERS)).status_code == 200


async def test_a_password_reset_shows_the_new_one_and_the_old_stops_working(web: Web) -> None:
    token = await as_root(web)
    response = await post(web, "/inbox/admin/users/password", token, name="amina")
    assert response.status_code == 200 and "Shown only this once" in text(response)
    new = re.search(r'data-secret="Password">([^<]+)<', response.text)
    assert new
    assert (await login(web.client, "amina", PASSWORD)).status_code == 401
    assert (await login(web.client, "amina", new.group(1))).status_code == 303
    [row] = await audit(web, "user_reset_password")
    assert row["actor"] == "root" and new.group(1) not in str(row)


async def test_an_admin_sets_her_teams(web: Web) -> None:
    token = await as_root(web)
    response = await post(
        web, "/inbox/admin/users/teams", token, name="amina", teams=["morocco", "libya"]
    )
    assert response.status_code == 303
    assert "amina is now in: libya, morocco." in text(await web.client.get(USERS))
    [row] = await audit(web, "user_teams")
    assert row == {
        "actor": "root",
        "account": "amina",
        "before": ["libya"],
        "after": ["libya", "morocco"],
    }
    none = await post(web, "/inbox/admin/users/teams", token, name="amina")
    assert none.status_code == 303
    assert "amina is now in: no team." in text(await web.client.get(USERS))


async def test_an_admin_issues_and_revokes_api_tokens(web: Web) -> None:
    token = await as_root(web)
    response = await post(web, "/inbox/admin/users/token", token, name="omar")
    assert response.status_code == 200
    api_token = re.search(r'data-secret="API token">([^<]+)<', response.text)
    assert api_token
    bearer = {"Authorization": f"Bearer {api_token.group(1)}"}
    assert (await web.client.get("/api/cases", headers=bearer)).status_code == 200
    response = await post(web, "/inbox/admin/users/revoke-tokens", token, name="omar")
    assert response.status_code == 303
    assert "2 API tokens of omar revoked." in text(await web.client.get(USERS))
    assert (await web.client.get("/api/cases", headers=bearer)).status_code == 401
    assert len(await audit(web, "user_token")) == 1
    assert (await audit(web, "user_revoke_tokens"))[0]["revoked"] == 2


# --- the audit list --------------------------------------------------------------------


async def test_the_front_page_lists_recent_changes_from_the_inbox_and_the_cli(web: Web) -> None:
    from bot import team_admin

    async with web.rt.db.session() as s, s.begin():
        await team_admin.save(s, "sudan", ["SD"])  # as `sauti teams add` does
    token = await as_root(web)
    await post(web, "/inbox/admin/users/disable", token, name="omar")
    page = text(await web.client.get(ADMIN))
    assert "root disabled omar (ended 0 sessions, revoked 1 token)" in page
    assert "command line added team sudan (countries: SD)" in page
    assert page.index("disabled omar") < page.index("added team sudan")  # newest first
    assert "user list" not in page  # looking is audited, but is not a change
