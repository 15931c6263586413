"""Fuzzing the caseworker API (architecture A3): arbitrary JSON bodies, path parameters,
query strings and headers never get a 5xx, with or without a valid token."""

from __future__ import annotations

import importlib.util
import json
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.accounts import add_team, add_user
from bot.config import Settings
from bot.store.models import Case
from tests.fakes.graph_server import FakeGraph
from tests.safety.harness import AppHarness
from tests.safety.people import Person, post

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("bot.web.api") is None,
    reason="the caseworker API (bot/web/api) is not in this build yet",
)

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=15,
)
KEYS = ["text", "canned", "template", "params", "outcome", "x"]
bodies = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=3),
    st.fixed_dictionaries({"outcome": st.sampled_from(["referred", "assisted", "duplicate"])}),
    st.fixed_dictionaries({"text": st.text(min_size=1, max_size=5000)}),
)
# (method, path after /api/cases/{id}; None: the list), the routes of A3.
ROUTES = [
    ("GET", None),
    ("GET", ""),
    ("GET", "/messages"),
    ("GET", "/notes"),
    ("POST", "/claim"),
    ("POST", "/messages"),
    ("POST", "/notes"),
    ("POST", "/release"),
    ("POST", "/resolve"),
]
headers_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60)
# NUL is left to its own test below: PostgreSQL refuses it in text parameters.
no_nul = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


def seed(app: AppHarness, graph_url: str) -> tuple[str, str]:
    """A team, a caseworker with a token, and one person's case (over a signed webhook)."""

    async def run() -> tuple[str, str]:
        rt = app.runtime
        async with rt.db.session() as session, session.begin():
            await add_team(session, "everyone", [], default=True)
            token = (await add_user(session, "amina", ["everyone"])).token
        person = Person(phone="218911111111", name="Zainab")
        for text in ("hello", "1", "yes", "danger now"):
            response = await post(app.client, app.settings.app_secret, person.text(text))  # type: ignore[arg-type]
            assert response.status_code == 200
            await rt.workers.inbound_once()
        async with rt.db.session() as session:
            case_id = (await session.execute(select(Case.id))).scalar_one()
        return token, case_id

    return app.run(run())


def test_the_caseworker_api_never_answers_5xx(
    settings: Settings, db: object, graph_server: FakeGraph
) -> None:
    app_settings = settings.model_copy(update={"graph_url": graph_server.url})
    with AppHarness(app_settings) as app:
        token, case_id = seed(app, graph_server.url)
        ids = st.one_of(st.just(case_id), st.just(case_id.lower()), no_nul)

        @FUZZ
        @given(
            route=st.sampled_from(ROUTES),
            case=ids,
            body=bodies,
            raw=st.booleans(),
            query=st.dictionaries(
                st.sampled_from(["status", "priority", "team", "limit", "offset"]),
                no_nul,
                max_size=3,
            ),
            key=st.none() | headers_text,
            authorized=st.booleans(),
        )
        def check(
            route: tuple[str, str | None],
            case: str,
            body: Any,
            raw: bool,
            query: dict[str, str],
            key: str | None,
            authorized: bool,
        ) -> None:
            method, tail = route
            path = "/api/cases" if tail is None else f"/api/cases/{quote(case, safe='')}{tail}"
            headers = {"Authorization": f"Bearer {token if authorized else 'not-a-token'}"}
            if key is not None:
                headers["Idempotency-Key"] = key
            content = json.dumps(body).encode() if not raw else repr(body).encode()
            if method == "POST":
                headers["Content-Type"] = "application/json"
            response = app.run(
                app.client.request(  # type: ignore[union-attr]
                    method,
                    path,
                    params=query,
                    headers=headers,
                    content=content if method == "POST" else None,
                )  # fmt: skip
            )
            assert response.status_code < 500, (method, path, body, response.text[:300])
            if not authorized:  # 401, or no such route (404/405, a slash redirect): no data
                assert response.status_code in (401, 404, 405, 307), response.status_code
            assert "Traceback" not in response.text

        check()


@pytest.mark.parametrize("path", ["/api/cases/AB%00C", "/api/cases?team=a%00b"])
def test_a_nul_byte_in_an_id_or_filter_is_refused_cleanly(
    settings: Settings, db: object, backend: str, path: str
) -> None:
    with AppHarness(settings) as app:

        async def run() -> int:
            rt = app.runtime
            async with rt.db.session() as session, session.begin():
                await add_team(session, "everyone", [], default=True)
                token = (await add_user(session, "amina", ["everyone"])).token
            headers = {"Authorization": f"Bearer {token}"}
            response = await app.client.get(path, headers=headers)  # type: ignore[union-attr]
            return response.status_code

        assert app.run(run()) < 500
