"""Logs only ever show masked ids, never what a person wrote: a whole conversation through the
app (signed webhooks in, replies out to the Graph API) at DEBUG, every logger included, leaves
no text, number, name or platform id of the person in any record."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from bot.config import Settings
from bot.logs import MaskingFilter, mask_text, setup_logging
from tests.fakes.graph_server import FakeGraph
from tests.safety.people import Person, converse

LOUD = ["", "uvicorn", "uvicorn.access", "uvicorn.error", "httpx", "httpcore", "sqlalchemy",
        "sqlalchemy.engine", "sqlalchemy.pool", "aiosqlite", "asyncpg", "bot"]  # fmt: skip
TEXTS = [
    "Amina here, my madam Hajja Khadija took my passport",
    "We are 9 women in the house at Gargaresh street 12",
]


def uninstall_masking() -> None:
    """Put back the record factory that was there before `install_masking`."""
    current = logging.getLogRecordFactory()
    previous = getattr(current, "_sauti_previous", None)
    if previous is not None:
        logging.setLogRecordFactory(previous)


@pytest.fixture
def masked_logging(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """setup_logging as at start-up, everything captured at DEBUG; undone afterwards."""
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in LOUD}
    setup_logging("DEBUG")
    for name in LOUD:
        caplog.set_level(logging.DEBUG, logger=name or None)
    try:
        yield caplog
    finally:
        uninstall_masking()
        for handler in root.handlers:
            for f in [f for f in handler.filters if isinstance(f, MaskingFilter)]:
                handler.removeFilter(f)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    parts = [caplog.text]
    for record in caplog.records:
        parts += [record.getMessage(), record.exc_text or "", record.stack_info or ""]
    return "\n".join(parts)


async def test_a_whole_conversation_logs_no_text_and_no_number(
    masked_logging: pytest.LogCaptureFixture,
    wa_client: httpx.AsyncClient,
    wa_settings: Settings,
    graph: FakeGraph,
) -> None:
    person = Person(phone="218912345678", name="Amina Wanjiru", bsuid="LY.9988776655443")
    secret = wa_settings.app_secret
    await converse(
        wa_client,
        secret,
        person.text("hello"),
        person.text("1"),
        person.text("yes"),
        person.text("not safe"),
        person.location(32.85, 13.1),
        *[person.text(t) for t in TEXTS],
        person.text("erase"),
        person.text("yes"),
    )
    assert graph.sent, "the bot answered through the Graph API"
    logged = everything_logged(masked_logging)
    assert len(masked_logging.records) > 50, "DEBUG logging of every library was captured"
    assert "sqlalchemy" in {r.name.split(".")[0] for r in masked_logging.records}
    assert "httpx" in {r.name.split(".")[0] for r in masked_logging.records}
    for needle in [*TEXTS, person.phone, person.bsuid, person.name, *person.sent_ids]:
        assert needle not in logged, f"{needle!r} reached the logs"
    # Not even the last digits that would single the person out, beyond the masked tail.
    assert person.phone[:8] not in logged


def test_masking_keeps_logs_useful_and_hides_ids() -> None:
    assert mask_text("outbox 42 failed (code 131047)") == "outbox 42 failed (code 131047)"
    assert mask_text("to 447700900123 ok") == "to •••23 ok"
    assert mask_text("to +212 6 12 34 56 78.") == "to •••78."
    assert mask_text("id wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgU=") == "id wamid.•••"
    assert mask_text("user GB.7730016245589147 wrote") == "user •••47 wrote"
    assert mask_text("mid m_AbCdEf012345XyZ") == "mid •••"
    assert mask_text("at 2026-03-10 12:00:00") == "at 2026-03-10 12:00:00"


def test_exceptions_and_uvicorn_access_lines_are_masked_too(
    masked_logging: pytest.LogCaptureFixture,
) -> None:
    from uvicorn.logging import AccessFormatter

    try:
        raise ValueError("no conversation for 447700900123")
    except ValueError:
        logging.getLogger("bot.test").exception("lookup failed for %s", "GB.7730016245589147")
    access = logging.getLogger("uvicorn.access")
    access.info('%s - "%s %s HTTP/%s" %d', "10.0.0.1:5", "GET", "/x?to=447700900123", "1.1", 200)
    logged = everything_logged(masked_logging)
    assert "447700900123" not in logged and "7730016245589147" not in logged
    line = AccessFormatter("%(message)s", use_colors=False).format(masked_logging.records[-1])
    assert line == '10.0.0.1:5 - "GET /x?to=•••23 HTTP/1.1" 200'
