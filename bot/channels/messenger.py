"""Messenger (`object: page`) and Instagram (`object: instagram`) webhooks → `Inbound`.

Both products share the Messenger Platform event shape: `entry[].messaging[]` for threads we
own and `entry[].standby[]` for threads another app (the Page Inbox) owns; standby events
become `kind="standby"` so the bot stays silent there. `contact_id` is the PSID/IGSID and
`business_id` the Page or Instagram account id (`entry.id`, else `recipient.id`).

Mapping notes:
- text → "text"; quick reply and postback → "choice" (`choice_id` = our payload);
- attachments → one `Inbound` each (the first keeps the `mid` as dedupe key, later ones
  get `"<mid>:<n>"`); a sticker sent as both `sticker` and `image` counts once;
- a shared location (legacy `payload.coordinates`, or a map link) → "location";
- echoes of Page messages → "echo" with `choice_id` = the sending `app_id` (ours, or the
  Page Inbox when a human answered there); reads/deliveries → "status" with a watermark;
- handovers (`pass_thread_control`, ...) → "other" with `raw_type` = the event key and
  `choice_id` = the new owner app id, so the caller can tell when a thread comes back.

The parser is total: a malformed event is skipped and the rest kept.
"""

from __future__ import annotations

from typing import Any, Literal

from bot.channels._fields import guarded, number, obj, objs, text, timestamp
from bot.channels._geo import location_from_url, valid_location
from bot.messages import Inbound, Location, Media, Status

__all__ = ["parse"]

Fields = dict[str, Any]

_MEDIA_KINDS = {"image": "image", "audio": "audio", "video": "video", "file": "file"}
_STICKER_TYPES = frozenset({"sticker", "like_heart"})
_HANDOVERS = ("pass_thread_control", "take_thread_control", "request_thread_control")
# Event keys we store but do not act on (referrals, plugin opt-ins, edits, policy notices).
_OTHER_EVENTS = ("referral", "optin", "message_edit", "account_linking", "policy_enforcement")


def parse(payload: dict, channel: Literal["messenger", "instagram"]) -> list[Inbound]:
    """All events in a Messenger or Instagram webhook payload, never raising."""
    results: list[Inbound] = []
    for entry in objs(obj(payload).get("entry")):
        page_id = text(entry.get("id"))
        events = [(event, False) for event in objs(entry.get("messaging"))]
        events += [(event, True) for event in objs(entry.get("standby"))]
        # The dashboard's "test" button and some Instagram setups wrap one event in changes[].
        events += [
            (value, False)
            for change in objs(entry.get("changes"))
            if "sender" in (value := obj(change.get("value")))
        ]
        for event, standby in events:
            results.extend(guarded(channel, _event, event, page_id, channel, standby) or [])
    return results


def _event(
    event: dict[str, Any], page_id: str | None, channel: str, standby: bool
) -> list[Inbound]:
    sender = text(obj(event.get("sender")).get("id"))
    recipient = text(obj(event.get("recipient")).get("id"))
    echo = obj(event.get("message")).get("is_echo") is True
    # Echoes travel the other way: the Page is the sender and the person the recipient.
    contact_id, business_id = (recipient, sender) if echo else (sender, recipient)
    business_id = page_id or business_id
    if contact_id is None or business_id is None:
        return []  # e.g. a checkbox-plugin `user_ref`: no thread to answer in
    stamp = event.get("timestamp")
    items = _content(event, contact_id, _key(stamp))
    results = []
    for fields in items:
        if standby:
            fields = {**fields, "kind": "standby", "raw_type": f"standby.{fields['raw_type']}"}
        results.append(
            Inbound(
                channel=channel,
                business_id=business_id,
                contact_id=contact_id,
                timestamp=timestamp(stamp),
                **fields,
            )
        )
    return results


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _key(value: Any) -> str:
    """A stable string for an id-less event's dedupe key (timestamps, watermarks)."""
    seconds = number(value)
    return str(int(seconds)) if seconds is not None else "?"


def _content(event: dict[str, Any], psid: str, stamp: str) -> list[Fields]:
    if isinstance(event.get("message"), dict):
        return _message(event["message"])
    if isinstance(event.get("postback"), dict):
        postback = event["postback"]
        payload = text(postback.get("payload"))  # omitted on the standby channel
        mid = text(postback.get("mid")) or f"postback:{psid}:{stamp}:{payload}"
        return [
            {
                "kind": "choice",
                "dedupe_key": mid,
                "choice_id": payload,
                "text": text(postback.get("title")),
                "raw_type": "postback",
            }
        ]
    for key in ("read", "messaging_seen", "delivery"):
        if isinstance(event.get(key), dict):
            return _receipt(key, event[key], psid)
    if isinstance(event.get("reaction"), dict):
        reaction = event["reaction"]
        action = text(reaction.get("action")) or "react"
        target = text(reaction.get("mid"))
        return [
            {
                "kind": "reaction",
                "dedupe_key": f"reaction:{psid}:{target}:{action}:{stamp}",
                "text": text(reaction.get("emoji")) if action == "react" else None,
                "reply_to": target,
                "raw_type": f"reaction.{action}",
            }
        ]
    for key in _HANDOVERS + _OTHER_EVENTS:
        if isinstance(event.get(key), dict):
            body = event[key]
            return [
                {
                    "kind": "other",
                    "dedupe_key": f"{key}:{psid}:{stamp}",
                    "choice_id": text(body.get("new_owner_app_id")),
                    "text": text(body.get("metadata"))
                    or text(body.get("ref"))
                    or text(body.get("text")),
                    "reply_to": text(body.get("mid")),
                    "raw_type": key,
                }
            ]
    return []  # unknown event kinds are ignored


def _receipt(key: str, body: dict[str, Any], psid: str) -> list[Fields]:
    state = "delivered" if key == "delivery" else "read"
    watermark = body.get("watermark")
    mids = [mid for item in _list(body.get("mids")) if (mid := text(item))]
    mid = text(body.get("mid")) or (mids[0] if len(mids) == 1 else None)
    if number(watermark) is not None:
        dedupe_key = f"{state}:{psid}:{_key(watermark)}"
        mark = timestamp(watermark)
    elif mid is not None:  # Instagram's messaging_seen names the message instead
        dedupe_key, mark = f"{state}:{psid}:{mid}", None
    else:
        return []
    status = Status(message_id=mid, status=state, watermark=mark)
    return [{"kind": "status", "dedupe_key": dedupe_key, "status": status, "raw_type": key}]


def _message(message: dict[str, Any]) -> list[Fields]:
    mid = text(message.get("mid"))
    if mid is None:
        return []
    body = text(message.get("text"))
    reply_to = text(obj(message.get("reply_to")).get("mid"))
    if message.get("is_echo") is True:
        # `app_id` tells our own bot's messages from a human replying in the Page Inbox.
        app_id = text(message.get("app_id"))
        return [
            {
                "kind": "echo",
                "dedupe_key": mid,
                "text": body,
                "choice_id": app_id,
                "raw_type": "echo",
            }
        ]
    if message.get("is_deleted") is True:
        # Same mid as the original message, so it needs its own key.
        return [{"kind": "other", "dedupe_key": f"{mid}:deleted", "raw_type": "deleted"}]
    payload = text(obj(message.get("quick_reply")).get("payload"))
    if payload is not None:
        return [
            {
                "kind": "choice",
                "dedupe_key": mid,
                "choice_id": payload,
                "text": body,
                "raw_type": "quick_reply",
            }
        ]
    parts = _attachments(message.get("attachments"), has_text=body is not None)
    if not parts:
        kind = "text" if body is not None else "other"
        parts = [{"kind": kind, "raw_type": "text" if body is not None else "message"}]
    if body is not None:
        # Text sent with an attachment (a caption, or a comment on a share) goes first.
        extra = parts[0].get("text")
        parts[0]["text"] = f"{body}\n{extra}" if extra and extra != body else body
    for index, part in enumerate(parts):
        part["dedupe_key"] = mid if index == 0 else f"{mid}:{index}"
        part["reply_to"] = reply_to
    return parts


def _attachments(value: Any, *, has_text: bool) -> list[Fields]:
    parts: list[Fields] = []
    seen_stickers: set[str] = set()
    for attachment in objs(value):
        atype = text(attachment.get("type")) or "unknown"
        payload = obj(attachment.get("payload"))
        # Before webhook v6.0, url and title sat on the attachment itself.
        url = text(payload.get("url")) or text(attachment.get("url"))
        title = text(payload.get("title")) or text(attachment.get("title"))
        coordinates = obj(payload.get("coordinates"))
        point = valid_location(coordinates.get("lat"), coordinates.get("long"))
        if point is None and atype in ("location", "fallback"):
            point = location_from_url(url)
        if point is not None:
            location = Location(latitude=point[0], longitude=point[1], name=title)
            parts.append({"kind": "location", "location": location, "raw_type": atype})
            continue
        sticker_id = text(payload.get("sticker_id"))
        if sticker_id is not None or atype in _STICKER_TYPES:
            keys = {key for key in (sticker_id, url) if key} or {atype}
            if keys & seen_stickers:
                continue  # the same sticker again, as an `image` (until 2026-08-30)
            seen_stickers |= keys
            media = Media(kind="sticker", url=url)
            parts.append({"kind": "media", "media": media, "raw_type": atype})
        elif atype in _MEDIA_KINDS:
            media = Media(kind=_MEDIA_KINDS[atype], url=url)
            parts.append({"kind": "media", "media": media, "raw_type": atype})
        elif atype == "fallback" and has_text:
            continue  # a link share: the message text already carries the link
        elif atype == "unsupported":
            parts.append({"kind": "unsupported", "raw_type": atype})
        else:
            # Shares, story mentions, reels, product templates, unsupported: keep the link.
            parts.append({"kind": "other", "text": url or title, "raw_type": atype})
    return parts
