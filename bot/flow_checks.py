"""`sauti flows check` and the admin area's flow page: the flows and the data files beside
them, each checked by its own reader, every problem as one "file:line: message" line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.flowtools.check import run_check
from bot.geo import check_emergency_file, check_places_file

# Data files live beside the flows: each is checked by its own reader, not as a flow
# (replies.yaml by the flow checker, which knows the messages its replies use).
DATA_FILES: dict[str, tuple[str, Callable[[Path], list[str]] | None]] = {
    "places.yaml": ("local place names", check_places_file),
    "emergency_numbers.yaml": ("emergency numbers", check_emergency_file),
    "templates.yaml": ("approved WhatsApp templates", None),
}


def check_all(
    flows_dir: Path,
    locales_dir: Path,
    paths: list[Path] | None = None,
    echo: Callable[[str], Any] = print,
) -> int:
    """Check `paths` (default: everything under flows_dir); 1 when there is an error."""
    data_paths = {flows_dir / name for name in DATA_FILES}
    found = paths or sorted(flows_dir.rglob("*.yaml"))
    flows = [p for p in found if p not in data_paths]
    status = run_check(flows, locales_dir, echo=echo) if flows or not paths else 0
    for name, (what, check) in DATA_FILES.items():
        path = flows_dir / name
        if not path.is_file() or (paths is not None and path not in paths):
            continue
        problems = check(path) if check is not None else []
        for line in problems:
            echo(line)
        echo(f"{path}: {what}, {len(problems)} problem(s)" if problems else f"{path}: {what}")
        status = status or (1 if problems else 0)
    return status
