"""Erase a person at their request: every message, media file, answer, note and outbox body
goes; their cases stay as empty shells that say "erased at the person's request"; the
conversation is unlinked from their platform id so nothing left can be tied back to them.

Runs inside the pipeline's transaction, after the goodbye ("erase-done") is queued: that one
reply is kept so it is still sent, unlinked from the transcript; once sent, the outbox worker
empties its body (see `bot.pipeline.outbox.record`) and the next purge deletes the row.
"""

from __future__ import annotations

import re
import secrets
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from cryptography.fernet import InvalidToken
from sqlalchemy import LargeBinary, delete, func, or_, select, type_coerce, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import tombstones
from bot.groups.erase import forget_person as forget_person_in_groups
from bot.store.crypto import keyring
from bot.store.models import (
    AuditLog,
    Case,
    CaseLink,
    CaseNotification,
    Conversation,
    GroupDelivery,
    GroupMember,
    MediaBlob,
    Message,
    Note,
    Outbox,
    Receipt,
    WebhookEvent,
    utcnow,
)
from bot.store.wal_checkpoint import checkpoint_after_commit

ERASED_OUTCOME = "erased at the person's request"


async def erase_conversation(
    session: AsyncSession,
    conv: Conversation,
    *,
    goodbye: bool = True,
    outcome: str | None = ERASED_OUTCOME,
    by: str = "person",
    now: datetime | None = None,
) -> None:
    """Delete what this person told us. With `goodbye`, the newest bot reply, still queued,
    is sent (the engine queues erase-done last); every other outbox row goes. `outcome`
    None keeps the cases' own outcomes (retention); `by` says who asked, for the audit log."""
    now = now or utcnow()
    contact_ids = [v for v in (conv.contact_ref, conv.contact_phone) if v]
    keep = await _goodbye_rows(session, conv) if goodbye else []
    await forget_outbox(session, [conv.id or 0], keep=keep)
    await tombstones.bury(session, conv.id or 0, now)  # so Meta's redelivery cannot bring it back
    message_ids = select(Message.id).where(Message.conversation_id == conv.id)
    await session.execute(delete(MediaBlob).where(MediaBlob.message_id.in_(message_ids)))
    await session.execute(delete(Message).where(Message.conversation_id == conv.id))
    case_ids = list(
        (await session.execute(select(Case.id).where(Case.conversation_id == conv.id))).scalars()
    )
    await anonymize_cases(session, case_ids, now=now, outcome=outcome)
    if case_ids:  # nobody is paged about a case that no longer says anything
        await session.execute(
            delete(CaseNotification).where(
                CaseNotification.case_id.in_(case_ids), CaseNotification.state == "pending"
            )
        )
    for case_id in case_ids:
        session.add(AuditLog(at=now, action="erase", case_id=case_id, detail={"by": by}))
    await forget_failed_events(session, contact_ids)
    await forget_person_in_groups(session, conv.id or 0)
    unlink_conversation(conv, now)
    checkpoint_after_commit(session)  # SQLite: the WAL still holds the erased pages


async def _goodbye_rows(session: AsyncSession, conv: Conversation) -> list[int]:
    newest = (
        select(func.max(Message.id))
        .where(Message.conversation_id == conv.id, Message.direction == "out")
        .scalar_subquery()
    )
    rows = await session.execute(
        select(Outbox.id)
        .join(Message, Message.id == Outbox.message_id)
        .where(
            Outbox.conversation_id == conv.id,
            Outbox.state == "pending",
            Message.id == newest,
            Message.author == "bot",
        )
    )
    return list(rows.scalars())


async def forget_outbox(
    session: AsyncSession, conversation_ids: list[int], *, keep: Iterable[int] = ()
) -> None:
    """Delete the outbox rows of these conversations (but `keep`), and the delivery receipts
    that name the messages we sent them. Kept rows are unlinked from the transcript."""
    keep = list(keep)
    sent = await session.execute(
        select(Outbox.channel, Outbox.platform_message_id).where(
            Outbox.conversation_id.in_(conversation_ids),
            Outbox.platform_message_id.is_not(None),
        )
    )
    await forget_receipts(session, [f"{ch}:{pmid}:" for ch, pmid in sent])
    gone = delete(Outbox).where(Outbox.conversation_id.in_(conversation_ids))
    if keep:
        gone = gone.where(Outbox.id.not_in(keep))
        await session.execute(update(Outbox).where(Outbox.id.in_(keep)).values(message_id=None))
    await session.execute(gone)


async def forget_receipts(session: AsyncSession, prefixes: list[str], chunk: int = 500) -> None:
    """Receipts are keyed "<channel>:<hashed message id>:<status>"; delete those with these
    prefixes. Grouped by length, one `substr(key, 1, length) IN (...)` per chunk: the same
    cached statement each time, where an OR of LIKEs was built anew for every 200 prefixes
    (seconds of CPU on the event loop when a purge names 100,000 messages)."""
    by_length: dict[int, list[str]] = defaultdict(list)
    for prefix in prefixes:
        by_length[len(prefix)].append(prefix)
    for length, group in by_length.items():
        for start in range(0, len(group), chunk):
            part = group[start : start + chunk]
            await session.execute(
                delete(Receipt).where(func.substr(Receipt.dedupe_key, 1, length).in_(part))
            )


async def anonymize_cases(
    session: AsyncSession, case_ids: list[str], *, now: datetime, outcome: str | None
) -> None:
    """Empty these cases (answers, location, reasons, notes, group ties, audit details); keep
    the shell (id, team, priority, dates) so caseworkers and statistics see a case existed."""
    if not case_ids:
        return
    await session.execute(delete(Note).where(Note.case_id.in_(case_ids)))
    # Group ties say "this person was with those people"; link reasons may quote them.
    await session.execute(delete(GroupMember).where(GroupMember.case_id.in_(case_ids)))
    await session.execute(delete(GroupDelivery).where(GroupDelivery.case_id.in_(case_ids)))
    await session.execute(
        delete(CaseLink).where(or_(CaseLink.case_a.in_(case_ids), CaseLink.case_b.in_(case_ids)))
    )
    # Audit rows stay (who did what, when) but lose any detail that could quote the person.
    await session.execute(
        update(AuditLog).where(AuditLog.case_id.in_(case_ids)).values(detail=None)
    )
    values: dict[str, object] = {
        "answers": {},
        "location": None,
        "rules_fired": [],
        "handoff": None,
        "language": None,
        "erased_at": now,
        "status": "resolved",
        "updated_at": now,
    }
    await session.execute(
        update(Case)
        .where(Case.id.in_(case_ids), Case.resolved_at.is_(None))
        .values(resolved_at=now)
    )
    if outcome is not None:
        values["outcome"] = outcome
    await session.execute(update(Case).where(Case.id.in_(case_ids)).values(**values))


async def forget_failed_events(session: AsyncSession, contact_ids: list[str]) -> int:
    """Raw webhook bodies that failed to parse are kept for a while; drop the person's."""
    patterns = [re.compile(rf"(?<![\w.]){re.escape(c)}(?![\w])") for c in contact_ids if c]
    if not patterns:
        return 0
    table = WebhookEvent.__table__  # type: ignore[attr-defined]
    # Decrypted one by one: a body sealed with a key no longer configured cannot be searched
    # (retention deletes it in time) and must not stop the erasure.
    sealed = select(table.c.id, type_coerce(table.c.body, LargeBinary)).where(
        table.c.state == "failed"
    )
    named = []
    for event_id, raw in await session.execute(sealed):
        try:
            body = keyring().decrypt(raw).decode("utf-8", "replace")
        except InvalidToken:
            continue
        if any(p.search(body) for p in patterns):
            named.append(event_id)
    if named:
        await session.execute(delete(WebhookEvent).where(table.c.id.in_(named)))
    return len(named)


def unlink_conversation(conv: Conversation, now: datetime) -> None:
    conv.state = None
    conv.contact_ref = ""
    conv.contact_phone = None
    conv.contact_name = None
    conv.contact_prefs = None
    conv.language = None
    conv.masked_id = "erased"
    # A random hash unlinks the row: if they write again, they start a fresh conversation.
    conv.contact_hash = "erased:" + secrets.token_hex(16)
    conv.status = "erased"
    conv.claimed = False
    conv.wake_at = None
    conv.wake_name = None
    conv.last_inbound_at = None
    conv.flood_started_at = None
    conv.flood_count = 0
    conv.flood_noticed = False
    conv.updated_at = now
