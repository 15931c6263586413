"""Priority rules are data: the highest fired rule wins, and every fired rule is listed."""

from __future__ import annotations

import pytest

from bot.engine.priority import evaluate
from bot.engine.registry import FlowRegistry
from tests.engine.fakes import ROOT

RULES = FlowRegistry(ROOT / "flows").latest("distress").spec.priority


@pytest.mark.parametrize(
    ("answers", "level", "fired"),
    [
        ({"safety": "danger_now"}, "urgent", ["danger_now"]),
        ({"safety": "not_safe"}, "high", ["not_safe"]),
        ({"safety": "safe", "passport": "held_by_employer"}, "high", ["passport_held"]),
        ({"safety": "safe", "passport": "held_by_agent"}, "high", ["passport_held"]),
        ({"safety": "safe", "passport": "lost"}, "normal", []),
        ({"free_to_leave": "no"}, "high", ["not_free_to_leave"]),
        ({"free_to_leave": "unsure"}, "normal", []),
        (
            {"safety": "danger_now", "passport": "held_by_agent", "free_to_leave": "no"},
            "urgent",
            ["danger_now", "passport_held", "not_free_to_leave"],
        ),
        ({}, "normal", []),
    ],
)
def test_the_default_rules(answers, level, fired):
    assert evaluate(RULES, answers) == (level, fired)


def test_forced_rules_from_priority_steps_count_too():
    assert evaluate(RULES, {"safety": "safe"}, {"at_sea": "urgent"}) == ("urgent", ["at_sea"])


def test_the_default_is_a_floor():
    raised = RULES.model_copy(update={"default": "high"})
    assert evaluate(raised, {}) == ("high", [])
