"""Erase a person at their request: every message, media file, answer and note goes; the
case stays as an empty shell that says "erased at the person's request"; the conversation is
unlinked from their platform id so nothing left can be tied back to them.
"""

from __future__ import annotations

import secrets

from sqlalchemy import delete, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import Case, Conversation, MediaBlob, Message, Note, Outbox, utcnow

ERASED_OUTCOME = "erased at the person's request"


async def erase_conversation(session: AsyncSession, conv: Conversation) -> None:
    """Delete what this person told us. Replies already queued (the goodbye) still go out."""
    now = utcnow()
    message_ids = select(Message.id).where(Message.conversation_id == conv.id)
    # Keep queued outbox rows (they hold their own recipient) but unlink them from the transcript.
    await session.execute(
        update(Outbox).where(Outbox.conversation_id == conv.id).values(message_id=None)
    )
    await session.execute(delete(MediaBlob).where(MediaBlob.message_id.in_(message_ids)))
    await session.execute(delete(Message).where(Message.conversation_id == conv.id))
    case_ids = select(Case.id).where(Case.conversation_id == conv.id)
    await session.execute(delete(Note).where(Note.case_id.in_(case_ids)))
    await session.execute(
        update(Case)
        .where(Case.conversation_id == conv.id)
        .values(
            answers={},
            location=None,
            rules_fired=[],
            handoff=None,
            erased_at=now,
            status="resolved",
            outcome=ERASED_OUTCOME,
            resolved_at=now,
            updated_at=now,
        )
    )
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
    conv.updated_at = now
