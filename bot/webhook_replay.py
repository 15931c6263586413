"""Putting set-aside webhooks back in the queue, once what made them fail is fixed.

Applying an event again is safe: its messages and receipts are deduplicated, so only what
failed before is stored (`bot.pipeline.ingest`).
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from bot.store.db import Database
from bot.store.models import WebhookEvent

log = logging.getLogger(__name__)


async def retry(db: Database, event_id: int | None = None) -> int:
    """Set-aside events (one, or all with None) back to pending with no attempts counted;
    returns how many."""
    events = WebhookEvent.__table__.c  # type: ignore[attr-defined]
    stmt = update(WebhookEvent).where(events.state == "failed")
    if event_id is not None:
        stmt = stmt.where(events.id == event_id)
    async with db.session() as session, session.begin():
        result = await session.execute(stmt.values(state="pending", attempts=0, error=None))
    count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    # Who asked is not known here (a shell on the server): the line is the record.
    which = "all" if event_id is None else f"event {event_id}"
    log.warning("set-aside webhooks put back in the queue (%s): %s", which, count)
    return count


async def exists(db: Database, event_id: int) -> str | None:
    """The state of event `event_id`, or None if there is no such event."""
    async with db.session() as session:  # the state alone: the body may not decrypt
        query = select(WebhookEvent.state).where(WebhookEvent.id == event_id)  # type: ignore[arg-type]
        return (await session.execute(query)).scalar_one_or_none()
