"""What the app tells strangers: `/metrics` needs its token unless opened on purpose; the API
schema and docs only in demo mode or for a signed-in admin; `/readyz?verbose=1` names the
channels without a token (a warning: the process stays ready)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from bot.accounts import add_team, add_user
from bot.app import create_app
from bot.config import Settings
from bot.store.db import Database
from tests.web.inbox.support import PASSWORD, login

Client = Callable[..., Any]


@asynccontextmanager
async def app_with(settings: Settings, **overrides: object) -> AsyncIterator[httpx.AsyncClient]:
    """The app over HTTPS (the session cookie is Secure outside demo mode)."""
    app = create_app(settings.model_copy(update=overrides), create_tables=True, start_workers=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
            client.app = app  # type: ignore[attr-defined]
            yield client


async def staff(client: httpx.AsyncClient) -> dict[str, str]:
    """An admin and a caseworker; their API tokens."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    async with runtime.db.session() as s, s.begin():
        await add_team(s, "libya", ["LY"])
        root = await add_user(s, "root", [], role="admin", password=PASSWORD)
        amina = await add_user(s, "amina", ["libya"], password=PASSWORD)
    return {"root": root.token, "amina": amina.token}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_metrics_are_off_without_a_token(settings: Settings, db: Database) -> None:
    async with app_with(settings) as client:
        response = await client.get("/metrics")
    assert response.status_code == 404
    assert "SAUTI_METRICS_TOKEN" in response.text


async def test_metrics_need_the_token_as_a_bearer(settings: Settings, db: Database) -> None:
    async with app_with(settings, metrics_token="scrape-me-4f1c") as client:
        anonymous = await client.get("/metrics")
        wrong = await client.get("/metrics", headers=bearer("scrape-me-4f1d"))
        as_query = await client.get("/metrics?token=scrape-me-4f1c")
        right = await client.get("/metrics", headers=bearer("scrape-me-4f1c"))
    assert (anonymous.status_code, wrong.status_code, as_query.status_code) == (401, 401, 401)
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert right.status_code == 200 and "sauti_webhooks_received" in right.text


@pytest.mark.parametrize("overrides", [{"metrics_token": "public"}, {"demo": True}])
async def test_metrics_opened_on_purpose_or_in_the_demo(
    settings: Settings, db: Database, overrides: dict[str, object]
) -> None:
    async with app_with(settings, **overrides) as client:
        response = await client.get("/metrics")
    assert response.status_code == 200 and "sauti_webhooks_received" in response.text


DOCS = ["/openapi.json", "/docs", "/redoc"]


async def test_the_api_schema_and_docs_are_hidden_from_all_but_an_admin(
    settings: Settings, db: Database
) -> None:
    async with app_with(settings) as client:
        tokens = await staff(client)
        for path in DOCS:
            assert (await client.get(path)).status_code == 404, path
            as_caseworker = await client.get(path, headers=bearer(tokens["amina"]))
            assert as_caseworker.status_code == 404, path
            assert (await client.get(path, headers=bearer(tokens["root"]))).status_code == 200
        schema = (await client.get("/openapi.json", headers=bearer(tokens["root"]))).json()
        assert "/api/cases" in schema["paths"]
        # A caseworker signed in to the inbox: still hidden. An admin signed in: shown.
        client.cookies.clear()
        assert (await login(client, "amina")).status_code == 303
        assert (await client.get("/openapi.json")).status_code == 404
        client.cookies.clear()
        assert (await login(client, "root")).status_code == 303
        assert (await client.get("/openapi.json")).status_code == 200
        docs = await client.get("/docs")
        assert (
            docs.status_code == 200
            and "cdn.jsdelivr.net" in docs.headers["content-security-policy"]
        )


async def test_the_demo_shows_the_api_schema_and_docs_to_anyone(
    settings: Settings, db: Database
) -> None:
    async with app_with(settings, demo=True) as client:
        for path in DOCS:
            assert (await client.get(path)).status_code == 200, path


async def test_readyz_verbose_lists_channels_without_a_token_and_stays_ready(
    settings: Settings, db: Database
) -> None:
    async with app_with(settings, whatsapp_token="", messenger_token="") as client:
        plain = await client.get("/readyz")
        verbose = await client.get("/readyz?verbose=1")
    assert plain.status_code == 200 and "warnings" not in plain.json()
    assert verbose.status_code == 200
    warnings = verbose.json()["warnings"]
    assert any("SAUTI_WHATSAPP_TOKEN" in w for w in warnings)
    assert any("SAUTI_MESSENGER_TOKEN" in w for w in warnings)


async def test_readyz_verbose_has_no_warning_when_every_channel_has_its_token(
    settings: Settings, db: Database
) -> None:
    async with app_with(settings) as client:  # the test settings carry both tokens
        assert (await client.get("/readyz?verbose=1")).json()["warnings"] == []
