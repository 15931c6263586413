"""Logging set-up with a masking filter: logs only ever show masked phone numbers and ids.

Our own code never logs message text and masks ids itself (`bot.masking`); this is the safety
net for everything else (SQLAlchemy parameters, httpx URLs, exception texts of libraries).
Every record is masked when it is created, so every handler sees the masked text, including
handlers added later by servers or test tools.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

MASK = "•••"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# WhatsApp message ids, Messenger/Instagram message ids, business-scoped user ids ("US.1234…"),
# and anything that looks like a phone number or platform id (7+ digits, maybe spaced after +).
_PATTERNS = [
    re.compile(r"wamid\.[A-Za-z0-9_=+/-]+"),
    re.compile(r"\bm_[A-Za-z0-9_-]{8,}"),
    re.compile(r"\bmid\.[A-Za-z0-9$:_.-]{8,}"),
    re.compile(r"\b[A-Z]{2}\.\d[0-9A-Za-z]{5,}"),
    re.compile(r"\+\d[\d ().-]{5,}\d"),
    re.compile(r"\d{7,}"),
]


def _mask_match(match: re.Match[str]) -> str:
    value = match.group(0)
    prefix = value.split(".", 1)[0] + "." if value.startswith(("wamid.", "mid.")) else ""
    digits = re.sub(r"\D", "", value)
    # Keep the last two digits so two contacts can be told apart in a log, nothing more.
    tail = digits[-2:] if len(digits) >= 7 and not prefix else ""
    return f"{prefix}{MASK}{tail}"


def mask_text(text: str) -> str:
    """`text` with every phone-number-like run and platform id masked."""
    for pattern in _PATTERNS:
        text = pattern.sub(_mask_match, text)
    return text


def _mask_arg(value: Any) -> Any:
    if isinstance(value, bool | int | float) or value is None:
        return value  # keeps %d and %.2f working; our ids and counts are small numbers
    if isinstance(value, bytes):
        return mask_text(value.decode("utf-8", "replace"))
    text = value if isinstance(value, str) else str(value)
    masked = mask_text(text)
    return value if masked == text and not isinstance(value, str) else masked


def mask_record(record: logging.LogRecord) -> None:
    """Mask a record in place: its message, its args (kept as args, since some formatters,
    like uvicorn's access log, unpack them) and any exception text."""
    if getattr(record, "_sauti_masked", False):
        return
    if record.name.startswith("sqlalchemy.engine") and str(record.msg).startswith("Row"):
        # At DEBUG, SQLAlchemy logs every result row, decrypted: what people said, in clear.
        record.msg, record.args = "Row [not logged: it may hold what a person said]", ()
    record.msg = mask_text(record.msg) if isinstance(record.msg, str) else record.msg
    if isinstance(record.args, Mapping):
        record.args = {k: _mask_arg(v) for k, v in record.args.items()}
    elif record.args:
        record.args = tuple(_mask_arg(a) for a in record.args)
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a broken format string must not break logging
        message = None
    if message is not None and mask_text(message) != message:
        # Two harmless pieces made one that looks like an id: give up the args.
        record.msg, record.args = mask_text(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = mask_text(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_text(record.stack_info)
    record._sauti_masked = True  # type: ignore[attr-defined]


class MaskingFilter(logging.Filter):
    """A filter that masks and never drops; attach it to any handler that needs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True


def install_masking() -> None:
    """Mask every record when it is created (idempotent)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "_sauti_masking", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        mask_record(record)
        return record

    factory._sauti_masking = True  # type: ignore[attr-defined]
    factory._sauti_previous = current  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


def setup_logging(level: str | int = "INFO") -> None:
    """Configure the root logger once at start-up, with masking for every record."""
    install_masking()
    if isinstance(level, str):
        level = logging.getLevelName(level.upper())
        if not isinstance(level, int):
            level = logging.INFO
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    for handler in root.handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
    root.setLevel(level)
    # Library loggers that would print request bodies or SQL parameters stay at WARNING
    # unless the admin asks for DEBUG on purpose.
    noisy = logging.WARNING if level > logging.DEBUG else level
    for name in ("httpx", "httpcore", "sqlalchemy.engine", "aiosqlite", "asyncpg"):
        logging.getLogger(name).setLevel(noisy)
