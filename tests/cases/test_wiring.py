"""The cases layer inside a running app: the bus and jobs are installed once, and a person
in danger reaches their team's chat tool within one job round."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx

from bot.cases.notify import SIGNATURE_HEADER
from bot.cases.wiring import install, jobs
from bot.config import Settings
from bot.runtime import Runtime
from tests.cases.support import seed_staff
from tests.conftest import running_app, runtime
from tests.helpers import sim_message, store_events

SECRET = "notify-secret-for-tests"


async def run_jobs_once(runtime: Runtime) -> None:
    """Each periodic job of the cases layer, once, now."""
    for _period, job in jobs(runtime):
        await job()


async def test_install_is_idempotent_and_adds_the_periodic_jobs(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    bus = rt.events  # attached when the runtime was built
    jobs = len(rt.workers.extra_jobs)
    assert await install(rt) is bus
    assert len(rt.workers.extra_jobs) == jobs >= 3


async def test_a_person_in_danger_reaches_the_teams_chat_tool_signed(
    settings: Settings, db: object
) -> None:
    received: list[httpx.Request] = []

    def team_tool(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(204)

    settings = settings.model_copy(update={"notify_secret": SECRET})
    http = httpx.AsyncClient(transport=httpx.MockTransport(team_tool))
    async with running_app(settings, http=http) as client:
        rt = runtime(client)
        await seed_staff(rt)
        async with rt.db.session() as session, session.begin():
            from bot.accounts import add_team

            (
                await add_team(session, "morocco", ["MA"], default=True)
            ).notify_url = "http://hq.example/hook"
        for step in ({"text": "hi"}, {"choice": "en"}, {"choice": "yes"}, {"choice": "danger_now"}):
            await store_events(rt.db, sim_message(contact="khadija", **step))  # type: ignore[arg-type]
            await rt.workers.run_until_idle()
        await run_jobs_once(rt)
    [request] = received
    assert str(request.url) == "http://hq.example/hook"
    expected = hmac.new(SECRET.encode(), request.content, hashlib.sha256).hexdigest()
    assert request.headers[SIGNATURE_HEADER] == f"sha256={expected}"
    data = json.loads(request.content)
    assert (data["event"], data["case"]["priority"], data["case"]["team"]) == (
        "case.urgent",
        "urgent",
        "morocco",
    )
