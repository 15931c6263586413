"""Reasons two cases may be one situation: agency, pins close together, employer town."""

from __future__ import annotations

from typing import Any

from bot.geo.gazetteer import get_gazetteer
from bot.groups.match import Facts, LinkRules, facts_of, rank, reasons
from bot.groups.towns import Towns
from bot.store.models import Case
from tests.groups.support import pin, typed

TOWNS = Towns(get_gazetteer)
RULES = LinkRules()


def case(answers: dict[str, Any] | None = None, location: dict[str, Any] | None = None) -> Case:
    return Case(id="X", conversation_id=1, answers=answers or {}, location=location)


def facts(answers: dict[str, Any] | None = None, location: dict[str, Any] | None = None) -> Facts:
    return facts_of(case(answers, location), TOWNS)


def test_same_agency_reason_quotes_both_spellings() -> None:
    found = reasons(
        facts({"agency": "Al Amal Recruitment"}), facts({"agency": "alamal recruitment"}), RULES
    )
    assert [r.text for r in found] == ["same agency: 'Al Amal Recruitment' ≈ 'alamal recruitment'"]
    assert found[0].as_json()["kind"] == "agency" and found[0].as_json()["score"] >= 85


def test_pins_within_the_distance_are_near_with_the_distance_shown() -> None:
    # 0.011° of latitude is about 1.2 km.
    found = reasons(facts(location=pin(32.880, 13.190)), facts(location=pin(32.891, 13.190)), RULES)
    assert [r.text for r in found] == ["1.2 km apart"]
    assert found[0].as_json()["km"] == 1.22


def test_pins_far_apart_are_not_a_reason_and_the_distance_is_configurable() -> None:
    here, there = facts(location=pin(32.88, 13.19)), facts(location=pin(32.88, 13.30))  # ~10 km
    assert reasons(here, there, RULES) == []
    assert [r.kind for r in reasons(here, there, LinkRules(km=15))] == ["distance"]


def test_a_typed_town_is_not_a_position() -> None:
    # Both typed "Tripoli": the same coordinates (the city's centre), but not "0 km apart".
    found = reasons(
        facts(location=typed("Tripoli", 32.88, 13.19)),
        facts(location=typed("Tripoli", 32.88, 13.19)),
        RULES,
    )
    assert found == []


def test_same_employer_town_across_scripts_and_spellings() -> None:
    found = reasons(
        facts({"employer_town": "Misrata"}, pin(32.0, 15.0, "Misrata")),
        facts({"employer_town": "مصراتة"}),
        RULES,
    )
    assert [r.text for r in found] == ["same employer town: Misrata"]
    assert (
        reasons(facts({"employer_town": "misurata"}), facts({"employer_town": "Zawiya"}), RULES)
        == []
    )


def test_unknown_towns_compare_by_spelling() -> None:
    towns = Towns()  # no gazetteer at all
    a = facts_of(case({"employer_town": "Qasr Al-Akhyar"}), towns)
    b = facts_of(case({"employer_town": "qasr al akhyar"}), towns)
    assert [r.kind for r in reasons(a, b, RULES)] == ["employer_town"]


def test_more_reasons_rank_first() -> None:
    one = reasons(facts({"agency": "Al Amal"}), facts({"agency": "Al Amal"}), RULES)
    two = reasons(
        facts({"agency": "Al Amal"}, pin(32.88, 13.19)),
        facts({"agency": "Al Amal"}, pin(32.881, 13.19)),
        RULES,
    )
    assert rank(two) < rank(one)
