"""Pacing and the way a row reaches its platform (bot/pipeline/sending.py), without a database."""

from __future__ import annotations

import httpx
import pytest

from bot.channels.graph import GraphClient
from bot.pipeline.outbox import Claimed
from bot.pipeline.replies import SIMULATOR_PATH
from bot.pipeline.sending import Deferred, Pacer, Sender


def row(conversation_id: int = 1, body: dict | None = None, path: str = "1/messages") -> Claimed:
    return Claimed(
        id=conversation_id,
        conversation_id=conversation_id,
        message_id=None,
        idempotency_key=f"msg:{conversation_id}:0",
        channel="whatsapp",
        path=path,
        body=body if body is not None else {"to": "1", "text": {"body": "hi"}},
    )


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_contact_gets_its_burst_then_waits_for_the_refill(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = Clock()
    pacer = Pacer(contact_burst=3, contact_rate=0.5, business_rate=1000, clock=clock)
    assert [pacer.wait(row()) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert pacer.wait(row()) == pytest.approx(2.0)
    assert pacer.wait(row(2)) == 0.0, "another contact is not held up"
    clock.now += 2.0
    assert pacer.wait(row()) == 0.0


def test_the_business_number_has_its_own_rate() -> None:
    clock = Clock()
    pacer = Pacer(contact_burst=10, business_rate=2, clock=clock)
    assert [pacer.wait(row(c)) for c in (1, 2)] == [0.0, 0.0]
    assert pacer.wait(row(3)) == pytest.approx(0.5)
    assert pacer.wait(row(3, path="2/messages")) == 0.0, "another number is not held up"


def test_contacts_whose_bucket_refilled_are_forgotten() -> None:
    clock = Clock()
    pacer = Pacer(
        contact_burst=2, contact_rate=1.0, business_rate=1000, sweep_every=60, clock=clock
    )
    for conv in range(100):
        pacer.wait(row(conv))
    pacer.wait(row(7))  # contact 7 used its whole burst
    clock.now += 61
    pacer.wait(row(7))  # the sweep runs; 7 refilled long ago, as did everyone else
    assert set(pacer._contacts) == {7}, "only the bucket just used is kept"
    assert pacer.wait(row(7)) == 0.0 and pacer.wait(row(7)) == pytest.approx(1.0)
    assert pacer.wait(row(3)) == 0.0 and pacer.wait(row(3)) == 0.0, "a fresh bucket is full"


def test_a_bucket_still_refilling_survives_the_sweep() -> None:
    clock = Clock()
    pacer = Pacer(
        contact_burst=10, contact_rate=0.1, business_rate=1000, sweep_every=5, clock=clock
    )
    for _ in range(10):
        pacer.wait(row(1))
    clock.now += 6  # 0.6 tokens back of 10
    pacer.wait(row(2))
    assert 1 in pacer._contacts
    assert pacer.wait(row(1)) == pytest.approx(4.0)


class Graph:
    def __init__(self) -> None:
        self.sent: list[tuple[str, dict, str]] = []

    async def send(self, path: str, body: dict, token: str) -> str:
        self.sent.append((path, body, token))
        return "wamid.1"


def sender(pacer: Pacer) -> tuple[Sender, Graph]:
    graph = Graph()
    return Sender(graph, "wa-token", "page-token", pacer), graph  # type: ignore[arg-type]


async def test_a_reply_over_the_pace_is_deferred_not_sent() -> None:
    clock = Clock()
    send, graph = sender(Pacer(contact_burst=1, contact_rate=0.25, clock=clock))
    assert await send(row()) == "wamid.1"
    with pytest.raises(Deferred) as caught:
        await send(row())
    assert caught.value.retry_after == pytest.approx(4.0)
    assert graph.sent == [("1/messages", row().body, "wa-token")]


async def test_read_marks_and_sender_actions_are_never_paced() -> None:
    clock = Clock()
    send, graph = sender(Pacer(contact_burst=1, contact_rate=0.01, clock=clock))
    mark = {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.IN"}
    typing = {"recipient": {"id": "1"}, "sender_action": "typing_on"}
    for body in (mark, mark, typing, typing):
        await send(row(body=body))
    assert len(graph.sent) == 4


async def test_the_simulator_is_answered_without_the_graph_api() -> None:
    send, graph = sender(Pacer())
    assert await send(row(path=SIMULATOR_PATH)) == "sim.msg:1:0"
    assert graph.sent == []


async def test_messenger_rows_go_with_the_page_token() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"message_id": "m_1"})

    client = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    send = Sender(GraphClient(client, "https://graph.test", "v25.0"), "wa", "page", Pacer())
    messenger = Claimed(1, 1, None, "msg:1:0", "messenger", "me/messages", {"message": {}})
    assert await send(messenger) == "m_1"
    assert seen[0].headers["authorization"] == "Bearer page"
