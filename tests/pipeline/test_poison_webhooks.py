"""Poison webhooks: a correctly signed body that cannot be read (nested 10,000 deep, not an
object, not JSON), or that carries wrongly typed fields and malformed messages, is set aside
or skipped on its own. Everyone else is answered, in the same batch and after a restart;
`sauti status` and /metrics show what was set aside, and `sauti webhooks retry` puts it back.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.channels.signature import sign
from bot.cli import app as cli
from bot.config import DEMO_DATA_KEY, Settings, get_settings
from bot.pipeline import conversations
from bot.pipeline.ingest import ingest_pending
from bot.platform_ids import inbound_key
from bot.store.db import Database
from bot.store.models import Case, Conversation, Message, WebhookEvent, utcnow
from tests.conftest import running_app, runtime
from tests.fakes.graph_server import FakeGraph
from tests.helpers import sim_message, store_events
from tests.safety.people import Person
from tests.web.test_webhook import signed

POISON = json.loads((Path(__file__).parent.parent / "data" / "meta" / "poison.json").read_text())
DEEP = b'{"object": "whatsapp_business_account", "entry": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
UNREADABLE = {
    DEEP: "too_deep",
    b'[{"object": "whatsapp_business_account"}]': "not_an_object",
    b'"whatsapp_business_account"': "not_an_object",
    b'{"object": "page", "entry": [': "not_json",
}
BESIDE = "447700900555"  # the sender of the malformed messages and of the good one beside them
MESSENGER_BESIDE = ("6543210987654321", "9876543210123456")  # the same, on Messenger, Instagram


@pytest.fixture
def wa_settings(settings: Settings, graph: FakeGraph) -> Settings:
    return settings.model_copy(
        update={"graph_url": graph.url, "contact_burst": 10_000, "metrics_token": "scrape"}
    )


async def post_raw(client: httpx.AsyncClient, settings: Settings, body: bytes) -> None:
    headers = {"X-Hub-Signature-256": sign(settings.app_secret, body)}
    response = await client.post("/webhooks/meta", content=body, headers=headers)
    assert response.status_code == 200  # acknowledged: Meta must not resend it for ever


async def post(client: httpx.AsyncClient, settings: Settings, payload: object) -> None:
    body, headers = signed(settings, payload)
    assert (await client.post("/webhooks/meta", content=body, headers=headers)).status_code == 200


def answered(graph: FakeGraph, contact: str) -> bool:
    """A reply (not a read receipt) reached `contact`: a WhatsApp number, or a PSID/IGSID."""
    return any(
        contact in (body.get("to"), (body.get("recipient") or {}).get("id"))
        and body.get("type") != "read"
        and "sender_action" not in body
        for body in graph.sent
    )


async def events(db: Database) -> list[WebhookEvent]:
    async with db.session() as session:
        return list(
            (await session.execute(select(WebhookEvent).order_by(WebhookEvent.id))).scalars()
        )


async def stored(db: Database, wamid: str) -> Message | None:
    key = inbound_key("whatsapp", wamid)
    async with db.session() as session:
        query = select(Message).where(Message.dedupe_key == key)
        return (await session.execute(query)).scalar_one_or_none()


def sauti(settings: Settings, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.setenv("SAUTI_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("SAUTI_DATA_KEY", DEMO_DATA_KEY)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        get_settings.cache_clear()
    return result.exit_code, result.output


async def test_poison_bodies_are_set_aside_and_everyone_else_is_answered(
    wa_settings: Settings, db: Database, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada, ben = Person("447700900123", "Ada"), Person("254711222333", "Ben")
    async with running_app(wa_settings) as client:
        for body in UNREADABLE:
            await post_raw(client, wa_settings, body)
        await post(client, wa_settings, POISON["wrong_types_change"])
        await post(client, wa_settings, POISON["malformed_beside_good"])
        await post(client, wa_settings, POISON["messenger_malformed_beside_good"])
        await post(client, wa_settings, POISON["instagram_malformed_beside_good"])
        await post(client, wa_settings, ada.text("hello"))
        await runtime(client).workers.run_until_idle(rounds=50)

        assert answered(graph, ada.phone), "a poison beside Ada's message changed nothing"
        assert answered(graph, BESIDE), "the good message beside the malformed ones"
        for wamid in ("wamid.GOOD.BESIDE", "wamid.POISON.SURROGATE"):
            assert await stored(db, wamid) is not None
        for psid in MESSENGER_BESIDE:
            assert answered(graph, psid), "the good Messenger/Instagram message beside the rest"
        metrics = (await client.get("/metrics", headers={"Authorization": "Bearer scrape"})).text
    set_aside = await events(db)
    assert [(e.state, e.error, e.attempts) for e in set_aside] == [
        ("failed", reason, 1) for reason in UNREADABLE.values()
    ]  # read once, set aside at once; the readable bodies are gone once stored
    assert 'sauti_webhooks_failed{reason="not_an_object"} 2.0' in metrics
    assert 'sauti_webhooks_failed{reason="too_deep"} 1.0' in metrics
    assert 'sauti_webhooks_set_aside_total{reason="not_json"}' in metrics
    assert "sauti_oldest_pending_webhook_seconds 0.0" in metrics

    # A restart (a new runtime on the same database): the set-aside bodies stay aside, and
    # a new poison and a new person meet the same fate as before.
    async with running_app(wa_settings) as client:
        await post_raw(client, wa_settings, DEEP)
        await post(client, wa_settings, ben.text("help"))
        await runtime(client).workers.run_until_idle(rounds=50)
        assert answered(graph, ben.phone)
    after = await events(db)
    assert [(e.state, e.attempts) for e in after] == [("failed", 1)] * 5
    assert after[-1].error == "too_deep"

    # What the operator sees, and the replay once the cause is fixed.
    code, out = await asyncio.to_thread(sauti, wa_settings, monkeypatch, "status")
    assert code == 0, out
    assert "webhooks set aside: 5 (not_an_object: 2, not_json: 1, too_deep: 2)" in out
    assert "webhooks waiting to be read: 0" in out
    code, out = await asyncio.to_thread(
        sauti, wa_settings, monkeypatch, "webhooks", "retry", "9999"
    )
    assert (code, out.strip()) == (1, "error: no webhook 9999")
    first = after[0].id
    code, out = await asyncio.to_thread(
        sauti, wa_settings, monkeypatch, "webhooks", "retry", str(first)
    )
    assert (code, out.strip()) == (0, "1 webhook put back in the queue")
    replayed = {e.id: e for e in await events(db)}[first]
    assert (replayed.state, replayed.attempts, replayed.error) == ("pending", 0, None)
    code, out = await asyncio.to_thread(
        sauti, wa_settings, monkeypatch, "webhooks", "retry", "--all"
    )
    assert (code, out.strip()) == (0, "4 webhooks put back in the queue")
    assert all(e.state == "pending" for e in await events(db))


async def test_a_message_that_cannot_be_applied_is_set_aside_and_handed_over(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await store_events(rt.db, sim_message("hello", contact="sim-broken"))
    await store_events(rt.db, sim_message("hello", contact="sim-fine"))
    await rt.workers.inbound_once()  # stored, and both answered
    await store_events(rt.db, sim_message("more", contact="sim-broken", key="sim.broken.2"))
    await store_events(rt.db, sim_message("more", contact="sim-fine", key="sim.fine.2"))
    await ingest_pending(rt.db)
    async with rt.db.session() as session, session.begin():
        broken = await session.scalar(
            select(Message).where(Message.dedupe_key == inbound_key("simulator", "sim.broken.2"))
        )
        assert broken is not None
        broken.data = {"raw_type": "text"}  # what the engine reads is gone: a KeyError
    await rt.workers.run_until_idle()

    async with rt.db.session() as session:
        rows = (await session.execute(select(Message, Conversation).join(Conversation))).all()
        cases = (await session.execute(select(Case, Conversation).join(Conversation))).all()
    by_key = {m.dedupe_key: m for m, _ in rows}
    fine = by_key[inbound_key("simulator", "sim.fine.2")]
    broken = by_key[inbound_key("simulator", "sim.broken.2")]
    assert fine.state == "done"
    assert (broken.state, broken.error) == ("error", "could not be applied")
    assert {c.contact_ref for _, c in cases} == {"sim-broken"}, "a caseworker sees the person"
    fine_conv = next(c for m, c in rows if m is fine)
    assert any(m.direction == "out" and m.id > fine.id for m, c in rows if c.id == fine_conv.id), (
        "the other conversation was answered"
    )


async def test_a_conversation_that_keeps_failing_is_set_aside_after_three_tries(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    rt = runtime(app_client)
    await store_events(rt.db, sim_message("hello", contact="sim-poison"))
    await store_events(rt.db, sim_message("hello", contact="sim-other"))
    await ingest_pending(rt.db)
    async with rt.db.session() as session:
        convs = {
            c.contact_ref: c.id for c in (await session.execute(select(Conversation))).scalars()
        }
    real_process = conversations._process

    async def failing(p, conv_ids, now, batch):  # type: ignore[no-untyped-def]
        if convs["sim-poison"] in conv_ids:
            raise TypeError("a bug that no retry cures")
        return await real_process(p, conv_ids, now, batch)

    monkeypatch.setattr(conversations, "_process", failing)
    for _ in range(3):
        await rt.workers.inbound_once()
    async with rt.db.session() as session:
        states = {
            m.conversation_id: (m.state, m.error)
            for m in (
                await session.execute(select(Message).where(Message.direction == "in"))
            ).scalars()
        }
    assert states[convs["sim-other"]] == ("done", None)
    assert states[convs["sim-poison"]] == ("error", "could not be applied")
    assert await rt.workers.inbound_once() == 0  # not tried again
    async with rt.db.session() as session:
        cases = (await session.execute(select(Case.conversation_id))).scalars().all()
    assert convs["sim-poison"] in cases, "a caseworker sees the person"


async def test_a_parser_bug_sets_its_event_aside_and_the_batch_goes_on(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.channels.meta import parse_event as parse
    from bot.pipeline import ingest

    def buggy(payload: dict) -> list:
        if payload.get("object") == "page":
            raise RecursionError("a parser bug")
        return parse(payload)

    monkeypatch.setattr(ingest, "parse_event", buggy)  # where ingest looks it up
    async with db.session() as session, session.begin():
        session.add(WebhookEvent(body=b'{"object": "page", "entry": []}'))
    await store_events(db, sim_message("hello", contact="sim-next"))

    assert len(await ingest_pending(db)) == 1  # the next event was stored
    [left] = await events(db)
    assert (left.state, left.error, left.attempts) == ("failed", "parse_error: RecursionError", 1)


async def test_a_timer_that_fails_does_not_stop_the_others(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    rt = runtime(app_client)
    for contact in ("sim-timer-bad", "sim-timer-good"):
        await store_events(rt.db, sim_message("hello", contact=contact))
    await rt.workers.run_until_idle()
    async with rt.db.session() as session, session.begin():
        convs = {c.contact_ref: c for c in (await session.execute(select(Conversation))).scalars()}
        for conv in convs.values():
            conv.wake_at, conv.wake_name = utcnow() - timedelta(seconds=1), "timeout"
    bad = convs["sim-timer-bad"].id
    fire = conversations.fire_timer

    async def fire_or_fail(p, conv_id, now):  # type: ignore[no-untyped-def]
        if conv_id == bad:
            raise KeyError("a broken timer")
        await fire(p, conv_id, now)

    monkeypatch.setattr(conversations, "fire_timer", fire_or_fail)
    await rt.workers.timers_once()
    async with rt.db.session() as session:
        good = await session.get(Conversation, convs["sim-timer-good"].id)
    assert good is not None and (good.wake_at is None or good.wake_at > utcnow())


async def test_a_database_outage_is_not_mistaken_for_a_poison(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    rt = runtime(app_client)
    await store_events(rt.db, sim_message("hello", contact="sim-outage"))
    await ingest_pending(rt.db)

    async def down(*_: object) -> int:
        raise OperationalError("SELECT 1", {}, ConnectionResetError("the server went away"))

    monkeypatch.setattr(conversations, "_process", down)
    for _ in range(conversations.MAX_CONVERSATION_FAILURES + 2):
        assert await rt.workers.inbound_once() == 0
    monkeypatch.undo()
    assert await rt.workers.inbound_once() == 1, "still pending, and applied once it is back"


async def test_a_body_that_cannot_be_decrypted_is_set_aside_and_the_rest_go_on(
    db: Database,
) -> None:
    from cryptography.fernet import Fernet

    from bot.erasure import forget_failed_events
    from bot.store import crypto
    from bot.webhook_replay import exists

    crypto.configure([Fernet.generate_key().decode()])  # a key that is then lost
    try:
        async with db.session() as session, session.begin():
            session.add(WebhookEvent(body=b'{"object": "page", "entry": []}'))
    finally:
        crypto.configure([DEMO_DATA_KEY])
    await store_events(db, sim_message("hello", contact="sim-after-lost-key"))

    assert len(await ingest_pending(db)) == 1
    async with db.session() as session:
        query = select(WebhookEvent.id, WebhookEvent.state, WebhookEvent.error)
        [(event_id, state, error)] = (await session.execute(query)).all()
    assert (state, error) == ("failed", "unreadable")
    assert await exists(db, event_id) == "failed"  # the CLI can still name it
    async with db.session() as session, session.begin():  # an erasure is not stopped by it
        assert await forget_failed_events(session, ["447700900123"]) == 0
