"""Applies the engine's case effects: open, update, prioritise, route to a team, hand off."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.engine.effects import Effects
from bot.store.models import Case, Conversation, Message, Team, new_case_id, utcnow

RANK = {"normal": 0, "high": 1, "urgent": 2}


async def open_case(session: AsyncSession, conv: Conversation) -> Case | None:
    return (
        await session.execute(
            select(Case)
            .where(Case.conversation_id == conv.id, Case.status != "resolved")
            .order_by(Case.created_at.desc())
            .limit(1)
        )
    ).scalar_one_or_none()


async def team_for(session: AsyncSession, country_code: str | None) -> str | None:
    teams = (await session.execute(select(Team))).scalars().all()
    if country_code:
        for team in teams:
            if country_code.upper() in {c.upper() for c in team.countries}:
                return team.name
    default = next((t for t in teams if t.is_default), None)
    return default.name if default else None


class CaseSink:
    """The pipeline's EffectsSink; `on_event` hooks let the cases layer notify caseworkers."""

    def __init__(self) -> None:
        self._reserved: dict[int, str] = {}
        self.listeners: list[Any] = []

    async def case_ref(self, session: AsyncSession, conv: Conversation) -> str:
        case = await open_case(session, conv)
        if case is not None:
            return case.id
        return self._reserved.setdefault(conv.id or 0, new_case_id())

    async def person_wrote(
        self, session: AsyncSession, conv: Conversation, message: Message
    ) -> None:
        case = await open_case(session, conv)
        if case is not None:
            case.updated_at = utcnow()
        await self._emit(session, "message", conv, case, message)

    async def apply(
        self, session: AsyncSession, conv: Conversation, effects: Effects, now: datetime
    ) -> None:
        if effects.erase:
            from bot.erasure import erase_conversation

            await erase_conversation(session, conv)
            self._reserved.pop(conv.id or 0, None)
            return
        case = await open_case(session, conv)
        wants_case = effects.open_case or effects.handoff is not None
        if case is None and not wants_case:
            return
        created = False
        if case is None:
            previous = (
                await session.execute(
                    select(Case.id)
                    .where(Case.conversation_id == conv.id)
                    .order_by(Case.created_at.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()
            case = Case(
                id=self._reserved.pop(conv.id or 0, new_case_id()),
                conversation_id=conv.id,  # type: ignore[arg-type]
                channel=conv.channel,
                previous_case_id=previous,
                created_at=now,
            )
            session.add(case)
            created = True
        before = case.priority
        if effects.answers:
            case.answers = {**(case.answers or {}), **effects.answers}
        if effects.location is not None:
            case.location = effects.location.model_dump(exclude_none=True)
        if effects.priority and (created or RANK[effects.priority] != RANK[case.priority]):
            case.priority = effects.priority
        if effects.rules_fired:
            case.rules_fired = sorted(set(case.rules_fired or []) | set(effects.rules_fired))
        if effects.handoff:
            case.handoff = effects.handoff
        case.language = conv.language or case.language
        country = (case.location or {}).get("country_code")
        case.team = await team_for(session, country) if (created or country) else case.team
        case.updated_at = now
        await session.flush()
        kind = "case_opened" if created else "case_updated"
        if not created and case.priority == "urgent" and before != "urgent":
            kind = "case_urgent"
        await self._emit(session, kind, conv, case, None)

    async def _emit(
        self,
        session: AsyncSession,
        kind: str,
        conv: Conversation,
        case: Case | None,
        message: Message | None,
    ) -> None:
        for listener in self.listeners:
            await listener(session, kind, conv, case, message)
