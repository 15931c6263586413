"""`GET /api/cases/{id}/media/{message_id}`: the person's file, for the case's team only."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from bot.store.models import AuditLog, MediaBlob, Message
from tests.cases.support import make_case, seed_staff
from tests.conftest import runtime

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


async def stored_file(client: httpx.AsyncClient, case_conv: int, state: str = "stored") -> int:
    async with runtime(client).db.session() as session, session.begin():
        msg = Message(
            conversation_id=case_conv,
            direction="in",
            author="person",
            kind="media",
            data={"media": {"kind": "image", "mime_type": "image/jpeg"}},
            state="done",
        )
        session.add(msg)
        await session.flush()
        session.add(
            MediaBlob(
                message_id=msg.id,  # type: ignore[arg-type]
                mime_type="image/jpeg",
                size=len(JPEG),
                content=JPEG if state == "stored" else None,
                state=state,
            )
        )
        return msg.id  # type: ignore[return-value]


async def test_the_team_gets_the_file_with_safe_headers(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    msg_id = await stored_file(app_client, case.conversation_id)
    resp = await app_client.get(f"/api/cases/{case.id}/media/{msg_id}", headers=staff.auth("amina"))
    assert resp.status_code == 200
    assert resp.content == JPEG
    assert resp.headers["content-type"] == "image/jpeg"
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["cache-control"] == "private, no-store"
    async with rt.db.session() as session:
        entry = (
            await session.execute(select(AuditLog).where(AuditLog.action == "media"))
        ).scalar_one()
    assert (entry.user_id, entry.detail) == (staff.amina.id, {"message_id": msg_id})
    messages = (
        await app_client.get(f"/api/cases/{case.id}/messages", headers=staff.auth("amina"))
    ).json()
    assert messages[0]["media"]["url"] == f"/api/cases/{case.id}/media/{msg_id}"
    assert messages[0]["media"]["state"] == "stored"


async def test_other_teams_and_other_cases_get_404(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    other = await make_case(rt)
    msg_id = await stored_file(app_client, case.conversation_id)
    assert (
        await app_client.get(f"/api/cases/{case.id}/media/{msg_id}", headers=staff.auth("omar"))
    ).status_code == 404
    # A file of another case of the same team is not reachable through this case either.
    assert (
        await app_client.get(f"/api/cases/{other.id}/media/{msg_id}", headers=staff.auth("amina"))
    ).status_code == 404


async def test_a_file_still_downloading_is_202_and_a_refused_one_404(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    pending = await stored_file(app_client, case.conversation_id, state="pending")
    too_big = await stored_file(app_client, case.conversation_id, state="too_large")
    resp = await app_client.get(
        f"/api/cases/{case.id}/media/{pending}", headers=staff.auth("amina")
    )
    assert (resp.status_code, resp.json()) == (202, {"state": "pending"})
    resp = await app_client.get(
        f"/api/cases/{case.id}/media/{too_big}", headers=staff.auth("amina")
    )
    assert resp.status_code == 404 and resp.json()["detail"]["state"] == "too_large"
