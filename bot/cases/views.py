"""JSON shapes of cases, messages and notes, for the API and the inbox.

`case_json` is the contract's case shape (architecture A5) plus fields a caseworker needs:
the platform window, the contact preferences, why the bot handed off, the outcome, whether
any reply has reached the person (`not_reached`); `case_payload` adds why the latest reply
has not (`delivery`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.access import is_unrouted, visible_to
from bot.cases.positions import newest_first
from bot.cases.window import iso, window_for
from bot.store.models import Case, Conversation, Message, Note, Outbox, User

LOCATION_KEYS = ("latitude", "longitude", "text", "place", "country_code")
# Outbound message states as shown to caseworkers ("played" is a voice note listened to).
STATUS = {"played": "read"}


def map_url(latitude: float | None, longitude: float | None) -> str | None:
    if latitude is None or longitude is None:
        return None
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}"
        f"#map=14/{latitude:.5f}/{longitude:.5f}"
    )


def case_json(
    case: Case, conv: Conversation, *, now: datetime, assignee: str | None = None
) -> dict[str, Any]:
    """The case as JSON. `assignee` is the claimer's name (see `case_payload`)."""
    loc = case.location or None
    location = {k: loc.get(k) for k in LOCATION_KEYS} if loc else None
    if location is not None and loc.get("situation"):
        location["situation"] = loc["situation"]  # unknown, at_sea, in_desert, detained...
    if location is not None and loc.get("positions"):
        location["positions"] = newest_first(loc)  # every pin she sent: time, lat/lon, coast
    return {
        "id": case.id,
        "status": case.status,
        "priority": case.priority,
        "channel": case.channel or conv.channel,
        "language": case.language,
        "team": case.team,
        "assignee": assignee,
        "contact": {"name": conv.contact_name, "masked_id": conv.masked_id},
        "location": location,
        "answers": dict(case.answers or {}),
        "consent": {"share_with": list((case.consent or {}).get("share_with") or [])},
        "created_at": iso(case.created_at),
        "updated_at": iso(case.updated_at),
        # Beyond A5:
        "assignee_id": case.assignee_id,
        "rules_fired": list(case.rules_fired or []),
        "indicators": list(case.indicators or []),
        "window": window_for(conv, now).as_json(),
        "contact_prefs": conv.contact_prefs,
        "handoff": case.handoff,
        "outcome": case.outcome,
        "map_url": map_url(loc.get("latitude"), loc.get("longitude")) if loc else None,
        "erased": case.erased_at is not None,
        "previous_case_id": case.previous_case_id,
        "claimed_at": iso(case.claimed_at),
        "resolved_at": iso(case.resolved_at),
        "escalated_at": iso(case.escalated_at),
        "bot_paused": conv.claimed,
        "routed": not is_unrouted(case),  # False: every caseworker sees it until it is routed
        "stopped": (conv.state or {}).get("ended") == "stopped",  # the person wrote STOP
        "not_reached": case.not_reached,  # no reply has reached the person yet
    }


async def case_payload(
    session: AsyncSession, case: Case, conv: Conversation, *, now: datetime
) -> dict[str, Any]:
    """`case_json` with the assignee's name looked up."""
    name = None
    if case.assignee_id is not None:
        user = await session.get(User, case.assignee_id)
        name = user.name if user else None
    out = case_json(case, conv, now=now, assignee=name)
    out["delivery"] = await delivery_json(session, conv)
    return out


# The latest reply that has not reached the person and was tried at least once.
_UNDELIVERED = (
    select(Outbox)
    .where(
        Outbox.conversation_id == bindparam("conv_id"),
        Outbox.message_id.is_not(None),  # type: ignore[union-attr]
        Outbox.state.in_(("pending", "sending", "failed")),  # type: ignore[attr-defined]
        Outbox.attempts > 0,
    )
    .order_by(Outbox.id.desc())  # type: ignore[union-attr]
    .limit(1)
)


async def delivery_json(session: AsyncSession, conv: Conversation) -> dict[str, Any] | None:
    """Why the latest undelivered reply has not reached the person, and when it was last
    tried; None when every reply tried so far went through."""
    row = (await session.execute(_UNDELIVERED, {"conv_id": conv.id})).scalar_one_or_none()
    if row is None:
        return None
    return {
        "state": "failed" if row.state == "failed" else "retrying",
        "reason": row.error,
        "error_code": row.error_code,
        "attempts": row.attempts,
        "last_attempt_at": iso(row.claimed_at),
        "next_attempt_at": iso(row.next_attempt_at) if row.state != "failed" else None,
    }


def message_json(
    msg: Message, *, case_id: str | None = None, media_state: str | None = None
) -> dict[str, Any]:
    """One transcript entry. With `case_id`, media entries carry the URL to fetch them."""
    data = msg.data or {}
    if msg.direction == "out":
        status = STATUS.get(msg.state, msg.state)
    else:
        status = "received"
    out: dict[str, Any] = {
        "id": msg.id,
        "direction": msg.direction,
        "author": msg.author,
        "text": msg.text,
        "kind": msg.kind,
        "at": iso(msg.platform_ts or msg.created_at),
        "status": status,
        "error": msg.error,
        "user_id": msg.user_id,
    }
    if data.get("choice_id"):
        out["choice_id"] = data["choice_id"]
    if isinstance(data.get("location"), dict):
        loc = data["location"]
        out["location"] = {**loc, "map_url": map_url(loc.get("latitude"), loc.get("longitude"))}
    media = data.get("media")
    if isinstance(media, dict):
        out["media"] = {
            "kind": media.get("kind"),
            "mime_type": media.get("mime_type"),
            "caption": media.get("caption"),
            "filename": media.get("filename"),
            "voice": bool(media.get("voice")),
            "state": media_state,
            "url": f"/api/cases/{case_id}/media/{msg.id}" if case_id else None,
        }
    reply = data.get("reply")
    if isinstance(reply, dict) and reply.get("template"):
        out["template"] = reply["template"].get("name")
    if isinstance(reply, dict) and reply.get("human_agent"):
        out["human_agent"] = True
    return out


def note_json(note: Note, author: str | None = None) -> dict[str, Any]:
    return {
        "id": note.id,
        "case_id": note.case_id,
        "text": note.text,
        "user_id": note.user_id,
        "author": author,
        "at": iso(note.created_at),
    }


# --- Reads the inbox and the API make under a user whose access is already checked --------


async def user_names(session: AsyncSession, ids: set[int | None]) -> dict[int, str]:
    """The names of these users (caseworkers who claimed a case, or sent a group update)."""
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    rows = await session.execute(select(User.id, User.name).where(User.id.in_(wanted)))  # type: ignore[union-attr]
    return dict(rows.all())  # type: ignore[arg-type]


async def conversation_messages(session: AsyncSession, conv_id: int | None) -> list[Message]:
    """A conversation's messages, oldest first (not audited: a page re-fetching its own)."""
    rows = await session.execute(
        select(Message).where(Message.conversation_id == conv_id).order_by(Message.id)
    )
    return list(rows.scalars().all())


async def message_marks(session: AsyncSession, conv_id: int | None) -> tuple[tuple[Any, ...], ...]:
    """(id, state) of each message of a conversation: changes when one arrives or is ticked."""
    rows = await session.execute(
        select(Message.id, Message.state).where(Message.conversation_id == conv_id)
    )
    return tuple(sorted((r[0], r[1]) for r in rows))


async def open_case_marks(
    session: AsyncSession, teams: list[str] | None
) -> tuple[tuple[Any, ...], ...]:
    """(id, status, priority, assignee, updated) of the unresolved cases of these teams (None:
    every team): changes whenever the case list would."""
    query = select(Case.id, Case.status, Case.priority, Case.assignee_id, Case.updated_at)
    if teams is not None:
        query = query.where(visible_to(teams))
    rows = await session.execute(query.where(Case.status != "resolved"))
    return tuple(sorted((r[0], r[1], r[2], r[3], str(r[4])) for r in rows))


async def updated_since(
    session: AsyncSession, teams: list[str] | None, since: datetime, *, limit: int = 100
) -> list[Case]:
    """The cases of these teams (None: every team) changed since `since`, oldest first."""
    query = select(Case).where(Case.updated_at >= since).order_by(Case.updated_at).limit(limit)
    if teams is not None:
        query = query.where(Case.team.in_(teams))
    return list((await session.execute(query)).scalars().all())
