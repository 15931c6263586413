"""The moment that matters, through the real pipeline: a person in danger answers, the
case reaches the right team at once, a caseworker takes the chat over (the bot goes
silent, the person's messages still arrive), and hands it back (the bot resumes)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.cases import actions
from bot.cases.errors import Conflict
from bot.cases.views import case_json
from bot.runtime import Runtime
from bot.store.models import Case, Conversation, Message
from tests.cases.support import bus, seed_staff
from tests.conftest import runtime
from tests.helpers import sim_message, store_events


async def say(rt: Runtime, text: str | None = None, **kw: object) -> None:
    await store_events(rt.db, sim_message(text, contact="fatima", **kw))  # type: ignore[arg-type]
    await rt.workers.run_until_idle()


async def bot_lines(rt: Runtime) -> list[str]:
    async with rt.db.session() as session:
        rows = await session.execute(
            select(Message.text)
            .where(Message.direction == "out", Message.author == "bot")
            .order_by(Message.id)
        )
        return [r[0] for r in rows]


async def the_case(rt: Runtime) -> Case:
    async with rt.db.session() as session:
        return (
            (await session.execute(select(Case).order_by(Case.created_at.desc()))).scalars().first()
        )


async def in_danger(rt: Runtime) -> Case:
    """hello → English → consent → "danger now": an urgent case opens at once."""
    await say(rt, "hello")
    await say(rt, choice="en")
    await say(rt, choice="yes")
    await say(rt, choice="danger_now")
    return await the_case(rt)


async def test_an_urgent_case_opens_and_moves_to_the_team_of_the_persons_country(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    with bus(app_client).subscribe(["libya"]) as libya_screen:
        case = await in_danger(rt)
        assert (case.priority, case.status, case.team) == ("urgent", "open", "morocco")
        # Where the person is, is not known yet: not routed, so Libya's screen hears of it too.
        assert case.routing == "unrouted"
        opened = await libya_screen.get(timeout=1)
        assert opened is not None and opened["type"] == "case_opened"
        while libya_screen.queue.qsize():
            await libya_screen.get(timeout=1)
        await say(rt, location=(32.8872, 13.1913))  # a pin shared in Tripoli, Libya
        event = await libya_screen.get(timeout=1)
        while event is not None and event["type"] == "message":  # the pin itself
            event = await libya_screen.get(timeout=1)
    case = await the_case(rt)
    assert case.team == "libya"  # the team of the country where the person is
    assert case.routing == "country"
    assert (case.location or {}).get("country_code") == "LY"
    assert event is not None and event["case_id"] == case.id
    assert event["type"] == "case_updated" and event["priority"] == "urgent"


async def test_while_claimed_the_bot_is_silent_but_the_caseworker_hears_the_person(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await in_danger(rt)
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, case.id)
    before = await bot_lines(rt)
    with bus(app_client).subscribe(["morocco"]) as screen:
        await say(rt, "they are coming back, please help")
        event = await screen.get(timeout=1)
    assert await bot_lines(rt) == before  # the bot said nothing
    assert event is not None and (event["type"], event["case_id"]) == ("message", case.id)
    async with rt.db.session() as session:
        messages = await actions.transcript(session, staff.omar, case.id)
    assert messages[-1].text == "they are coming back, please help"
    # The caseworker's own words go out through the same outbox and arrive.
    async with rt.db.session() as session, session.begin():
        await actions.send_text(session, rt, staff.omar, case.id, "We are here. Are you hidden?")
    await rt.workers.run_until_idle()
    async with rt.db.session() as session:
        last = (
            await session.execute(select(Message).order_by(Message.id.desc()).limit(1))
        ).scalar_one()
    assert (last.author, last.state) == ("caseworker", "delivered")


async def test_erase_still_works_while_claimed(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await in_danger(rt)
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, case.id)
    before = len(await bot_lines(rt))
    await say(rt, "erase")
    lines = await bot_lines(rt)
    assert lines[before:] == [rt.catalogs.format("en", "erase-confirm")]
    with bus(app_client).subscribe(["morocco"]) as screen:
        await say(rt, "yes")
        kinds = [(await screen.get(timeout=1) or {}).get("type") for _ in range(2)]
    assert "case_updated" in kinds  # open screens learn the case was erased
    erased = await the_case(rt)
    assert (erased.status, erased.answers, erased.erased_at is not None) == ("resolved", {}, True)
    async with rt.db.session() as session:
        conv = await session.get(Conversation, case.conversation_id)
    assert conv is not None and conv.claimed is False


async def test_stop_while_claimed_ends_the_chat_for_the_caseworker_too(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await in_danger(rt)
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, case.id)
    await say(rt, "stop")
    with pytest.raises(Conflict, match="STOP"):
        async with rt.db.session() as session, session.begin():
            await actions.send_text(session, rt, staff.omar, case.id, "are you there?")
    async with rt.db.session() as session:
        got, conv = await actions.get_case(session, staff.omar, case.id)
        assert case_json(got, conv, now=got.created_at)["stopped"] is True


async def test_after_release_the_bot_resumes_where_it_stopped(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    await say(rt, "hello")
    await say(rt, choice="en")
    # At the consent question a person is asked for and a case opens (at the safety
    # question a call for help is the answer "in danger now").
    await say(rt, "help")
    case = await the_case(rt)
    assert case.handoff == "help"
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, case.id)
    await say(rt, "hello?")
    before = len(await bot_lines(rt))
    async with rt.db.session() as session, session.begin():
        await actions.release(session, rt, staff.omar, case.id)
    await rt.workers.run_until_idle()
    resumed = (await bot_lines(rt))[before:]
    assert resumed[0] == rt.catalogs.format("en", "handback-resume")
    assert rt.catalogs.format("en", "consent-prompt", org="Sauti", days=90) in resumed
    async with rt.db.session() as session:
        conv = await session.get(Conversation, case.conversation_id)
    assert conv is not None and conv.claimed is False
    # The flow goes on from there: the next answer is the answer to that question.
    await say(rt, choice="yes")
    assert (await bot_lines(rt))[-1] == rt.catalogs.format("en", "safety-prompt")


async def test_after_resolve_a_new_message_opens_a_new_linked_case(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    first = await in_danger(rt)
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, first.id)
        await actions.resolve(session, staff.omar, first.id, "assisted", runtime=rt)
    await rt.workers.run_until_idle()
    await say(rt, "they took my phone again")
    async with rt.db.session() as session:
        cases = (await session.execute(select(Case).order_by(Case.created_at))).scalars().all()
    assert [c.status for c in cases] == ["resolved", "open"]
    assert cases[1].previous_case_id == first.id
    assert cases[0].outcome == "assisted"  # the resolved case was not reopened
