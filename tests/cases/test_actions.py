"""Claim, release, resolve, notes and reading cases: the rules caseworkers rely on."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from bot.cases import actions
from bot.cases.errors import BadRequest, Conflict, NotFound
from bot.store.models import AuditLog, Case, Conversation, Note, Outbox
from tests.cases.support import (
    NOW,
    add_worker,
    audit_actions,
    fresh,
    make_case,
    person_message,
    seed_staff,
)
from tests.conftest import runtime


async def test_a_claim_assigns_the_case_and_silences_the_bot(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    async with rt.db.session() as session, session.begin():
        claimed = await actions.claim(session, staff.amina, case.id, now=NOW)
    assert (claimed.status, claimed.assignee_id) == ("claimed", staff.amina.id)
    conv = await fresh(rt, Conversation, case.conversation_id)
    assert conv.claimed is True
    assert ("claim", staff.amina.id) in await audit_actions(rt, case.id)


async def test_claiming_again_is_harmless_but_another_caseworker_gets_a_conflict(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="morocco")
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.omar, case.id)
    async with rt.db.session() as session, session.begin():
        again = await actions.claim(session, staff.omar, case.id)
    assert again.assignee_id == staff.omar.id
    with pytest.raises(Conflict):
        async with rt.db.session() as session, session.begin():
            await actions.claim(session, staff.admin, case.id)


async def test_two_concurrent_claims_exactly_one_wins(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="libya")
    async with rt.db.session() as session, session.begin():
        second, _token = await add_worker(session, "sara", ["libya"])

    async def attempt(user: object) -> str:
        try:
            async with rt.db.session() as session, session.begin():
                await actions.claim(session, user, case.id)  # type: ignore[arg-type]
                await asyncio.sleep(0.05)  # hold the transaction open: the race is real
            return "won"
        except Conflict:
            return "conflict"

    results = await asyncio.gather(attempt(staff.amina), attempt(second))
    assert sorted(results) == ["conflict", "won"]
    stored = await fresh(rt, Case, case.id)
    assert stored.assignee_id in (staff.amina.id, second.id)
    async with rt.db.session() as session:
        claims = (
            (await session.execute(select(AuditLog).where(AuditLog.action == "claim")))
            .scalars()
            .all()
        )
    assert len(claims) == 1


async def test_other_teams_cases_do_not_exist_for_a_caseworker(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="libya")
    async with rt.db.session() as session, session.begin():
        for call in (
            actions.get_case(session, staff.omar, case.id),
            actions.transcript(session, staff.omar, case.id),
            actions.claim(session, staff.omar, case.id),
            actions.add_note(session, staff.omar, case.id, "x"),
            actions.resolve(session, staff.omar, case.id, "assisted"),
            actions.media_blob(session, staff.omar, case.id, 1),
        ):
            with pytest.raises(NotFound):
                await call
        assert await actions.list_cases(session, staff.omar) == []
        # An admin sees every team's cases.
        got, _conv = await actions.get_case(session, staff.admin, case.id.lower())
        assert got.id == case.id


async def test_list_is_newest_first_filtered_and_counted(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    old = await make_case(rt, created_at=NOW - timedelta(days=2), priority="normal")
    new = await make_case(rt, created_at=NOW - timedelta(hours=1))
    await make_case(rt, team="morocco")
    async with rt.db.session() as session:
        rows = await actions.list_cases(session, staff.amina)
        assert [c.id for c, _ in rows] == [new.id, old.id]
        urgent = await actions.list_cases(session, staff.amina, priority="urgent")
        assert [c.id for c, _ in urgent] == [new.id]
        assert await actions.count_cases(session, staff.amina, status="open,claimed") == 2
        page = await actions.list_cases(session, staff.amina, limit=1, offset=1)
        assert [c.id for c, _ in page] == [old.id]
        assert await actions.count_cases(session, staff.admin) == 3
        with pytest.raises(BadRequest):
            await actions.list_cases(session, staff.amina, status="lost")


async def test_viewing_a_case_and_its_messages_is_audited(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    await person_message(rt, case, "my employer took my passport")
    async with rt.db.session() as session, session.begin():
        await actions.get_case(session, staff.amina, case.id)
        messages = await actions.transcript(session, staff.amina, case.id)
    assert [m.text for m in messages] == ["my employer took my passport"]
    assert await audit_actions(rt, case.id) == [("view", staff.amina.id)] * 2


async def test_notes_are_kept_with_their_author_and_audited_without_their_text(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    async with rt.db.session() as session, session.begin():
        note = await actions.add_note(session, staff.amina, case.id, "  Called the embassy.  ")
    async with rt.db.session() as session:
        rows = await actions.notes(session, staff.amina, case.id)
        entry = (
            await session.execute(select(AuditLog).where(AuditLog.action == "note"))
        ).scalar_one()
    assert [(n.text, name) for n, name in rows] == [("Called the embassy.", "amina")]
    assert entry.detail == {"note_id": note.id}
    with pytest.raises(BadRequest):
        async with rt.db.session() as session, session.begin():
            await actions.add_note(session, staff.amina, case.id, "   ")
    assert await fresh(rt, Note, note.id) is not None


async def test_release_needs_the_claimer_and_reopens_the_case(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    async with rt.db.session() as session, session.begin():
        sara, _token = await add_worker(session, "sara", ["libya"])
    case = await make_case(rt, status="claimed", assignee=staff.amina)
    with pytest.raises(Conflict):
        async with rt.db.session() as session, session.begin():
            await actions.release(session, rt, sara, case.id)
    async with rt.db.session() as session, session.begin():
        released = await actions.release(session, rt, staff.amina, case.id, now=NOW)
    assert (released.status, released.assignee_id) == ("open", None)
    assert (await fresh(rt, Conversation, case.conversation_id)).claimed is False
    with pytest.raises(Conflict):  # nothing to release any more
        async with rt.db.session() as session, session.begin():
            await actions.release(session, rt, staff.amina, case.id)
    assert ("release", staff.amina.id) in await audit_actions(rt, case.id)


async def test_resolve_closes_with_an_outcome_and_frees_the_chat(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina)
    with pytest.raises(BadRequest):
        async with rt.db.session() as session, session.begin():
            await actions.resolve(session, staff.amina, case.id, "rescued")
    async with rt.db.session() as session, session.begin():
        done = await actions.resolve(session, staff.amina, case.id, "referred", now=NOW)
    assert (done.status, done.outcome) == ("resolved", "referred")
    assert (await fresh(rt, Conversation, case.conversation_id)).claimed is False
    with pytest.raises(Conflict):
        async with rt.db.session() as session, session.begin():
            await actions.claim(session, staff.amina, case.id)
    with pytest.raises(Conflict):
        async with rt.db.session() as session, session.begin():
            await actions.resolve(session, staff.amina, case.id, "assisted")
    entries = await audit_actions(rt, case.id)
    assert entries == [("resolve", staff.amina.id)]


async def test_an_admin_may_resolve_a_case_someone_else_claimed(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, status="claimed", assignee=staff.amina)
    async with rt.db.session() as session, session.begin():
        done = await actions.resolve(session, staff.admin, case.id, "duplicate")
    assert done.status == "resolved"


async def test_handing_back_after_the_window_closed_sends_nothing(
    app_client: httpx.AsyncClient,
) -> None:
    """The bot may not write outside the window (and HUMAN_AGENT is for humans only): the
    flow simply goes on when the person next writes."""
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(
        rt,
        channel="messenger",
        status="claimed",
        assignee=staff.amina,
        last_inbound=NOW - timedelta(days=2),
        state={"flow": "distress", "step": "passport", "done": False},
    )
    async with rt.db.session() as session, session.begin():
        await actions.release(session, rt, staff.amina, case.id, now=NOW)
    async with rt.db.session() as session:
        queued = (await session.execute(select(Outbox))).scalars().all()
        conv = await session.get(Conversation, case.conversation_id)
    assert queued == []
    assert conv is not None and conv.claimed is False
    assert conv.state == {"flow": "distress", "step": "passport", "done": False}
