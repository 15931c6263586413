"""Issue 24 through the real pipeline and API: a reply that implies contacting the embassy
is refused until the person agreed (asked in her language), resolving never restarts the
questions, and writing again starts a linked case that keeps what is still known."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from bot.cases import actions
from bot.runtime import Runtime
from bot.store.models import Case, Conversation, Message
from tests.cases.support import seed_staff
from tests.cases.test_takeover import bot_lines, in_danger, say, the_case
from tests.conftest import runtime


async def claimed_by_omar(client: httpx.AsyncClient) -> tuple[Runtime, Case, dict[str, str]]:
    """A person in danger now; Omar (default team) claims her case through the API."""
    rt = runtime(client)
    staff = await seed_staff(rt)
    case = await in_danger(rt)
    auth = staff.auth("omar")
    assert (await client.post(f"/api/cases/{case.id}/claim", headers=auth)).status_code == 200
    return rt, case, auth


async def test_the_embassy_reply_is_refused_until_the_person_says_yes(
    app_client: httpx.AsyncClient,
) -> None:
    rt, case, auth = await claimed_by_omar(app_client)
    embassy = {"canned": "contacting-embassy"}
    refused = await app_client.post(f"/api/cases/{case.id}/messages", json=embassy, headers=auth)
    assert refused.status_code == 409
    assert refused.json()["detail"]["error"] == "consent_required"
    assert "embassy" in refused.json()["detail"]["message"]

    asked = await app_client.post(
        f"/api/cases/{case.id}/consent", json={"recipient": "embassy"}, headers=auth
    )
    assert asked.status_code == 201
    await rt.workers.run_until_idle()
    await say(rt, "no")  # typed, while the caseworker has the chat
    assert (await bot_lines(rt))[-1] == rt.catalogs.format("en", "share-answer-refused")
    again = await app_client.post(f"/api/cases/{case.id}/messages", json=embassy, headers=auth)
    assert again.status_code == 409

    await app_client.post(
        f"/api/cases/{case.id}/consent", json={"recipient": "embassy"}, headers=auth
    )
    await rt.workers.run_until_idle()
    await say(rt, choice="share-yes")
    sent = await app_client.post(f"/api/cases/{case.id}/messages", json=embassy, headers=auth)
    assert sent.status_code == 201
    shown = (await app_client.get(f"/api/cases/{case.id}", headers=auth)).json()
    assert shown["consent"] == {"share_with": ["embassy"]}


async def test_asking_consent_for_a_recipient_without_a_question_is_a_clear_error(
    app_client: httpx.AsyncClient,
) -> None:
    _rt, case, auth = await claimed_by_omar(app_client)
    bad = await app_client.post(
        f"/api/cases/{case.id}/consent", json={"recipient": "mafia"}, headers=auth
    )
    assert bad.status_code == 422 and "share-mafia-prompt" in bad.json()["detail"]["message"]


async def test_resolving_in_the_middle_of_the_questions_never_restarts_them(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await in_danger(rt)
    await say(rt, "Misrata")  # the passport question is asked next
    passport = rt.catalogs.format("en", "passport-prompt")
    assert (await bot_lines(rt))[-1] == passport
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.amina, case.id)  # Misrata: the Libya team
        await actions.resolve(
            session, staff.amina, case.id, "assisted", runtime=rt, closing="call-later"
        )
    await rt.workers.run_until_idle()
    lines = await bot_lines(rt)
    assert lines.count(passport) == 1  # not asked again
    async with rt.db.session() as session:
        closing = (
            (await session.execute(select(Message.text).where(Message.author == "caseworker")))
            .scalars()
            .all()
        )
    assert closing == [rt.catalogs.format("en", "canned-call-later")]
    async with rt.db.session() as session:
        conv = await session.get(Conversation, case.conversation_id)
    assert conv is not None and conv.state["ended"] == "resolved" and not conv.claimed


async def test_writing_again_opens_a_linked_case_that_keeps_what_is_known(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    for answer in ("hello", {"choice": "en"}, {"choice": "yes"}, {"choice": "safe"}, "Misrata"):
        await (say(rt, answer) if isinstance(answer, str) else say(rt, **answer))
    for answer in ("with_me", "yes"):
        await say(rt, choice=answer)
    await say(rt, "2")
    await say(rt, "Sudanese")  # nationality
    first = await the_case(rt)
    async with rt.db.session() as session, session.begin():
        await actions.resolve(session, staff.admin, first.id, "assisted", runtime=rt)
    await rt.workers.run_until_idle()
    await say(rt, "hello, it is me again")
    assert (await bot_lines(rt))[-1] == rt.catalogs.format("en", "safety-prompt")
    async with rt.db.session() as session:
        cases = (await session.execute(select(Case).order_by(Case.created_at))).scalars().all()
    assert [c.status for c in cases] == ["resolved", "open"]
    assert cases[1].previous_case_id == first.id
    assert cases[1].answers["nationality"] == "Sudanese"
    assert cases[1].answers["consent"] == "yes"
