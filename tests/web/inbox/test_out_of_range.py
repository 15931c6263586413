"""Ids and offsets out of the databases' integer range (or negative, or absurd) in a URL are
answered 404 or 422, never 500; every integer path and query parameter is declared bounded."""

from __future__ import annotations

from typing import Any

import pytest
from annotated_types import Ge, Gt, Le
from fastapi.routing import APIRoute
from sqlalchemy import select

from bot.accounts import add_user
from bot.app import create_app
from bot.config import Settings
from bot.store.models import Case
from bot.web.deps import MAX_ROW_ID
from tests.conftest import make_settings
from tests.web.inbox.support import Web, login

ABSURD = [str(2**31), str(2**63), str(2**64), str(10**40), "-1", "0", "-9223372036854775809"]
LARGEST = str(MAX_ROW_ID)  # in range, and no such row


def _routes(routes: list[Any]) -> list[tuple[str, APIRoute]]:
    """Every API route with its full path (included routers are walked)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append((route.path, route))
        elif hasattr(route, "original_router"):  # an included router (FastAPI >= 0.120)
            prefix = getattr(route.include_context, "prefix", "") or ""
            found += [(prefix + path, r) for path, r in _routes(route.original_router.routes)]
    return found


def test_every_integer_in_a_url_is_declared_bounded() -> None:
    app = create_app(make_settings("sqlite+aiosqlite:///:memory:"), start_workers=False)
    unbounded = []
    checked = 0
    for path, route in _routes(app.routes):
        for param in route.dependant.path_params + route.dependant.query_params:
            if "int" not in str(param.field_info.annotation):
                continue
            checked += 1
            meta = param.field_info.metadata
            upper = [m.le for m in meta if isinstance(m, Le)]
            lower = [m for m in meta if isinstance(m, Ge | Gt)]
            if not upper or upper[0] > MAX_ROW_ID or not lower:
                unbounded.append(f"{sorted(route.methods)} {path} {param.name}")
    assert checked >= 10, "the routes were not found"
    assert unbounded == []


async def _case_and_token(web: Web) -> tuple[str, str]:
    async with web.rt.db.session() as s, s.begin():
        token = (await add_user(s, "ops", ["libya"])).token
        case_id = await s.scalar(select(Case.id).limit(1))
    return case_id or "ABCD-EFGH", token


@pytest.mark.parametrize("value", ABSURD)
async def test_api_ids_and_offsets_out_of_range_are_refused(
    web: Web, settings: Settings, value: str
) -> None:
    case_id, token = await _case_and_token(web)
    auth = {"Authorization": f"Bearer {token}"}
    client = web.client
    urls = [
        f"/api/groups/{value}",
        f"/api/groups/{value}/messages",
        f"/api/cases/{case_id}/media/{value}",
    ]
    if value != "0":  # no row has id 0, but an offset of 0 is the first page
        urls.append(f"/api/cases?offset={value}")
    for url in urls:
        response = await client.get(url, headers=auth)
        assert response.status_code in (404, 422), (url, response.status_code)
    for method, url, body in [
        ("POST", f"/api/groups/{value}/members", {"case_ids": [case_id]}),
        ("POST", f"/api/groups/{value}/messages", {"text": "we are on it"}),
        ("DELETE", f"/api/groups/{value}/members/{case_id}", None),
    ]:
        response = await client.request(method, url, json=body, headers=auth)
        assert response.status_code in (404, 422), (method, url, response.status_code)


async def test_the_largest_id_in_range_is_simply_not_found(web: Web) -> None:
    case_id, token = await _case_and_token(web)
    auth = {"Authorization": f"Bearer {token}"}
    assert (await web.client.get(f"/api/groups/{LARGEST}", headers=auth)).status_code == 404
    response = await web.client.get(f"/api/cases?offset={LARGEST}", headers=auth)
    assert response.status_code == 200 and response.json()["cases"] == []


@pytest.mark.parametrize("value", [*ABSURD, LARGEST])
async def test_inbox_ids_out_of_range_are_refused(web: Web, value: str) -> None:
    await login(web.client, "amina")
    for url in (f"/inbox/groups/{value}", f"/inbox/cases/ABCD-EFGH/media/{value}"):
        response = await web.client.get(url)
        assert response.status_code in (404, 422), (url, response.status_code)
