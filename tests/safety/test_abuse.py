"""Abuse resistance: one flooding sender does not starve others and gets exactly one polite
notice; long texts are cut; big files are refused; the webhook signature is always checked
(demo too); no stack trace or detail of an error reaches a client."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from bot.channels.graph import GraphClient
from bot.channels.signature import sign
from bot.config import Settings
from bot.media import fetch_pending
from bot.pipeline import outbox
from bot.store.db import Database
from bot.store.models import Conversation, MediaBlob, Message, WebhookEvent
from tests.conftest import running_app, runtime
from tests.fakes.graph_server import FakeGraph
from tests.safety.people import Person, converse, post


def texts_to(graph: FakeGraph, person: Person) -> list[str]:
    out = []
    for body in graph.sent:
        if body.get("to") != person.phone or body.get("status") == "read":
            continue
        text = (body.get("text") or {}).get("body") or json.dumps(body.get("interactive"))
        out.append(text)
    return out


async def transcript(db: Database, person: Person, direction: str) -> list[Message]:
    async with db.session() as session:
        convs = (await session.execute(select(Conversation))).scalars().all()
        conv = next(c for c in convs if c.contact_phone == person.phone)
        rows = await session.execute(
            select(Message)
            .where(Message.conversation_id == conv.id, Message.direction == direction)
            .order_by(Message.id)
        )
        return list(rows.scalars())


async def test_a_flooding_sender_gets_one_notice_and_others_are_still_answered(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    flooder, other = Person("212600000001", "Flood"), Person("212600000002", "Calm")
    for _ in range(200):
        response = await post(wa_client, wa_settings.app_secret, flooder.text("help help help"))
        assert response.status_code == 200
    await post(wa_client, wa_settings.app_secret, other.text("hello"))
    rt = runtime(wa_client)
    while await rt.workers.inbound_once():
        pass
    # The flooder's backlog (200 read receipts, answers, the notice) does not hold the other
    # person up: their answer goes out within the first few sending rounds.
    for _round in range(5):
        rows = await outbox.claim_due(rt.db, limit=64)
        sends = [
            outbox.send_one(rt.db, r, rt.workers.send, rt.workers.outbox_settings) for r in rows
        ]
        await asyncio.gather(*sends)
        if texts_to(graph, other):
            break
    assert texts_to(graph, other), "the other person was answered"

    notice = rt.catalogs.format("en", "flood-notice")
    replies = await transcript(rt.db, flooder, "out")
    assert [m.text for m in replies].count(notice) == 1
    # Answers stop at the limit: the rest of the flood costs us nothing but the notice.
    assert replies[-1].text == notice
    assert len(replies) <= 2 * wa_settings.flood_per_minute + 1
    assert len(await transcript(rt.db, flooder, "in")) == 200, "nothing was lost"


async def test_a_very_long_message_is_cut_to_the_limit(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    person = Person("212600000003", "Long")
    await converse(wa_client, wa_settings.app_secret, person.text("ا" * 20_000))
    (stored,) = await transcript(runtime(wa_client).db, person, "in")
    assert stored.text is not None
    assert len(stored.text) == wa_settings.max_text_chars


async def test_what_the_engine_reads_is_cut_too(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    person = Person("212600000003", "Long")
    await converse(wa_client, wa_settings.app_secret, person.text("ا" * 20_000))
    (stored,) = await transcript(runtime(wa_client).db, person, "in")
    kept = (stored.data or {})["inbound"]["text"]
    assert len(kept) <= wa_settings.max_text_chars


async def test_a_webhook_body_over_the_limit_is_refused_and_not_stored(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    body = b'{"object": "page", "pad": "' + b"x" * (wa_settings.max_body_bytes + 1) + b'"}'
    headers = {"X-Hub-Signature-256": sign(wa_settings.app_secret, body)}
    response = await wa_client.post("/webhooks/meta", content=body, headers=headers)
    assert response.status_code == 413
    async with runtime(wa_client).db.session() as session:
        assert (await session.execute(select(WebhookEvent))).first() is None


async def test_a_file_over_the_size_limit_is_not_downloaded_or_stored(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    person = Person("212600000004", "Files")
    limit = 64 * 1024
    big = b"\xff\xd8\xff" + b"\0" * (limit + 1)
    small = b"\xff\xd8\xff" + b"\0" * 100
    graph.add_media("MEDIA-BIG", big)
    graph.add_media("MEDIA-SMALL", small)
    await converse(
        wa_client,
        wa_settings.app_secret,
        person.image("MEDIA-BIG", "big"),
        person.image("MEDIA-SMALL", "small"),
    )
    db = runtime(wa_client).db
    async with httpx.AsyncClient() as http:
        graph_client = GraphClient(http, graph.url, wa_settings.graph_version)
        await fetch_pending(
            db, graph_client, whatsapp_token="t", messenger_token="t", max_bytes=limit
        )
    async with db.session() as session:
        blobs = (await session.execute(select(MediaBlob).order_by(MediaBlob.message_id))).all()
    (big_blob,), (small_blob,) = blobs
    assert big_blob.state == "too_large" and big_blob.content is None
    assert small_blob.state == "stored" and small_blob.content == small


@pytest.mark.parametrize("demo", [False, True])
async def test_the_webhook_signature_is_always_checked(
    settings: Settings, db: Database, demo: bool
) -> None:
    settings = settings.as_demo() if demo else settings
    person = Person("212600000005", "Forger")
    body = json.dumps(person.text("forged")).encode()
    async with running_app(settings) as client:
        tries = [
            {},
            {"X-Hub-Signature-256": "sha256=" + "0" * 64},
            {"X-Hub-Signature-256": sign("another-secret", body)},
            {"X-Hub-Signature-256": sign(settings.app_secret, body).upper()},
            {"X-Hub-Signature-256": sign(settings.app_secret, body + b" ")},
        ]
        for headers in tries:
            response = await client.post("/webhooks/meta", content=body, headers=headers)
            assert response.status_code == 403, headers
        async with runtime(client).db.session() as session:
            assert (await session.execute(select(WebhookEvent))).first() is None


async def test_without_an_app_secret_nothing_is_accepted(settings: Settings, db: Database) -> None:
    settings = settings.model_copy(update={"app_secret": ""})
    body = json.dumps(Person("212600000006", "X").text("hi")).encode()
    async with running_app(settings) as client:
        response = await client.post(
            "/webhooks/meta", content=body, headers={"X-Hub-Signature-256": sign("", body)}
        )
    assert response.status_code == 403


async def test_an_error_in_a_route_shows_the_client_nothing_of_it(
    settings: Settings, db: Database
) -> None:
    async with running_app(settings) as client:
        app: FastAPI = client.app  # type: ignore[attr-defined]

        @app.get("/boom")
        async def boom() -> None:
            raise RuntimeError("cannot reach +447700900123: SELECT * FROM case_file")

        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as raw:
            response = await raw.get("/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}
    for leak in ("Traceback", "RuntimeError", "447700900123", "case_file", "boom"):
        assert leak not in response.text
