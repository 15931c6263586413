"""Channel-neutral message types: what a person sent (`Inbound`) and what we say back (`Reply`).

Channels turn platform payloads into `Inbound` and render `Reply` into platform payloads; the
engine only ever sees these types. Both are pydantic models so they can be stored as JSON
(encrypted) and read back unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Channel = Literal["whatsapp", "messenger", "instagram", "simulator"]

InboundKind = Literal[
    "text",  # typed text
    "choice",  # a tapped option: WhatsApp button/list reply, Messenger quick reply/postback
    "location",  # a shared pin
    "media",  # image, audio (voice notes), video, document, sticker
    "reaction",  # an emoji reaction to one of our messages
    "contacts",  # a shared contact card
    "unsupported",  # a type the platform or we do not support
    "system",  # platform notices (number changed, ...)
    "status",  # delivery status of a message we sent (sent/delivered/read/failed)
    "echo",  # a copy of a message the page sent (Messenger/Instagram echoes)
    "standby",  # an event while another app (a human inbox) owns the thread
    "other",  # anything else we store but do not act on
]


class Location(BaseModel):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None


class Media(BaseModel):
    kind: Literal["image", "audio", "video", "document", "sticker", "file"]
    media_id: str | None = None  # WhatsApp media id (fetched through the Graph API)
    url: str | None = None  # Messenger/Instagram CDN URL, or WhatsApp direct URL when present
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None
    voice: bool = False


class PlatformError(BaseModel):
    code: int | None = None
    title: str | None = None
    details: str | None = None


class Status(BaseModel):
    """A delivery receipt for a message we sent."""

    message_id: str | None = None  # our wamid / mid; None for watermark-only receipts
    status: Literal["sent", "delivered", "read", "played", "failed"]
    watermark: datetime | None = None  # Messenger: everything at or before this was read/delivered
    errors: list[PlatformError] = Field(default_factory=list)
    # WhatsApp echoes our biz_opaque_callback_data (the outbox idempotency key): it ties the
    # status to our row even when we crashed before recording the wamid.
    callback_data: str | None = None


class Inbound(BaseModel):
    """One thing that happened in a conversation, normalized across platforms."""

    channel: Channel
    kind: InboundKind
    dedupe_key: str  # platform message id (wamid, mid), or "<id>:<status>" for receipts
    business_id: str  # WhatsApp phone_number_id, Page id or Instagram account id
    contact_id: str  # the conversation key: BSUID if present, else phone digits; PSID/IGSID
    contact_phone: str | None = None  # WhatsApp wa_id/from when present
    contact_name: str | None = None
    timestamp: datetime  # platform timestamp, UTC
    raw_type: str = ""  # the platform's own type name, for diagnostics
    text: str | None = None  # typed text, caption, or the tapped option's title
    choice_id: str | None = None  # the id we set on the option that was tapped
    location: Location | None = None
    media: Media | None = None
    status: Status | None = None
    reply_to: str | None = None  # platform id of the message this answers (context.id)
    errors: list[PlatformError] = Field(default_factory=list)


class Option(BaseModel):
    id: str  # stable answer id, e.g. "held_by_employer"
    title: str  # short label shown on the button/row (channels cut it to the platform's limit)
    description: str | None = None  # list rows only


class Reply(BaseModel):
    """Something we say to a person, independent of the platform that carries it."""

    text: str
    options: list[Option] = Field(default_factory=list)
    menu_label: str | None = None  # label of the button that opens a WhatsApp list
    request_location: bool = False  # ask for a location pin where the platform can
    media_url: str | None = None
    media_kind: Literal["image", "audio", "video", "document"] | None = None
    template: TemplateCall | None = None  # an approved WhatsApp template (outside the window)
    human_agent: bool = False  # Messenger/Instagram: send with the HUMAN_AGENT tag
    lang: str | None = None  # BCP-47 tag of the text, for right-to-left handling


class TemplateCall(BaseModel):
    name: str
    language: str  # the template's approved language code, e.g. "en", "fr", "ar"
    params: list[str] = Field(default_factory=list)


Reply.model_rebuild()
