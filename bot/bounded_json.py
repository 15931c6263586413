"""`json.loads` for stored webhook bodies, bounded in size and nesting depth first.

A correctly signed body can still be hostile or broken: JSON nested 10,000 deep makes
`json.loads` raise `RecursionError` (and, deeper, could exhaust the C stack). Meta's payloads
are about ten levels deep, so anything past `MAX_DEPTH` is refused before it is decoded.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64
# A JSON string (escapes included): brackets inside strings are text, not nesting.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENERS = frozenset(b"[{")


class Refused(ValueError):
    """The body cannot be decoded; `reason` is one of a few fixed words (a metric label)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def too_deep(body: bytes, max_depth: int = MAX_DEPTH) -> bool:
    """Whether `body`'s arrays and objects nest more than `max_depth` levels."""
    if body.count(b"[") + body.count(b"{") <= max_depth:
        return False  # cannot nest deeper than it has brackets: the usual case, at C speed
    level = 0
    for byte in _STRING.sub(b"", body).translate(None, _NOT_BRACKETS):
        if byte in _OPENERS:
            level += 1
            if level > max_depth:
                return True
        else:
            level -= 1
    return False


def loads(body: bytes, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """The decoded body, or `Refused` ("too_large", "too_deep" or "not_json")."""
    if len(body) > max_bytes:
        raise Refused("too_large")
    if too_deep(body, max_depth):
        raise Refused("too_deep")
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:  # invalid JSON, bad UTF-8, a huge integer
        raise Refused("not_json") from exc
