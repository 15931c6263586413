"""Erasing one person takes them out of every group, update list, link and statistic."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.erasure import erase_conversation
from bot.groups import groups, send
from bot.groups.erase import forget_person
from bot.groups.patterns import pattern_table
from bot.store.models import CaseLink, Conversation, GroupDelivery, GroupMember, utcnow
from tests.cases.support import Staff
from tests.conftest import runtime
from tests.groups.support import gid, person, pin


async def test_erasure_removes_the_person_from_groups_links_and_patterns(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    now = utcnow()
    people = [
        await person(
            rt,
            answers={"agency": "Al Amal"},
            location=pin(32.88, 13.19),
            last_inbound=now,
            created_at=now - timedelta(hours=i + 1),
        )
        for i in range(3)
    ]
    leaving = people[0]
    auth = staff.auth("amina")
    group_id = (
        await client.post(
            "/api/groups", json={"name": "house", "case_ids": [p.id for p in people]}, headers=auth
        )
    ).json()["id"]
    assert (
        await client.post(f"/api/groups/{group_id}/messages", json={"text": "hello"}, headers=auth)
    ).status_code == 201
    await client.post(
        f"/api/cases/{leaving.id}/links",
        json={"other_case_id": people[1].id, "decision": "confirm"},
        headers=auth,
    )
    async with rt.db.session() as session:
        before = await pattern_table(session, days=30)
    assert before["agencies"][0]["count"] == 3 and before["places"][0]["count"] == 3

    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, leaving.conversation_id)
        assert conv is not None
        await erase_conversation(session, conv, goodbye=False)
        await forget_person(session, conv.id)  # type: ignore[arg-type]

    async with rt.db.session() as session:
        for model, column in (
            (GroupMember, GroupMember.case_id),
            (GroupDelivery, GroupDelivery.case_id),
        ):
            assert (
                await session.execute(select(model).where(column == leaving.id))
            ).first() is None
        assert (await session.execute(select(CaseLink))).first() is None
        after = await pattern_table(session, days=30)
    # Two people left: below the threshold, so neither the agency nor the place is shown.
    assert after["agencies"] == [] and after["places"] == []
    detail = (await client.get(f"/api/groups/{group_id}", headers=auth)).json()
    assert leaving.id not in str(detail)
    assert len(detail["members"]) == 2 and len(detail["last_update"]["recipients"]) == 2
    links = (await client.get(f"/api/cases/{people[1].id}/links", headers=auth)).json()
    assert leaving.id not in str(links)


async def test_group_screens_leave_erased_people_out_even_before_they_are_forgotten(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    a, b = await person(rt, last_inbound=utcnow()), await person(rt, last_inbound=utcnow())
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(session, staff.amina, "g", [a.id, b.id])
        await send.send_update(session, rt, staff.amina, gid(group), text="hi")
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, a.conversation_id)
        assert conv is not None
        await erase_conversation(session, conv, goodbye=False)
    detail = (await client.get(f"/api/groups/{group.id}", headers=staff.auth("amina"))).json()
    assert [m["case_id"] for m in detail["members"]] == [b.id]
    assert [r["case_id"] for r in detail["last_update"]["recipients"]] == [b.id]
    async with rt.db.session() as session, session.begin():
        _update, rows = await send.send_update(session, rt, staff.amina, gid(group), text="again")
    assert [r.case_id for r in rows] == [b.id]
