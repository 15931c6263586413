"""Link suggestions for a case: reasons shown, other teams and old cases left out,
decisions remembered, and nothing copied between people."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from bot.cases.errors import BadRequest, NotFound
from bot.geo.gazetteer import get_gazetteer
from bot.groups import links
from bot.groups.match import LinkRules
from bot.groups.towns import Towns
from bot.runtime import Runtime
from bot.store.models import Case, CaseLink
from tests.cases.support import Staff
from tests.conftest import runtime
from tests.groups.support import NOW, person, pin

TOWNS = Towns(get_gazetteer)
RULES = LinkRules()


async def suggest(rt: Runtime, user: Any, case: Case, rules: LinkRules = RULES) -> dict[str, Any]:
    async with rt.db.session() as session, session.begin():
        return await links.suggest(session, user, case.id, rules=rules, towns=TOWNS, now=NOW)


async def decide(rt: Runtime, user: Any, case: Case, other: Case, decision: str) -> CaseLink:
    async with rt.db.session() as session, session.begin():
        return await links.decide(
            session, user, case.id, other.id, decision, rules=RULES, towns=TOWNS, now=NOW
        )


def reasons_by_case(result: dict[str, Any]) -> dict[str, list[str]]:
    return {s["case"]["id"]: [r["text"] for r in s["reasons"]] for s in result["suggestions"]}


async def test_suggestions_on_agency_position_and_town(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    tripoli = pin(32.8800, 13.1900)
    focus = await person(
        rt, answers={"agency": "Al Amal Recruitment", "employer_town": "Misrata"}, location=tripoli
    )
    latin = await person(rt, answers={"agency": "alamal recruitmnet"})
    arabic = await person(rt, answers={"agency": "الأمل للتوظيف"}, language="ar")
    near = await person(rt, location=pin(32.8910, 13.1900))  # ~1.2 km
    far = await person(rt, location=pin(32.8800, 13.3000))  # ~10 km
    town = await person(rt, answers={"employer_town": "مصراتة"})
    other_agency = await person(rt, answers={"agency": "Golden Star Agency"})
    old = await person(
        rt,
        answers={"agency": "Al Amal Recruitment"},
        location=tripoli,
        created_at=NOW - timedelta(days=60),
    )
    other_team = await person(rt, answers={"agency": "Al Amal Recruitment"}, team="morocco")

    got = reasons_by_case(await suggest(rt, staff.amina, focus))

    assert got[latin.id] == ["same agency: 'Al Amal Recruitment' ≈ 'alamal recruitmnet'"]
    assert got[arabic.id] == ["same agency: 'Al Amal Recruitment' ≈ 'الأمل للتوظيف'"]
    assert got[near.id] == ["1.2 km apart"]
    assert got[town.id] == ["same employer town: Misrata"]
    for absent in (far, other_agency, old, other_team):
        assert absent.id not in got
    assert set(got) == {latin.id, arabic.id, near.id, town.id}


async def test_the_period_and_distance_are_configurable(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    focus = await person(rt, location=pin(32.88, 13.19))
    far = await person(rt, location=pin(32.88, 13.30))
    old = await person(rt, location=pin(32.88, 13.19), created_at=NOW - timedelta(days=60))
    wide = reasons_by_case(await suggest(rt, staff.amina, focus, LinkRules(km=15, days=90)))
    assert set(wide) == {far.id, old.id}


async def test_suggestions_show_the_masked_id_never_the_name(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    focus = await person(rt, answers={"agency": "Al Amal"})
    await person(rt, answers={"agency": "Al Amal"}, name="Achieng Otieno")
    result = await suggest(rt, staff.amina, focus)
    (suggestion,) = result["suggestions"]
    assert "Achieng" not in str(result)
    assert suggestion["case"]["masked_id"].startswith("+254•••••••")


async def test_a_rejected_link_is_not_suggested_again_and_a_confirmed_one_is_listed(
    client: httpx.AsyncClient, staff: Staff
) -> None:
    rt = runtime(client)
    focus = await person(rt, answers={"agency": "Al Amal"})
    wrong = await person(rt, answers={"agency": "alamal"})
    right = await person(rt, answers={"agency": "El Amal office"})
    await decide(rt, staff.amina, focus, wrong, "reject")
    link = await decide(rt, staff.amina, right, focus, "confirm")  # either order, one pair
    assert (link.case_a, link.case_b) == tuple(sorted((focus.id, right.id)))

    result = await suggest(rt, staff.amina, focus)
    assert result["suggestions"] == []
    assert [c["case"]["id"] for c in result["confirmed"]] == [right.id]
    assert result["confirmed"][0]["reasons"][0]["text"].startswith("same agency")
    # From the other side too, and the rejected one still does not come back.
    assert reasons_by_case(await suggest(rt, staff.amina, wrong)) == {
        right.id: ["same agency: 'alamal' ≈ 'El Amal office'"]
    }

    changed = await decide(rt, staff.amina, focus, right, "reject")  # a later decision wins
    assert changed.id == link.id and changed.decision == "rejected"


async def test_linking_never_changes_either_case(client: httpx.AsyncClient, staff: Staff) -> None:
    rt = runtime(client)
    a = await person(rt, answers={"agency": "Al Amal", "passport": "held_by_employer"})
    b = await person(rt, answers={"agency": "alamal", "safety": "danger_now"})
    await decide(rt, staff.amina, a, b, "confirm")
    async with rt.db.session() as session:
        fresh_a, fresh_b = await session.get(Case, a.id), await session.get(Case, b.id)
    assert fresh_a is not None and fresh_b is not None
    assert fresh_a.answers == {
        "consent": "yes",
        "agency": "Al Amal",
        "passport": "held_by_employer",
    }
    assert fresh_b.answers == {"consent": "yes", "agency": "alamal", "safety": "danger_now"}


async def test_decisions_need_both_cases_visible(client: httpx.AsyncClient, staff: Staff) -> None:
    rt = runtime(client)
    mine = await person(rt, answers={"agency": "Al Amal"})
    theirs = await person(rt, answers={"agency": "Al Amal"}, team="morocco")
    with pytest.raises(NotFound):
        await decide(rt, staff.amina, mine, theirs, "confirm")
    with pytest.raises(NotFound):
        await suggest(rt, staff.omar, mine)
    with pytest.raises(BadRequest):
        await decide(rt, staff.amina, mine, mine, "confirm")
    with pytest.raises(BadRequest):
        await decide(rt, staff.amina, mine, theirs, "maybe")
    # An admin sees across teams.
    assert theirs.id in reasons_by_case(await suggest(rt, staff.admin, mine))
