"""Ingest: delivery receipts move a sent message forward (never back), once; failures show."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import httpx
from sqlalchemy import func, select

from bot.config import Settings
from bot.store.models import Message, Outbox, Receipt
from tests.conftest import running_app, runtime
from tests.test_outbox import Script, deliver_text
from tests.web.test_webhook import signed

FIXTURES = json.loads(
    (Path(__file__).parent / "data" / "meta" / "whatsapp.json").read_text(encoding="utf-8")
)


def status_event(wamid: str, status: str, *, errors: list[dict] | None = None) -> dict:
    event = copy.deepcopy(FIXTURES["status_failed_window" if errors else "status_sent"])
    item = event["entry"][0]["changes"][0]["value"]["statuses"][0]
    item["id"], item["status"] = wamid, status
    if errors is not None:
        item["errors"] = errors
    return event


async def post(client: httpx.AsyncClient, settings: Settings, payload: dict) -> None:
    body, headers = signed(settings, payload)
    assert (await client.post("/webhooks/meta", content=body, headers=headers)).status_code == 200


async def first_reply(client: httpx.AsyncClient) -> tuple[Outbox, Message]:
    async with runtime(client).db.session() as session:
        row = (
            await session.execute(
                select(Outbox).where(Outbox.message_id.is_not(None)).order_by(Outbox.id).limit(1)
            )
        ).scalar_one()
        msg = await session.get(Message, row.message_id)
        assert msg is not None
        return row, msg


async def test_receipts_advance_and_never_go_back(settings: Settings, db: object) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.run_until_idle()
        row, msg = await first_reply(client)
        assert msg.state == "sent" and row.platform_message_id
        wamid = script.ids[0]
        assert wamid not in row.platform_message_id  # only a keyed hash is stored
        for status in ("read", "delivered", "sent", "read"):  # out of order, duplicated
            await post(client, settings, status_event(wamid, status))
        await rt.workers.run_until_idle()
        _, msg = await first_reply(client)
        async with rt.db.session() as session:
            receipts = (
                await session.execute(select(func.count()).select_from(Receipt))
            ).scalar_one()
    assert msg.state == "read"
    assert receipts == 3  # read, delivered, sent: the duplicate "read" changed nothing


async def test_a_failed_status_marks_the_message_failed_with_the_reason(
    settings: Settings, db: object
) -> None:
    script = Script()
    http = httpx.AsyncClient(transport=httpx.MockTransport(script))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        await deliver_text(client, settings)
        await rt.workers.run_until_idle()
        wamid = script.ids[0]
        errors = [{"code": 131047, "title": "Re-engagement message"}]
        await post(client, settings, status_event(wamid, "failed", errors=errors))
        await post(client, settings, status_event(wamid, "read"))
        await rt.workers.run_until_idle()
        row, msg = await first_reply(client)
    assert msg.state == "failed"
    assert "window closed" in (msg.error or "")
    assert row.state == "failed" and row.error_code == 131047
