"""`when:` conditions, evaluated in our code (the machine's evaluator has no `in`)."""

from __future__ import annotations

import pytest

from bot.engine.conditions import describe, holds, names

FACTS = {"safety": "danger_now", "passport": "held_by_agent", "people": 16, "country": "LY"}

CASES = [
    ({"safety": "danger_now"}, True),
    ({"safety": "safe"}, False),
    ({"passport": {"in": ["held_by_employer", "held_by_agent"]}}, True),
    ({"passport": {"not_in": ["held_by_employer", "held_by_agent"]}}, False),
    ({"safety": {"not": "safe"}}, True),
    ({"people": {"min": 10}}, True),
    ({"people": {"max": 10}}, False),
    ({"people": {"min": 10, "max": 20}}, True),
    ({"people": "16"}, True),  # YAML text vs a stored number
    ({"agency": {"exists": True}}, False),
    ({"agency": {"exists": False}}, True),
    ({"agency": {"min": 1}}, False),
    ({"safety": "danger_now", "people": {"min": 20}}, False),
    ({"any": [{"safety": "safe"}, {"country": "LY"}]}, True),
    ({"all": [{"safety": "danger_now"}, {"country": "TN"}]}, False),
    ({"not": {"country": "LY"}}, False),
    (None, True),
]


@pytest.mark.parametrize(("cond", "expected"), CASES)
def test_holds(cond, expected):
    assert holds(cond, FACTS) is expected


def test_names_lists_the_answers_read():
    cond = {"any": [{"safety": "x"}, {"not": {"people": {"min": 1}}}], "country": "LY"}
    assert names(cond) == {"safety", "people", "country"}


def test_describe_reads_like_the_yaml():
    assert describe({"safety": "danger_now"}) == "safety = danger_now"
    assert describe({"passport": {"in": ["a", "b"]}}) == "passport in a, b"
    assert describe({"any": [{"a": 1}, {"b": {"min": 2}}]}) == "(a = 1 or b ≥ 2)"
