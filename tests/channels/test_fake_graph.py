"""The fake Graph server itself: sync use, failure injection, thread safety, lifecycle."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.fakes.graph_server import FakeGraph

WA = {
    "messaging_product": "whatsapp",
    "to": "+44 7700 900123",
    "type": "text",
    "text": {"body": "a"},
}
AUTH = {"Authorization": "Bearer any"}


def test_usable_from_sync_code_as_a_context_manager() -> None:
    with FakeGraph() as fake, httpx.Client(base_url=fake.url) as client:
        answer = client.post("/v25.0/1/messages", json=WA, headers=AUTH).json()
        assert answer == {
            "messaging_product": "whatsapp",
            "contacts": [{"input": "+44 7700 900123", "wa_id": "447700900123"}],
            "messages": [{"id": "wamid.FAKE1"}],
        }
        assert fake.sent_texts() == ["a"]
    assert fake._thread is None  # stopped


def test_a_bsuid_recipient_is_echoed_as_user_id(fake_graph: FakeGraph) -> None:
    body = {**WA, "to": None, "recipient": "GB.77"}
    with httpx.Client(base_url=fake_graph.url) as client:
        answer = client.post(
            "/v25.0/1/messages", json=body, headers={"Authorization": "Bearer test-token"}
        )
    assert answer.json()["contacts"] == [{"input": "GB.77", "user_id": "GB.77"}]


def test_injected_failures_are_consumed_in_order(fake_graph: FakeGraph) -> None:
    fake_graph.fail_next(2, status=503)
    fake_graph.rate_limit_next(1, code=131056)
    headers = {"Authorization": "Bearer test-token"}
    with httpx.Client(base_url=fake_graph.url) as client:
        statuses = [client.post("/v25.0/1/messages", json=WA, headers=headers) for _ in range(4)]
    assert [r.status_code for r in statuses] == [503, 503, 429, 200]
    assert statuses[0].content == b""
    assert statuses[2].json()["error"]["code"] == 131056
    assert len(fake_graph.requests) == 4
    assert len(fake_graph.sent) == 1


def test_reset_forgets_everything(fake_graph: FakeGraph) -> None:
    fake_graph.fail_next(3)
    with httpx.Client(base_url=fake_graph.url) as client:
        client.post("/v25.0/1/messages", json=WA, headers={"Authorization": "Bearer test-token"})
    fake_graph.reset()
    assert fake_graph.requests == []
    with httpx.Client(base_url=fake_graph.url) as client:
        answer = client.post(
            "/v25.0/1/messages", json=WA, headers={"Authorization": "Bearer test-token"}
        )
    assert answer.json()["messages"] == [{"id": "wamid.FAKE1"}]


def test_concurrent_senders_get_distinct_ids_and_nothing_is_lost(fake_graph: FakeGraph) -> None:
    def send(n: int) -> str:
        with httpx.Client(base_url=fake_graph.url) as client:
            body = {"recipient": {"id": str(n)}, "message": {"text": f"t{n}"}}
            answer = client.post(
                "/v25.0/me/messages", json=body, headers={"Authorization": "Bearer test-token"}
            )
            return answer.json()["message_id"]

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(send, range(40)))
    assert len(set(ids)) == 40
    assert sorted(fake_graph.sent_texts()) == sorted(f"t{n}" for n in range(40))
    assert len(fake_graph.wait_for_sent(40, timeout=1)) == 40


def test_wait_for_sent_times_out(fake_graph: FakeGraph) -> None:
    with pytest.raises(TimeoutError):
        fake_graph.wait_for_sent(1, timeout=0.05)


def test_media_downloads_need_the_token_like_meta(fake_graph: FakeGraph) -> None:
    fake_graph.add_media("m1", b"img")
    with httpx.Client(base_url=fake_graph.url) as client:
        meta = client.get("/v25.0/m1", headers={"Authorization": "Bearer test-token"}).json()
        assert meta["file_size"] == 3
        assert client.get(meta["url"]).status_code == 401
        assert (
            client.get(meta["url"], headers={"Authorization": "Bearer test-token"}).content
            == b"img"
        )
