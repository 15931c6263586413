"""The webhook endpoint: handshake, signature, size limit, and durable storage before 200."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import func, select
from starlette.types import Message

from bot.channels.signature import sign
from bot.config import Settings
from bot.store.models import WebhookEvent
from bot.web import webhook
from tests.conftest import runtime

TEXT_EVENT = {
    "object": "whatsapp_business_account",
    "entry": [
        {
            "id": "110200300400500",
            "changes": [
                {
                    "field": "messages",
                    "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": "1555", "phone_number_id": "1202"},
                        "contacts": [{"profile": {"name": "A"}, "wa_id": "447700900123"}],
                        "messages": [
                            {
                                "from": "447700900123",
                                "id": "wamid.T1",
                                "timestamp": "1767612345",
                                "type": "text",
                                "text": {"body": "hello"},
                            }
                        ],
                    },
                }
            ],
        }
    ],
}


def signed(settings: Settings, payload: object) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload, ensure_ascii=True).encode()
    return body, {
        "X-Hub-Signature-256": sign(settings.app_secret, body),
        "Content-Type": "application/json",
    }


async def stored_events(client: httpx.AsyncClient) -> int:
    async with runtime(client).db.session() as session:
        return (await session.execute(select(func.count()).select_from(WebhookEvent))).scalar_one()


async def test_handshake_echoes_the_challenge_as_plain_text(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    params = {
        "hub.mode": "subscribe",
        "hub.verify_token": settings.verify_token,
        "hub.challenge": "1158201444",
    }
    response = await app_client.get("/webhooks/meta", params=params)
    assert response.status_code == 200
    assert response.text == "1158201444"
    assert response.headers["content-type"].startswith("text/plain")


async def test_handshake_with_a_wrong_token_is_forbidden(app_client: httpx.AsyncClient) -> None:
    params = {"hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "1"}
    response = await app_client.get("/webhooks/meta", params=params)
    assert response.status_code == 403


async def test_signed_event_is_stored_before_200(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body, headers = signed(settings, TEXT_EVENT)
    response = await app_client.post("/webhooks/meta", content=body, headers=headers)
    assert response.status_code == 200
    assert await stored_events(app_client) == 1


async def test_unsigned_or_badly_signed_event_is_403_and_not_stored(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body, headers = signed(settings, TEXT_EVENT)
    missing = await app_client.post("/webhooks/meta", content=body)
    wrong = await app_client.post(
        "/webhooks/meta", content=body, headers={"X-Hub-Signature-256": "sha256=" + "0" * 64}
    )
    other_secret = await app_client.post(
        "/webhooks/meta",
        content=body,
        headers={"X-Hub-Signature-256": sign("another-secret", body)},
    )
    assert [missing.status_code, wrong.status_code, other_secret.status_code] == [403, 403, 403]
    assert await stored_events(app_client) == 0


async def test_body_over_one_mebibyte_is_413(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body = b"{" + b" " * (settings.max_body_bytes + 1) + b"}"
    response = await app_client.post(
        "/webhooks/meta",
        content=body,
        headers={"X-Hub-Signature-256": sign(settings.app_secret, body)},
    )
    assert response.status_code == 413
    assert await stored_events(app_client) == 0


async def test_unknown_object_is_accepted_and_ignored(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body, headers = signed(settings, {"object": "permissions", "entry": [{"id": "1"}]})
    response = await app_client.post("/webhooks/meta", content=body, headers=headers)
    assert response.status_code == 200
    await runtime(app_client).workers.run_until_idle()
    assert await stored_events(app_client) == 0  # parsed (nothing in it) and dropped


async def test_health_ready_and_metrics(app_client: httpx.AsyncClient) -> None:
    assert (await app_client.get("/healthz")).json() == {"status": "ok"}
    assert (await app_client.get("/readyz")).status_code == 200
    # Metrics are off until SAUTI_METRICS_TOKEN is set (tests/web/test_access.py).
    assert (await app_client.get("/metrics")).status_code == 404


async def test_a_body_sent_in_pieces_is_stored_whole(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body, headers = signed(settings, TEXT_EVENT)

    async def pieces() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 100):
            yield body[start : start + 100]

    response = await app_client.post("/webhooks/meta", content=pieces(), headers=headers)
    assert response.status_code == 200
    async with runtime(app_client).db.session() as session:
        stored = (await session.execute(select(WebhookEvent.body))).scalars().all()
    assert stored == [body]


async def test_an_oversized_body_without_a_declared_length_is_413(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    async def pieces() -> AsyncIterator[bytes]:
        for _ in range(settings.max_body_bytes // 65536 + 2):
            yield b" " * 65536

    response = await app_client.post(
        "/webhooks/meta", content=pieces(), headers={"X-Hub-Signature-256": "sha256=" + "0" * 64}
    )
    assert response.status_code == 413
    assert await stored_events(app_client) == 0


async def test_when_the_database_cannot_store_it_the_answer_is_503_and_a_retry_is_stored(
    app_client: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = runtime(app_client)
    body, headers = signed(settings, TEXT_EVENT)

    async def unavailable(*_args: object) -> None:
        raise OSError("database unavailable")

    with monkeypatch.context() as patch:
        patch.setattr(app.db, "insert_rows", unavailable)
        refused = await app_client.post("/webhooks/meta", content=body, headers=headers)
    retried = await app_client.post("/webhooks/meta", content=body, headers=headers)
    assert (refused.status_code, retried.status_code) == (503, 200)
    assert await stored_events(app_client) == 1


async def test_webhook_answers_carry_the_security_headers(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body, headers = signed(settings, TEXT_EVENT)
    accepted = await app_client.post("/webhooks/meta", content=body, headers=headers)
    refused = await app_client.post("/webhooks/meta", content=body)
    for response in (accepted, refused):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert response.headers["cache-control"] == "no-store"


async def test_a_client_that_hangs_up_mid_body_gets_no_answer_and_nothing_is_stored(
    app_client: httpx.AsyncClient, settings: Settings
) -> None:
    body, headers = signed(settings, TEXT_EVENT)
    arriving = [
        {"type": "http.request", "body": body[:50], "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return arriving.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/webhooks/meta",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    await webhook.receive_post(runtime(app_client), scope, receive, send)
    assert sent == []
    assert await stored_events(app_client) == 0
