"""Nobody invisible: a person none of whose replies reached them still has a case.

A case opens when the flow reaches a point (danger, the core questions answered). A person
whose first replies all failed for good (not on WhatsApp, blocked, window closed), or are
still undelivered after `after` (an outage), never got the consent menu, so never reached
that point: no caseworker would see them. `open_unreached` (a periodic job) opens their case,
routed as usual, and marks it `not_reached`; the mark goes at the first reply that is sent
(`clear_reached`, called as outcomes are recorded).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import Update, and_, bindparam, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.cases.sink import CaseSink
from bot.engine.effects import Effects
from bot.store.db import Database
from bot.store.models import Case, Conversation, Outbox, utcnow
from bot.store.queue import skip_locked

log = logging.getLogger(__name__)

AFTER = timedelta(minutes=3)  # undelivered this long: the person is shown as not reached
# Replies older than this are not looked at: the platform's window closed long ago.
LOOK_BACK = timedelta(days=2)

_sent = Outbox.__table__.alias("sent")
_flagged = Case.__table__.alias("flagged")


def _candidates(now: datetime, after: timedelta, limit: int) -> object:
    """Active conversations with a reply that failed, or is undelivered after `after`, and
    no reply ever sent; without a case already marked (or resolved: that person was seen)."""
    out = Outbox.__table__
    return (
        select(out.c.conversation_id)
        .distinct()
        .join(Conversation, Conversation.id == out.c.conversation_id)
        .where(
            Conversation.status == "active",
            out.c.message_id.is_not(None),
            out.c.created_at > now - LOOK_BACK,
            or_(
                out.c.state == "failed",
                and_(out.c.state.in_(("pending", "sending")), out.c.created_at < now - after),
            ),
            ~exists().where(
                _sent.c.conversation_id == out.c.conversation_id,
                _sent.c.message_id.is_not(None),
                _sent.c.state == "sent",
            ),
            ~exists().where(
                _flagged.c.conversation_id == out.c.conversation_id,
                or_(_flagged.c.not_reached.is_(True), _flagged.c.status == "resolved"),
            ),
        )
        .limit(limit)
    )


async def open_unreached(
    db: Database,
    sink: CaseSink,
    *,
    now: datetime | None = None,
    after: timedelta = AFTER,
    limit: int = 100,
) -> list[str]:
    """Open (or mark) the case of each person not reached; returns the case ids."""
    now = now or utcnow()
    async with db.engine.connect() as conn:
        conv_ids = list((await conn.execute(_candidates(now, after, limit))).scalars())  # type: ignore[call-overload]
    marked = []
    for conv_id in conv_ids:
        async with db.session() as session, session.begin():
            # One writer at a time for a conversation, as the pipeline.
            query = skip_locked(select(Conversation).where(Conversation.id == conv_id))
            conv = (await session.execute(query)).scalar_one_or_none()
            if conv is None or conv.status != "active":
                continue
            await sink.apply(session, conv, Effects(open_case=True), now)
            case = (
                await session.execute(
                    select(Case)
                    .where(Case.conversation_id == conv_id, Case.status != "resolved")
                    .order_by(Case.created_at.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()
            if case is None:
                continue
            case.not_reached = True
            case.updated_at = now
            marked.append(case.id)
    if marked:
        log.warning("%d people not reached: their cases are marked", len(marked))
    return marked


_CLEAR: Update = (
    update(Case)
    .where(
        Case.conversation_id.in_(bindparam("conv_ids", expanding=True)),
        Case.not_reached.is_(True),
    )
    .values(not_reached=False)
)


async def clear_reached(conn: AsyncConnection, conv_ids: list[int]) -> None:
    """A reply reached these conversations' people: their cases are no longer 'not reached'."""
    if conv_ids:
        await conn.execute(_CLEAR, {"conv_ids": sorted(set(conv_ids))})
