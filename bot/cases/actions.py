"""What a caseworker can do with a case: the service layer under the API and the inbox.

Every function takes the caller's AsyncSession (the caller owns the transaction: wrap the
call in `async with session.begin()`) and the acting User; it raises NotFound, Conflict,
WindowClosed or BadRequest (bot.cases.errors), appends an audit row for what the caseworker
did, and queues events that are published once the transaction commits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.access import is_admin, load_case, require_holder, visible_teams, visible_to
from bot.cases.compose import ask_consent, send_text
from bot.cases.errors import BadRequest, Conflict, NotFound
from bot.cases.events import case_event, on_commit, queue_event
from bot.cases.host import CaseHost
from bot.cases.replies import canned_replies
from bot.cases.window import window_for
from bot.engine.runner import close as close_conversation
from bot.store.models import Case, Conversation, MediaBlob, Message, Note, User, utcnow

__all__ = [
    "OUTCOMES",
    "add_note",
    "canned_replies",
    "claim",
    "count_cases",
    "get_case",
    "list_cases",
    "media_blob",
    "media_states",
    "notes",
    "release",
    "resolve",
    "ask_consent",
    "send_text",
    "transcript",
]

OUTCOMES = ("referred", "assisted", "unreachable", "duplicate", "not_a_case")
STATUSES = ("open", "claimed", "resolved")
PRIORITIES = ("urgent", "high", "normal")
MAX_NOTE_CHARS = 10_000


def _values(raw: str | None, allowed: tuple[str, ...], what: str) -> list[str] | None:
    """ "open,claimed" → ["open", "claimed"]; an unknown value is a bad request."""
    if not raw:
        return None
    values = [v.strip() for v in raw.split(",") if v.strip()]
    bad = [v for v in values if v not in allowed]
    if bad:
        raise BadRequest(f"unknown {what}: {', '.join(bad)} (one of {', '.join(allowed)})")
    return values


async def _filtered(
    session: AsyncSession,
    user: User,
    query: Any,
    status: str | None,
    priority: str | None,
    team: str | None,
) -> Any:
    teams = await visible_teams(session, user)
    if teams is not None:
        query = query.where(visible_to(teams))
    if (statuses := _values(status, STATUSES, "status")) is not None:
        query = query.where(Case.status.in_(statuses))
    if (priorities := _values(priority, PRIORITIES, "priority")) is not None:
        query = query.where(Case.priority.in_(priorities))
    if team:
        query = query.where(Case.team == team.strip().lower())
    return query


async def list_cases(
    session: AsyncSession,
    user: User,
    *,
    status: str | None = None,
    priority: str | None = None,
    team: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[tuple[Case, Conversation]]:
    """The caller's teams' cases, newest first. Filters take one value or a comma list.
    Not audited: screens poll it; opening a case is (`get_case`)."""
    query = select(Case, Conversation).join(Conversation, Conversation.id == Case.conversation_id)
    query = await _filtered(session, user, query, status, priority, team)
    query = query.order_by(Case.created_at.desc(), Case.id.desc())
    query = query.limit(max(1, min(limit, 200))).offset(max(0, offset))
    rows = await session.execute(query)
    return [(case, conv) for case, conv in rows.all()]


async def count_cases(
    session: AsyncSession,
    user: User,
    *,
    status: str | None = None,
    priority: str | None = None,
    team: str | None = None,
) -> int:
    query = await _filtered(session, user, select(func.count(Case.id)), status, priority, team)
    return int((await session.execute(query)).scalar_one())


async def get_case(
    session: AsyncSession, user: User, case_id: str, *, now: datetime | None = None
) -> tuple[Case, Conversation]:
    case, conv = await load_case(session, user, case_id)
    audit.record(session, user, "view", case.id, now=now)
    return case, conv


async def transcript(
    session: AsyncSession, user: User, case_id: str, *, now: datetime | None = None
) -> list[Message]:
    """The whole conversation of the case, oldest first (messages not yet answered too)."""
    case, conv = await load_case(session, user, case_id)
    audit.record(session, user, "view", case.id, now=now, what="messages")
    rows = await session.execute(
        select(Message).where(Message.conversation_id == conv.id).order_by(Message.id)
    )
    return list(rows.scalars().all())


async def media_states(session: AsyncSession, message_ids: list[int]) -> dict[int, str]:
    if not message_ids:
        return {}
    rows = await session.execute(
        select(MediaBlob.message_id, MediaBlob.state).where(MediaBlob.message_id.in_(message_ids))
    )
    return dict(rows.all())  # type: ignore[arg-type]


async def claim(
    session: AsyncSession, user: User, case_id: str, *, now: datetime | None = None
) -> Case:
    """Take the case: the bot goes silent in its conversation. Exactly one of two concurrent
    claims wins (a conditional UPDATE); claiming your own case again changes nothing."""
    now = now or utcnow()
    case, conv = await load_case(session, user, case_id)
    if case.status == "resolved":
        raise Conflict("the case is resolved")
    result = await session.execute(
        update(Case)
        .where(Case.id == case.id, Case.status == "open")
        .values(status="claimed", assignee_id=user.id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(case)
    if result.rowcount != 1:
        if case.status == "claimed" and case.assignee_id == user.id:
            return case
        raise Conflict("the case is claimed by another caseworker")
    await session.execute(
        update(Conversation)
        .where(Conversation.id == conv.id)
        .values(claimed=True)
        .execution_options(synchronize_session=False)
    )
    conv.claimed = True
    audit.record(session, user, "claim", case.id, now=now)
    queue_event(session, case_event("claimed", case, user_id=user.id))
    return case


async def add_note(
    session: AsyncSession, user: User, case_id: str, text: str, *, now: datetime | None = None
) -> Note:
    now = now or utcnow()
    case, _conv = await load_case(session, user, case_id)
    body = (text or "").strip()
    if not body:
        raise BadRequest("the note is empty")
    if len(body) > MAX_NOTE_CHARS:
        raise BadRequest(f"a note has at most {MAX_NOTE_CHARS} characters")
    note = Note(case_id=case.id, user_id=user.id, text=body, created_at=now)  # type: ignore[arg-type]
    session.add(note)
    await session.flush()
    audit.record(session, user, "note", case.id, now=now, note_id=note.id)
    queue_event(session, case_event("note", case, note_id=note.id))
    return note


async def notes(session: AsyncSession, user: User, case_id: str) -> list[tuple[Note, str | None]]:
    """The case's notes, oldest first, with their authors' names."""
    case, _conv = await load_case(session, user, case_id)
    rows = await session.execute(
        select(Note, User.name)
        .join(User, User.id == Note.user_id, isouter=True)
        .where(Note.case_id == case.id)
        .order_by(Note.id)
    )
    return [(note, name) for note, name in rows.all()]


async def _hand_back(
    session: AsyncSession, runtime: CaseHost | None, conv: Conversation, now: datetime
) -> None:
    """The bot takes the chat again: it resumes where it stopped, or closes politely.
    Nothing is sent outside the platform's window (HUMAN_AGENT is for humans only): then
    the flow simply continues when the person next writes."""
    conv.claimed = False
    if runtime is None or conv.status != "active" or not conv.state:
        return
    if not window_for(conv, now).open:
        return
    await runtime.resume(session, conv)
    on_commit(session, runtime.kick_outbound)


async def release(
    session: AsyncSession,
    runtime: CaseHost | None,
    user: User,
    case_id: str,
    *,
    now: datetime | None = None,
) -> Case:
    """Hand the chat back to the bot; the case stays open for the team."""
    now = now or utcnow()
    case, conv = await load_case(session, user, case_id, lock=True)
    require_holder(case, user)
    case.status, case.assignee_id, case.updated_at = "open", None, now
    await _hand_back(session, runtime, conv, now)
    audit.record(session, user, "release", case.id, now=now)
    queue_event(session, case_event("released", case, user_id=user.id))
    return case


async def resolve(
    session: AsyncSession,
    user: User,
    case_id: str,
    outcome: str,
    *,
    runtime: CaseHost | None = None,
    closing: str | None = None,
    now: datetime | None = None,
) -> Case:
    """Close the case with an outcome. The bot asks nothing more in the conversation (it
    never picks the questions up again); `closing`, a canned reply id, is sent to the
    person first (the caller must hold the case). A later message from the person opens a
    new, linked case that starts with what the flow keeps (`closing: keep`)."""
    now = now or utcnow()
    if outcome not in OUTCOMES:
        raise BadRequest(f"outcome must be one of {', '.join(OUTCOMES)}")
    case, conv = await load_case(session, user, case_id, lock=True)
    if case.status == "resolved":
        raise Conflict("the case is already resolved")
    if case.status == "claimed" and case.assignee_id != user.id and not is_admin(user):
        raise Conflict("the case is claimed by another caseworker")
    if closing:
        if runtime is None:
            raise ValueError("a closing reply is sent by the running process: pass it")
        await send_text(session, runtime, user, case.id, canned=closing, now=now)
    case.status, case.outcome = "resolved", outcome
    case.resolved_at = case.updated_at = now
    conv.claimed = False
    conv.state = close_conversation(conv.state)
    conv.wake_at, conv.wake_name = None, None  # no reminder of a question no longer asked
    audit.record(session, user, "resolve", case.id, now=now, outcome=outcome)
    queue_event(session, case_event("resolved", case, user_id=user.id, outcome=outcome))
    return case


async def media_blob(
    session: AsyncSession, user: User, case_id: str, message_id: int, *, now: datetime | None = None
) -> MediaBlob:
    """A file the person sent in this case's conversation (any state; check `.state`)."""
    case, conv = await load_case(session, user, case_id)
    msg = await session.get(Message, message_id)
    blob = await session.get(MediaBlob, message_id) if msg is not None else None
    if msg is None or msg.conversation_id != conv.id or blob is None:
        raise NotFound("no such file in this case")
    audit.record(session, user, "media", case.id, now=now, message_id=message_id)
    return blob
