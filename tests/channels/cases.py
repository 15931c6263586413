"""Named webhook fixtures (tests/data/meta/<channel>.json) and a table checker, pywa style.

Each fixture file is `{case_name: payload}`. Tests map case names to a list of expected
`Inbound`s, each written as `{dotted.field: value}` for the fields that matter.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from bot.messages import Inbound

DATA = Path(__file__).resolve().parents[1] / "data" / "meta"


@cache
def load_cases(channel: str) -> dict[str, dict[str, Any]]:
    return json.loads((DATA / f"{channel}.json").read_text(encoding="utf-8"))


def field(item: Inbound, dotted: str) -> Any:
    value: Any = item
    for part in dotted.split("."):
        value = getattr(value, part) if value is not None else None
    return value


def check(parsed: list[Inbound], expected: list[dict[str, Any]]) -> None:
    assert len(parsed) == len(expected), [i.model_dump(exclude_defaults=True) for i in parsed]
    for index, (item, wanted) in enumerate(zip(parsed, expected, strict=True)):
        got = {key: field(item, key) for key in wanted}
        assert got == wanted, f"item {index}"
