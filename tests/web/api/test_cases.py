"""The caseworker API over HTTP: shapes, status codes, and other teams' cases hidden."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select

from bot.store.models import AuditLog
from tests.cases.support import make_case, person_message, seed_staff
from tests.conftest import runtime

RECENT = datetime.now(UTC) - timedelta(hours=1)  # inside the 24 h window, in real time


async def test_list_is_newest_first_paginated_with_total_and_next(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    made = [
        await make_case(rt, created_at=RECENT + timedelta(minutes=i), last_inbound=RECENT)
        for i in range(3)
    ]
    await make_case(rt, team="morocco")
    page = (await app_client.get("/api/cases?limit=2", headers=staff.auth("amina"))).json()
    assert [c["id"] for c in page["cases"]] == [made[2].id, made[1].id]
    assert (page["total"], page["limit"], page["offset"]) == (3, 2, 0)
    rest = (await app_client.get(page["next"], headers=staff.auth("amina"))).json()
    assert [c["id"] for c in rest["cases"]] == [made[0].id]
    assert rest["next"] is None
    first = page["cases"][0]
    assert first["contact"]["masked_id"] == "+44••••••••23"
    assert first["window"]["open"] is True


async def test_list_filters_by_status_priority_and_team(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    urgent = await make_case(rt)
    normal = await make_case(rt, priority="normal", status="claimed", assignee=staff.amina)
    await make_case(rt, team="morocco")
    auth = staff.auth("amina")

    async def ids(query: str) -> list[str]:
        resp = await app_client.get(f"/api/cases?{query}", headers=auth)
        assert resp.status_code == 200
        return [c["id"] for c in resp.json()["cases"]]

    assert await ids("priority=urgent") == [urgent.id]
    assert await ids("status=claimed") == [normal.id]
    claimed = (await app_client.get("/api/cases?status=claimed", headers=auth)).json()
    assert claimed["cases"][0]["assignee"] == "amina"
    assert await ids("team=morocco") == []  # not her team: nothing, not an error
    assert (
        len(
            (await app_client.get("/api/cases?team=morocco", headers=staff.auth("root"))).json()[
                "cases"
            ]
        )
        == 1
    )
    assert (await app_client.get("/api/cases?status=lost", headers=auth)).status_code == 422
    assert (await app_client.get("/api/cases?limit=0", headers=auth)).status_code == 422


async def test_detail_and_transcript(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, last_inbound=RECENT)
    await person_message(rt, case, "help me")
    detail = await app_client.get(f"/api/cases/{case.id.lower()}", headers=staff.auth("amina"))
    assert detail.status_code == 200
    data = detail.json()
    assert (data["id"], data["priority"], data["status"], data["team"]) == (
        case.id, "urgent", "open", "libya",
    )  # fmt: skip
    assert data["answers"] == {"consent": "yes", "safety": "danger_now"}
    messages = await app_client.get(f"/api/cases/{case.id}/messages", headers=staff.auth("amina"))
    assert messages.status_code == 200
    [entry] = messages.json()
    assert {k: entry[k] for k in ("direction", "author", "text", "kind")} == {
        "direction": "in",
        "author": "person",
        "text": "help me",
        "kind": "text",
    }
    assert entry["at"]


async def test_claim_write_note_release_resolve(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, last_inbound=RECENT, language="fr")
    auth = staff.auth("amina")
    base = f"/api/cases/{case.id}"
    claimed = await app_client.post(f"{base}/claim", headers=auth)
    assert claimed.status_code == 200
    assert (claimed.json()["status"], claimed.json()["assignee"]) == ("claimed", "amina")
    assert claimed.json()["bot_paused"] is True
    sent = await app_client.post(
        f"{base}/messages", json={"text": "Êtes-vous en sécurité ?"}, headers=auth
    )
    assert sent.status_code == 201
    assert (sent.json()["author"], sent.json()["status"]) == ("caseworker", "queued")
    canned = await app_client.post(f"{base}/messages", json={"canned": "how-many"}, headers=auth)
    assert canned.json()["text"] == rt.catalogs.format("fr", "canned-how-many")
    note = await app_client.post(f"{base}/notes", json={"text": "Sister in Sfax"}, headers=auth)
    assert note.status_code == 201 and note.json()["author"] == "amina"
    notes = (await app_client.get(f"{base}/notes", headers=auth)).json()
    assert [n["text"] for n in notes] == ["Sister in Sfax"]
    released = await app_client.post(f"{base}/release", headers=auth)
    assert (released.status_code, released.json()["status"]) == (200, "open")
    assert released.json()["bot_paused"] is False
    resolved = await app_client.post(f"{base}/resolve", json={"outcome": "referred"}, headers=auth)
    assert (resolved.json()["status"], resolved.json()["outcome"]) == ("resolved", "referred")
    async with rt.db.session() as session:
        actions = [
            a.action
            for a in (await session.execute(select(AuditLog).order_by(AuditLog.id))).scalars()
        ]
    assert actions == ["claim", "message", "message", "note", "release", "resolve"]


async def test_a_second_claim_is_a_conflict_even_when_simultaneous(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    results = await asyncio.gather(
        app_client.post(f"/api/cases/{case.id}/claim", headers=staff.auth("amina")),
        app_client.post(f"/api/cases/{case.id}/claim", headers=staff.auth("root")),
    )
    assert sorted(r.status_code for r in results) == [200, 409]
    loser = next(r for r in results if r.status_code == 409)
    assert loser.json()["detail"]["error"] == "conflict"


async def test_writing_outside_the_window_is_409_with_the_templates_that_fit(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(
        rt, status="claimed", assignee=staff.amina, last_inbound=RECENT - timedelta(days=2)
    )
    base = f"/api/cases/{case.id}/messages"
    resp = await app_client.post(base, json={"text": "hello?"}, headers=staff.auth("amina"))
    assert resp.status_code == 409
    detail = resp.json()["detail"]
    assert detail["error"] == "window_closed"
    assert "24 hours" in detail["reason"] and detail["closes_at"]
    assert {t["name"] for t in detail["templates"]} >= {"sauti_check_in"}
    assert all(t["language"] == "en" for t in detail["templates"])
    ok = await app_client.post(
        base, json={"template": "sauti_check_in", "params": []}, headers=staff.auth("amina")
    )
    assert ok.status_code == 201 and ok.json()["kind"] == "template"
    assert ok.json()["template"] == "sauti_check_in"


async def test_bad_bodies_are_422(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina, last_inbound=RECENT)
    auth = staff.auth("amina")
    base = f"/api/cases/{case.id}"
    for body in (
        {},
        {"text": ""},
        {"text": "a", "canned": "received"},
        {"text": "a", "params": ["x"]},
        {"text": "a", "extra": 1},
        {"canned": "no-such-reply"},
        {"template": "no_such_template"},
    ):
        resp = await app_client.post(f"{base}/messages", json=body, headers=auth)
        assert resp.status_code == 422, body
    assert (
        await app_client.post(f"{base}/notes", json={"text": ""}, headers=auth)
    ).status_code == 422
    bad_outcome = await app_client.post(
        f"{base}/resolve", json={"outcome": "rescued"}, headers=auth
    )
    assert bad_outcome.status_code == 422
    not_json = await app_client.post(f"{base}/resolve", content=b"{", headers=auth)
    assert not_json.status_code == 422


async def test_writing_without_claiming_first_is_a_conflict(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, last_inbound=RECENT)
    resp = await app_client.post(
        f"/api/cases/{case.id}/messages", json={"text": "hi"}, headers=staff.auth("amina")
    )
    assert resp.status_code == 409 and "claim" in resp.json()["detail"]["message"]


async def test_another_teams_case_is_404_everywhere(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="libya", last_inbound=RECENT)
    base = f"/api/cases/{case.id}"
    calls = [
        ("GET", base, None),
        ("GET", f"{base}/messages", None),
        ("POST", f"{base}/claim", None),
        ("POST", f"{base}/messages", {"text": "hi"}),
        ("GET", f"{base}/notes", None),
        ("POST", f"{base}/notes", {"text": "x"}),
        ("POST", f"{base}/release", None),
        ("POST", f"{base}/resolve", {"outcome": "duplicate"}),
        ("GET", f"{base}/media/1", None),
        ("GET", f"{base}/replies", None),
        ("GET", "/api/cases/NOPE-NOPE", None),
    ]
    for method, path, body in calls:
        resp = await app_client.request(method, path, json=body, headers=staff.auth("omar"))
        assert resp.status_code == 404, (method, path)
        assert resp.json()["detail"]["error"] == "not_found"
    listed = (await app_client.get("/api/cases", headers=staff.auth("omar"))).json()
    assert listed["cases"] == [] and listed["total"] == 0


async def test_replies_come_in_the_persons_language_with_previews_in_the_callers(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, language="sw")
    data = (
        await app_client.get(f"/api/cases/{case.id}/replies", headers=staff.auth("amina"))
    ).json()
    assert data["language"] == "sw"
    first = data["replies"][0]
    assert first["text"] == rt.catalogs.format("sw", first["message_id"])
    assert first["preview"] == rt.catalogs.format("en", first["message_id"])
    assert {t["name"] for t in data["templates"]} >= {"sauti_check_in"}


async def test_replies_by_language_for_a_new_message(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    replies = (await app_client.get("/api/replies?lang=fr", headers=staff.auth("amina"))).json()
    assert replies[0]["text"] == rt.catalogs.format("fr", replies[0]["message_id"])
    unknown = (await app_client.get("/api/replies?lang=xx", headers=staff.auth("amina"))).json()
    assert unknown[0]["lang"] == "en"
