"""Groups of cases: made from visible cases only, seen only by who may see every case."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.cases.errors import BadRequest, NotFound
from bot.groups import groups
from bot.store.models import AuditLog
from tests.cases.support import Staff
from tests.conftest import runtime
from tests.groups.support import gid, person


async def test_create_add_and_remove(client: httpx.AsyncClient, staff: Staff) -> None:
    rt = runtime(client)
    a, b, c = [await person(rt) for _ in range(3)]
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(
            session, staff.amina, "  Tripoli   house ", [a.id, a.id.lower(), b.id]
        )
        assert group.name == "Tripoli house" and group.teams == ["libya"]
        assert await groups.add_members(session, staff.amina, gid(group), [b.id, c.id]) == [c.id]
        await groups.remove_member(session, staff.amina, gid(group), a.id)
        members = await groups.members(session, gid(group))
    assert {case.id for case, _ in members} == {b.id, c.id}
    async with rt.db.session() as session:
        actions = (await session.execute(select(AuditLog.action, AuditLog.case_id))).all()
    assert ("group_add", c.id) in actions and ("group_remove", a.id) in actions


async def test_a_group_needs_a_name_and_visible_cases(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    mine = await person(rt)
    theirs = await person(rt, team="morocco")
    async with rt.db.session() as session, session.begin():
        with pytest.raises(BadRequest):
            await groups.create_group(session, staff.amina, " ", [mine.id])
        with pytest.raises(BadRequest):
            await groups.create_group(session, staff.amina, "g", [])
        with pytest.raises(NotFound):
            await groups.create_group(session, staff.amina, "g", [mine.id, theirs.id])
        with pytest.raises(NotFound):
            await groups.create_group(session, staff.amina, "g", ["NOPE-NOPE"])


async def test_a_group_with_another_teams_case_is_only_for_admins(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    libya = await person(rt)
    morocco = await person(rt, team="morocco")
    async with rt.db.session() as session, session.begin():
        mixed = await groups.create_group(session, staff.admin, "mixed", [libya.id, morocco.id])
        await groups.create_group(session, staff.amina, "own", [libya.id])
    async with rt.db.session() as session, session.begin():
        for user in (staff.amina, staff.omar):
            with pytest.raises(NotFound):
                await groups.load_group(session, user, gid(mixed))
        assert (await groups.load_group(session, staff.admin, gid(mixed))).name == "mixed"
        names = {
            user.name: [g["group"].name for g in await groups.list_groups(session, user)]
            for user in (staff.amina, staff.omar, staff.admin)
        }
    assert names == {"amina": ["own"], "omar": [], "root": ["own", "mixed"]}


async def test_an_emptied_group_stays_with_its_teams(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    libya = await person(rt)
    async with rt.db.session() as session, session.begin():
        group = await groups.create_group(session, staff.amina, "g", [libya.id])
        await groups.remove_member(session, staff.amina, gid(group), libya.id)
    async with rt.db.session() as session, session.begin():
        assert await groups.member_count(session, gid(group)) == 0
        with pytest.raises(NotFound):
            await groups.load_group(session, staff.omar, gid(group))
        assert (await groups.load_group(session, staff.amina, gid(group))).id == group.id
