"""Patterns across cases: agencies clustered across spellings, places counted, small counts
left out, and nothing personal in the CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import httpx

from bot.groups.patterns import pattern_table, to_csv
from bot.runtime import Runtime
from bot.store.models import Case, utcnow
from tests.cases.support import Staff
from tests.conftest import runtime
from tests.groups.support import conversation_of, person, pin

AL_AMAL = ["Al Amal Recruitment", "al amal recruitment", "الأمل للتوظيف", "Alamal Recruitmnet"]


async def seed(rt: Runtime) -> list[Case]:
    now = utcnow()
    made = []
    for i, spelling in enumerate(AL_AMAL):  # four people, one agency, four spellings
        made.append(
            await person(
                rt,
                name=f"Woman{i}",
                answers={"agency": spelling},
                location=pin(32.88, 13.19, "Tripoli"),
                created_at=now - timedelta(days=i),
            )
        )
    # Two people name another agency: too few to show. One of them typed her boss's name.
    for text in ("Golden Star Agency, boss Mr Karim Haddad", "golden star"):
        made.append(
            await person(
                rt,
                answers={"agency": text},
                location=pin(32.37, 15.09, "Misrata"),
                created_at=now - timedelta(days=2),
            )
        )
    # Outside the period, and closed as a duplicate: not counted.
    await person(rt, answers={"agency": "Al Amal"}, created_at=now - timedelta(days=200))
    dup = await person(
        rt,
        answers={"agency": "Al Amal"},
        location=pin(32.88, 13.19, "Tripoli"),
        created_at=now - timedelta(days=1),
    )
    async with rt.db.session() as session, session.begin():
        row = await session.get(Case, dup.id)
        assert row is not None
        row.outcome = "duplicate"
    return made


async def test_agencies_cluster_across_spellings_and_small_counts_are_left_out(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    await seed(rt)
    async with rt.db.session() as session:
        table = await pattern_table(session, days=90)
    assert table["agencies"] == [
        {"agency": "Al Amal Recruitment", "country": "LY", "count": 4, "spellings": 3}
    ]
    assert table["places"] == [{"place": "Tripoli", "country": "LY", "count": 4}]
    # "Golden Star" (twice, one with a boss's name after it: two spellings too far apart to
    # cluster) and Misrata (two people) are too small to show.
    assert table["suppressed"] == {"signs": 0, "agencies": 2, "places": 1}
    assert table["period"]["days"] == 90 and table["min_count"] == 3


async def test_the_caseworkers_answers_are_counted_as_people_never_named(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    now = utcnow()
    for i in range(3):
        await person(rt, answers={"wages": "unpaid", "children": "yes" if i else "no"},
                     created_at=now - timedelta(days=i))  # fmt: skip
    async with rt.db.session() as session:
        table = await pattern_table(session, days=90)
    assert table["signs"] == [{"sign": "not paid", "answer": "wages: unpaid", "count": 3}]
    assert table["suppressed"]["signs"] == 1  # children: two people, too few to show


async def test_a_person_with_two_cases_counts_once(client: httpx.AsyncClient, staff: Staff) -> None:
    rt = runtime(client)
    first = await person(rt, answers={"agency": "Al Amal"}, created_at=utcnow())
    async with rt.db.session() as session, session.begin():
        for _ in range(3):
            session.add(
                Case(
                    conversation_id=first.conversation_id,
                    team="libya",
                    answers={"agency": "Al Amal"},
                )
            )
    async with rt.db.session() as session:
        table = await pattern_table(session, days=30, min_count=1)
    assert [a["count"] for a in table["agencies"]] == [1]


async def test_the_csv_has_no_personal_data(client: httpx.AsyncClient, staff: Staff) -> None:
    rt = runtime(client)
    made = await seed(rt)
    resp = await client.get("/api/patterns.csv?days=90", headers=staff.auth("root"))
    assert resp.status_code == 200
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert [(r["kind"], r["agency"], r["place"], r["country"], r["count"]) for r in rows] == [
        ("agency", "Al Amal Recruitment", "", "LY", "4"),
        ("place", "", "Tripoli", "LY", "4"),
    ]
    assert all(r["period_start"] and r["period_end"] for r in rows)
    forbidden = ["Karim", "Haddad", "Golden", "Misrata", "Woman", "+2547", "2547", "•"]
    for case in made:
        conv = await conversation_of(rt, case)
        forbidden += [case.id, conv.contact_ref, conv.masked_id]
    for word in forbidden:
        assert word not in resp.text, word
    json_table = (await client.get("/api/patterns?days=90", headers=staff.auth("root"))).json()
    assert json_table["rows"] == [
        {**r, "count": int(r["count"])} for r in rows
    ]  # the JSON is the same table, easy to chart


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    table = {
        "rows": [
            {
                "kind": "agency",
                "agency": '=HYPERLINK("x")',
                "place": "",
                "country": "LY",
                "count": 3,
                "period_start": "a",
                "period_end": "b",
            }
        ]
    }
    assert "'=HYPERLINK" in to_csv(table)
