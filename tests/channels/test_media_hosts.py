"""Media is fetched only from the Graph host and Meta's CDNs, redirects are followed only
within them, and our token goes to nobody else (bot/channels/media_hosts.py, GraphClient)."""

from __future__ import annotations

import httpx
import pytest

from bot.channels.errors import PermanentError
from bot.channels.graph import GraphClient
from bot.channels.media_hosts import MediaHosts
from bot.config import Settings
from tests.fakes.graph_server import FakeGraph

from .conftest import TOKEN

META = MediaHosts("https://graph.facebook.com", Settings().media_hosts)


@pytest.mark.parametrize(
    "url",
    [
        "https://graph.facebook.com/v25.0/123",
        "https://scontent.xx.fbcdn.net/v/t1.15752-9/example_n.jpg?oh=abc",
        "https://cdn.fbsbx.com/v/t59.3654-21/audioclip.mp4",
        "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1799",
        "https://scontent.cdninstagram.com/v/x.jpg",
        "https://mmg.whatsapp.net/v/t62/x.enc",
    ],
)
def test_meta_hosts_are_allowed(url: str) -> None:
    assert META.allows(httpx.URL(url))


@pytest.mark.parametrize(
    "url",
    [
        "http://scontent.xx.fbcdn.net/x.jpg",  # not HTTPS
        "https://169.254.169.254/latest/meta-data/",  # cloud metadata
        "https://127.0.0.1:8000/admin",
        "http://localhost/",
        "https://fbcdn.net.evil.example/x.jpg",
        "https://evilfbcdn.net/x.jpg",
        "https://user:pass@scontent.xx.fbcdn.net/x.jpg",
        "https://graph.facebook.com.evil.example/v25.0/123",
    ],
)
def test_other_hosts_are_refused(url: str) -> None:
    assert not META.allows(httpx.URL(url))


def test_the_token_goes_only_to_the_graph_host_and_metas_media_host() -> None:
    assert META.wants_token(httpx.URL("https://graph.facebook.com/v25.0/1"))
    assert META.wants_token(httpx.URL("https://lookaside.fbsbx.com/whatsapp_business/a?mid=1"))
    assert not META.wants_token(httpx.URL("https://scontent.xx.fbcdn.net/x.jpg"))
    assert not META.wants_token(httpx.URL("http://lookaside.fbsbx.com/whatsapp_business/a"))


def other_host(fake: FakeGraph, path: str) -> str:
    """The same server under another name: reachable, but not the Graph host."""
    return f"http://localhost:{fake.port}{path}"


async def test_a_media_url_on_another_host_is_refused_and_gets_no_token(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    fake_graph.add_media("m1", b"OggS", "audio/ogg", url=other_host(fake_graph, "/_fake/media/m1"))
    with pytest.raises(PermanentError, match="not allowed: localhost"):
        await graph.fetch_media("m1", TOKEN, max_bytes=1000)
    assert [r.path for r in fake_graph.requests] == ["/v25.0/m1"], "never contacted"


async def test_a_redirect_to_another_host_is_refused_and_gets_no_token(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    elsewhere = other_host(fake_graph, "/_fake/media/m2")
    fake_graph.add_media("m2", b"OggS", "audio/ogg", url=fake_graph.redirect_url(elsewhere))
    with pytest.raises(PermanentError, match="not allowed: localhost"):
        await graph.fetch_media("m2", TOKEN, max_bytes=1000)
    assert [r.path for r in fake_graph.requests] == ["/v25.0/m2", "/_fake/redirect"]


async def test_a_messenger_attachment_redirected_elsewhere_is_refused(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    fake_graph.add_media("c1", b"\x89PNG", "image/png")
    url = fake_graph.redirect_url(other_host(fake_graph, "/_fake/cdn/c1"))
    with pytest.raises(PermanentError):
        await graph.fetch_url(url, max_bytes=1000)
    assert [r.path for r in fake_graph.requests] == ["/_fake/redirect"]


async def test_a_messenger_attachment_at_an_internal_address_is_never_fetched(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    with pytest.raises(PermanentError):
        await graph.fetch_url(other_host(fake_graph, "/_fake/cdn/c1"), max_bytes=1000)
    assert fake_graph.requests == []


async def test_a_redirect_within_the_list_is_followed_without_the_token(
    graph: GraphClient, fake_graph: FakeGraph
) -> None:
    cdn = fake_graph.add_media("c2", b"\x89PNG", "image/png")
    assert await graph.fetch_url(fake_graph.redirect_url(cdn), max_bytes=100) == (
        b"\x89PNG",
        "image/png",
    )
    assert all("authorization" not in r.headers for r in fake_graph.requests)


async def test_redirects_are_bounded(graph: GraphClient, fake_graph: FakeGraph) -> None:
    url = fake_graph.add_media("c3", b"\x89PNG", "image/png")
    for _ in range(5):
        url = fake_graph.redirect_url(url)
    with pytest.raises(PermanentError, match="redirected more than"):
        await graph.fetch_url(url, max_bytes=100)
    assert len(fake_graph.requests) == 4
