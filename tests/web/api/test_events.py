"""`GET /api/events`: server-sent events of the caller's teams only."""

from __future__ import annotations

import asyncio
import json

import httpx

from bot.cases import actions
from tests.cases.support import bus, make_case, seed_staff
from tests.conftest import runtime


def parse(stream: str) -> list[tuple[str, dict]]:
    events = []
    for block in stream.split("\n\n"):
        lines = dict(
            line.split(": ", 1)
            for line in block.splitlines()
            if ": " in line and not line.startswith(":")
        )
        if "event" in lines:
            events.append((lines["event"], json.loads(lines["data"])))
    return events


async def listen(
    client: httpx.AsyncClient, headers: dict[str, str], **params: object
) -> asyncio.Task:
    """Open the stream and wait until it is subscribed (nothing after that is missed)."""
    events = bus(client)
    before = events.subscriber_count
    task = asyncio.create_task(client.get("/api/events", params=params, headers=headers))
    for _ in range(200):
        if events.subscriber_count > before:
            return task
        await asyncio.sleep(0.01)
    raise AssertionError("the event stream did not subscribe")


async def test_a_caseworker_hears_only_their_teams_cases(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    theirs = await make_case(rt, team="morocco")
    hers = await make_case(rt, team="libya")
    stream = await listen(app_client, staff.auth("amina"), max_events=1, timeout=5)
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, theirs.id)  # another team's: not for her
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.amina, hers.id)
    resp = await stream
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/event-stream")
    [(kind, data)] = parse(resp.text)
    assert (kind, data["case_id"], data["team"]) == ("claimed", hers.id, "libya")
    assert data["priority"] == "urgent"


async def test_an_admin_hears_every_team(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="morocco")
    stream = await listen(app_client, staff.auth("root"), max_events=1, timeout=5)
    async with rt.db.session() as session, session.begin():
        await actions.add_note(session, staff.omar, case.id, "called")
    [(kind, data)] = parse((await stream).text)
    assert (kind, data["case_id"]) == ("note", case.id)
    assert "called" not in json.dumps(data)  # events carry ids, not words


async def test_the_stream_ends_after_its_timeout(app_client: httpx.AsyncClient) -> None:
    staff = await seed_staff(runtime(app_client))
    resp = await app_client.get("/api/events?timeout=0.2", headers=staff.auth("amina"))
    assert resp.status_code == 200 and parse(resp.text) == []
    assert bus(app_client).subscriber_count == 0
