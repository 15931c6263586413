"""Bearer tokens: 401 without a valid one, before anything else is looked at."""

from __future__ import annotations

import httpx
import pytest

from bot.accounts import revoke_user_tokens, user_named
from tests.cases.support import make_case, seed_staff
from tests.conftest import runtime

ENDPOINTS = [
    ("GET", "/api/cases"),
    ("GET", "/api/cases/ABCD-2345"),
    ("GET", "/api/cases/ABCD-2345/messages"),
    ("POST", "/api/cases/ABCD-2345/claim"),
    ("POST", "/api/cases/ABCD-2345/messages"),
    ("POST", "/api/cases/ABCD-2345/notes"),
    ("GET", "/api/cases/ABCD-2345/notes"),
    ("POST", "/api/cases/ABCD-2345/release"),
    ("POST", "/api/cases/ABCD-2345/resolve"),
    ("GET", "/api/cases/ABCD-2345/media/1"),
    ("GET", "/api/cases/ABCD-2345/replies"),
    ("GET", "/api/events"),
    ("GET", "/api/replies"),
    ("GET", "/api/me"),
]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer sauti_not-a-token"}, {"Authorization": "Basic YTpi"}],
    ids=["none", "unknown", "not-bearer"],
)
async def test_every_endpoint_wants_a_valid_token(
    app_client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    await seed_staff(runtime(app_client))
    for method, path in ENDPOINTS:
        # A malformed body must not tell an anonymous caller anything either (401, not 422).
        resp = await app_client.request(method, path, headers=headers, content=b"{not json")
        assert resp.status_code == 401, (method, path)
        assert resp.headers["www-authenticate"] == "Bearer"


async def test_a_revoked_token_stops_working(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    await make_case(rt)
    assert (await app_client.get("/api/cases", headers=staff.auth("amina"))).status_code == 200
    async with rt.db.session() as session, session.begin():
        await revoke_user_tokens(session, await user_named(session, "amina"))
    assert (await app_client.get("/api/cases", headers=staff.auth("amina"))).status_code == 401


async def test_me_tells_the_caller_who_they_are(app_client: httpx.AsyncClient) -> None:
    staff = await seed_staff(runtime(app_client))
    me = (await app_client.get("/api/me", headers=staff.auth("amina"))).json()
    assert me == {"name": "amina", "role": "caseworker", "language": "en", "teams": ["libya"]}
    root = (await app_client.get("/api/me", headers=staff.auth("root"))).json()
    assert root["teams"] is None  # an admin sees every team
