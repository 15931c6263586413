"""The case priority from the flow's rules (data, not code), and which rules fired."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.engine.conditions import holds
from bot.engine.schema import Indicator, Priority, PrioritySpec

RANK: dict[str, int] = {"normal": 0, "high": 1, "urgent": 2}


def evaluate(
    spec: PrioritySpec, facts: Mapping[str, Any], forced: Mapping[str, str] | None = None
) -> tuple[Priority, list[str]]:
    """(priority, ids of the rules that fired): the highest fired rule wins.

    `forced` holds rules raised by `priority` steps ({rule id: level}).
    """
    fired = [(r.id, r.priority) for r in spec.rules if holds(r.when, facts)]
    fired += [(rule, level) for rule, level in (forced or {}).items()]
    level = max((lv for _, lv in fired), key=RANK.__getitem__, default=spec.default)
    if RANK[spec.default] > RANK[level]:
        level = spec.default
    return level, [rule for rule, _ in fired]  # type: ignore[return-value]


def indicators(specs: list[Indicator], facts: Mapping[str, Any]) -> list[str]:
    """Ids of the flow's indicators (e.g. the ILO's signs of forced labour) that hold."""
    return [i.id for i in specs if holds(i.when, facts)]
