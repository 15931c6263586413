"""Live updates: the event stream names the parts of a page that changed."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot import user_admin
from bot.cases.events import EventBus
from bot.web.inbox import live
from bot.web.inbox.sse import changes
from tests.web.inbox.support import Web, login, make_case


def event_names(body: str) -> list[str]:
    return [line.split(": ", 1)[1] for line in body.splitlines() if line.startswith("event: ")]


@pytest.fixture
def short_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    # Over ASGI the client reads the body once the stream ends: keep it short.
    monkeypatch.setattr(live, "STREAM_SECONDS", 0.3)


async def test_the_list_stream_names_the_counter_and_the_cases(
    web: Web, short_streams: None
) -> None:
    await make_case(web.rt)
    await login(web.client, "amina")
    response = await web.client.get("/inbox/events")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert event_names(response.text) == ["counter", "cases"]  # once each on connecting
    assert response.text.startswith("retry: 1000")


async def test_a_case_stream_names_its_summary_and_transcript(
    web: Web, short_streams: None
) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    response = await web.client.get(f"/inbox/events?case={case_id}")
    assert event_names(response.text) == ["counter", "case", "transcript"]


async def test_an_open_stream_ends_when_her_session_is_ended_elsewhere(
    web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "STREAM_SECONDS", 30.0)
    monkeypatch.setattr(live, "POLL_SECONDS", 0.05)
    await make_case(web.rt)
    await login(web.client, "amina")
    stream = asyncio.create_task(web.client.get("/inbox/events"))
    await asyncio.sleep(0.3)
    assert not stream.done()
    async with web.rt.db.session() as s, s.begin():
        assert await user_admin.logout(s, "amina") == 1
    # Over ASGI the body arrives when the stream ends: well before its 30 s lifetime.
    response = await asyncio.wait_for(stream, timeout=5)
    assert event_names(response.text) == ["counter", "cases"]


async def test_no_stream_without_a_login(web: Web) -> None:
    assert (await web.client.get("/inbox/events")).status_code == 401


class Connected:
    async def is_disconnected(self) -> bool:
        return False


async def test_a_bus_event_wakes_the_stream_at_once() -> None:
    bus = EventBus()
    state = {"n": 0}

    async def probe() -> dict[str, Any]:
        return {"cases": state["n"]}

    stream = changes(
        Connected(),  # type: ignore[arg-type]
        probe,
        subscribe=lambda: bus.subscribe(["libya"]),  # type: ignore[arg-type,return-value]
        interval=30.0,
        lifetime=60.0,
    )
    assert await anext(stream) == "retry: 1000\n\n"
    assert await anext(stream) == "event: cases\ndata: 1\n\n"
    assert bus.subscriber_count == 1
    state["n"] = 1
    bus.publish({"type": "case_opened", "team": "libya"})
    frame = await asyncio.wait_for(anext(stream), timeout=2.0)  # far sooner than the poll
    assert frame == "event: cases\ndata: 1\n\n"
    await stream.aclose()
    assert bus.subscriber_count == 0  # unsubscribed when the page goes away


async def test_nothing_is_sent_while_nothing_changes() -> None:
    async def probe() -> dict[str, Any]:
        return {"counter": (1, 0)}

    stream = changes(Connected(), probe, interval=0.01, lifetime=0.2)  # type: ignore[arg-type]
    frames = [frame async for frame in stream]
    assert frames == ["retry: 1000\n\n", "event: counter\ndata: 1\n\n"]
