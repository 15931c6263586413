"""The admin page of emergency numbers (/inbox/admin/numbers): the same check as `sauti
numbers check`, per country, with the teams' countries that have no usable number flagged."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.store.db import Database
from tests.conftest import running_app, runtime
from tests.web.inbox.support import Web, login, seed
from tests.web.inbox.test_security import assert_strict

PAGE = "/inbox/admin/numbers"


def numbers_file(folder: Path) -> Path:
    """Libya without a number, Morocco with one fresh checked number and three the bot may
    not give, Tunisia (no team) unverified; dates relative to today so they stay fresh."""
    fresh = (datetime.now(UTC).date() - timedelta(days=30)).isoformat()
    old = (datetime.now(UTC).date() - timedelta(days=800)).isoformat()
    path = folder / "emergency_numbers.yaml"
    path.write_text(
        f"""countries:
  LY:
    name: Libya
    available: false
    source: "research brief: no number found"
  MA:
    name: Morocco
    numbers:
      - {{service: ambulance, number: "15", confidence: medium, source: "partner call",
         last_verified: {fresh}}}
      - {{service: police, number: "19", confidence: medium, source: test,
         risk: police_may_detain_migrants, last_verified: }}
      - {{service: gendarmerie, number: "177", confidence: medium, source: test,
         last_verified: {old}}}
      - {{service: ambulance, number: "141", confidence: low, source: test,
         last_verified: {fresh}}}
  TN:
    name: Tunisia
    numbers:
      - {{service: ambulance, number: "190", confidence: medium, source: test, last_verified: }}
sea:
  numbers:
    - {{service: coast_guard, country: IT, number: "1530", confidence: medium, source: test,
       last_verified: {fresh}}}
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
async def checked(settings: Settings, db: Database, tmp_path: Path) -> AsyncIterator[Web]:
    """The inbox with a flows folder whose numbers file partners have partly checked."""
    numbers_file(tmp_path)
    demo = settings.model_copy(
        update={"demo": True, "flows_dir": tmp_path, "hotline": "+216 71 000 000"}
    )
    async with running_app(demo) as client:
        rt = runtime(client)
        yield Web(client=client, rt=rt, users=await seed(rt))


def section(html: str, cc: str) -> str:
    found = re.search(rf'<section[^>]*id="country-{cc}".*?</section>', html, re.S)
    assert found, f"no section for {cc}"
    return found.group(0)


def row(html: str, number: str) -> str:
    cell = f'<bdi dir="ltr">{re.escape(number)}</bdi>'
    found = re.search(rf"<tr>(?:(?!</tr>).)*{cell}.*?</tr>", html, re.S)
    assert found, f"no row for {number}"
    return found.group(0)


async def test_an_admin_sees_the_team_country_without_a_number_flagged(checked: Web) -> None:
    await login(checked.client, "root")
    response = await checked.client.get(PAGE)
    assert response.status_code == 200
    html = response.text
    assert (
        "1 of your teams' countries has no checked number: partners must phone it "
        "before people can be given a number." in html
    )
    assert 'People in <a href="#country-LY">Libya</a> hear that we have no checked number' in html
    libya = section(html, "LY")
    assert "numbers-flagged" in libya and "No usable number" in libya
    assert "Libya" in libya and "research brief: no number found" in libya
    morocco = section(html, "MA")
    assert "Morocco" in morocco and "numbers-flagged" not in morocco
    ambulance = row(morocco, "15")
    assert "usable" in ambulance and "partner call" in ambulance
    assert (datetime.now(UTC).date() - timedelta(days=30)).isoformat() in ambulance
    police = row(morocco, "19")
    assert "unverified" in police and "never" in police and "police may detain migrants" in police
    assert "stale" in row(morocco, "177") and "low confidence" in row(morocco, "141")
    # The teams' countries first, then the others (Tunisia, covered by no team, unflagged).
    assert (
        html.index('id="country-LY"')
        < html.index('id="country-MA"')
        < html.index('id="country-TN"')
    )
    assert "numbers-flagged" not in section(html, "TN")
    assert html.index('id="country-TN"') < html.index('id="country-sea"')
    coast_guard = row(section(html, "sea"), "1530")
    assert "coast guard" in coast_guard and "Italy" in coast_guard and "usable" in coast_guard
    assert 'the NGO\'s own line <bdi dir="ltr">+216 71 000 000</bdi>' in html
    assert "4 of 6 numbers the bot will not give" in html
    assert " style=" not in html  # the CSP forbids style attributes
    assert_strict(response.headers)


async def test_every_covered_country_with_a_number_is_said_plainly(checked: Web) -> None:
    from bot.accounts import add_team

    async with checked.rt.db.session() as s, s.begin():
        await add_team(s, "libya", ["MA"])  # Libya's team now works on Morocco only
    await login(checked.client, "root")
    html = (await checked.client.get(PAGE)).text
    assert "Every country your teams cover has a checked number." in html
    assert "numbers-flagged" not in html


async def test_without_a_file_of_its_own_the_page_checks_the_repository_s(web: Web) -> None:
    # The repository's numbers are not yet phoned by partners: both teams' countries flagged.
    await login(web.client, "root")
    response = await web.client.get(PAGE)
    assert response.status_code == 200
    assert "2 of your teams' countries have no checked number" in response.text
    assert "numbers-flagged" in section(response.text, "MA")
    assert "SAUTI_HOTLINE is not set" in response.text
    assert_strict(response.headers)


async def test_a_broken_numbers_file_is_shown_not_a_500(checked: Web, tmp_path: Path) -> None:
    (tmp_path / "emergency_numbers.yaml").write_text("countries:\n  LYB: {}\n", encoding="utf-8")
    await login(checked.client, "root")
    response = await checked.client.get(PAGE)
    assert response.status_code == 200
    assert "The numbers file cannot be read" in response.text and "LYB" in response.text


async def test_caseworkers_are_refused_and_see_no_link(checked: Web) -> None:
    await login(checked.client, "amina")
    response = await checked.client.get(PAGE)
    assert response.status_code == 403
    assert "admins only" in response.text and "Libya" not in response.text
    assert_strict(response.headers)
    assert f'href="{PAGE}"' not in (await checked.client.get("/inbox")).text
    await login(checked.client, "root")
    assert f'href="{PAGE}"' in (await checked.client.get("/inbox")).text


async def test_anonymous_visitors_go_to_the_login_page(checked: Web) -> None:
    response = await checked.client.get(PAGE)
    assert response.status_code == 303
    assert response.headers["location"] == f"/inbox/login?next={PAGE}"
