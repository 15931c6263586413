"""The audit trail: who did what to which case, and when. Append-only.

Details hold ids and names of things (message id, canned reply id, outcome), never what a
person or a caseworker wrote: the trail outlives erasure.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import AuditLog, User, utcnow

ACTIONS = ("view", "claim", "message", "note", "release", "resolve", "media", "route")


def record(
    session: AsyncSession,
    user: User | None,
    action: str,
    case_id: str | None,
    *,
    now: datetime | None = None,
    **detail: Any,
) -> AuditLog:
    row = AuditLog(
        at=now or utcnow(),
        user_id=user.id if user else None,
        action=action,
        case_id=case_id,
        detail={k: v for k, v in detail.items() if v is not None} or None,
    )
    session.add(row)
    return row


class AuditTamperError(RuntimeError):
    """Something tried to change or delete an audit row through the ORM."""


@sa_event.listens_for(Session, "before_flush")
def _append_only(session: Session, _ctx: object, _instances: object) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditLog) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditTamperError("audit rows are append-only")
