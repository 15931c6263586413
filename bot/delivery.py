"""Turn a channel-neutral Reply into transcript + outbox rows for one conversation.

Nothing is sent here: rows are written in the caller's transaction and the outbox worker
sends them, so a crash between "decided to answer" and "answered" loses nothing.
"""

from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.messages import Reply
from bot.store.models import Conversation, Message, Outbox

SIMULATOR_PATH = "simulator"


def graph_path(conv: Conversation) -> str:
    if conv.channel == "whatsapp":
        return f"{conv.business_id}/messages"
    if conv.channel in ("messenger", "instagram"):
        return "me/messages"
    return SIMULATOR_PATH


def render(conv: Conversation, reply: Reply) -> list[dict[str, Any]]:
    """The request bodies that carry `reply` on the conversation's platform."""
    if conv.channel == "whatsapp":
        from bot.channels.render_whatsapp import render_whatsapp

        ref = conv.contact_ref or ""
        bsuid = ref if "." in ref else None
        phone = conv.contact_phone or (ref if ref and bsuid is None else None)
        return render_whatsapp(reply, to=phone, user_id=bsuid)
    if conv.channel in ("messenger", "instagram"):
        from bot.channels.render_messenger import render_messenger

        return render_messenger(reply, psid=conv.contact_ref, channel=conv.channel)
    return [{"reply": reply.model_dump(mode="json", exclude_none=True)}]


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
    msg = Message(
        conversation_id=conv.id,  # type: ignore[arg-type]
        direction="out",
        author=author,
        kind="template" if reply.template else kind,
        text=reply.text,
        data={"reply": reply.model_dump(mode="json", exclude_none=True)},
        state="queued",
        user_id=user_id,
    )
    session.add(msg)
    await session.flush()
    for part, body in enumerate(render(conv, reply)):
        session.add(
            Outbox(
                conversation_id=conv.id,  # type: ignore[arg-type]
                message_id=msg.id,
                idempotency_key=f"msg:{msg.id}:{part}",
                channel=conv.channel,
                path=graph_path(conv),
                body=_tag(conv, body, f"msg:{msg.id}:{part}"),
            )
        )
    return msg


def _tag(conv: Conversation, body: dict[str, Any], key: str) -> dict[str, Any]:
    # WhatsApp echoes biz_opaque_callback_data in status webhooks: it ties a "sent" status
    # to our row even if we crashed before recording the wamid.
    if conv.channel == "whatsapp" and "messaging_product" in body and "status" not in body:
        return {**body, "biz_opaque_callback_data": key}
    return body


def queue_mark_read(session: AsyncSession, conv: Conversation, msg: Message) -> None:
    """Mark an inbound WhatsApp message read (blue ticks tell the person we got it)."""
    if conv.channel != "whatsapp" or not msg.dedupe_key:
        return
    from bot.channels.render_whatsapp import mark_read_whatsapp

    # The stored key is a hash; the id itself is only in the (encrypted) message data.
    platform_id = ((msg.data or {}).get("inbound") or {}).get("dedupe_key")
    if not platform_id:
        return
    session.add(
        Outbox(
            conversation_id=conv.id,  # type: ignore[arg-type]
            idempotency_key=f"read:{msg.dedupe_key}",
            channel=conv.channel,
            path=graph_path(conv),
            body=mark_read_whatsapp(platform_id),
        )
    )
