"""Nobody can lock a caseworker out from afar, and nobody can hide behind a forged header."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx

from bot.config import Settings
from bot.store.db import Database
from bot.web import throttle
from bot.web.throttle import PAIR
from tests.conftest import running_app, runtime
from tests.web.inbox.support import PASSWORD, Web, csrf_of, seed


@asynccontextmanager
async def client_at(web_client: httpx.AsyncClient, peer: str) -> AsyncIterator[httpx.AsyncClient]:
    """Another browser on the same app, connecting from `peer`."""
    transport = httpx.ASGITransport(app=web_client.app, client=(peer, 40000))  # type: ignore[attr-defined]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


async def sign_in(
    client: httpx.AsyncClient, name: str, password: str, forwarded_for: str | None = None
) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    client.cookies.clear()
    page = await client.get("/inbox/login")
    form = {"csrf": csrf_of(page.text), "name": name, "password": password}
    return await client.post("/inbox/login", data=form, headers=headers)


async def test_failures_from_one_address_do_not_refuse_her_from_another(web: Web) -> None:
    async with (
        client_at(web.client, "198.51.100.7") as stranger,
        client_at(web.client, "203.0.113.9") as amina,
    ):
        for _ in range(PAIR.free):
            assert (await sign_in(stranger, "amina", "guess")).status_code == 401
        refused = await sign_in(stranger, "amina", PASSWORD)  # even the right password, there
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 2
        assert "Too many failed attempts" in refused.text
        assert (await sign_in(amina, "amina", PASSWORD)).status_code == 303


async def test_the_wait_grows_for_the_same_name_and_address(web: Web) -> None:
    async with client_at(web.client, "198.51.100.7") as stranger:
        for _ in range(PAIR.free):
            await sign_in(stranger, "amina", "guess")
        first = int((await sign_in(stranger, "amina", "guess")).headers["retry-after"])
    # The wait is stored: every process sees it, and it only grows with more failures.
    async with runtime(web.client).db.session() as s, s.begin():
        await throttle.failed(s, "amina", "198.51.100.7")
        later = await throttle.retry_after(s, "amina", "198.51.100.7")
    assert later > first


async def test_x_forwarded_for_is_ignored_unless_the_peer_is_a_listed_proxy(web: Web) -> None:
    # Peer 127.0.0.1 (a "proxy" nobody listed): rotating the header buys no new guesses.
    for n in range(PAIR.free):
        await sign_in(web.client, "amina", "guess", forwarded_for=f"192.0.2.{n}")
    response = await sign_in(web.client, "amina", PASSWORD, forwarded_for="192.0.2.200")
    assert response.status_code == 429


async def test_behind_a_listed_proxy_each_client_is_counted_apart(
    settings: Settings, db: Database
) -> None:
    proxied = settings.model_copy(update={"demo": True, "trusted_proxies": "127.0.0.1"})
    async with running_app(proxied) as client:
        await seed(runtime(client))
        for _ in range(PAIR.free):
            await sign_in(client, "amina", "guess", forwarded_for="192.0.2.1")
        assert (await sign_in(client, "amina", PASSWORD, "192.0.2.1")).status_code == 429
        # Another client behind the same proxy is let in: the proxy appended its address
        # (right-most); what the client wrote itself (left of it) is not believed.
        assert (await sign_in(client, "amina", PASSWORD, "192.0.2.1, 192.0.2.2")).status_code == 303
