"""The audit trail is append-only: the ORM refuses to change or delete an entry."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.cases import actions, audit
from bot.cases.audit import AuditTamperError
from bot.store.models import AuditLog
from tests.cases.support import NOW, audit_actions, make_case, seed_staff
from tests.conftest import runtime


async def test_every_caseworker_action_leaves_one_entry(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    async with rt.db.session() as session, session.begin():
        await actions.get_case(session, staff.amina, case.id)
        await actions.claim(session, staff.amina, case.id)
        await actions.send_text(session, rt, staff.amina, case.id, canned="received", now=NOW)
        await actions.add_note(session, staff.amina, case.id, "spoke to her sister")
        await actions.release(session, rt, staff.amina, case.id)
        await actions.resolve(session, staff.amina, case.id, "referred")
    entries = await audit_actions(rt, case.id)
    assert entries == [
        (action, staff.amina.id)
        for action in ("view", "claim", "message", "note", "release", "resolve")
    ]


async def test_an_entry_cannot_be_changed_or_deleted(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    async with rt.db.session() as session, session.begin():
        audit.record(session, staff.amina, "view", None)
    with pytest.raises(AuditTamperError):
        async with rt.db.session() as session, session.begin():
            entry = (await session.execute(select(AuditLog))).scalar_one()
            entry.action = "nothing happened"
    with pytest.raises(AuditTamperError):
        async with rt.db.session() as session, session.begin():
            entry = (await session.execute(select(AuditLog))).scalar_one()
            await session.delete(entry)
    assert await audit_actions(rt) == [("view", staff.amina.id)]
