"""Nobody invisible (bot/cases/unreached.py): a person none of whose replies reached them has
a case all the same, marked "not reached", with why and when we last tried; a reply that
failed for good shows its reason on the case and in the transcript."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
from sqlalchemy import select

from bench.payloads import APP_SECRET, encode, text_event
from bot.accounts import add_user
from bot.cases.unreached import open_unreached
from bot.config import Settings
from bot.store.db import Database
from bot.store.models import Case, Outbox, SendCircuit, utcnow
from tests.cases.support import seed_staff
from tests.conftest import running_app, runtime
from tests.fakes.graph_server import FakeGraph
from tests.web.inbox.support import PASSWORD, login


def graph_settings(settings: Settings, graph: FakeGraph) -> Settings:
    return settings.model_copy(
        update={
            "graph_url": graph.url,
            "app_secret": APP_SECRET,
            "simulator": False,
            "demo": True,  # the inbox signs in over plain HTTP
        }
    )


async def first_contact(client: httpx.AsyncClient, n: int = 7) -> None:
    body, signature = encode(text_event(n, f"wamid.first.{n}", ts=int(time.time())))
    headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
    assert (await client.post("/webhooks/meta", content=body, headers=headers)).status_code == 200


async def cases(db: Database) -> list[Case]:
    async with db.session() as session:
        return list((await session.execute(select(Case))).scalars())


async def test_a_first_contact_whose_replies_all_failed_has_a_case_marked_not_reached(
    settings: Settings, db: Database, graph: FakeGraph
) -> None:
    graph.fail_next(50, status=400, code=131026)  # not a WhatsApp user: fails at once
    async with running_app(graph_settings(settings, graph)) as client:
        rt = runtime(client)
        staff = await seed_staff(rt)
        await first_contact(client)
        await rt.workers.run_until_idle()
        assert await cases(db) == [], "the flow opens no case before the consent menu"
        [case_id] = await open_unreached(rt.db, rt.sink)
        assert await open_unreached(rt.db, rt.sink) == [], "marked once"
        response = await client.get(f"/api/cases/{case_id}", headers=staff.auth("omar"))
        listed = await client.get("/api/cases", headers=staff.auth("omar"))
        messages = await client.get(f"/api/cases/{case_id}/messages", headers=staff.auth("omar"))
        async with rt.db.session() as session, session.begin():
            await add_user(session, "nadia", ["morocco"], password=PASSWORD)
        assert (await login(client, "nadia")).status_code in (200, 303)
        inbox = await client.get("/inbox")
        page = await client.get(f"/inbox/cases/{case_id}")
    assert response.status_code == 200
    case = response.json()
    assert case["not_reached"] is True
    assert case["team"] == "morocco", "routed as usual (the default team)"
    assert case["status"] == "open" and case["contact"]["masked_id"]
    assert case["delivery"]["state"] == "failed"
    assert "not reachable on WhatsApp" in case["delivery"]["reason"]
    assert case["delivery"]["last_attempt_at"]
    assert any(c["id"] == case_id and c["not_reached"] for c in _items(listed.json()))
    failed = [m for m in messages.json() if m["direction"] == "out" and m["status"] == "failed"]
    assert failed and "131026" in failed[0]["error"]
    assert "Not reached" in inbox.text
    assert page.status_code == 200 and "Not reached" in page.text
    assert "not delivered: not reachable on WhatsApp" in page.text


async def test_a_first_contact_still_undelivered_after_minutes_is_not_reached_until_a_reply_goes(
    settings: Settings, db: Database, graph: FakeGraph
) -> None:
    graph.fail_for(3600, status=503)
    async with running_app(graph_settings(settings, graph)) as client:
        rt = runtime(client)
        await seed_staff(rt)
        await first_contact(client)
        await rt.workers.run_until_idle()
        assert await open_unreached(rt.db, rt.sink) == [], "not yet: it may still go"
        later = utcnow() + timedelta(minutes=4)
        [case_id] = await open_unreached(rt.db, rt.sink, now=later)
        [case] = await cases(db)
        assert case.id == case_id and case.not_reached
        graph.reset()  # the platform is back
        async with rt.db.session() as session, session.begin():
            for row in (await session.execute(select(Outbox))).scalars():
                row.next_attempt_at = utcnow()  # as if the backoff had run its course
            for circuit in (await session.execute(select(SendCircuit))).scalars():
                circuit.next_probe_at = utcnow()
        await rt.workers.run_until_idle()
        [case] = await cases(db)
    assert not case.not_reached, "a reply reached the person"


def _items(listed: object) -> list[dict]:
    if isinstance(listed, dict):
        return list(listed.get("cases") or listed.get("items") or [])
    return list(listed)  # type: ignore[arg-type]
