"""How complete each language's catalog is, for the admin area: the messages it has of the
English ones, the problems `sauti locales check` finds in it, and whether it is a draft that
a native speaker has still to review (its header says so)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.i18n.catalog import CATALOG_FILE, SOURCE_LOCALE
from bot.i18n.check import Problem, _read_ftl, check_locales

DRAFT_MARK = "review by a native speaker"


@dataclass(frozen=True)
class Coverage:
    tag: str
    messages: int  # of the English ids, how many it has
    total: int
    problems: list[str]
    draft: bool

    @property
    def percent(self) -> int:
        return 100 * self.messages // self.total if self.total else 0

    @property
    def complete(self) -> bool:
        return self.messages == self.total and not self.problems


def _header(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as f:
            return "".join(line for _, line in zip(range(8), f, strict=False))
    except OSError:
        return ""


def coverage(locales_dir: Path) -> list[Coverage]:
    """English first, then every other locale folder by tag."""
    locales_dir = Path(locales_dir)
    problems = check_locales(locales_dir)
    ignored: list[Problem] = []  # reported by check_locales already
    source = _read_ftl(locales_dir / SOURCE_LOCALE / CATALOG_FILE, ignored) or {}
    found = []
    for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()):
        catalog = folder / CATALOG_FILE
        ids = (_read_ftl(catalog, ignored) or {}) if catalog.is_file() else {}
        mine = [p for p in problems if p.file.parent == folder]
        found.append(
            Coverage(
                tag=folder.name,
                messages=len(set(ids) & set(source)),
                total=len(source),
                problems=[f"{p.file.name}:{p.line}: {p.message}" for p in mine],
                draft=DRAFT_MARK in _header(catalog).lower(),
            )
        )
    return sorted(found, key=lambda c: (c.tag != SOURCE_LOCALE, c.tag))
