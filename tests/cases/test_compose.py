"""A caseworker writing to the person: through the outbox, in their language, within the
platform's rules (WhatsApp 24 h then templates; Messenger HUMAN_AGENT up to 7 days)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.cases import actions
from bot.cases.errors import BadRequest, Conflict, WindowClosed
from bot.store.models import AuditLog, Message, Outbox
from tests.cases.support import NOW, add_worker, make_case, seed_staff
from tests.conftest import runtime


async def outbox_bodies(client: httpx.AsyncClient, conv_id: int) -> list[dict]:
    async with runtime(client).db.session() as session:
        rows = await session.execute(
            select(Outbox).where(Outbox.conversation_id == conv_id).order_by(Outbox.id)
        )
        return [r.body for r in rows.scalars()]


async def test_text_goes_through_the_outbox_as_the_caseworker(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina)
    async with rt.db.session() as session, session.begin():
        msg = await actions.send_text(session, rt, staff.amina, case.id, "Are you safe?", now=NOW)
    assert (msg.author, msg.user_id, msg.state) == ("caseworker", staff.amina.id, "queued")
    [body] = await outbox_bodies(app_client, case.conversation_id)
    assert body["to"] == "447700900123"
    assert body["text"]["body"] == "Are you safe?"
    async with rt.db.session() as session:
        entry = (
            await session.execute(select(AuditLog).where(AuditLog.action == "message"))
        ).scalar_one()
    assert entry.user_id == staff.amina.id
    assert entry.detail["message_id"] == msg.id
    assert "Are you safe?" not in str(entry.detail)  # the audit trail holds no message text


async def test_only_the_claimer_or_an_admin_may_write(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    open_case = await make_case(rt)
    with pytest.raises(Conflict, match="claim"):
        async with rt.db.session() as session, session.begin():
            await actions.send_text(session, rt, staff.amina, open_case.id, "hi", now=NOW)
    async with rt.db.session() as session, session.begin():
        sara, _token = await add_worker(session, "sara", ["libya"])
    claimed = await make_case(rt, status="claimed", assignee=staff.amina)
    with pytest.raises(Conflict, match="another"):
        async with rt.db.session() as session, session.begin():
            await actions.send_text(session, rt, sara, claimed.id, "hi", now=NOW)
    async with rt.db.session() as session, session.begin():
        msg = await actions.send_text(session, rt, staff.admin, claimed.id, "hi", now=NOW)
    assert msg.user_id == staff.admin.id


async def test_a_canned_reply_is_sent_in_the_persons_language(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina, language="fr")
    async with rt.db.session() as session, session.begin():
        msg = await actions.send_text(
            session, rt, staff.amina, case.id, canned="safe-to-talk", now=NOW
        )
    expected = rt.catalogs.format("fr", "canned-safe-to-talk")
    assert msg.text == expected
    [body] = await outbox_bodies(app_client, case.conversation_id)
    assert body["text"]["body"] == expected
    with pytest.raises(BadRequest):
        async with rt.db.session() as session, session.begin():
            await actions.send_text(session, rt, staff.amina, case.id, canned="nope", now=NOW)


async def test_whatsapp_after_24_hours_refuses_text_and_offers_templates(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(
        rt, status="claimed", assignee=staff.amina, last_inbound=NOW - timedelta(hours=25)
    )
    with pytest.raises(WindowClosed) as caught:
        async with rt.db.session() as session, session.begin():
            await actions.send_text(session, rt, staff.amina, case.id, "hello?", now=NOW)
    err = caught.value
    assert "24 hours" in err.reason
    names = [t["name"] for t in err.templates]
    assert names[0] == "sauti_check_in"  # the one meant for urgent cases first
    assert {"sauti_new_reply", "sauti_case_update"} <= set(names)
    assert await outbox_bodies(app_client, case.conversation_id) == []  # nothing queued


async def test_a_template_goes_after_the_window_with_params_from_the_case(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(
        rt,
        status="claimed",
        assignee=staff.amina,
        language="ary",
        last_inbound=NOW - timedelta(days=3),
    )
    async with rt.db.session() as session, session.begin():
        msg = await actions.send_text(
            session, rt, staff.amina, case.id, template="sauti_case_update", now=NOW
        )
    assert msg.kind == "template"
    assert case.id in (msg.text or "")
    [body] = await outbox_bodies(app_client, case.conversation_id)
    assert body["type"] == "template"
    assert body["template"]["name"] == "sauti_case_update"
    assert body["template"]["language"]["code"] == "ar_MA"
    params = body["template"]["components"][0]["parameters"]
    assert params == [{"type": "text", "text": case.id}]


async def test_a_template_respects_a_person_who_said_never_write_first(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(
        rt,
        status="claimed",
        assignee=staff.amina,
        last_inbound=NOW - timedelta(days=2),
        contact_prefs={"safe_to_message_first": False, "safe_hours": None},
    )
    with pytest.raises(WindowClosed, match="never safe"):
        async with rt.db.session() as session, session.begin():
            await actions.send_text(
                session, rt, staff.amina, case.id, template="sauti_check_in", now=NOW
            )


async def test_template_mistakes_are_bad_requests(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina)
    for kwargs in (
        {"template": "no_such_template"},
        {"template": "sauti_case_update", "params": ["a", "b"]},
        {"template": "sauti_check_in", "text": "both"},
        {},
    ):
        text = kwargs.pop("text", None)
        with pytest.raises(BadRequest):
            async with rt.db.session() as session, session.begin():
                await actions.send_text(session, rt, staff.amina, case.id, text, now=NOW, **kwargs)


@pytest.mark.parametrize("channel", ["messenger", "instagram"])
async def test_messenger_after_24_hours_uses_the_human_agent_tag_until_7_days(
    app_client: httpx.AsyncClient, channel: str
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    fresh_case = await make_case(rt, channel=channel, status="claimed", assignee=staff.amina)
    late = await make_case(
        rt,
        channel=channel,
        status="claimed",
        assignee=staff.amina,
        last_inbound=NOW - timedelta(days=3),
    )
    gone = await make_case(
        rt,
        channel=channel,
        status="claimed",
        assignee=staff.amina,
        last_inbound=NOW - timedelta(days=8),
    )
    async with rt.db.session() as session, session.begin():
        await actions.send_text(session, rt, staff.amina, fresh_case.id, "hi", now=NOW)
        await actions.send_text(session, rt, staff.amina, late.id, "hi again", now=NOW)
    [inside] = await outbox_bodies(app_client, fresh_case.conversation_id)
    [tagged] = await outbox_bodies(app_client, late.conversation_id)
    assert inside["messaging_type"] == "RESPONSE"
    assert (tagged["messaging_type"], tagged["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")
    with pytest.raises(WindowClosed, match="7 days") as caught:
        async with rt.db.session() as session, session.begin():
            await actions.send_text(session, rt, staff.amina, gone.id, "hello?", now=NOW)
    assert caught.value.templates == []


async def test_a_retried_request_with_the_same_key_sends_once(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina)
    ids = []
    for _ in range(2):
        async with rt.db.session() as session, session.begin():
            msg = await actions.send_text(
                session, rt, staff.amina, case.id, "On our way to help", client_key="k1", now=NOW
            )
            ids.append(msg.id)
    assert ids[0] == ids[1]
    assert len(await outbox_bodies(app_client, case.conversation_id)) == 1
    async with rt.db.session() as session:
        count = len(
            (await session.execute(select(Message).where(Message.direction == "out"))).all()
        )
    assert count == 1
