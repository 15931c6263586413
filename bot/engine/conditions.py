"""Evaluating `when:` conditions on answers, and writing them out for people.

python-statemachine's safe expression evaluator has no `in` operator, so conditions are
evaluated here and handed to the compiled machine as plain callables.

    {safety: danger_now}                         equal
    {passport: {in: [held_by_employer, lost]}}   one of
    {people: {min: 10}}                          a number at least / at most
    {agency: {exists: true}}                     answered (or not)
    {any: [...]}, {all: [...]}, {not: {...}}     combine
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _same(a: Any, b: Any) -> bool:
    if a == b:
        return True
    # YAML may give 3 where the answer is "3" (or the reverse): compare as text then.
    return a is not None and b is not None and str(a) == str(b)


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _test(value: Any, test: Any) -> bool:
    if not isinstance(test, Mapping):
        return _same(value, test)
    for op, arg in test.items():
        if op == "in" and not any(_same(value, a) for a in arg):
            return False
        if op == "not_in" and any(_same(value, a) for a in arg):
            return False
        if op == "not" and _same(value, arg):
            return False
        if op == "exists" and (value is not None) != bool(arg):
            return False
        if op in ("min", "max"):
            number = _number(value)
            if number is None or (number < arg if op == "min" else number > arg):
                return False
    return True


def holds(cond: Mapping[str, Any] | None, facts: Mapping[str, Any]) -> bool:
    """Whether `cond` holds for `facts` (answers plus language and country). None holds."""
    if not cond:
        return True
    for key, test in cond.items():
        if key == "any":
            ok = any(holds(c, facts) for c in test)
        elif key == "all":
            ok = all(holds(c, facts) for c in test)
        elif key == "not":
            ok = not holds(test, facts)
        else:
            ok = _test(facts.get(key), test)
        if not ok:
            return False
    return True


def names(cond: Mapping[str, Any] | None) -> set[str]:
    """The answer names a condition reads."""
    found: set[str] = set()
    for key, test in (cond or {}).items():
        if key in ("any", "all"):
            for c in test:
                found |= names(c)
        elif key == "not":
            found |= names(test)
        else:
            found.add(key)
    return found


def describe(cond: Mapping[str, Any] | None) -> str:
    """A short readable form for diagrams: `safety = danger_now and people ≥ 10`."""
    if not cond:
        return ""
    parts = []
    for key, test in cond.items():
        if key in ("any", "all"):
            joiner = " or " if key == "any" else " and "
            parts.append("(" + joiner.join(describe(c) for c in test) + ")")
        elif key == "not":
            parts.append(f"not ({describe(test)})")
        elif isinstance(test, Mapping):
            words = {"in": "in", "not_in": "not in", "not": "≠", "min": "≥", "max": "≤"}
            for op, arg in test.items():
                if op == "exists":
                    parts.append(f"{key} {'answered' if arg else 'not answered'}")
                else:
                    shown = ", ".join(map(str, arg)) if isinstance(arg, list) else arg
                    parts.append(f"{key} {words[op]} {shown}")
        else:
            parts.append(f"{key} = {test}")
    return " and ".join(parts)
