"""What the simulated phone shows: the person's messages, and ours once delivered, laid out
as WhatsApp would show them.

Our messages are drawn from the very request bodies the WhatsApp renderer would send
(`render_whatsapp`): 1-3 options as buttons under the bubble, 4-10 as a list behind a menu
button, more as numbered lines, a location request as a "Send location" button; labels cut
to WhatsApp's lengths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.views import message_marks
from bot.channels.render_whatsapp import render_whatsapp
from bot.i18n.catalog import Catalogs
from bot.messages import Reply
from bot.store.crypto import lookup_hash
from bot.store.models import Conversation, Message
from bot.web.simulator.people import BUSINESS_ID

SHOWN_OUT = ("delivered", "read", "played")  # the outbox marked them delivered


@dataclass
class Bubble:
    message_id: int
    mine: bool  # written by the simulated person
    text: str
    at: datetime
    author: str = "person"
    state: str = ""
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (option id, title)
    menu_label: str = ""
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (id, title, description)
    asks_location: bool = False
    template: str = ""
    media: str = ""  # kind of media attached ("audio", "image", ...)
    location: dict[str, Any] | None = None


async def conversation(session: AsyncSession, person_id: str) -> Conversation | None:
    query = select(Conversation).where(
        Conversation.channel == "simulator",
        Conversation.business_id == BUSINESS_ID,
        Conversation.contact_hash == lookup_hash(f"simulator:{person_id}"),
    )
    return (await session.execute(query)).scalar_one_or_none()


async def arrived(session: AsyncSession, key: str) -> bool:
    """Whether the message with this dedupe key has been taken in."""
    found = await session.execute(select(Message.id).where(Message.dedupe_key == key))
    return found.first() is not None


async def fingerprint(session: AsyncSession, person_id: str) -> tuple[Any, ...]:
    """Changes whenever the phone's screen would: a message arrives or changes state."""
    conv = await conversation(session, person_id)
    if conv is None:
        return ()
    return await message_marks(session, conv.id)


async def erased_goodbye(
    session: AsyncSession, catalogs: Catalogs, last: tuple[int, str | None] | None
) -> list[Bubble]:
    """After `erase` the server keeps nothing, but the phone still shows the goodbye it
    got: the one bubble "Everything you told us is deleted", in the chat's language."""
    if last is None:
        return []
    conv = await session.get(Conversation, last[0])
    if conv is None or conv.status != "erased":
        return []
    text = catalogs.format(last[1] or "en", "erase-done")
    return [Bubble(0, mine=False, text=text, at=conv.updated_at, author="bot", state="delivered")]


def bubbles(rows: list[Message]) -> list[Bubble]:
    out: list[Bubble] = []
    for msg in rows:
        if msg.direction == "in":
            out.append(_inbound(msg))
        elif msg.state in SHOWN_OUT:
            out.extend(_outbound(msg))
    return out


def _inbound(msg: Message) -> Bubble:
    data = msg.data or {}
    media = (data.get("media") or {}).get("kind", "")
    return Bubble(
        message_id=msg.id or 0,
        mine=True,
        text=msg.text or "",
        at=msg.created_at,
        state=msg.state,
        media=media,
        location=data.get("location"),
    )


def _outbound(msg: Message) -> list[Bubble]:
    raw = (msg.data or {}).get("reply")
    reply = Reply.model_validate(raw) if raw else Reply(text=msg.text or "")
    base = {"message_id": msg.id or 0, "mine": False, "at": msg.created_at, "author": msg.author}
    try:
        bodies = render_whatsapp(reply, to="0")
    except ValueError:
        return [Bubble(text=reply.text, **base)]  # type: ignore[arg-type]
    return [_from_body(body, base) for body in bodies]


def _from_body(body: dict[str, Any], base: dict[str, Any]) -> Bubble:
    kind = body.get("type")
    if kind == "text":
        return Bubble(text=body["text"]["body"], **base)
    if kind == "template":
        template = body["template"]
        params = [
            p.get("text", "")
            for c in template.get("components", [])
            for p in c.get("parameters", [])
        ]
        return Bubble(text=" · ".join(params), template=template["name"], **base)
    if kind == "interactive":
        inter = body["interactive"]
        bubble = Bubble(text=inter["body"]["text"], **base)
        action = inter.get("action", {})
        if inter["type"] == "button":
            bubble.buttons = [(b["reply"]["id"], b["reply"]["title"]) for b in action["buttons"]]
        elif inter["type"] == "list":
            bubble.menu_label = action.get("button", "")
            bubble.rows = [
                (r["id"], r["title"], r.get("description", ""))
                for s in action.get("sections", [])
                for r in s.get("rows", [])
            ]
        elif inter["type"] == "location_request_message":
            bubble.asks_location = True
        return bubble
    media = body.get(kind or "", {}) if isinstance(body.get(kind or ""), dict) else {}
    return Bubble(text=media.get("caption", ""), media=kind or "", **base)


def option_title(msg: Message, option_id: str) -> str | None:
    """The title of option `option_id` of our message `msg`, or None if it has no such option."""
    raw = (msg.data or {}).get("reply") or {}
    for option in raw.get("options", []):
        if option.get("id") == option_id:
            return str(option.get("title", option_id))
    return None
