"""The groups API over HTTP: shapes, 401 without a token, 404 for another team on every
endpoint, patterns for admins only."""

from __future__ import annotations

from datetime import timedelta

import httpx

from bot.store.models import utcnow
from tests.cases.support import Staff
from tests.conftest import runtime
from tests.groups.support import person


async def setup(client: httpx.AsyncClient, staff: Staff) -> tuple[int, str, str]:
    rt = runtime(client)
    now = utcnow()
    a = await person(
        rt,
        answers={"agency": "Al Amal", "safety": "not_safe", "passport": "held_by_employer"},
        last_inbound=now,
        created_at=now - timedelta(hours=2),
    )
    b = await person(
        rt,
        answers={"agency": "alamal"},
        language="sw",
        last_inbound=now,
        created_at=now - timedelta(hours=1),
    )
    made = await client.post(
        "/api/groups",
        json={"name": "Tripoli house", "case_ids": [a.id]},
        headers=staff.auth("amina"),
    )
    assert made.status_code == 201, made.text
    return made.json()["id"], a.id, b.id


async def test_group_shapes(client: httpx.AsyncClient, staff: Staff) -> None:
    group_id, a, b = await setup(client, staff)
    auth = staff.auth("amina")
    added = await client.post(
        f"/api/groups/{group_id}/members", json={"case_ids": [b]}, headers=auth
    )
    assert added.status_code == 200 and added.json()["added"] == [b]
    listed = (await client.get("/api/groups", headers=auth)).json()["groups"]
    assert [(g["id"], g["name"], g["member_count"]) for g in listed] == [
        (group_id, "Tripoli house", 2)
    ]
    sent = await client.post(
        f"/api/groups/{group_id}/messages", json={"text": "Stay where you are."}, headers=auth
    )
    assert sent.status_code == 201
    assert sent.json()["not_translated"] == [b]  # amina writes English; b reads Swahili
    detail = (await client.get(f"/api/groups/{group_id}", headers=auth)).json()
    first = detail["members"][0]
    assert first == {
        "case_id": a,
        "masked_id": first["masked_id"],
        "channel": "whatsapp",
        "language": "en",
        "status": "open",
        "priority": "high",
        "place": None,
        "last_message_at": first["last_message_at"],
        "safety": "not_safe",
        "passport": "held_by_employer",
        "last_update": {"status": "queued", "reason": None, "detail": None},
    }
    assert first["masked_id"].startswith("+254•••••••") and first["last_message_at"]
    assert "Person" not in str(detail)  # names never appear on a group screen
    assert detail["last_update"]["text"] == "Stay where you are."
    history = (await client.get(f"/api/groups/{group_id}/messages", headers=auth)).json()
    assert [u["counts"] for u in history] == [{"queued": 2}]
    links = (await client.get(f"/api/cases/{a}/links", headers=auth)).json()
    assert links["rules"] == {"km": 5.0, "days": 30}
    assert [s["case"]["id"] for s in links["suggestions"]] == [b]
    decided = await client.post(
        f"/api/cases/{a}/links", json={"other_case_id": b, "decision": "reject"}, headers=auth
    )
    assert decided.json()["decision"] == "rejected" and decided.json()["other_case_id"] == b
    assert (await client.get(f"/api/cases/{a}/links", headers=auth)).json()["suggestions"] == []
    removed = await client.delete(f"/api/groups/{group_id}/members/{b}", headers=auth)
    assert [m["case_id"] for m in removed.json()["members"]] == [a]


async def test_another_team_gets_404_on_every_endpoint(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    group_id, a, b = await setup(client, staff)
    omar = staff.auth("omar")
    calls = [
        ("GET", f"/api/groups/{group_id}", None),
        ("POST", f"/api/groups/{group_id}/members", {"case_ids": [b]}),
        ("DELETE", f"/api/groups/{group_id}/members/{a}", None),
        ("POST", f"/api/groups/{group_id}/messages", {"text": "hello"}),
        ("GET", f"/api/groups/{group_id}/messages", None),
        ("GET", f"/api/cases/{a}/links", None),
        ("POST", f"/api/cases/{a}/links", {"other_case_id": b, "decision": "confirm"}),
        ("POST", "/api/groups", {"name": "mine now", "case_ids": [a]}),
    ]
    for method, url, body in calls:
        resp = await client.request(method, url, json=body, headers=omar)
        assert resp.status_code == 404, (method, url, resp.status_code)
        assert "Tripoli" not in resp.text
    assert (await client.get("/api/groups", headers=omar)).json() == {"groups": []}
    # Nothing was changed or sent by those calls.
    detail = (await client.get(f"/api/groups/{group_id}", headers=staff.auth("amina"))).json()
    assert [m["case_id"] for m in detail["members"]] == [a] and detail["last_update"] is None


async def test_no_token_is_401_everywhere(client: httpx.AsyncClient, staff: Staff) -> None:
    group_id, a, b = await setup(client, staff)
    calls = [
        ("GET", "/api/groups"),
        ("POST", "/api/groups"),
        ("GET", f"/api/groups/{group_id}"),
        ("POST", f"/api/groups/{group_id}/members"),
        ("DELETE", f"/api/groups/{group_id}/members/{a}"),
        ("POST", f"/api/groups/{group_id}/messages"),
        ("GET", f"/api/groups/{group_id}/messages"),
        ("GET", f"/api/cases/{a}/links"),
        ("POST", f"/api/cases/{a}/links"),
        ("GET", "/api/patterns"),
        ("GET", "/api/patterns.csv"),
    ]
    for method, url in calls:
        for headers in ({}, {"Authorization": "Bearer not-a-token"}):
            resp = await client.request(method, url, json={"x": 1}, headers=headers)
            assert resp.status_code == 401, (method, url)


async def test_bad_bodies_are_422(client: httpx.AsyncClient, staff: Staff) -> None:
    group_id, a, _b = await setup(client, staff)
    auth = staff.auth("amina")
    for body in ({}, {"text": "a", "canned": "stay-put"}, {"text": ""}, {"text": "a", "to": "x"}):
        resp = await client.post(f"/api/groups/{group_id}/messages", json=body, headers=auth)
        assert resp.status_code == 422, body
    assert (
        await client.post("/api/groups", json={"name": "g", "case_ids": []}, headers=auth)
    ).status_code == 422
    bad = await client.post(
        f"/api/cases/{a}/links", json={"other_case_id": a, "decision": "confirm"}, headers=auth
    )
    assert bad.status_code == 422


async def test_patterns_are_for_admins(client: httpx.AsyncClient, staff: Staff) -> None:
    await setup(client, staff)
    for url in ("/api/patterns", "/api/patterns.csv"):
        assert (await client.get(url, headers=staff.auth("amina"))).status_code == 403
        assert (await client.get(url, headers=staff.auth("root"))).status_code == 200
    csv = await client.get("/api/patterns.csv?days=30", headers=staff.auth("root"))
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert csv.text.splitlines()[0] == "kind,agency,place,country,count,period_start,period_end"
