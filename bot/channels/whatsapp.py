"""WhatsApp Cloud API webhooks (`object: whatsapp_business_account`) → `Inbound`.

Every entry, change, message and status in one POST becomes its own `Inbound`, in payload
order. The parser is total: a malformed item is skipped (and the rest kept), unknown fields
are ignored, and unknown message types become `kind="unsupported"` so the bot can say so.

Identity (Meta's business-scoped user ids, 2026): `contact_id` is the BSUID
(`from_user_id`) when present, else the phone digits (`from`); `contact_phone` keeps the
phone whenever Meta sends it, so both can be stored and merged. Replies go through
`metadata.phone_number_id`, which becomes `business_id`.

    >>> [m.kind for m in parse({"object": "whatsapp_business_account", "entry": []})]
    []
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.channels._fields import guarded, obj, objs, platform_errors, text, timestamp
from bot.channels._geo import valid_location
from bot.messages import Inbound, Location, Media, PlatformError, Status

__all__ = ["parse"]

_STATUSES = frozenset({"sent", "delivered", "read", "played", "failed"})
# Types we store but do not act on. Coexistence `revoke`/`edit` and catalog `order` included.
_OTHER_TYPES = frozenset({"request_welcome", "order", "revoke", "edit"})
_MEDIA_TYPES = frozenset({"image", "audio", "voice", "video", "document", "sticker"})

Fields = dict[str, Any]


def parse(payload: dict) -> list[Inbound]:
    """All messages and statuses in a WhatsApp webhook payload, never raising."""
    results: list[Inbound] = []
    for entry in objs(obj(payload).get("entry")):
        for change in objs(entry.get("changes")):
            # Other fields (template updates, account alerts, ...) have other value shapes.
            if change.get("field", "messages") != "messages":
                continue
            results.extend(guarded("WhatsApp", _parse_value, obj(change.get("value"))) or [])
    return results


def _parse_value(value: dict[str, Any]) -> list[Inbound]:
    business_id = text(obj(value.get("metadata")).get("phone_number_id"))
    if business_id is None:
        return []
    contacts = objs(value.get("contacts"))
    value_errors = platform_errors(value.get("errors"))
    results: list[Inbound] = []
    for message in objs(value.get("messages")):
        item = guarded("WhatsApp", _message, message, business_id, contacts, value_errors)
        if item is not None:
            results.append(item)
    for status in objs(value.get("statuses")):
        item = guarded("WhatsApp", _status, status, business_id, contacts)
        if item is not None:
            results.append(item)
    return results


def _contact(contacts: list[dict[str, Any]], phone: str | None, bsuid: str | None) -> dict:
    for contact in contacts:
        if (bsuid and text(contact.get("user_id")) == bsuid) or (
            phone and text(contact.get("wa_id")) == phone
        ):
            return contact
    return contacts[0] if len(contacts) == 1 else {}


def _identity(
    contacts: list[dict[str, Any]], phone: str | None, bsuid: str | None
) -> tuple[str | None, str | None, str | None]:
    """(contact_id, contact_phone, contact_name) for a sender or recipient."""
    contact = _contact(contacts, phone, bsuid)
    phone = phone or text(contact.get("wa_id"))
    bsuid = bsuid or text(contact.get("user_id"))
    name = text(obj(contact.get("profile")).get("name"))
    return bsuid or phone, phone, name


def _message(
    message: dict[str, Any],
    business_id: str,
    contacts: list[dict[str, Any]],
    value_errors: list[PlatformError],
) -> Inbound | None:
    if message.get("group_id") is not None:
        return None  # Groups API traffic is not a one-to-one conversation with us
    wamid = text(message.get("id"))
    contact_id, phone, name = _identity(
        contacts, text(message.get("from")), text(message.get("from_user_id"))
    )
    if wamid is None or contact_id is None:
        return None
    mtype = text(message.get("type")) or ""
    fields = _TYPES.get(mtype, _unknown)(message, mtype)
    errors = platform_errors(message.get("errors"))
    if fields is None:
        # The type object is missing; Meta then explains why in value.errors.
        fields = {"kind": "unsupported", "raw_type": mtype}
    if fields["kind"] == "unsupported" and not errors:
        errors = value_errors
    fields.setdefault("raw_type", mtype)
    fields.setdefault("reply_to", text(obj(message.get("context")).get("id")))
    return Inbound(
        channel="whatsapp",
        dedupe_key=wamid,
        business_id=business_id,
        contact_id=contact_id,
        contact_phone=phone,
        contact_name=name,
        timestamp=timestamp(message.get("timestamp")),
        errors=errors,
        **fields,
    )


def _status(
    status: dict[str, Any], business_id: str, contacts: list[dict[str, Any]]
) -> Inbound | None:
    wamid = text(status.get("id"))
    state = text(status.get("status"))
    if wamid is None or state not in _STATUSES or status.get("recipient_type") == "group":
        return None  # unknown states (e.g. legacy "deleted") are ignored, as Meta advises
    contact_id, phone, name = _identity(
        contacts, text(status.get("recipient_id")), text(status.get("recipient_user_id"))
    )
    if contact_id is None:
        return None
    errors = platform_errors(status.get("errors"))
    return Inbound(
        channel="whatsapp",
        kind="status",
        dedupe_key=f"{wamid}:{state}",
        business_id=business_id,
        contact_id=contact_id,
        contact_phone=phone,
        contact_name=name,
        timestamp=timestamp(status.get("timestamp")),
        raw_type=f"status.{state}",
        status=Status(
            message_id=wamid,
            status=state,
            errors=errors,
            callback_data=text(status.get("biz_opaque_callback_data")),
        ),
        errors=errors,
    )


# Each reader returns the type-specific Inbound fields, or None when its object is missing.


def _text(message: dict[str, Any], _mtype: str) -> Fields | None:
    body = text(obj(message.get("text")).get("body"))
    return None if body is None else {"kind": "text", "text": body}


def _interactive(message: dict[str, Any], _mtype: str) -> Fields | None:
    interactive = obj(message.get("interactive"))
    itype = text(interactive.get("type"))
    if itype is None:
        return None
    raw_type = f"interactive.{itype}"
    if itype in ("button_reply", "list_reply"):
        reply = obj(interactive.get(itype))
        choice_id = text(reply.get("id"))
        if choice_id is None:
            return None
        return {
            "kind": "choice",
            "choice_id": choice_id,
            "text": text(reply.get("title")),
            "raw_type": raw_type,
        }
    # nfm_reply (a completed WhatsApp Flow), call permission replies, and future types.
    return {
        "kind": "other",
        "text": text(obj(interactive.get(itype)).get("body")),
        "raw_type": raw_type,
    }


def _button(message: dict[str, Any], _mtype: str) -> Fields | None:
    # A tap on a template's quick-reply button; `payload` is what we set when sending.
    button = obj(message.get("button"))
    payload, label = text(button.get("payload")), text(button.get("text"))
    if payload is None:
        return None if label is None else {"kind": "text", "text": label}
    return {"kind": "choice", "choice_id": payload, "text": label}


def _location(message: dict[str, Any], _mtype: str) -> Fields | None:
    loc = obj(message.get("location"))
    point = valid_location(loc.get("latitude"), loc.get("longitude"))
    if point is None:
        return None
    location = Location(
        latitude=point[0],
        longitude=point[1],
        name=text(loc.get("name")),
        address=text(loc.get("address")),
    )
    return {"kind": "location", "location": location}


def _media(message: dict[str, Any], mtype: str) -> Fields | None:
    body = obj(message.get(mtype))
    media_id, url = text(body.get("id")), text(body.get("url"))
    if media_id is None and url is None:
        return None
    caption = text(body.get("caption"))
    media = Media(
        # `voice` is a legacy (on-premise) shape of a voice note.
        kind="audio" if mtype == "voice" else mtype,
        media_id=media_id,
        url=url,
        mime_type=text(body.get("mime_type")),
        sha256=text(body.get("sha256")),
        caption=caption,
        filename=text(body.get("filename")),
        voice=mtype == "voice" or body.get("voice") is True,
    )
    return {"kind": "media", "media": media, "text": caption}


def _reaction(message: dict[str, Any], _mtype: str) -> Fields | None:
    reaction = obj(message.get("reaction"))
    target = text(reaction.get("message_id"))
    if target is None:
        return None
    # No emoji (or "") means the reaction was removed.
    return {"kind": "reaction", "text": text(reaction.get("emoji")), "reply_to": target}


def _contacts(message: dict[str, Any], _mtype: str) -> Fields | None:
    lines = []
    for card in objs(message.get("contacts")):
        name = obj(card.get("name"))
        label = text(name.get("formatted_name")) or " ".join(
            part for part in (text(name.get("first_name")), text(name.get("last_name"))) if part
        )
        phones = [
            number
            for phone in objs(card.get("phones"))
            if (number := text(phone.get("phone")) or text(phone.get("wa_id")))
        ]
        line = ": ".join(part for part in (label, ", ".join(phones)) if part)
        if line:
            lines.append(line)
    return {"kind": "contacts", "text": "\n".join(lines)} if lines else None


def _unsupported(message: dict[str, Any], mtype: str) -> Fields:
    subtype = text(obj(message.get("unsupported")).get("type"))
    return {"kind": "unsupported", "raw_type": f"unsupported.{subtype}" if subtype else mtype}


def _system(message: dict[str, Any], mtype: str) -> Fields:
    system = obj(message.get("system"))
    stype = text(system.get("type"))
    return {
        "kind": "system",
        "text": text(system.get("body")),
        "raw_type": f"system.{stype}" if stype else mtype,
    }


def _other(_message: dict[str, Any], _mtype: str) -> Fields:
    return {"kind": "other"}


def _unknown(_message: dict[str, Any], _mtype: str) -> Fields:
    return {"kind": "unsupported"}


_TYPES: dict[str, Callable[[dict[str, Any], str], Fields | None]] = {
    "text": _text,
    "interactive": _interactive,
    "button": _button,
    "location": _location,
    "reaction": _reaction,
    "contacts": _contacts,
    "unsupported": _unsupported,
    "system": _system,
    **dict.fromkeys(_MEDIA_TYPES, _media),
    **dict.fromkeys(_OTHER_TYPES, _other),
}
