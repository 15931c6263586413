"""The English wording of each message, as plain one-line text (a variable shown as "…"), for
people reading a flow's diagram rather than its message ids."""

from __future__ import annotations

from pathlib import Path

from fluent.syntax import FluentParser, ast

from bot.i18n.catalog import CATALOG_FILE, SOURCE_LOCALE


def _plain(pattern: ast.Pattern | None) -> str:
    if pattern is None:
        return ""
    parts = [e.value if isinstance(e, ast.TextElement) else "…" for e in pattern.elements]
    return " ".join("".join(parts).split())


def source_texts(locales_dir: Path) -> dict[str, str]:
    """Message id → its English text; {} when the catalog cannot be read."""
    try:
        source = (Path(locales_dir) / SOURCE_LOCALE / CATALOG_FILE).read_text(encoding="utf-8")
    except OSError:
        return {}
    return {
        node.id.name: _plain(node.value)
        for node in FluentParser().parse(source).body
        if isinstance(node, ast.Message)
    }
