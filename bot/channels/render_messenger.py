"""A `Reply` as Messenger / Instagram Send API bodies for `POST /me/messages`.

Layout rules (reference §6 and §10):
- up to 13 options → quick replies (title ≤ 20, payload = the option id) on the last text;
  more → numbered lines ("1. ...") that the engine matches as typed answers;
- text is split at sentence ends: Messenger allows < 2000 characters, Instagram about
  1000 (counted here as UTF-8 bytes, the stricter reading);
- media goes first, by URL, so that it cannot hide the quick replies;
- `messaging_type` is RESPONSE, or MESSAGE_TAG + HUMAN_AGENT for a caseworker writing
  after the 24 h window (`reply.human_agent`; up to 7 days);
- there is no location picker any more (the location quick reply was removed in 2019), so
  `request_location` only asks in words, and `template` is WhatsApp-only and ignored;
- right-to-left replies get numbers and Latin runs isolated (`bidi.isolate_ltr_runs`).
"""

from __future__ import annotations

from typing import Any

from bot.channels._textfit import (
    Measure,
    identity,
    layout,
    numbered_lines,
    option_label,
    unique_cuts,
    utf8_len,
    utf16_len,
)
from bot.channels.bidi import is_rtl, isolate_ltr_runs
from bot.messages import Reply

__all__ = ["mark_seen_messenger", "render_messenger"]

MESSENGER_TEXT_LIMIT = 1999  # "< 2000"
INSTAGRAM_TEXT_LIMIT = 1000
MAX_QUICK_REPLIES, QUICK_REPLY_TITLE = 13, 20
NO_TEXT = "…"  # quick replies must ride on a message with text
_ATTACHMENT_TYPES = {"image": "image", "audio": "audio", "video": "video", "document": "file"}


def render_messenger(reply: Reply, *, psid: str, channel: str = "messenger") -> list[dict]:
    """The request bodies that carry `reply` to `psid` (a PSID or IGSID), in sending order."""
    fit = isolate_ltr_runs if is_rtl(reply.lang) else identity
    limit, measure = _limits(channel)
    base: dict[str, Any] = {"recipient": {"id": psid}}
    if reply.human_agent:
        base |= {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
    else:
        base["messaging_type"] = "RESPONSE"

    bodies: list[dict[str, Any]] = []
    if reply.media_url and reply.media_kind:
        payload = {"url": reply.media_url, "is_reusable": True}
        attachment = {"type": _ATTACHMENT_TYPES[reply.media_kind], "payload": payload}
        bodies.append({**base, "message": {"attachment": attachment}})

    options = reply.options
    quick = 0 < len(options) <= MAX_QUICK_REPLIES
    block = "" if quick else numbered_lines(options)
    chunks = layout(reply.text, limit, block=block, measure=measure, transform=fit)
    if quick and not chunks:
        chunks = [NO_TEXT]
    messages: list[dict[str, Any]] = [{"text": fit(chunk)} for chunk in chunks]
    if quick:
        titles = unique_cuts([option_label(o) for o in options], QUICK_REPLY_TITLE, utf16_len, fit)
        messages[-1]["quick_replies"] = [
            {"content_type": "text", "title": title, "payload": option.id}
            for option, title in zip(options, titles, strict=True)
        ]
    bodies += [{**base, "message": message} for message in messages]
    return bodies


def mark_seen_messenger(psid: str) -> dict:
    """Show the person their message was seen (a sender action, never combined with text)."""
    return {"recipient": {"id": psid}, "sender_action": "mark_seen"}


def _limits(channel: str) -> tuple[int, Measure]:
    if channel == "instagram":
        return INSTAGRAM_TEXT_LIMIT, utf8_len
    return MESSENGER_TEXT_LIMIT, utf16_len
