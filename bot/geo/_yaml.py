"""YAML reading for the NGO files: safe, YAML 1.2 booleans, and line numbers for errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

# libyaml's parser when PyYAML has it (its wheels do): the place file is read at every start,
# and the pure-Python parser took 0.1-0.3 s of it.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader reading only true/false as booleans (YAML 1.2): yes, no, on, off stay words."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: Path, error: type[ValueError]) -> tuple[Any, yaml.Node | None]:
    """(data, node tree) of a YAML file; `error` (with file:line) if unreadable or invalid."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror}") from exc
    loader = _Loader(text)
    try:  # parsed once: the node tree (for line numbers) is what the data is built from
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise error(f"{path}:{line}: not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return data, node


def line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int:
    """1-based line of the deepest YAML node on the path `loc` (pydantic's error location)."""
    line = node.start_mark.line + 1 if node is not None else 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def validation_message(path: Path, node: yaml.Node | None, exc: ValidationError) -> str:
    """One `file:line: field: problem` line per pydantic error."""
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        lines.append(f"{path}:{line_of(node, err['loc'])}: {where}: {err['msg']}")
    return "\n".join(lines)
