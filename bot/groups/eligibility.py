"""May one member of a group get a group update now? Decided per person, with the reason.

Inside the platform's 24-hour window the person is in a conversation with us: the update
goes. Outside it, any message is writing first, so the person must have said it is safe
(`bot.safe_contact.may_write_first`: allowed, and within their safe hours); then only
Messenger and Instagram still carry it (the HUMAN_AGENT tag, up to 7 days after the
person's last message). WhatsApp allows only templates after 24 hours, and a group update
is free text: that person is skipped, and the caseworker can send a template on the case.

Pure: no database, no web.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.cases.compose import stopped
from bot.cases.window import window_for
from bot.safe_contact import may_write_first
from bot.store.models import Case, Conversation

# Stable codes for skipped people (the API and the inbox show `detail` next to them).
ERASED = "erased"
STOPPED = "stopped"
NOT_SAFE_FIRST = "not_safe_to_write_first"
WINDOW_CLOSED = "window_closed"
SAME_PERSON = "same_person"


@dataclass(frozen=True)
class Decision:
    send: bool
    human_agent: bool = False  # Messenger/Instagram after 24 h: send with the HUMAN_AGENT tag
    reason: str | None = None  # a code above, when skipped
    detail: str | None = None  # an English sentence for caseworkers, when skipped


def skip(reason: str, detail: str) -> Decision:
    return Decision(send=False, reason=reason, detail=detail)


def decide(case: Case, conv: Conversation, now: datetime) -> Decision:
    if case.erased_at is not None or conv.status == "erased" or not conv.contact_ref:
        return skip(ERASED, "The person erased their data: there is no one to write to.")
    if stopped(conv):
        return skip(STOPPED, "The person wrote STOP: wait until they write again.")
    window = window_for(conv, now)
    if window.open:
        return Decision(send=True)
    country = (case.location or {}).get("country_code")
    allowed, why = may_write_first(conv.contact_prefs, country, now)
    if not allowed:
        return skip(NOT_SAFE_FIRST, f"Not written within 24 hours, and writing first: {why}")
    if conv.channel in ("messenger", "instagram") and window.human_agent_open(now):
        return Decision(send=True, human_agent=True)
    if conv.channel == "whatsapp":
        # Minutes are enough for a caseworker: "2026-11-22 23:53 UTC".
        closed = window.closes_at.strftime("%Y-%m-%d %H:%M UTC") if window.closes_at else None
        return skip(
            WINDOW_CLOSED,
            "More than 24 hours since the person last wrote"
            + (f" (the window closed at {closed})" if closed else "")
            + ": WhatsApp delivers only an approved template; send one on the case.",
        )
    if window.human_agent_until is not None:
        return skip(
            WINDOW_CLOSED,
            "More than 7 days since the person last wrote: the platform allows no message"
            " until they write again.",
        )
    return skip(WINDOW_CLOSED, "The person has not written on this channel yet.")
