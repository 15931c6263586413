"""The first stage: raw webhook bodies committed to `webhook_events` before they are answered.

Bodies that arrive together share one commit (`GroupCommit`); everything after this is done
from the stored rows (`ingest`), so a crash after the 200 loses nothing.
"""

from __future__ import annotations

from sqlalchemy import Table

from bot.store.db import Database
from bot.store.group_commit import GroupCommit
from bot.store.models import WebhookEvent, utcnow

_EVENTS: Table = WebhookEvent.__table__  # type: ignore[attr-defined]

Intake = GroupCommit[bytes]


def webhook_intake(db: Database) -> Intake:
    """This process's webhook writer: `await intake.submit(body)` returns once it is stored."""

    async def store(bodies: list[bytes]) -> None:
        # Plain rows into the table (the body column encrypts on the way in): building a
        # model object per webhook costs more than the insert.
        now = utcnow()
        rows = [
            {"source": "meta", "body": b, "received_at": now, "state": "pending", "attempts": 0}
            for b in bodies
        ]
        await db.insert_rows(_EVENTS, rows)

    return GroupCommit(store)
