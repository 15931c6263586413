"""Routing that misses nobody: set up exactly as the README's step 4 says, a person writing
from a country no team covers reaches a caseworker (inbox, with a banner, and API) until
someone routes the case to a team; then other teams no longer see it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from bot.cli import app as cli_app
from bot.config import Settings, get_settings
from bot.runtime import Runtime
from bot.store.db import Database
from bot.store.models import AuditLog, Case
from tests.cases.support import make_case, seed_staff
from tests.conftest import running_app, runtime
from tests.helpers import sim_message, store_events
from tests.web.inbox.support import csrf_of, login

BANNER = "Not routed to a team yet"
CASABLANCA = (33.5731, -7.5898)  # Morocco: no team in the README's set-up covers it
TRIPOLI = (32.8872, 13.1913)


@dataclass
class Readme:
    client: httpx.AsyncClient
    rt: Runtime
    teams_output: str
    password: str
    token: str

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _invoke(args: list[str]) -> str:
    get_settings.cache_clear()
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    return result.output


async def sauti(*args: str) -> str:
    """The `sauti` command, run beside the app (in a thread: it has its own event loop)."""
    return await asyncio.to_thread(_invoke, list(args))


@pytest.fixture
async def readme(
    settings: Settings, db: Database, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Readme]:
    """The app, and step 4 of the README typed at the command line, word for word."""
    monkeypatch.setenv("SAUTI_DATABASE_URL", settings.database_url)
    for name in ("DATA_KEY", "HASH_KEY"):
        monkeypatch.delenv(f"SAUTI_{name}", raising=False)
    async with running_app(settings.model_copy(update={"demo": True})) as client:
        teams = await sauti("teams", "add", "libya", "--countries", "LY,TN")
        users = (await sauti("users", "add", "amina", "--team", "libya")).splitlines()
        password = next(line for line in users if line.startswith("password: ")).split()[-1]
        yield Readme(client, runtime(client), teams, password, users[-1])
    get_settings.cache_clear()


async def say(rt: Runtime, text: str | None = None, **kw: object) -> None:
    await store_events(rt.db, sim_message(text, contact="salma", **kw))  # type: ignore[arg-type]
    await rt.workers.run_until_idle()


async def writes_from(rt: Runtime, where: tuple[float, float]) -> Case:
    """A person in danger shares where she is."""
    for step in ({"text": "hello"}, {"choice": "en"}, {"choice": "yes"}, {"choice": "danger_now"}):
        await say(rt, **step)  # type: ignore[arg-type]
    await say(rt, location=where)
    async with rt.db.session() as session:
        return (await session.execute(select(Case))).scalar_one()


async def test_the_first_team_is_the_default_and_the_cli_says_so(readme: Readme) -> None:
    assert "libya is the default team" in readme.teams_output
    second = await sauti("teams", "add", "tunisia", "--countries", "TN")
    assert "default" not in second
    moved = await sauti("teams", "add", "tunisia", "--countries", "TN", "--default")
    assert "tunisia is the default team" in moved


async def test_a_person_from_a_country_no_team_covers_reaches_the_caseworker(
    readme: Readme,
) -> None:
    case = await writes_from(readme.rt, CASABLANCA)
    assert (case.location or {}).get("country_code") == "MA"
    assert (case.team, case.routing, case.priority) == ("libya", "unrouted", "urgent")

    # The inbox: under the banner.
    signed_in = await login(readme.client, "amina", readme.password)
    assert signed_in.status_code in (302, 303)
    inbox = await readme.client.get("/inbox")
    assert BANNER in inbox.text
    banner_at, case_at = inbox.text.index(BANNER), inbox.text.index(f"Case {case.id}")
    assert banner_at < case_at
    # The API: listed, readable, marked as not routed.
    listed = (await readme.client.get("/api/cases", headers=readme.auth())).json()
    assert [(c["id"], c["routed"]) for c in listed["cases"]] == [(case.id, False)]
    one = await readme.client.get(f"/api/cases/{case.id}", headers=readme.auth())
    assert one.status_code == 200 and one.json()["routed"] is False

    # She routes it to her team (it is hers now): audited, and the banner goes.
    page = await readme.client.get(f"/inbox/cases/{case.id}")
    assert "Not routed to a team yet: route to" in page.text
    routed = await readme.client.post(
        f"/inbox/cases/{case.id}/route", data={"csrf": csrf_of(page.text), "team": "libya"}
    )
    assert routed.status_code == 303
    assert BANNER not in (await readme.client.get("/inbox")).text
    async with readme.rt.db.session() as session:
        stored = await session.get(Case, case.id)
        trail = await session.execute(select(AuditLog).where(AuditLog.action == "route"))
        row = trail.scalar_one()
    assert stored is not None and (stored.team, stored.routing) == ("libya", "caseworker")
    assert row.case_id == case.id and (row.detail or {}).get("team") == "libya"


async def test_a_person_from_a_covered_country_is_routed_at_once(readme: Readme) -> None:
    case = await writes_from(readme.rt, TRIPOLI)
    assert (case.team, case.routing) == ("libya", "country")
    await login(readme.client, "amina", readme.password)
    assert BANNER not in (await readme.client.get("/inbox")).text


async def test_every_caseworker_sees_an_unrouted_case_until_it_is_routed(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    case = await make_case(rt, team="morocco")
    async with rt.db.session() as session, session.begin():
        await session.execute(update(Case).values(routing="unrouted"))
    for name in ("amina", "omar", "root"):
        got = await app_client.get(f"/api/cases/{case.id}", headers=staff.auth(name))
        assert got.status_code == 200, name
        listed = await app_client.get("/api/cases", headers=staff.auth(name))
        assert [c["id"] for c in listed.json()["cases"]] == [case.id], name

    routed = await app_client.post(
        f"/api/cases/{case.id}/route", json={"team": "libya"}, headers=staff.auth("omar")
    )
    assert routed.status_code == 200
    assert (routed.json()["team"], routed.json()["routed"]) == ("libya", True)
    # Now another team's case: 404 for Omar (Morocco), Amina's (Libya) to see.
    assert (
        await app_client.get(f"/api/cases/{case.id}", headers=staff.auth("omar"))
    ).status_code == 404
    assert (await app_client.get("/api/cases", headers=staff.auth("omar"))).json()["cases"] == []
    assert (
        await app_client.get(f"/api/cases/{case.id}", headers=staff.auth("amina"))
    ).status_code == 200


async def test_routing_is_refused_for_other_teams_cases_unknown_teams_and_resolved_cases(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    libyas = await make_case(rt, team="libya")
    resolved = await make_case(rt, team="libya", status="resolved")
    headers = staff.auth("omar")
    other = await app_client.post(
        f"/api/cases/{libyas.id}/route", json={"team": "morocco"}, headers=headers
    )
    unknown = await app_client.post(
        f"/api/cases/{libyas.id}/route", json={"team": "atlantis"}, headers=staff.auth("amina")
    )
    closed = await app_client.post(
        f"/api/cases/{resolved.id}/route", json={"team": "morocco"}, headers=staff.auth("root")
    )
    assert (other.status_code, unknown.status_code, closed.status_code) == (404, 422, 409)


async def test_a_case_routed_by_hand_stays_when_the_person_later_shares_a_place(
    readme: Readme,
) -> None:
    case = await writes_from(readme.rt, CASABLANCA)
    await sauti("teams", "add", "maghreb", "--countries", "DZ")
    routed = await readme.client.post(
        f"/api/cases/{case.id}/route", json={"team": "maghreb"}, headers=readme.auth()
    )
    assert routed.status_code == 200
    await say(readme.rt, location=TRIPOLI)
    async with readme.rt.db.session() as session:
        stored = await session.get(Case, case.id)
    assert stored is not None and (stored.team, stored.routing) == ("maghreb", "caseworker")
