"""Defensive readers for untrusted webhook JSON: each returns a value of the asked type or None.

Meta payloads change shape without notice, so parsers read through these instead of indexing,
and a wrong type reads as "absent" rather than raising.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from bot.messages import PlatformError

logger = logging.getLogger("bot.channels")

T = TypeVar("T")

# Any epoch value at or above this is in milliseconds (Meta sometimes mixes units).
_MS_THRESHOLD = 1e12
_INTEGER = re.compile(r"-?[0-9]{1,18}")


def obj(value: Any) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def objs(value: Any) -> list[dict[str, Any]]:
    """The JSON objects in `value` if it is a list (other items dropped), else []."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def text(value: Any) -> str | None:
    """A non-empty string, or an integer id as a string; anything else is None.

    A lone UTF-16 surrogate (JSON allows "\\ud800") cannot be encoded as UTF-8, so storing it
    (or encrypting it) would fail: it reads as U+FFFD."""
    if isinstance(value, str):
        return _storable(value) or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _storable(value: str) -> str:
    if value.isascii():  # surrogates are not ASCII: most ids and numbers stop here
        return value
    try:
        value.encode()
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def number(value: Any) -> float | None:
    """A finite JSON number (or numeric string), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, int | float):
        try:
            result = float(value)
        except OverflowError:
            return None
        return result if math.isfinite(result) else None
    return None


def integer(value: Any) -> int | None:
    """An integer (or integer string), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INTEGER.fullmatch(value):
        return int(value)
    return None


def timestamp(*candidates: Any) -> datetime:
    """The first candidate that reads as an epoch time, as an aware UTC datetime.

    WhatsApp sends seconds as strings and Messenger milliseconds as integers, but either
    unit turns up in both, so any value >= 1e12 counts as milliseconds. When nothing
    usable is given we fall back to now: dropping a person's message over a missing
    timestamp would be worse than ordering it by arrival.
    """
    for candidate in candidates:
        seconds = number(candidate)
        if seconds is None or seconds < 0:
            continue
        if seconds >= _MS_THRESHOLD:
            seconds /= 1000
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            continue
    return datetime.now(tz=UTC)


def platform_errors(value: Any) -> list[PlatformError]:
    """Meta error objects (`{code, title, message, error_data: {details}}`) as PlatformError."""
    errors = []
    for item in objs(value):
        errors.append(
            PlatformError(
                code=integer(item.get("code")),
                title=text(item.get("title")) or text(item.get("message")),
                details=text(obj(item.get("error_data")).get("details")),
            )
        )
    return errors


def guarded(platform: str, parse_item: Callable[..., T], *args: Any) -> T | None:
    """`parse_item(*args)`, or None if it raised.

    The readers above make most bad shapes read as "absent"; this catches the rest (e.g. a
    validation error from a model) so one malformed item cannot lose the others. Only the
    exception type is logged: payloads carry message text and phone numbers.
    """
    try:
        return parse_item(*args)
    except Exception as exc:  # noqa: BLE001 - totality is the parsers' contract
        logger.warning("skipped a malformed %s webhook item (%s)", platform, type(exc).__name__)
        return None
