"""One update to a group: each person gets their own message, in their own language, through
the outbox; whoever may not be written to now is skipped with the reason; nobody's number or
name reaches anyone else."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bot.cases.errors import BadRequest, NotFound
from bot.config import Settings
from bot.groups import groups, send
from bot.pipeline.outbox import OutboxSettings
from bot.store.models import Case, Conversation, GroupDelivery, Message, Outbox, utcnow
from tests.cases.support import Staff, seed_staff
from tests.conftest import running_app, runtime
from tests.groups.support import conversation_of, gid, person, with_groups_api

ANY_TIME = {"safe_to_message_first": True, "safe_hours": "any"}
NEVER = {"safe_to_message_first": False, "safe_hours": None}


class GraphRecorder:
    """Stands in for the Graph API: accepts every message and keeps what it was sent."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.sent.append(body)
        return httpx.Response(
            200,
            json={
                "messages": [{"id": f"wamid.{len(self.sent)}"}],
                "message_id": f"mid.{len(self.sent)}",
            },
        )


@pytest.fixture
async def graph_app(
    settings: Settings, db: object
) -> AsyncIterator[tuple[httpx.AsyncClient, GraphRecorder]]:
    recorder = GraphRecorder()
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        rt.workers.outbox_settings = OutboxSettings(base_delay=0.0, max_delay=0.0)
        yield with_groups_api(client), recorder


async def situation(client: httpx.AsyncClient) -> tuple[Staff, dict[str, Case]]:
    """Six women of one house on three platforms, in six languages; two cannot be reached."""
    rt = runtime(client)
    staff = await seed_staff(rt)
    now = utcnow()
    people = {
        "sw": await person(
            rt, language="sw", name="Achieng", last_inbound=now - timedelta(hours=1)
        ),
        "ar": await person(
            rt,
            channel="messenger",
            language="ar",
            name="Fatma",
            last_inbound=now - timedelta(hours=2),
        ),
        "fr": await person(
            rt,
            channel="instagram",
            language="fr",
            name="Mariam",
            last_inbound=now - timedelta(hours=3),
        ),
        "ti": await person(
            rt,
            channel="messenger",
            language="ti",
            name="Selam",
            last_inbound=now - timedelta(days=3),
            prefs=ANY_TIME,
        ),
        # Outside WhatsApp's 24 hours (writing first would be fine, but WhatsApp refuses).
        "am": await person(
            rt, language="am", name="Tigist", last_inbound=now - timedelta(days=2), prefs=ANY_TIME
        ),
        # Asked not to be written to first, and has not written for three days.
        "so": await person(
            rt,
            channel="messenger",
            language="so",
            name="Hodan",
            last_inbound=now - timedelta(days=3),
            prefs=NEVER,
        ),
    }
    return staff, people


async def test_a_canned_update_reaches_each_person_in_their_language_and_skips_with_reasons(
    graph_app: tuple[httpx.AsyncClient, GraphRecorder],
) -> None:
    client, graph = graph_app
    rt = runtime(client)
    staff, people = await situation(client)
    auth = staff.auth("amina")
    made = await client.post(
        "/api/groups",
        json={"name": "Tripoli house, 31 women", "case_ids": [c.id for c in people.values()]},
        headers=auth,
    )
    assert made.status_code == 201, made.text
    group_id = made.json()["id"]

    resp = await client.post(
        f"/api/groups/{group_id}/messages", json={"canned": "stay-put"}, headers=auth
    )
    assert resp.status_code == 201, resp.text
    update = resp.json()
    by_case = {r["case_id"]: r for r in update["recipients"]}
    assert update["counts"] == {"queued": 4, "skipped": 2}
    assert by_case[people["am"].id]["reason"] == "window_closed"
    assert "24 hours" in by_case[people["am"].id]["detail"]
    assert by_case[people["so"].id]["reason"] == "not_safe_to_write_first"
    assert "not said it is safe" in by_case[people["so"].id]["detail"]
    assert {r["case_id"] for r in update["skipped"]} == {people["am"].id, people["so"].id}
    assert by_case[people["ti"].id]["human_agent"] is True
    assert update["not_translated"] == []  # a canned reply is in everyone's language
    assert update["preview"] == rt.catalogs.format("en", "canned-stay-put")

    await rt.workers.run_until_idle()

    texts = {_recipient(b): _text(b) for b in graph.sent}
    assert len(graph.sent) == 4
    for lang in ("sw", "ar", "fr", "ti"):
        conv = await conversation_of(rt, people[lang])
        assert texts[conv.contact_ref] == rt.catalogs.format(lang, "canned-stay-put")
    assert len(set(texts.values())) == 4  # four languages, four different texts
    tagged = [b for b in graph.sent if b.get("tag") == "HUMAN_AGENT"]
    assert [_recipient(b) for b in tagged] == [
        (await conversation_of(rt, people["ti"])).contact_ref
    ]

    detail = (await client.get(f"/api/groups/{group_id}", headers=auth)).json()
    statuses = {m["case_id"]: m["last_update"]["status"] for m in detail["members"]}
    assert statuses == {
        people["sw"].id: "sent",
        people["ar"].id: "sent",
        people["fr"].id: "sent",
        people["ti"].id: "sent",
        people["am"].id: "skipped",
        people["so"].id: "skipped",
    }


async def test_no_member_identifiers_appear_in_another_members_messages(
    graph_app: tuple[httpx.AsyncClient, GraphRecorder],
) -> None:
    client, graph = graph_app
    rt = runtime(client)
    staff, people = await situation(client)
    convs = {lang: await conversation_of(rt, case) for lang, case in people.items()}
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(
            session, staff.amina, "house", [c.id for c in people.values()]
        )
        await send.send_update(session, rt, staff.amina, gid(group), canned="call-later")
    async with rt.db.session() as session, session.begin():
        await send.send_update(
            session,
            rt,
            staff.amina,
            gid(group),
            text="Stay where you are; the embassy will call you tomorrow.",
        )
    await rt.workers.run_until_idle()
    assert len(graph.sent) == 8

    def identifiers(conv: Conversation, case: Case) -> list[str]:
        found = [conv.contact_ref, conv.contact_name or "", conv.masked_id, case.id]
        return [v for v in found if v] + ([conv.contact_phone] if conv.contact_phone else [])

    async with rt.db.session() as session:
        for lang, conv in convs.items():
            outbox = (
                await session.execute(select(Outbox).where(Outbox.conversation_id == conv.id))
            ).scalars()
            transcript = (
                await session.execute(select(Message).where(Message.conversation_id == conv.id))
            ).scalars()
            theirs = json.dumps(
                [o.body for o in outbox] + [[m.text, m.data] for m in transcript],
                ensure_ascii=False,
            )
            for other, other_conv in convs.items():
                if other != lang:
                    for ident in identifiers(other_conv, people[other]):
                        assert ident not in theirs, (lang, other)
    for body in graph.sent:  # what actually left: one recipient each, nobody else named
        sent = json.dumps(body, ensure_ascii=False)
        named = [
            lang
            for lang, conv in convs.items()
            if any(i in sent for i in identifiers(conv, people[lang]))
        ]
        assert len(named) == 1


async def test_free_text_goes_as_written_flagged_not_translated_where_languages_differ(
    client: httpx.AsyncClient,
) -> None:
    rt = runtime(client)
    staff = await seed_staff(rt)
    now = utcnow()
    english = await person(rt, language="en", last_inbound=now)
    swahili = await person(rt, language="sw", last_inbound=now)
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(session, staff.amina, "house", [english.id, swahili.id])
        _update, rows = await send.send_update(
            session,
            rt,
            staff.amina,
            gid(group),
            text="The embassy will call you tomorrow.",
        )
    assert {r.case_id: r.translated for r in rows} == {english.id: True, swahili.id: False}
    async with rt.db.session() as session:
        sent = (
            (await session.execute(select(Message).where(Message.direction == "out")))
            .scalars()
            .all()
        )
    assert [m.text for m in sent] == ["The embassy will call you tomorrow."] * 2
    assert {m.author for m in sent} == {"caseworker"}


async def test_a_retried_request_sends_nothing_twice(client: httpx.AsyncClient) -> None:
    rt = runtime(client)
    staff = await seed_staff(rt)
    a = await person(rt, last_inbound=utcnow())
    headers = {**staff.auth("amina"), "Idempotency-Key": "click-1"}
    group_id = (
        await client.post("/api/groups", json={"name": "g", "case_ids": [a.id]}, headers=headers)
    ).json()["id"]
    first = await client.post(
        f"/api/groups/{group_id}/messages", json={"text": "hi"}, headers=headers
    )
    again = await client.post(
        f"/api/groups/{group_id}/messages", json={"text": "hi"}, headers=headers
    )
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    async with rt.db.session() as session:
        rows = (await session.execute(select(Outbox))).scalars().all()
    assert len(rows) == 1


async def test_one_person_with_two_cases_in_the_group_gets_it_once(
    client: httpx.AsyncClient,
) -> None:
    rt = runtime(client)
    staff = await seed_staff(rt)
    first = await person(rt, last_inbound=utcnow())
    async with rt.db.session() as session, session.begin():
        again = Case(
            conversation_id=first.conversation_id,
            team="libya",
            answers={},
            previous_case_id=first.id,
        )
        session.add(again)
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(session, staff.amina, "g", [first.id, again.id])
        _update, rows = await send.send_update(session, rt, staff.amina, gid(group), text="hi")
    assert sorted((r.status, r.reason) for r in rows) == [
        ("queued", None),
        ("skipped", "same_person"),
    ]


async def test_a_text_naming_a_member_is_refused(client: httpx.AsyncClient) -> None:
    rt = runtime(client)
    staff = await seed_staff(rt)
    a = await person(rt, name="Achieng", last_inbound=utcnow())
    b = await person(rt, last_inbound=utcnow())
    b_phone = (await conversation_of(rt, b)).contact_phone or ""
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(session, staff.amina, "g", [a.id, b.id])
    for text in ("Achieng will call you all", f"call +{b_phone[:3]} {b_phone[3:]}", f"case {a.id}"):
        with pytest.raises(BadRequest):
            async with rt.db.session() as session, session.begin():
                await send.send_update(session, rt, staff.amina, gid(group), text=text)
    async with rt.db.session() as session:
        assert (await session.execute(select(GroupDelivery))).first() is None


async def test_unknown_canned_reply_and_other_teams_group_are_refused(
    client: httpx.AsyncClient,
) -> None:
    rt = runtime(client)
    staff = await seed_staff(rt)
    a = await person(rt, last_inbound=utcnow())
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(session, staff.amina, "g", [a.id])
    with pytest.raises(BadRequest):
        async with rt.db.session() as session, session.begin():
            await send.send_update(session, rt, staff.amina, gid(group), canned="no-such-reply")
    with pytest.raises(NotFound):
        async with rt.db.session() as session, session.begin():
            await send.send_update(session, rt, staff.omar, gid(group), text="hi")


def _recipient(body: dict[str, Any]) -> str:
    return body.get("to") or body["recipient"]["id"]


def _text(body: dict[str, Any]) -> str:
    if "text" in body and isinstance(body["text"], dict) and "body" in body["text"]:
        return body["text"]["body"]
    return body["message"]["text"]


async def test_two_identical_requests_at_once_send_once(client: httpx.AsyncClient) -> None:
    rt = runtime(client)
    staff = await seed_staff(rt)
    people = [await person(rt, last_inbound=utcnow()) for _ in range(3)]
    headers = {**staff.auth("amina"), "Idempotency-Key": "double-click"}
    made = await client.post(
        "/api/groups", json={"name": "g", "case_ids": [p.id for p in people]}, headers=headers
    )
    url = f"/api/groups/{made.json()['id']}/messages"
    first, second = await asyncio.gather(
        client.post(url, json={"canned": "stay-put"}, headers=headers),
        client.post(url, json={"canned": "stay-put"}, headers=headers),
    )
    assert first.status_code == second.status_code == 201, (first.text, second.text)
    assert first.json()["id"] == second.json()["id"]
    async with rt.db.session() as session:
        assert len((await session.execute(select(Outbox))).scalars().all()) == 3


async def test_the_embassy_reply_cannot_go_to_a_group_unless_everyone_agreed(
    graph_app: tuple[httpx.AsyncClient, GraphRecorder],
) -> None:
    client, _graph = graph_app
    staff, people = await situation(client)
    auth = staff.auth("amina")
    made = await client.post(
        "/api/groups",
        json={"name": "Tripoli house", "case_ids": [c.id for c in people.values()]},
        headers=auth,
    )
    group_id = made.json()["id"]
    resp = await client.post(
        f"/api/groups/{group_id}/messages", json={"canned": "contacting-embassy"}, headers=auth
    )
    assert resp.status_code == 409
    assert "agreed that we contact the embassy" in resp.text
