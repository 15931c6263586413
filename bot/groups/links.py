"""Linked cases: suggestions for one case, and a caseworker's confirm/reject decisions.

Suggestions come only from cases the caller may see (her teams, or all for an admin), never
from erased cases or the same person's other cases, and never from a pair someone rejected.
A decision is stored per pair; nothing is ever copied from one case to another.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.access import load_case, visible_teams
from bot.cases.errors import BadRequest
from bot.cases.window import iso
from bot.groups.match import LinkRules, facts_of, rank, reasons
from bot.groups.towns import Towns
from bot.store.models import Case, CaseLink, Conversation, User, utcnow

DECISIONS = {"confirm": "confirmed", "reject": "rejected"}


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def case_brief(case: Case, conv: Conversation) -> dict[str, Any]:
    """Enough to recognise a case in a list; no name, only the masked id."""
    loc = case.location or {}
    return {
        "id": case.id,
        "status": case.status,
        "priority": case.priority,
        "team": case.team,
        "language": conv.language or case.language,
        "masked_id": conv.masked_id,
        "place": loc.get("place"),
        "country_code": loc.get("country_code"),
        "created_at": iso(case.created_at),
    }


async def _decisions(session: AsyncSession, case_id: str) -> list[CaseLink]:
    rows = await session.execute(
        select(CaseLink).where(or_(CaseLink.case_a == case_id, CaseLink.case_b == case_id))
    )
    return list(rows.scalars().all())


async def _candidates(
    session: AsyncSession, case: Case, teams: list[str] | None, rules: LinkRules, now: datetime
) -> list[tuple[Case, Conversation]]:
    created = case.created_at or now
    query = (
        select(Case, Conversation)
        .join(Conversation, Conversation.id == Case.conversation_id)
        .where(
            Case.id != case.id,
            Case.conversation_id != case.conversation_id,
            Case.erased_at.is_(None),
            Case.created_at >= created - timedelta(days=rules.days),
            Case.created_at <= created + timedelta(days=rules.days),
        )
        .order_by(Case.created_at.desc())
        .limit(rules.limit)
    )
    if teams is not None:
        query = query.where(Case.team.in_(teams))
    return [(c, v) for c, v in (await session.execute(query)).all()]


async def suggest(
    session: AsyncSession,
    user: User,
    case_id: str,
    *,
    rules: LinkRules,
    towns: Towns,
    now: datetime | None = None,
) -> dict[str, Any]:
    """{case_id, rules, suggestions: [{case, reasons}], confirmed: [{case, reasons, ...}]}."""
    now = now or utcnow()
    case, _conv = await load_case(session, user, case_id)
    teams = await visible_teams(session, user)
    decided = {_other(link, case.id): link for link in await _decisions(session, case.id)}
    mine = facts_of(case, towns)
    suggestions: list[tuple[tuple[int, float, float], dict[str, Any]]] = []
    if case.erased_at is None and mine.comparable:
        for other, conv in await _candidates(session, case, teams, rules, now):
            if other.id in decided:
                continue
            found = reasons(mine, facts_of(other, towns), rules)
            if found:
                entry = {
                    "case": case_brief(other, conv),
                    "reasons": [r.as_json() for r in found],
                }
                suggestions.append((rank(found), entry))
    suggestions.sort(key=lambda item: item[0])
    return {
        "case_id": case.id,
        "rules": {"km": rules.km, "days": rules.days},
        "suggestions": [entry for _key, entry in suggestions],
        "confirmed": await _confirmed(session, teams, decided),
    }


def _other(link: CaseLink, case_id: str) -> str:
    return link.case_b if link.case_a == case_id else link.case_a


async def _confirmed(
    session: AsyncSession, teams: list[str] | None, decided: dict[str, CaseLink]
) -> list[dict[str, Any]]:
    ids = [other for other, link in decided.items() if link.decision == "confirmed"]
    if not ids:
        return []
    query = (
        select(Case, Conversation)
        .join(Conversation, Conversation.id == Case.conversation_id)
        .where(Case.id.in_(ids), Case.erased_at.is_(None))
        .order_by(Case.created_at.desc())
    )
    if teams is not None:
        query = query.where(Case.team.in_(teams))
    out = []
    for other, conv in (await session.execute(query)).all():
        link = decided[other.id]
        out.append(
            {
                "case": case_brief(other, conv),
                "reasons": [{"kind": "noted", "text": t} for t in link.reasons or []],
                "decided_at": iso(link.decided_at),
                "decided_by": link.user_id,
            }
        )
    return out


async def decide(
    session: AsyncSession,
    user: User,
    case_id: str,
    other_case_id: str,
    decision: str,
    *,
    rules: LinkRules,
    towns: Towns,
    now: datetime | None = None,
) -> CaseLink:
    """Confirm or reject that two cases are one situation; a later decision replaces it."""
    now = now or utcnow()
    if decision not in DECISIONS:
        raise BadRequest("decision must be confirm or reject")
    case, _ = await load_case(session, user, case_id)
    other, _ = await load_case(session, user, other_case_id)
    if case.id == other.id:
        raise BadRequest("a case cannot be linked to itself")
    if case.erased_at is not None or other.erased_at is not None:
        raise BadRequest("the person erased their data")
    a, b = pair(case.id, other.id)
    why = [r.text for r in reasons(facts_of(case, towns), facts_of(other, towns), rules)]
    link = await _upsert(session, a, b, DECISIONS[decision], why, user, now)
    for one, two in ((case.id, other.id), (other.id, case.id)):
        audit.record(session, user, "link", one, now=now, other=two, decision=link.decision)
    return link


async def _upsert(
    session: AsyncSession,
    a: str,
    b: str,
    decision: str,
    why: list[str],
    user: User,
    now: datetime,
) -> CaseLink:
    query = select(CaseLink).where(CaseLink.case_a == a, CaseLink.case_b == b)
    link = (await session.execute(query)).scalar_one_or_none()
    if link is None:
        try:
            async with session.begin_nested():
                link = CaseLink(case_a=a, case_b=b, decision=decision, decided_at=now)
                link.reasons, link.user_id = why, user.id
                session.add(link)
            return link
        except IntegrityError:  # a colleague decided the same pair at the same moment
            link = (await session.execute(query)).scalar_one()
    link.decision, link.reasons, link.user_id, link.decided_at = decision, why, user.id, now
    return link
