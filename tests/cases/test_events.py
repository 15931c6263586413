"""The event bus: team-filtered, published only after commit, never blocking the sender."""

from __future__ import annotations

import httpx
import pytest

from bot.cases import actions
from bot.cases.errors import Conflict
from bot.cases.events import EventBus, queue_event
from tests.cases.support import bus, make_case, seed_staff
from tests.conftest import runtime


async def test_subscribers_get_their_teams_events_and_admins_get_all() -> None:
    events = EventBus()
    libya, admin = events.subscribe(["libya"]), events.subscribe(None)
    events.publish({"type": "case_opened", "case_id": "A", "team": "morocco"})
    events.publish({"type": "case_opened", "case_id": "B", "team": "libya"})
    assert (await libya.get(timeout=0.1))["case_id"] == "B"  # type: ignore[index]
    assert await libya.get(timeout=0.01) is None
    assert [(await admin.get(timeout=0.1))["case_id"] for _ in range(2)] == ["A", "B"]  # type: ignore[index]


async def test_a_stalled_subscriber_is_told_to_resync_instead_of_blocking() -> None:
    events = EventBus(maxsize=2)
    sub = events.subscribe(None)
    for n in range(5):
        events.publish({"type": "message", "case_id": str(n), "team": "x"})
    assert (await sub.get(timeout=0.1))["type"] == "resync"  # type: ignore[index]


async def test_closing_the_bus_ends_every_stream() -> None:
    events = EventBus()
    sub = events.subscribe(None)
    events.close()
    assert [e async for e in sub] == []
    sub.close()
    assert events.subscriber_count == 0


async def test_events_are_published_after_commit_and_dropped_on_rollback(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt)
    with bus(app_client).subscribe(["libya"]) as screen:
        async with rt.db.session() as session, session.begin():
            await actions.claim(session, staff.amina, case.id)
            assert await screen.get(timeout=0.05) is None  # not before the commit
        event = await screen.get(timeout=0.5)
        assert event is not None
        assert (event["type"], event["case_id"], event["team"]) == ("claimed", case.id, "libya")
        assert event["priority"] == "urgent"
        with pytest.raises(Conflict):
            async with rt.db.session() as session, session.begin():
                queue_event(session, {"type": "note", "team": "libya", "case_id": case.id})
                raise Conflict("rolled back")
        assert await screen.get(timeout=0.05) is None
