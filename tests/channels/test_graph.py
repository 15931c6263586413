"""GraphClient against a real local HTTP server that answers like Meta (tests/fakes)."""

from __future__ import annotations

import json
import socket
from collections.abc import AsyncIterator

import httpx
import pytest

from bot.channels.errors import (
    AuthError,
    MediaTooLargeError,
    PermanentError,
    RateLimitError,
    TransientError,
    WindowClosedError,
)
from bot.channels.graph import MESSENGER_PATH, GraphClient, whatsapp_path
from bot.channels.http import graph_http_client
from bot.channels.media_hosts import MediaHosts
from bot.channels.render_messenger import mark_seen_messenger
from bot.channels.render_whatsapp import mark_read_whatsapp
from bot.config import Settings
from tests.fakes.graph_server import FakeGraph

from .conftest import TOKEN, VERSION

NUMBER_ID = "120200300400501"
WA_TEXT = {
    "messaging_product": "whatsapp",
    "recipient_type": "individual",
    "to": "447700900123",
    "type": "text",
    "text": {"body": "Are you safe?"},
}
MS_TEXT = {
    "recipient": {"id": "6543210987654321"},
    "messaging_type": "RESPONSE",
    "message": {"text": "Hi"},
}


def test_paths() -> None:
    assert whatsapp_path(NUMBER_ID) == f"{NUMBER_ID}/messages"
    assert MESSENGER_PATH == "me/messages"


async def test_whatsapp_send_returns_the_wamid(graph: GraphClient, fake_graph: FakeGraph) -> None:
    assert await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN) == "wamid.FAKE1"
    (request,) = fake_graph.requests
    assert request.method == "POST"
    assert request.path == f"/{VERSION}/{NUMBER_ID}/messages"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.json == WA_TEXT
    assert fake_graph.sent_texts() == ["Are you safe?"]


async def test_messenger_send_returns_the_mid(graph: GraphClient, fake_graph: FakeGraph) -> None:
    assert await graph.send(MESSENGER_PATH, MS_TEXT, TOKEN) == "m_FAKE1"
    assert fake_graph.requests[0].path == f"/{VERSION}/me/messages"


async def test_read_marks_and_sender_actions_return_no_id(graph: GraphClient) -> None:
    assert await graph.send(whatsapp_path(NUMBER_ID), mark_read_whatsapp("wamid.X"), TOKEN) is None
    assert await graph.send(MESSENGER_PATH, mark_seen_messenger("65432"), TOKEN) is None


async def test_a_500_without_a_body_is_transient_and_not_retried(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    fake_graph.fail_next(1, status=500)
    with pytest.raises(TransientError) as caught:
        await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN)
    assert caught.value.status_code == 500
    assert caught.value.code is None
    assert len(fake_graph.requests) == 1  # the outbox retries, not the client
    assert fake_graph.sent == []
    assert await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN) == "wamid.FAKE1"


async def test_throughput_limit_is_a_rate_limit(graph: GraphClient, fake_graph: FakeGraph) -> None:
    fake_graph.rate_limit_next(1)
    with pytest.raises(RateLimitError) as caught:
        await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN)
    assert (caught.value.status_code, caught.value.code) == (429, 130429)
    assert caught.value.per_contact is False


async def test_pair_rate_limit_is_per_contact(graph: GraphClient, fake_graph: FakeGraph) -> None:
    fake_graph.rate_limit_next(1, code=131056)
    with pytest.raises(RateLimitError) as caught:
        await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN)
    assert caught.value.per_contact is True


async def test_outside_the_window_is_window_closed(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    fake_graph.fail_next(1, status=400, code=131047)
    with pytest.raises(WindowClosedError) as caught:
        await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN)
    assert caught.value.code == 131047
    assert caught.value.title == "injected failure"


async def test_a_wrong_token_is_an_auth_error(graph: GraphClient) -> None:
    with pytest.raises(AuthError) as caught:
        await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, "expired-token")
    assert caught.value.code == 190


async def test_a_timeout_is_transient(fake_graph: FakeGraph) -> None:
    fake_graph.delay_next(1, 1.0)
    async with graph_http_client(httpx.Timeout(0.2), max_connections=4) as client:
        graph = GraphClient(client, fake_graph.url, VERSION)
        with pytest.raises(TransientError) as caught:
            await graph.send(whatsapp_path(NUMBER_ID), WA_TEXT, TOKEN)
    assert caught.value.title == "timeout"
    # Meta may still have sent it: the fake counts it, as the outbox must expect.
    assert fake_graph.wait_for_sent(1, timeout=5)[0] == WA_TEXT


async def test_a_refused_connection_is_transient() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    async with graph_http_client(httpx.Timeout(1.0), max_connections=4) as client:
        graph = GraphClient(client, f"http://127.0.0.1:{closed_port}", VERSION)
        with pytest.raises(TransientError) as caught:
            await graph.send(MESSENGER_PATH, MS_TEXT, TOKEN)
    assert caught.value.title == "network error"


async def test_fetch_media_follows_the_url_with_the_token(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    fake_graph.add_media("555001", b"OggS voice", "audio/ogg; codecs=opus")
    content, mime = await graph.fetch_media("555001", TOKEN, max_bytes=1024)
    assert (content, mime) == (b"OggS voice", "audio/ogg; codecs=opus")
    metadata, download = fake_graph.requests
    assert (metadata.method, metadata.path) == ("GET", f"/{VERSION}/555001")
    assert download.path == "/_fake/media/555001"
    assert download.headers["authorization"] == f"Bearer {TOKEN}"


async def test_fetch_media_refuses_a_file_over_the_limit(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    fake_graph.add_media("555002", b"x" * 2000)
    with pytest.raises(MediaTooLargeError):
        await graph.fetch_media("555002", TOKEN, max_bytes=1000)
    assert len(fake_graph.requests) == 1  # refused from the metadata, before downloading


async def test_fetch_media_of_an_unknown_id_is_permanent(graph: GraphClient) -> None:
    with pytest.raises(PermanentError) as caught:
        await graph.fetch_media("nope", TOKEN, max_bytes=1000)
    assert caught.value.code == 100


async def test_fetch_url_downloads_a_cdn_url_without_a_token(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    url = fake_graph.add_media("cdn1", b"\x89PNG", "image/png")
    assert await graph.fetch_url(url, max_bytes=100) == (b"\x89PNG", "image/png")
    assert "authorization" not in fake_graph.requests[0].headers


async def test_fetch_url_refuses_more_than_the_limit(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    url = fake_graph.add_media("cdn2", b"y" * 5000, "video/mp4")
    with pytest.raises(MediaTooLargeError):
        await graph.fetch_url(url, max_bytes=4999)


# Shapes the fake does not produce, through httpx.MockTransport.


def mock_graph(handler: httpx.MockTransport | None = None, **response: object) -> GraphClient:
    transport = handler or httpx.MockTransport(lambda request: httpx.Response(**response))
    client = httpx.AsyncClient(transport=transport)
    hosts = MediaHosts("https://graph.test/", Settings().media_hosts)
    return GraphClient(client, "https://graph.test/", "/v25.0/", hosts)


async def test_retry_after_is_passed_on() -> None:
    graph = mock_graph(status_code=429, headers={"Retry-After": "7"}, json={"error": {"code": 4}})
    with pytest.raises(RateLimitError) as caught:
        await graph.send("me/messages", MS_TEXT, TOKEN)
    assert caught.value.retry_after == 7.0


async def test_an_html_502_from_a_proxy_is_transient() -> None:
    graph = mock_graph(status_code=502, content=b"<html>Bad gateway</html>")
    with pytest.raises(TransientError):
        await graph.send("me/messages", MS_TEXT, TOKEN)


async def test_a_200_carrying_an_error_is_still_an_error() -> None:
    graph = mock_graph(status_code=200, json={"error": {"code": 100, "message": "bad"}})
    with pytest.raises(PermanentError):
        await graph.send("me/messages", MS_TEXT, TOKEN)


async def test_urls_are_joined_without_double_slashes() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"message_id": "m_1"})

    graph = mock_graph(httpx.MockTransport(handler))
    assert await graph.send("/me/messages", MS_TEXT, TOKEN) == "m_1"
    assert seen == ["https://graph.test/v25.0/me/messages"]


async def test_a_stream_longer_than_announced_is_cut_off() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/m1"):
            return httpx.Response(
                200, json={"url": "https://scontent.xx.fbcdn.net/file"}
            )  # no file_size
        return httpx.Response(200, content=chunks())  # streamed: no content-length

    async def chunks() -> AsyncIterator[bytes]:
        for chunk in (b"a" * 600, b"b" * 600):
            yield chunk

    graph = mock_graph(httpx.MockTransport(handler))
    with pytest.raises(MediaTooLargeError):
        await graph.fetch_media("m1", TOKEN, max_bytes=1000)


async def test_the_body_goes_as_compact_utf8_json() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"messages": [{"id": "wamid.1"}]})

    graph = mock_graph(httpx.MockTransport(answer))
    body = {**WA_TEXT, "text": {"body": "Êtes-vous en sécurité ? ሰላም"}}
    for path in (whatsapp_path(NUMBER_ID), f"/{whatsapp_path(NUMBER_ID)}", "me/messages"):
        assert await graph.send(path, body, TOKEN) == "wamid.1"
    first = seen[0]
    assert first.headers["content-type"] == "application/json"
    assert first.headers["content-length"] == str(len(first.content))
    assert first.content == json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    assert [str(r.url) for r in seen] == [
        f"https://graph.test/v25.0/{NUMBER_ID}/messages",
        f"https://graph.test/v25.0/{NUMBER_ID}/messages",
        "https://graph.test/v25.0/me/messages",
    ]


async def test_a_body_that_is_not_json_fails_before_any_request() -> None:
    calls: list[httpx.Request] = []
    graph = mock_graph(httpx.MockTransport(lambda r: calls.append(r) or httpx.Response(200)))
    with pytest.raises(ValueError):
        await graph.send("me/messages", {"x": float("nan")}, TOKEN)
    assert calls == []


async def test_the_clients_own_headers_and_timeout_still_apply() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"message_id": "m_1"})

    client = httpx.AsyncClient(
        transport=httpx.MockTransport(answer),
        headers={"User-Agent": "sauti-test"},
        timeout=httpx.Timeout(3.0),
    )
    graph = GraphClient(client, "https://graph.test", VERSION)
    await graph.send("me/messages", MS_TEXT, TOKEN)
    assert seen[0].headers["user-agent"] == "sauti-test"
    assert seen[0].extensions["timeout"]["read"] == 3.0


async def test_a_path_that_makes_no_url_is_permanent() -> None:
    graph = mock_graph(status_code=200, json={})
    with pytest.raises(PermanentError):
        await graph.send("bad\x00path/messages", MS_TEXT, TOKEN)
