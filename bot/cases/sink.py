"""Applies the engine's case effects: open, update, prioritise, route to a team, hand off.

Called inside the pipeline's transaction, so everything here (the case, its team
notification, a pending media download) is stored together with the message that caused
it. Screens learn of changes through events published after that commit.

- One open case per conversation; new answers update it; a resolved case is never reopened:
  a person who writes again afterwards gets a new case linked to the old one.
- Routing: the team whose countries include the person's country, else the default team; a
  claimed case stays with its team (its caseworker must not lose it).
- Urgent cases and requests for a human notify the team at once (bot.cases.notify).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.events import case_event, queue_event
from bot.cases.notify import queue_notice
from bot.engine.effects import Effects
from bot.store.models import Case, Conversation, Message, Team, new_case_id, utcnow

RANK = {"normal": 0, "high": 1, "urgent": 2}
_MAX_RESERVED = 10_000


async def open_case(session: AsyncSession, conv: Conversation) -> Case | None:
    return (
        await session.execute(
            select(Case)
            .where(Case.conversation_id == conv.id, Case.status != "resolved")
            .order_by(Case.created_at.desc())
            .limit(1)
        )
    ).scalar_one_or_none()


async def latest_case(session: AsyncSession, conv: Conversation) -> Case | None:
    return (
        await session.execute(
            select(Case)
            .where(Case.conversation_id == conv.id)
            .order_by(Case.created_at.desc())
            .limit(1)
        )
    ).scalar_one_or_none()


async def team_for(session: AsyncSession, country_code: str | None) -> str | None:
    teams = (await session.execute(select(Team).order_by(Team.id))).scalars().all()
    if country_code:
        for team in teams:
            if country_code.upper() in {c.upper() for c in team.countries}:
                return team.name
    default = next((t for t in teams if t.is_default), None)
    return default.name if default else None


class CaseSink:
    """The pipeline's EffectsSink. `listeners` are extra async hooks called as
    `listener(session, kind, conv, case, message)` for every case event."""

    def __init__(self) -> None:
        self._reserved: OrderedDict[int, str] = OrderedDict()
        self.listeners: list[Any] = []

    async def case_ref(self, session: AsyncSession, conv: Conversation) -> str:
        """The case number to tell the person: the open case's, or the one it will get."""
        case = await open_case(session, conv)
        if case is not None:
            return case.id
        key = conv.id or 0
        if key not in self._reserved:
            self._reserved[key] = new_case_id()
            while len(self._reserved) > _MAX_RESERVED:
                self._reserved.popitem(last=False)
        return self._reserved[key]

    async def person_wrote(
        self, session: AsyncSession, conv: Conversation, message: Message
    ) -> None:
        """Every applied inbound message: files are queued for download, a caseworker's
        screen hears of it at once, and a message after a resolved case opens a new one."""
        if message.kind == "media":
            from bot.media import queue_media

            await queue_media(session, message)
        now = utcnow()
        case = await open_case(session, conv)
        if case is None:
            previous = await latest_case(session, conv)
            if previous is not None and previous.erased_at is None and message.author == "person":
                case = self._new_case(conv, previous, now)
                case.team, case.language = previous.team, conv.language or previous.language
                session.add(case)
                await session.flush()
                await self._emit(session, "case_opened", conv, case, None)
        if case is not None:
            case.updated_at = now
        await self._emit(session, "message", conv, case, message)

    def _new_case(self, conv: Conversation, previous: Case | None, now: datetime) -> Case:
        return Case(
            id=self._reserved.pop(conv.id or 0, None) or new_case_id(),
            conversation_id=conv.id,  # type: ignore[arg-type]
            channel=conv.channel,
            previous_case_id=previous.id if previous else None,
            created_at=now,
            updated_at=now,
        )

    async def apply(
        self, session: AsyncSession, conv: Conversation, effects: Effects, now: datetime
    ) -> None:
        if effects.erase:
            from bot.erasure import erase_conversation

            await erase_conversation(session, conv)
            self._reserved.pop(conv.id or 0, None)
            erased = await session.execute(
                select(Case)
                .where(Case.conversation_id == conv.id)
                .execution_options(populate_existing=True)
            )
            for gone in erased.scalars():  # open screens drop what they show
                await self._emit(session, "case_updated", conv, gone, None)
            return
        case = await open_case(session, conv)
        wants_case = effects.open_case or effects.handoff is not None
        if case is None and not wants_case:
            return
        created = case is None
        if case is None:
            case = self._new_case(conv, await latest_case(session, conv), now)
            session.add(case)
        before = (case.priority, case.handoff, case.team)
        self._merge(case, effects, created)
        case.language = conv.language or case.language
        country = (case.location or {}).get("country_code")
        if created or (country and case.status == "open"):
            case.team = await team_for(session, country)
        case.updated_at = now
        await session.flush()
        became_urgent = case.priority == "urgent" and (created or before[0] != "urgent")
        moved = not created and case.team != before[2]
        if became_urgent:
            case.notified_at = now
        if case.priority == "urgent" and (became_urgent or moved):
            await queue_notice(session, case, "urgent", now=now)
        if case.handoff and (case.handoff != before[1] or moved):
            await queue_notice(session, case, "handoff", now=now)
        kind = "case_opened" if created else "case_updated"
        if became_urgent and not created:
            kind = "case_urgent"
        await self._emit(session, kind, conv, case, None)

    @staticmethod
    def _merge(case: Case, effects: Effects, created: bool) -> None:
        if effects.answers:
            case.answers = {**(case.answers or {}), **effects.answers}
        if effects.location is not None:
            case.location = effects.location.model_dump(exclude_none=True)
        # Never lowered automatically: a person may be made to say they are safe.
        if effects.priority and (created or RANK[effects.priority] > RANK[case.priority]):
            case.priority = effects.priority
        if effects.rules_fired:
            case.rules_fired = sorted(set(case.rules_fired or []) | set(effects.rules_fired))
        if effects.handoff:
            case.handoff = effects.handoff

    async def _emit(
        self,
        session: AsyncSession,
        kind: str,
        conv: Conversation,
        case: Case | None,
        message: Message | None,
    ) -> None:
        if case is not None:
            extra: dict[str, Any] = {}
            if message is not None:
                extra = {"message_id": message.id, "direction": message.direction}
            queue_event(session, case_event(kind, case, **extra))
        for listener in self.listeners:
            await listener(session, kind, conv, case, message)
