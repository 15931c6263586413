"""The outbox against a Graph API that fails: retries, classification, order, recovery."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.config import Settings
from bot.outbox import OutboxSettings, reap_stale
from bot.store.models import Message, Outbox, utcnow
from tests.conftest import running_app, runtime
from tests.web.test_webhook import TEXT_EVENT, signed

Handler = Callable[[httpx.Request], httpx.Response]


def graph_error(code: int, status: int = 400) -> httpx.Response:
    return httpx.Response(status, json={"error": {"code": code, "message": f"(#{code})"}})


class Script:
    """Answers Graph requests from a list of responses, then succeeds; records what was sent."""

    def __init__(self, *responses: httpx.Response) -> None:
        self.responses = list(responses)
        self.sent: list[dict] = []
        self.ids: list[str] = []  # wamids handed out, in order (the database only keeps hashes)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if body.get("status") == "read":
            return httpx.Response(200, json={"success": True})
        self.sent.append(body)
        if self.responses:
            return self.responses.pop(0)
        self.ids.append(f"wamid.OUT{len(self.ids) + 1}")
        return httpx.Response(200, json={"messages": [{"id": self.ids[-1]}]})


async def deliver_text(client: httpx.AsyncClient, settings: Settings) -> None:
    body, headers = signed(settings, TEXT_EVENT)
    assert (await client.post("/webhooks/meta", content=body, headers=headers)).status_code == 200


async def outbox_rows(client: httpx.AsyncClient) -> list[Outbox]:
    async with runtime(client).db.session() as session:
        rows = await session.execute(
            select(Outbox).where(Outbox.idempotency_key.like("msg:%")).order_by(Outbox.id)
        )
        return list(rows.scalars())


def fast(client: httpx.AsyncClient) -> None:
    runtime(client).workers.outbox_settings = OutboxSettings(base_delay=0.0, max_delay=0.0)
    runtime(client).workers.send.pacer.contact_burst = 100  # type: ignore[attr-defined]


async def test_server_errors_and_rate_limits_are_retried_then_sent_once(
    settings: Settings, db: object
) -> None:
    script = Script(httpx.Response(500), graph_error(130429, 429), graph_error(131000, 500))
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle(rounds=40)
        rows = await outbox_rows(client)
    assert rows and all(r.state == "sent" for r in rows)
    assert rows[0].attempts == 3
    keys = [b.get("biz_opaque_callback_data") for b in script.sent]
    assert len(keys) - len(set(keys)) == 3  # the three failures were retried, nothing else twice


async def test_window_closed_is_failed_with_the_reason_not_retried(
    settings: Settings, db: object
) -> None:
    script = Script(*[graph_error(131047)] * 10)
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle()
        rows = await outbox_rows(client)
        async with runtime(client).db.session() as session:
            msg = await session.get(Message, rows[0].message_id)
    assert rows[0].state == "failed"
    assert rows[0].attempts == 1
    assert "window closed" in (rows[0].error or "")
    assert msg is not None and msg.state == "failed" and "window" in (msg.error or "")


async def test_a_permanent_error_is_visible_as_failed(settings: Settings, db: object) -> None:
    script = Script(*[graph_error(131026)] * 10)
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle()
        rows = await outbox_rows(client)
    assert rows[0].state == "failed" and rows[0].error_code == 131026


async def test_later_replies_wait_for_earlier_ones_of_the_same_conversation(
    settings: Settings, db: object
) -> None:
    script = Script(httpx.Response(503))
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        await deliver_text(client, settings)
        await runtime(client).workers.run_until_idle(rounds=40)
        rows = await outbox_rows(client)
    # The first reply failed once; it must still reach Graph before any later reply.
    order = [b.get("biz_opaque_callback_data") for b in script.sent]
    first_success = order[1:]
    assert first_success == [r.idempotency_key for r in rows]


async def test_a_row_left_in_sending_by_a_crash_is_sent_after_the_reaper(
    settings: Settings, db: object
) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        fast(client)
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.inbound_once()
        async with rt.db.session() as session, session.begin():
            rows = (await session.execute(select(Outbox))).scalars().all()
            for row in rows:  # a worker claimed them and died before sending
                row.state, row.claimed_at = "sending", utcnow() - timedelta(minutes=10)
        assert await rt.workers.outbound_once() == 0
        assert await reap_stale(rt.db, rt.workers.outbox_settings) == len(rows)
        await rt.workers.run_until_idle()
        final = await outbox_rows(client)
    assert all(r.state == "sent" for r in final)
    keys = [b.get("biz_opaque_callback_data") for b in script.sent]
    assert len(keys) == len(set(keys)) == len(final)
