"""A `Reply` as WhatsApp Cloud API request bodies for `POST /{phone_number_id}/messages`.

Layout rules (Meta's limits, see the reference §3 and §10):
- 1-3 options → reply buttons (title ≤ 20); 4-10 → a list (row title ≤ 24, description
  ≤ 72, button label ≤ 20 from `reply.menu_label`); more → numbered lines ("1. ...") that
  the engine matches as typed answers.
- Text over 4096 characters is split at sentence ends into several messages; an
  interactive body holds at most 1024, and options always ride on the last message.
- Labels are cut at a word end with "…" and kept unique within a message.
- `request_location` → a location request (options, if any, become numbered lines).
- `template` → an approved template (the only thing allowed outside the 24 h window).
- Media goes by link, first, with the text as caption when it fits and nothing else follows.
- Right-to-left replies (`lang` "ar", "ary", not "ary-Latn") get numbers and Latin runs
  isolated (`bidi.isolate_ltr_runs`), within the limits above.

Bodies carry `to` (phone digits, preferred: Meta replies to the `wa_id` it gave us) or, for a
person known only by BSUID, the new top-level `recipient`.
"""

from __future__ import annotations

import re
from typing import Any

from bot.channels._textfit import (
    Transform,
    identity,
    layout,
    numbered_lines,
    option_label,
    unique_cuts,
    utf16_len,
)
from bot.channels._textfit import cut as cut_text
from bot.channels.bidi import is_rtl, isolate_ltr_runs
from bot.messages import Option, Reply, TemplateCall

__all__ = ["mark_read_whatsapp", "render_whatsapp"]

TEXT_LIMIT = 4096
BODY_LIMIT = 1024  # interactive bodies and media captions
MAX_BUTTONS, BUTTON_TITLE = 3, 20
MAX_ROWS, ROW_TITLE, ROW_DESCRIPTION = 10, 24, 72
LIST_BUTTON, SECTION_TITLE = 20, 24
# Shown only when the engine gives no label; a symbol, so no language is assumed.
DEFAULT_MENU_LABEL = "☰"
NO_TEXT = "…"  # interactive messages require a body
_CAPTIONED = frozenset({"image", "video", "document"})


def render_whatsapp(reply: Reply, *, to: str | None, user_id: str | None = None) -> list[dict]:
    """The request bodies that carry `reply`, in sending order.

    Args:
        reply: what to say.
        to: the person's phone digits (`wa_id`), when known.
        user_id: their business-scoped user id (BSUID), used when `to` is unknown.

    Raises:
        ValueError: neither `to` nor `user_id` is given.
    """
    base = _recipient(to, user_id)
    rtl = is_rtl(reply.lang) or (reply.template is not None and is_rtl(reply.template.language))
    fit = isolate_ltr_runs if rtl else identity
    if reply.template is not None:
        return [{**base, "type": "template", "template": _template(reply.template, fit)}]

    bodies: list[dict[str, Any]] = []
    options = reply.options
    numbered = len(options) > MAX_ROWS or (reply.request_location and bool(options))
    interactive = reply.request_location or (bool(options) and not numbered)
    if reply.media_url and reply.media_kind:
        media: dict[str, Any] = {"link": reply.media_url}
        caption = reply.text.strip()
        if (
            caption
            and not options
            and not reply.request_location
            and reply.media_kind in _CAPTIONED
            and utf16_len(fit(caption)) <= BODY_LIMIT
        ):
            media["caption"] = fit(caption)
            return [{**base, "type": reply.media_kind, reply.media_kind: media}]
        bodies.append({**base, "type": reply.media_kind, reply.media_kind: media})

    block = numbered_lines(options) if numbered else ""
    chunks = layout(
        reply.text,
        TEXT_LIMIT,
        block=block,
        last_limit=BODY_LIMIT if interactive else TEXT_LIMIT,
        measure=utf16_len,
        transform=fit,
    )
    body = None
    if interactive:
        *chunks, body = chunks or [reply.menu_label or NO_TEXT]
    bodies += [_text(base, fit(chunk)) for chunk in chunks]
    if body is None:
        return bodies
    if reply.request_location:
        action: dict[str, Any] = {"name": "send_location"}
        bodies.append(_interactive(base, "location_request_message", fit(body), action))
    elif len(options) <= MAX_BUTTONS:
        bodies.append(_interactive(base, "button", fit(body), _buttons(options, fit)))
    else:
        bodies.append(_interactive(base, "list", fit(body), _list(reply, fit)))
    return bodies


def mark_read_whatsapp(message_id: str, *, typing: bool = False) -> dict:
    """Mark an inbound message (and all before it) read; `typing` also shows "typing…"."""
    body: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "status": "read",
        "message_id": message_id,
    }
    if typing:
        body["typing_indicator"] = {"type": "text"}
    return body


def _recipient(to: str | None, user_id: str | None) -> dict[str, Any]:
    base: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual"}
    if to:
        return {**base, "to": to}
    if user_id:
        return {**base, "recipient": user_id}
    raise ValueError("a WhatsApp reply needs a phone number or a BSUID")


def _text(base: dict[str, Any], body: str) -> dict[str, Any]:
    return {**base, "type": "text", "text": {"preview_url": False, "body": body}}


def _interactive(
    base: dict[str, Any], kind: str, body: str, action: dict[str, Any]
) -> dict[str, Any]:
    interactive = {"type": kind, "body": {"text": body}, "action": action}
    return {**base, "type": "interactive", "interactive": interactive}


def _buttons(options: list[Option], fit: Transform) -> dict[str, Any]:
    titles = unique_cuts([option_label(o) for o in options], BUTTON_TITLE, utf16_len, fit)
    return {
        "buttons": [
            {"type": "reply", "reply": {"id": option.id, "title": title}}
            for option, title in zip(options, titles, strict=True)
        ]
    }


def _list(reply: Reply, fit: Transform) -> dict[str, Any]:
    options = reply.options
    label = reply.menu_label or DEFAULT_MENU_LABEL
    titles = unique_cuts([option_label(o) for o in options], ROW_TITLE, utf16_len, fit)
    rows = []
    for option, title in zip(options, titles, strict=True):
        row = {"id": option.id, "title": title}
        if option.description:
            row["description"] = cut_text(option.description, ROW_DESCRIPTION, utf16_len, fit)
        rows.append(row)
    return {
        "button": cut_text(label, LIST_BUTTON, utf16_len, fit),
        "sections": [{"title": cut_text(label, SECTION_TITLE, utf16_len, fit), "rows": rows}],
    }


def _template(template: TemplateCall, fit: Transform) -> dict[str, Any]:
    body: dict[str, Any] = {"name": template.name, "language": {"code": template.language}}
    if template.params:
        parameters = [{"type": "text", "text": fit(_one_line(p))} for p in template.params]
        body["components"] = [{"type": "body", "parameters": parameters}]
    return body


def _one_line(param: str) -> str:
    # Meta rejects template parameters with line breaks, tabs or runs of spaces.
    return re.sub(r"\s+", " ", param).strip() or NO_TEXT
