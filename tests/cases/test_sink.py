"""CaseSink: what the flow's effects do to cases (routing, one open case, priority, team
notifications, media downloads queued), inside the pipeline's transaction."""

from __future__ import annotations

import secrets
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.cases.sink import CaseSink
from bot.engine.effects import Effects, PlaceMatch
from bot.runtime import Runtime
from bot.store.models import Case, CaseNotification, Conversation, MediaBlob, Message
from tests.cases.support import NOW, make_case, seed_staff
from tests.conftest import runtime

NOTIFY = "http://notify.example/hook"


async def make_conv(rt: Runtime) -> int:
    async with rt.db.session() as session, session.begin():
        conv = Conversation(
            channel="whatsapp",
            business_id="1202",
            contact_hash=secrets.token_hex(8),
            contact_ref="447700900123",
            language="sw",
        )
        session.add(conv)
        await session.flush()
        return conv.id  # type: ignore[return-value]


async def apply(rt: Runtime, conv_id: int, effects: Effects, sink: CaseSink | None = None) -> None:
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, conv_id)
        await (sink or CaseSink()).apply(session, conv, effects, NOW)  # type: ignore[arg-type]


async def cases_of(rt: Runtime, conv_id: int) -> list[Case]:
    async with rt.db.session() as session:
        rows = await session.execute(
            select(Case).where(Case.conversation_id == conv_id).order_by(Case.created_at)
        )
        return list(rows.scalars())


async def notices(rt: Runtime) -> list[tuple[str, str | None]]:
    async with rt.db.session() as session:
        rows = await session.execute(select(CaseNotification).order_by(CaseNotification.id))
        return [(n.kind, n.team) for n in rows.scalars()]


def place(cc: str) -> PlaceMatch:
    return PlaceMatch(latitude=32.9, longitude=13.2, place="Tripoli", country_code=cc)


async def test_a_case_goes_to_the_team_of_the_country_else_the_default_team(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    in_tunisia, nowhere = await make_conv(rt), await make_conv(rt)
    await apply(rt, in_tunisia, Effects(open_case=True, location=place("TN")))
    await apply(rt, nowhere, Effects(open_case=True))
    assert [c.team for c in await cases_of(rt, in_tunisia)] == ["libya"]
    assert [c.team for c in await cases_of(rt, nowhere)] == ["morocco"]
    assert (await cases_of(rt, nowhere))[0].language == "sw"


async def test_new_answers_update_the_one_open_case_and_priority_never_drops(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    conv = await make_conv(rt)
    await apply(
        rt, conv, Effects(open_case=True, priority="urgent", answers={"safety": "danger_now"})
    )
    await apply(rt, conv, Effects(open_case=True, priority="normal", answers={"people": 16}))
    [case] = await cases_of(rt, conv)
    assert case.answers == {"safety": "danger_now", "people": 16}
    assert case.priority == "urgent"


async def test_an_urgent_case_notifies_its_team_and_again_when_it_moves(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    async with rt.db.session() as session, session.begin():
        from bot.accounts import add_team

        (await add_team(session, "libya", ["LY"])).notify_url = NOTIFY
        (await add_team(session, "hq", [], default=True)).notify_url = NOTIFY + "/hq"
    conv = await make_conv(rt)
    await apply(rt, conv, Effects(open_case=True, priority="urgent"))
    [case] = await cases_of(rt, conv)
    assert case.notified_at is not None
    assert await notices(rt) == [("urgent", "hq")]
    await apply(rt, conv, Effects(location=place("LY")))
    await apply(rt, conv, Effects(answers={"people": 3}))  # no change: nothing new
    assert await notices(rt) == [("urgent", "hq"), ("urgent", "libya")]


async def test_a_request_for_a_person_notifies_the_team_once(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt, libya_url=NOTIFY)
    conv = await make_conv(rt)
    await apply(rt, conv, Effects(handoff="help", location=place("LY")))
    await apply(rt, conv, Effects(handoff="help"))
    [case] = await cases_of(rt, conv)
    assert (case.handoff, case.priority) == ("help", "normal")
    assert await notices(rt) == [("handoff", "libya")]


async def test_a_claimed_case_stays_with_its_team(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="morocco", status="claimed", assignee=staff.omar)
    await apply(rt, case.conversation_id, Effects(location=place("LY")))
    [stored] = await cases_of(rt, case.conversation_id)
    assert stored.team == "morocco"
    assert stored.location["country_code"] == "LY"


async def test_a_resolved_case_is_never_reopened_a_new_message_opens_a_linked_one(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    old = await make_case(rt, status="resolved", created_at=NOW - timedelta(days=1))
    sink = CaseSink()
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, old.conversation_id)
        msg = Message(
            conversation_id=old.conversation_id, direction="in", author="person", kind="text"
        )
        session.add(msg)
        await session.flush()
        await sink.person_wrote(session, conv, msg)  # type: ignore[arg-type]
        ref = await sink.case_ref(session, conv)  # type: ignore[arg-type]
    old_again, new = await cases_of(rt, old.conversation_id)
    assert (old_again.id, old_again.status) == (old.id, "resolved")
    assert (new.status, new.previous_case_id, new.team) == ("open", old.id, "libya")
    assert ref == new.id


async def test_an_erased_case_opens_nothing_new(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    old = await make_case(rt, status="resolved")
    async with rt.db.session() as session, session.begin():
        stored = await session.get(Case, old.id)
        stored.erased_at = NOW  # type: ignore[union-attr]
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, old.conversation_id)
        msg = Message(conversation_id=conv.id, direction="in", author="person", kind="text")  # type: ignore[union-attr]
        session.add(msg)
        await session.flush()
        await CaseSink().person_wrote(session, conv, msg)  # type: ignore[arg-type]
    assert len(await cases_of(rt, old.conversation_id)) == 1


async def test_a_file_from_the_person_is_queued_for_download(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    conv_id = await make_conv(rt)
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, conv_id)
        msg = Message(
            conversation_id=conv_id,
            direction="in",
            author="person",
            kind="media",
            data={
                "media": {"kind": "audio", "media_id": "m1", "mime_type": "audio/ogg; codecs=opus"}
            },
        )
        session.add(msg)
        await session.flush()
        await CaseSink().person_wrote(session, conv, msg)  # type: ignore[arg-type]
        await CaseSink().person_wrote(session, conv, msg)  # type: ignore[arg-type]
    async with rt.db.session() as session:
        blobs = (await session.execute(select(MediaBlob))).scalars().all()
    assert [(b.message_id, b.state, b.mime_type) for b in blobs] == [
        (msg.id, "pending", "audio/ogg")
    ]


async def test_a_team_added_between_two_messages_is_used_for_the_next_case(
    app_client: httpx.AsyncClient,
) -> None:
    from bot.accounts import add_team

    rt = runtime(app_client)
    sink = CaseSink()  # one sink for the whole process, as in the runtime
    async with rt.db.session() as session, session.begin():
        await add_team(session, "hq", [], default=True)
    before, after = await make_conv(rt), await make_conv(rt)
    await apply(rt, before, Effects(open_case=True, location=place("LY")), sink)
    async with rt.db.session() as session, session.begin():
        await add_team(session, "libya", ["LY"])
    await apply(rt, after, Effects(open_case=True, location=place("LY")), sink)
    assert [c.team for c in await cases_of(rt, before)] == ["hq"]
    assert [c.team for c in await cases_of(rt, after)] == ["libya"]


async def test_effects_in_one_transaction_build_on_the_case_opened_in_it(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    conv_id = await make_conv(rt)
    sink = CaseSink()
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, conv_id)
        promised = await sink.case_ref(session, conv)  # type: ignore[arg-type]
        await sink.apply(session, conv, Effects(open_case=True, answers={"a": 1}), NOW)  # type: ignore[arg-type]
        await sink.apply(session, conv, Effects(handoff="help", answers={"b": 2}), NOW)  # type: ignore[arg-type]
        ref = await sink.case_ref(session, conv)  # type: ignore[arg-type]
    [case] = await cases_of(rt, conv_id)
    assert case.id == promised == ref
    assert (case.answers, case.handoff) == ({"a": 1, "b": 2}, "help")


async def test_a_case_undone_by_a_savepoint_is_forgotten(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    conv_id = await make_conv(rt)
    sink = CaseSink()
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, conv_id)
        try:
            async with session.begin_nested():
                await sink.apply(session, conv, Effects(open_case=True, answers={"a": 1}), NOW)  # type: ignore[arg-type]
                raise RuntimeError("the flow failed")
        except RuntimeError:
            pass
        await sink.apply(session, conv, Effects(handoff="error"), NOW)  # type: ignore[arg-type]
    [case] = await cases_of(rt, conv_id)
    assert (case.answers, case.handoff) == ({}, "error")
