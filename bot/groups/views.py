"""JSON shapes of groups, their members at a glance, and group updates with their recipients.

Members are shown by masked id only (never a name or number): a group screen is often open
on a shared office screen, and the caseworker can open the case for the rest.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.views import STATUS
from bot.cases.window import iso
from bot.store.models import (
    Case,
    CaseGroup,
    Conversation,
    GroupDelivery,
    GroupMember,
    GroupUpdate,
    Message,
)


def group_json(group: CaseGroup, *, members: int, last_update_at: Any = None) -> dict[str, Any]:
    return {
        "id": group.id,
        "name": group.name,
        "teams": list(group.teams or []),
        "member_count": members,
        "created_by": group.created_by,
        "created_at": iso(group.created_at),
        "updated_at": iso(group.updated_at),
        "last_update_at": iso(last_update_at),
    }


async def message_states(session: AsyncSession, rows: list[GroupDelivery]) -> dict[int, str]:
    ids = [r.message_id for r in rows if r.message_id is not None]
    if not ids:
        return {}
    found = await session.execute(select(Message.id, Message.state).where(Message.id.in_(ids)))
    return {mid: STATUS.get(state, state) for mid, state in found.all()}


def delivery_status(row: GroupDelivery, states: dict[int, str]) -> str:
    """queued | sent | delivered | read | failed | skipped (unknown: the transcript is gone)."""
    if row.status == "skipped":
        return "skipped"
    if row.message_id is None:
        return "unknown"
    return states.get(row.message_id, "unknown")


def delivery_json(
    row: GroupDelivery, states: dict[int, str], masked: dict[int, str]
) -> dict[str, Any]:
    return {
        "case_id": row.case_id,
        "masked_id": masked.get(row.conversation_id, ""),
        "language": row.lang,
        "status": delivery_status(row, states),
        "reason": row.reason,
        "detail": row.detail,
        "not_translated": not row.translated,
        "human_agent": row.human_agent,
    }


def update_json(
    update: GroupUpdate,
    rows: list[GroupDelivery],
    states: dict[int, str],
    masked: dict[int, str],
) -> dict[str, Any]:
    recipients = [delivery_json(r, states, masked) for r in rows]
    counts: dict[str, int] = {}
    for r in recipients:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return {
        "id": update.id,
        "group_id": update.group_id,
        "kind": update.kind,
        "canned": update.canned,
        "text": update.text,
        "lang": update.lang,
        "sent_by": update.user_id,
        "at": iso(update.created_at),
        "counts": counts,
        "skipped": [r for r in recipients if r["status"] == "skipped"],
        "not_translated": [r["case_id"] for r in recipients if r["not_translated"]],
        "recipients": recipients,
    }


def member_json(
    case: Case, conv: Conversation, last: GroupDelivery | None, states: dict[int, str]
) -> dict[str, Any]:
    answers = case.answers or {}
    loc = case.location or {}
    return {
        "case_id": case.id,
        "masked_id": conv.masked_id,
        "channel": conv.channel,
        "language": conv.language or case.language,
        "status": case.status,
        "priority": case.priority,
        "place": loc.get("place"),
        "last_message_at": iso(conv.last_inbound_at),  # when the person last wrote
        "safety": answers.get("safety"),
        "passport": answers.get("passport"),
        "last_update": None
        if last is None
        else {
            "status": delivery_status(last, states),
            "reason": last.reason,
            "detail": last.detail,
        },
    }


async def updates_of(session: AsyncSession, group_id: int, *, limit: int) -> list[GroupUpdate]:
    """The group's updates, newest first."""
    rows = await session.execute(
        select(GroupUpdate)
        .where(GroupUpdate.group_id == group_id)
        .order_by(GroupUpdate.created_at.desc(), GroupUpdate.id.desc())
        .limit(limit)
    )
    return list(rows.scalars().all())


async def deliveries_of(session: AsyncSession, update_id: int | None) -> list[GroupDelivery]:
    """Who an update went to (or was skipped for), in the order it was sent."""
    rows = await session.execute(
        select(GroupDelivery).where(GroupDelivery.update_id == update_id).order_by(GroupDelivery.id)
    )
    return list(rows.scalars().all())


async def recent_updates(
    session: AsyncSession, group_id: int, live: set[str], *, limit: int
) -> list[tuple[GroupUpdate, list[GroupDelivery]]]:
    """The group's updates, newest first, each with its deliveries to the people in `live`
    (people no longer in the group, or erased, are left out)."""
    out = []
    for update in await updates_of(session, group_id, limit=limit):
        rows = await deliveries_of(session, update.id)
        out.append((update, [r for r in rows if r.case_id in live]))
    return out


async def last_update(
    session: AsyncSession, group_id: int
) -> tuple[GroupUpdate | None, list[GroupDelivery]]:
    found = await updates_of(session, group_id, limit=1)
    if not found:
        return None, []
    return found[0], await deliveries_of(session, found[0].id)


async def group_ids_of_case(session: AsyncSession, case_id: str) -> set[int]:
    """The groups this case is a member of (whoever may see them)."""
    rows = await session.execute(select(GroupMember.group_id).where(GroupMember.case_id == case_id))
    return set(rows.scalars().all())


async def masked_ids(session: AsyncSession, rows: list[GroupDelivery]) -> dict[int, str]:
    ids = list({r.conversation_id for r in rows})
    if not ids:
        return {}
    found = await session.execute(
        select(Conversation.id, Conversation.masked_id).where(Conversation.id.in_(ids))
    )
    return dict(found.all())  # type: ignore[arg-type]


async def group_detail(
    session: AsyncSession, group: CaseGroup, people: list[tuple[Case, Conversation]]
) -> dict[str, Any]:
    """The group, its members at a glance, and its last update with each person's status."""
    update, rows = await last_update(session, group.id)  # type: ignore[arg-type]
    live = {c.id for c, _ in people}
    rows = [r for r in rows if r.case_id in live]  # erased people are not shown
    states = await message_states(session, rows)
    by_case = {r.case_id: r for r in rows}
    masked = {conv.id: conv.masked_id for _, conv in people if conv.id is not None}
    out = group_json(
        group, members=len(people), last_update_at=update.created_at if update else None
    )
    out["members"] = [member_json(c, v, by_case.get(c.id), states) for c, v in people]
    out["last_update"] = update_json(update, rows, states, masked) if update else None
    return out
