"""Turn a channel-neutral Reply into transcript + outbox rows for one conversation.

Nothing is sent here: rows are written in the caller's transaction and the outbox worker
sends them, so a crash between "decided to answer" and "answered" loses nothing.

`queue_reply` writes at once (a caseworker's reply needs its message id); the pipeline
collects a transaction's replies and read receipts in a `Batch` and writes them at its end,
in two statements instead of a flush per reply.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.render_messenger import render_messenger
from bot.channels.render_whatsapp import mark_read_whatsapp, render_whatsapp
from bot.messages import Reply
from bot.store.models import Conversation, Message, Outbox, utcnow

SIMULATOR_PATH = "simulator"

_MESSAGES: Table = Message.__table__  # type: ignore[attr-defined]
_OUTBOX: Table = Outbox.__table__  # type: ignore[attr-defined]
# Built once; the ids come back in the order the rows were given.
_INSERT_MESSAGES = insert(_MESSAGES).returning(_MESSAGES.c.id, sort_by_parameter_order=True)
_INSERT_OUTBOX = insert(_OUTBOX)


def graph_path(conv: Conversation) -> str:
    if conv.channel == "whatsapp":
        return f"{conv.business_id}/messages"
    if conv.channel in ("messenger", "instagram"):
        return "me/messages"
    return SIMULATOR_PATH


def render(conv: Conversation, reply: Reply) -> list[dict[str, Any]]:
    """The request bodies that carry `reply` on the conversation's platform."""
    if conv.channel == "whatsapp":
        ref = conv.contact_ref or ""
        bsuid = ref if "." in ref else None
        phone = conv.contact_phone or (ref if ref and bsuid is None else None)
        return render_whatsapp(reply, to=phone, user_id=bsuid)
    if conv.channel in ("messenger", "instagram"):
        return render_messenger(reply, psid=conv.contact_ref, channel=conv.channel)
    return [{"reply": reply.model_dump(mode="json", exclude_none=True)}]


def _message_row(
    conv: Conversation, reply: Reply, author: str, user_id: int | None, kind: str
) -> dict[str, Any]:
    # Every column given: SQLModel would otherwise call each default factory the slow way,
    # and a batch insert needs the same keys in every row.
    return {
        "conversation_id": conv.id,
        "direction": "out",
        "author": author,
        "kind": "template" if reply.template else kind,
        "text": reply.text,
        "data": {"reply": reply.model_dump(mode="json", exclude_none=True)},
        "dedupe_key": None,
        "platform_ts": None,
        "state": "queued",
        "error": None,
        "user_id": user_id,
        "created_at": utcnow(),
    }


def _outbox_row(
    conv: Conversation, message_id: int | None, key: str, body: dict[str, Any], now: datetime
) -> dict[str, Any]:
    return {
        "conversation_id": conv.id,
        "message_id": message_id,
        "idempotency_key": key,
        "channel": conv.channel,
        "path": graph_path(conv),
        "body": body,
        "state": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "claimed_at": None,
        "platform_message_id": None,
        "error_code": None,
        "error": None,
        "created_at": now,
        "sent_at": None,
    }


def _reply_rows(
    conv: Conversation, message_id: int, bodies: list[dict[str, Any]], now: datetime
) -> list[dict[str, Any]]:
    rows = []
    for part, body in enumerate(bodies):
        key = f"msg:{message_id}:{part}"
        rows.append(_outbox_row(conv, message_id, key, _tag(conv, body, key), now))
    return rows


async def queue_reply(
    session: AsyncSession,
    conv: Conversation,
    reply: Reply,
    *,
    author: str,
    user_id: int | None = None,
    kind: str = "text",
) -> Message:
    """Store the reply in the transcript and one outbox row per request it needs."""
    msg = Message(**_message_row(conv, reply, author, user_id, kind))
    session.add(msg)
    await session.flush()
    for row in _reply_rows(conv, msg.id, render(conv, reply), utcnow()):  # type: ignore[arg-type]
        session.add(Outbox(**row))
    return msg


def _tag(conv: Conversation, body: dict[str, Any], key: str) -> dict[str, Any]:
    # WhatsApp echoes biz_opaque_callback_data in status webhooks: it ties a "sent" status
    # to our row even if we crashed before recording the wamid.
    if conv.channel == "whatsapp" and "messaging_product" in body and "status" not in body:
        return {**body, "biz_opaque_callback_data": key}
    return body


def _read_row(conv: Conversation, msg: Message) -> dict[str, Any] | None:
    if conv.channel != "whatsapp" or not msg.dedupe_key:
        return None
    # The stored key is a hash; the id itself is only in the (encrypted) message data.
    platform_id = ((msg.data or {}).get("inbound") or {}).get("dedupe_key")
    if not platform_id:
        return None
    body = mark_read_whatsapp(platform_id)
    return _outbox_row(conv, None, f"read:{msg.dedupe_key}", body, utcnow())


def queue_mark_read(session: AsyncSession, conv: Conversation, msg: Message) -> None:
    """Mark an inbound WhatsApp message read (blue ticks tell the person we got it)."""
    row = _read_row(conv, msg)
    if row is not None:
        session.add(Outbox(**row))


class Batch:
    """The replies and read receipts of one transaction, kept in order until `write`.

    Rendering happens when a reply is added, so a reply that cannot be rendered fails where
    the flow produced it. Outbox rows get ids in the order they were added, as with
    `queue_reply` and `queue_mark_read`.
    """

    def __init__(self) -> None:
        # (conversation, message row, request bodies) for a reply; (None, outbox row, []) for
        # a read receipt.
        self._items: list[tuple[Conversation | None, dict[str, Any], list[dict[str, Any]]]] = []

    def reply(self, conv: Conversation, reply: Reply, *, author: str) -> None:
        row = _message_row(conv, reply, author, None, "text")
        self._items.append((conv, row, render(conv, reply)))

    def mark_read(self, conv: Conversation, msg: Message) -> None:
        row = _read_row(conv, msg)
        if row is not None:
            self._items.append((None, row, []))

    async def write(self, session: AsyncSession) -> None:
        """Insert the messages (one statement, ids back in order), then the outbox rows."""
        if not self._items:
            return
        items, self._items = self._items, []
        messages = [row for conv, row, _ in items if conv is not None]
        ids: list[int] = []
        if messages:
            ids = list((await session.execute(_INSERT_MESSAGES, messages)).scalars().all())
        next_id = iter(ids)
        outbox: list[dict[str, Any]] = []
        for conv, row, bodies in items:
            if conv is None:
                outbox.append(row)
            else:
                outbox.extend(_reply_rows(conv, next(next_id), bodies, row["created_at"]))
        if outbox:
            await session.execute(_INSERT_OUTBOX, outbox)
