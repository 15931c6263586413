"""Team notifications: signed, durable, retried with backoff; an urgent case nobody claims
is notified again and escalated to the admins (controllable clock throughout)."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.cases import actions, notify
from bot.cases.notify import SIGNATURE_HEADER
from bot.runtime import Runtime
from bot.store.models import AuditLog, Case, CaseNotification, Team
from tests.cases.support import NOW, bus, make_case, seed_staff
from tests.conftest import runtime

SECRET = "s3cret-for-tests"
URL = "http://libya.example/hook"


class Receiver:
    """Stands in for a team's chat tool; answers with the queued statuses."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.statuses.pop(0) if self.statuses else 200)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))


async def queue(rt: Runtime, case: Case, kind: str = "urgent") -> None:
    async with rt.db.session() as session, session.begin():
        stored = await session.get(Case, case.id)
        assert await notify.queue_notice(session, stored, kind, now=NOW)  # type: ignore[arg-type]


async def rows(rt: Runtime) -> list[CaseNotification]:
    async with rt.db.session() as session:
        found = await session.execute(select(CaseNotification).order_by(CaseNotification.id))
        return list(found.scalars())


async def deliver(rt: Runtime, receiver: Receiver, at: object) -> int:
    async with receiver.client() as http:
        return await notify.deliver_due(
            rt.db,
            http,
            secret=SECRET,
            public_url="https://sauti.example",
            now=at,  # type: ignore[arg-type]
        )


async def test_a_notification_is_signed_and_says_which_case_not_what_was_said(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt, libya_url=URL)
    case = await make_case(rt, location={"latitude": 32.9, "longitude": 13.2, "text": "tripoli"})
    await queue(rt, case)
    receiver = Receiver(200)
    assert await deliver(rt, receiver, NOW) == 1
    [request] = receiver.requests
    body = request.content
    expected = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert request.headers[SIGNATURE_HEADER] == expected
    assert str(request.url) == URL
    data = json.loads(body)
    assert data["event"] == "case.urgent"
    assert data["case"]["id"] == case.id and data["case"]["priority"] == "urgent"
    assert data["inbox_url"].startswith("https://sauti.example/")
    assert "tripoli" not in body.decode() and "danger_now" not in body.decode()
    [row] = await rows(rt)
    assert (row.state, row.attempts) == ("sent", 1)
    assert await deliver(rt, receiver, NOW + timedelta(hours=1)) == 0  # sent once only


async def test_a_failed_notification_is_retried_with_growing_delays_until_it_arrives(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt, libya_url=URL)
    case = await make_case(rt)
    await queue(rt, case)
    receiver = Receiver(503, 500, 200)
    assert await deliver(rt, receiver, NOW) == 0
    [row] = await rows(rt)
    first_wait = row.next_attempt_at - NOW
    assert row.state == "pending" and row.error == "HTTP 503"
    assert await deliver(rt, receiver, NOW + first_wait / 2) == 0  # not due yet: no request
    assert len(receiver.requests) == 1
    assert await deliver(rt, receiver, NOW + first_wait) == 0
    [row] = await rows(rt)
    second_wait = row.next_attempt_at - (NOW + first_wait)
    assert second_wait > first_wait
    assert await deliver(rt, receiver, NOW + first_wait + second_wait) == 1
    [row] = await rows(rt)
    assert (row.state, row.attempts, len(receiver.requests)) == ("sent", 3, 3)


async def test_an_endpoint_that_never_answers_is_given_up_on_and_marked_failed(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt, libya_url=URL)
    await queue(rt, await make_case(rt))
    receiver = Receiver(*([500] * notify.RETRY.attempts))
    at = NOW
    for _ in range(notify.RETRY.attempts):
        await deliver(rt, receiver, at)
        at += timedelta(days=1)
    [row] = await rows(rt)
    assert (row.state, row.attempts) == ("failed", notify.RETRY.attempts)


async def test_an_unclaimed_urgent_case_is_notified_again_and_escalated_once(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt, libya_url=URL)
    async with rt.db.session() as session, session.begin():
        hq = (await session.execute(select(Team).where(Team.name == "morocco"))).scalar_one()
        hq.notify_url = "http://hq.example/hook"
    case = await make_case(rt, created_at=NOW)
    minutes = rt.settings.unclaimed_urgent_minutes
    assert (
        await notify.escalate_unclaimed(
            rt.db, minutes=minutes, now=NOW + timedelta(minutes=minutes - 1)
        )
        == []
    )
    with bus(app_client).subscribe(None) as admin_screen:
        later = NOW + timedelta(minutes=minutes)
        assert await notify.escalate_unclaimed(rt.db, minutes=minutes, now=later) == [case.id]
        event = await admin_screen.get(timeout=1)
    assert event is not None and (event["type"], event["case_id"]) == ("case_escalated", case.id)
    assert [(r.kind, r.url) for r in await rows(rt)] == [
        ("reminder", URL),
        ("escalated", "http://hq.example/hook"),
    ]
    stored = await runtime_case(rt, case.id)
    assert stored.escalated_at is not None
    assert (
        await notify.escalate_unclaimed(rt.db, minutes=minutes, now=later + timedelta(hours=1))
        == []
    )
    async with rt.db.session() as session:
        entry = (
            await session.execute(select(AuditLog).where(AuditLog.action == "escalate"))
        ).scalar_one()
    assert entry.user_id is None and entry.case_id == case.id


async def test_a_case_claimed_in_time_is_not_escalated_and_late_reminders_are_dropped(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt, libya_url=URL)
    claimed = await make_case(rt, created_at=NOW)
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.amina, claimed.id)
    assert await notify.escalate_unclaimed(rt.db, minutes=5, now=NOW + timedelta(hours=1)) == []
    # A reminder queued just before someone claimed it is not sent.
    other = await make_case(rt, created_at=NOW)
    await queue(rt, other, "reminder")
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.amina, other.id)
    receiver = Receiver()
    assert await deliver(rt, receiver, NOW) == 0
    assert receiver.requests == []
    assert [r.state for r in await rows(rt)] == ["cancelled"]


async def runtime_case(rt: Runtime, case_id: str) -> Case:
    async with rt.db.session() as session:
        found = await session.get(Case, case_id)
        assert found is not None
        return found
