"""The pipeline's health, read from the database: ages of the oldest unread webhook, unapplied
message and unsent reply, set-aside webhooks by reason, unsent rows by platform; the same
figures in /metrics and in `sauti status`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from bot import health_report
from bot.config import Settings
from bot.store.db import Database
from bot.store.models import (
    Conversation,
    Message,
    Outbox,
    SendCircuit,
    WebhookEvent,
    utcnow,
)
from tests.conftest import running_app, runtime


async def seed(db: Database) -> None:
    now = utcnow()
    async with db.session() as s, s.begin():
        s.add(WebhookEvent(body=b"{}", received_at=now - timedelta(seconds=90)))
        s.add(WebhookEvent(body=b"{}", received_at=now - timedelta(seconds=5)))
        s.add(WebhookEvent(body=b"[]", state="failed", error="not_an_object", attempts=1))
        s.add(WebhookEvent(body=b"{", state="failed", error="apply_error: DataError", attempts=5))
        s.add(WebhookEvent(body=b"{", state="failed", error="apply_error: KeyError", attempts=5))
        conv = Conversation(
            channel="whatsapp", business_id="1202", contact_hash="h1", contact_ref="447700900123"
        )
        s.add(conv)
        await s.flush()
        s.add(
            Message(
                conversation_id=conv.id,  # type: ignore[arg-type]
                direction="in",
                author="person",
                kind="text",
                created_at=now - timedelta(seconds=40),
            )
        )
        for n, (channel, age, state) in enumerate(
            [
                ("whatsapp", 600, "pending"),  # waiting out a Graph outage
                ("whatsapp", 3, "sending"),
                ("messenger", 20, "pending"),
                ("whatsapp", 9000, "sent"),  # gone: not waiting
                ("instagram", 9000, "failed"),
            ]
        ):
            s.add(
                Outbox(
                    conversation_id=conv.id,  # type: ignore[arg-type]
                    idempotency_key=f"k{n}",
                    channel=channel,
                    path="1202/messages",
                    body={},
                    state=state,
                    created_at=now - timedelta(seconds=age),
                )
            )


async def test_the_figures_come_from_the_database(db: Database) -> None:
    await seed(db)
    health = await health_report.read(db)
    assert 89 <= (health.oldest_pending_webhook or 0) < 120
    assert 39 <= (health.oldest_pending_message or 0) < 60
    assert 599 <= (health.oldest_due_reply or 0) < 630
    assert health.pending_webhooks == 2
    assert health.set_aside == {"apply_error": 2, "not_an_object": 1}
    assert health.waiting == {"messenger": 1, "whatsapp": 2}
    assert health_report.describe(health) == [
        "webhooks waiting to be read: 2 (oldest: 90 s)",
        "messages waiting to be answered: oldest 40 s",
        "replies waiting to be sent: 3 (oldest: 10 min); messenger: 1, whatsapp: 2",
        "webhooks set aside: 3 (apply_error: 2, not_an_object: 1);"
        " see docs/operations.md, `sauti webhooks retry`",
        "business numbers held (their sends fail; probed until they answer): 0",
    ]


async def test_an_idle_line_reads_as_nothing_waiting(db: Database) -> None:
    health = await health_report.read(db)
    assert health == health_report.Health()
    assert health_report.describe(health) == [
        "webhooks waiting to be read: 0 (oldest: none)",
        "messages waiting to be answered: oldest none",
        "replies waiting to be sent: 0 (oldest: none)",
        "webhooks set aside: 0",
        "business numbers held (their sends fail; probed until they answer): 0",
    ]


async def test_a_held_business_number_is_named_with_how_long_and_why(db: Database) -> None:
    async with db.session() as s, s.begin():
        s.add(SendCircuit(path="1202/messages", failures=1))  # closed: not held
        s.add(
            SendCircuit(
                path="1303/messages",
                state="open",
                failures=3,
                opened_at=utcnow() - timedelta(seconds=45),
                last_error="Graph API 503: temporarily unavailable",
            )
        )
    health = await health_report.read(db)
    assert list(health.held_numbers) == ["1303/messages"]
    assert health_report.describe(health)[-2:] == [
        "business numbers held (their sends fail; probed until they answer): 1",
        "  1303/messages: held 45 s, last error: Graph API 503: temporarily unavailable",
    ]


@pytest.fixture
async def metrics_client(settings: Settings, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(settings.model_copy(update={"metrics_token": "scrape"})) as client:
        client.headers["Authorization"] = "Bearer scrape"
        yield client


async def test_metrics_export_the_figures_and_drop_reasons_no_longer_seen(
    metrics_client: httpx.AsyncClient,
) -> None:
    app_client = metrics_client
    db = runtime(app_client).db
    await seed(db)
    async with db.session() as s, s.begin():
        s.add(SendCircuit(path="1202/messages", state="open", opened_at=utcnow()))
    text = (await app_client.get("/metrics")).text
    assert 'sauti_business_number_held_seconds{path="1202/messages"}' in text
    assert 'sauti_webhooks_failed{reason="apply_error"} 2.0' in text
    assert 'sauti_outbox_waiting{channel="whatsapp"} 2.0' in text
    assert "sauti_webhooks_pending 2.0" in text
    assert "sauti_health_read_ok 1.0" in text
    for name in ("webhook", "message"):
        line = next(x for x in text.splitlines() if x.startswith(f"sauti_oldest_pending_{name}"))
        assert float(line.split()[1]) > 30
    async with db.session() as s, s.begin():  # the operator replayed them, and all went well
        await s.execute(update(WebhookEvent).values(state="done"))
    text = (await app_client.get("/metrics")).text
    assert "sauti_webhooks_failed{" not in text
    assert "sauti_oldest_pending_webhook_seconds 0.0" in text
