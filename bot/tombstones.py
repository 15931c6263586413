"""Tombstones of erased messages: Meta redelivers a webhook for up to 7 days, and a copy of a
message the person had erased must not bring them back.

Erasure keeps the keyed hash (`Message.dedupe_key`, never the platform id itself) of each
inbound message received in that period; ingest drops any message whose key is among them,
and retention deletes tombstones once the period is over. A new message (a new id) from the
same person is not affected: they start afresh.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.insert_if_absent import insert_if_absent
from bot.store.models import ErasedMessage, Message

# Meta retries an unacknowledged webhook for up to 7 days; a day more covers the daily purge
# and clocks that disagree.
KEEP_FOR = timedelta(days=8)

_TABLE = ErasedMessage.__table__  # type: ignore[attr-defined]
_FIND = select(_TABLE.c.dedupe_key).where(
    _TABLE.c.dedupe_key.in_(bindparam("keys", expanding=True))
)


async def bury(session: AsyncSession, conversation_id: int, now: datetime) -> int:
    """Keep a tombstone for each inbound message of the conversation received in the
    redelivery period (call before its messages are deleted); returns how many."""
    keys = (
        await session.execute(
            select(Message.dedupe_key).where(
                Message.conversation_id == conversation_id,
                Message.direction == "in",
                Message.dedupe_key.is_not(None),
                Message.created_at >= now - KEEP_FOR,
            )
        )
    ).scalars()
    rows = [{"dedupe_key": key, "erased_at": now} for key in keys]
    if rows:
        await session.execute(insert_if_absent(session, _TABLE), rows)
    return len(rows)


async def erased(conn: AsyncConnection | AsyncSession, keys: Collection[str]) -> set[str]:
    """Which of these inbound message keys belong to erased messages."""
    if not keys:
        return set()
    result = await conn.execute(_FIND, {"keys": list(keys)})
    return set(result.scalars())


async def purge(session: AsyncSession, now: datetime) -> int:
    """Delete the tombstones past the redelivery period; returns how many."""
    result = await session.execute(delete(_TABLE).where(_TABLE.c.erased_at < now - KEEP_FOR))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
