"""Access taken away is gone in every process at once, and after restarts.

Two app instances (two Runtimes, each with its own engine and pool, as two workers or two
replicas have) share one database; the `sauti users` commands run through typer in a third
"process" of their own. A cookie or token that worked in one instance is tried in both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

import httpx
import pytest

from bot.config import Settings
from bot.store.db import Database
from tests.cli_support import sauti, use_database
from tests.conftest import running_app, runtime
from tests.web.inbox.support import PASSWORD, login, make_case, page_csrf, seed

COOKIE = "sauti_session"


@pytest.fixture
def shared(settings: Settings, db: Database) -> Settings:
    # Workers of one deployment share the session secret (`serve` requires it).
    return settings.model_copy(update={"demo": True, "session_secret": "one-secret-for-all"})


@pytest.fixture
def cli_env(shared: Settings, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_database(monkeypatch, tmp_path, shared.database_url)


@asynccontextmanager
async def instances(settings: Settings, count: int = 2) -> AsyncIterator[list[httpx.AsyncClient]]:
    async with AsyncExitStack() as stack:
        yield [await stack.enter_async_context(running_app(settings)) for _ in range(count)]


async def signed_in_everywhere(clients: list[httpx.AsyncClient], name: str = "amina") -> str:
    """Sign in through the first instance and give the same cookie to the others."""
    assert (await login(clients[0], name)).status_code == 303
    cookie = clients[0].cookies[COOKIE]
    for client in clients[1:]:
        client.cookies.clear()
        client.cookies.set(COOKIE, cookie)
    for client in clients:
        assert (await client.get("/inbox")).status_code == 200
    return cookie


async def inbox_status(clients: list[httpx.AsyncClient]) -> list[int]:
    return [(await client.get("/inbox")).status_code for client in clients]


async def api_status(clients: list[httpx.AsyncClient], token: str) -> list[int]:
    auth = {"Authorization": f"Bearer {token}"}
    return [(await client.get("/api/me", headers=auth)).status_code for client in clients]


async def test_signing_out_in_one_process_signs_out_in_the_other(shared: Settings) -> None:
    async with instances(shared) as (one, two):
        await seed(runtime(one))
        await signed_in_everywhere([one, two])
        csrf = await page_csrf(one)
        assert (await one.post("/inbox/logout", data={"csrf": csrf})).status_code == 303
        # The other process refuses at once, every time (not on some requests of a dozen).
        assert [(await two.get("/inbox")).status_code for _ in range(12)] == [303] * 12


async def test_a_cookie_copied_before_signing_out_is_refused_after_a_restart(
    shared: Settings,
) -> None:
    async with instances(shared, 1) as (before,):
        await seed(runtime(before))
        copied = await signed_in_everywhere([before])
        kept = await signed_in_everywhere([before], "omar")  # not signed out: survives
        before.cookies.clear()
        before.cookies.set(COOKIE, copied)
        csrf = await page_csrf(before)
        assert (await before.post("/inbox/logout", data={"csrf": csrf})).status_code == 303
    async with instances(shared, 1) as (after,):
        after.cookies.set(COOKIE, copied)
        assert (await after.get("/inbox")).status_code == 303
        after.cookies.clear()  # the refusal above set a fresh anonymous cookie
        after.cookies.set(COOKIE, kept)
        assert (await after.get("/inbox")).status_code == 200


@pytest.mark.usefixtures("cli_env")
async def test_disable_ends_sessions_tokens_and_sign_in_everywhere(shared: Settings) -> None:
    async with instances(shared) as clients:
        await seed(runtime(clients[0]))
        await signed_in_everywhere(clients)
        token = (await sauti("users", "token", "amina")).output.strip().splitlines()[-1]
        assert await api_status(clients, token) == [200, 200]

        result = await sauti("users", "disable", "amina")
        assert result.exit_code == 0, result.output
        assert "ended 1 session(s)" in result.output and "can no longer sign in" in result.output

        assert await inbox_status(clients) == [303, 303]
        assert await api_status(clients, token) == [401, 401]
        for client in clients:
            assert (await login(client, "amina")).status_code == 401  # her password too
        # Others are untouched.
        await signed_in_everywhere(clients, "omar")

        assert (await sauti("users", "enable", "amina")).exit_code == 0
        await signed_in_everywhere(clients)
        assert await api_status(clients, token) == [401, 401]  # old tokens stay revoked


@pytest.mark.usefixtures("cli_env")
async def test_revoke_is_disable(shared: Settings) -> None:
    async with instances(shared) as clients:
        await seed(runtime(clients[0]))
        await signed_in_everywhere(clients)
        assert (await sauti("users", "revoke", "amina")).exit_code == 0
        assert await inbox_status(clients) == [303, 303]
        assert (await login(clients[1], "amina")).status_code == 401


@pytest.mark.usefixtures("cli_env")
async def test_a_password_reset_ends_sessions_and_tokens_everywhere(shared: Settings) -> None:
    async with instances(shared) as clients:
        await seed(runtime(clients[0]))
        await signed_in_everywhere(clients)
        token = (await sauti("users", "token", "amina")).output.strip().splitlines()[-1]

        result = await sauti("users", "reset-password", "amina")
        assert result.exit_code == 0, result.output
        password = result.output.strip().splitlines()[-1].removeprefix("password: ")
        assert password and password != PASSWORD

        assert await inbox_status(clients) == [303, 303]
        assert await api_status(clients, token) == [401, 401]
        assert (await login(clients[1], "amina", PASSWORD)).status_code == 401
        assert (await login(clients[1], "amina", password)).status_code == 303


@pytest.mark.usefixtures("cli_env")
async def test_replacing_her_teams_changes_what_every_process_shows(shared: Settings) -> None:
    async with instances(shared) as clients:
        rt = runtime(clients[0])
        await seed(rt)
        libya_case = await make_case(rt, team="libya")
        morocco_case = await make_case(rt, team="morocco")
        await signed_in_everywhere(clients)
        for client in clients:
            page = (await client.get("/inbox")).text
            assert libya_case in page and morocco_case not in page

        result = await sauti("users", "teams", "amina", "--set", "morocco")
        assert result.exit_code == 0 and "now in: morocco" in result.output

        for client in clients:
            page = await client.get("/inbox")
            assert page.status_code == 200  # still signed in
            assert morocco_case in page.text and libya_case not in page.text
            assert (await client.get(f"/inbox/cases/{libya_case}")).status_code == 404


@pytest.mark.usefixtures("cli_env")
async def test_a_rotated_token_stops_working_everywhere_at_once(shared: Settings) -> None:
    async with instances(shared) as clients:
        await seed(runtime(clients[0]))
        old = (await sauti("users", "token", "amina")).output.strip().splitlines()[-1]
        assert await api_status(clients, old) == [200, 200]

        result = await sauti("users", "token", "amina", "--revoke-all")
        assert result.exit_code == 0 and "revoked 2 token(s)" in result.output  # seed's + old
        new = result.output.strip().splitlines()[-1]
        assert new.startswith("sauti_") and new != old

        assert await api_status(clients, old) == [401, 401]
        assert await api_status(clients, new) == [200, 200]


@pytest.mark.usefixtures("cli_env")
async def test_users_logout_ends_her_sessions_everywhere_but_not_her_access(
    shared: Settings,
) -> None:
    async with instances(shared) as clients:
        await seed(runtime(clients[0]))
        await signed_in_everywhere(clients)
        await signed_in_everywhere(clients[1:], "omar")
        result = await sauti("users", "logout", "amina")
        assert result.exit_code == 0 and "ended 1 session(s)" in result.output
        assert (await clients[0].get("/inbox")).status_code == 303
        assert (await clients[1].get("/inbox")).status_code == 200  # omar's session
        assert (await login(clients[0], "amina")).status_code == 303
