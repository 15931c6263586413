"""A person writes on WhatsApp, Messenger or Instagram and gets an answer through the real path:
signed webhook → stored event → engine → outbox → a real HTTP server standing in for Graph."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bot.config import Settings
from tests.conftest import running_app, runtime
from tests.fakes.graph_server import FakeGraph
from tests.web.test_webhook import signed

DATA = Path(__file__).parent / "data" / "meta"


def fixture(channel: str, case: str) -> dict:
    return json.loads((DATA / f"{channel}.json").read_text(encoding="utf-8"))[case]


@pytest.mark.parametrize(
    ("channel", "path_suffix", "token"),
    [
        ("whatsapp", "/120200300400501/messages", "test-wa-token"),
        ("messenger", "/me/messages", "test-page-token"),
        ("instagram", "/me/messages", "test-page-token"),
    ],
)
async def test_a_person_gets_an_answer_on_each_platform(
    settings: Settings, db: object, graph: FakeGraph, channel: str, path_suffix: str, token: str
) -> None:
    settings = settings.model_copy(update={"graph_url": graph.url})
    async with running_app(settings) as client:
        body, headers = signed(settings, fixture(channel, "text"))
        response = await client.post("/webhooks/meta", content=body, headers=headers)
        assert response.status_code == 200
        await runtime(client).workers.run_until_idle()
    replies = [r for r in graph.requests if r.method == "POST" and r.json.get("status") != "read"]
    assert replies, "no reply reached the Graph API"
    first = replies[0]
    assert first.path == f"/{settings.graph_version}{path_suffix}"
    assert first.headers["authorization"] == f"Bearer {token}"
    if channel == "whatsapp":
        assert first.json["to"] == "447700900123"
        assert first.json["messaging_product"] == "whatsapp"
    else:
        assert first.json["recipient"]["id"]
        assert first.json["messaging_type"] == "RESPONSE"


async def test_replies_survive_a_graph_outage_and_arrive_once(
    settings: Settings, db: object, graph: FakeGraph
) -> None:
    settings = settings.model_copy(update={"graph_url": graph.url})
    graph.fail_next(2, status=500)
    graph.rate_limit_next(1)
    async with running_app(settings) as client:
        rt = runtime(client)
        rt.workers.outbox_settings.base_delay = 0.0
        event = fixture("whatsapp", "text")
        # Written now: the reply is retried only while the platform's window is open.
        event["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = str(int(time.time()))
        body, headers = signed(settings, event)
        await client.post("/webhooks/meta", content=body, headers=headers)
        await client.post("/webhooks/meta", content=body, headers=headers)  # Meta retries too
        await rt.workers.run_until_idle(rounds=50)
    keys = [s.get("biz_opaque_callback_data") for s in graph.sent if "status" not in s]
    assert keys and len(keys) == len(set(keys))
