"""Reading flow YAML with the line of every node, so each error can name file:line.

YAML 1.1 (PyYAML) turns plain `on`, `off`, `yes` and `no` into booleans. Like
statemachine.io's reader we keep them as strings, and we record where they were used as
keys so `sauti flows check` can tell the author to quote them for other tools.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

# The YAML 1.1 words that other tools read as booleans.
_YAML11_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")


class _FlowLoader(yaml.SafeLoader):
    """SafeLoader whose only booleans are true/false."""


_FlowLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if not (tag == "tag:yaml.org,2002:bool" and first not in "tTfF")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlError(Exception):
    """The text is not valid YAML."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class Document:
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)  # path of a node -> 1-based line
    boolean_keys: list[tuple[int, str]] = field(default_factory=list)
    duplicate_keys: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest existing node along `path` (names of union members and
        missing keys are skipped, so a pydantic error location works as is)."""
        node, found, best = self.data, (), self.lines.get((), None)
        for part in path:
            if isinstance(node, dict) and part in node:
                node, found = node[part], (*found, part)
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node, found = node[part], (*found, part)
            else:
                continue
            best = self.lines.get(found, best)
        return best


def load_yaml(text: str) -> Document:
    """Parse one YAML document, keeping lines; raises YamlError with the line."""
    loader = _FlowLoader(text)
    try:
        root = loader.get_single_node()
        doc = Document(data=None)
        doc.data = _convert(loader, root, (), doc) if root is not None else None
        return doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlError(message or "invalid YAML", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), None) from None
    finally:
        loader.dispose()


def _convert(loader: _FlowLoader, node: yaml.Node, path: Path_, doc: Document) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if (
                isinstance(key_node, yaml.ScalarNode)
                and key_node.style is None
                and _YAML11_BOOL.match(str(key_node.value))
            ):
                doc.boolean_keys.append((line, str(key)))
            if isinstance(key, list | dict):
                raise YamlError("a key must be a plain word", line)
            if key in result:
                doc.duplicate_keys.append((line, str(key)))
            result[key] = _convert(loader, value_node, (*path, key), doc)
            doc.lines[(*path, key)] = line  # a key's own line reads better than its value's
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, (*path, i), doc) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
