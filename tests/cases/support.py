"""Builders for case tests: teams, caseworkers with tokens, and cases made directly in the
database (when the flow is not the point of the test)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.accounts import add_team, issue_token
from bot.runtime import Runtime
from bot.store.models import AuditLog, Case, Conversation, Message, Team, TeamMember, User
from tests.conftest import runtime

NOW = datetime(2026, 4, 11, 10, 0, tzinfo=UTC)


@dataclass
class Staff:
    amina: User  # libya team
    omar: User  # morocco team (the default team)
    admin: User
    tokens: dict[str, str]

    def auth(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[name]}"}


async def add_worker(
    session: AsyncSession, name: str, teams: list[str], *, role: str = "caseworker"
) -> tuple[User, str]:
    """A user and an API token, without the (deliberately slow) password hashing."""
    user = User(name=name, password_hash="not-a-hash", role=role)
    session.add(user)
    await session.flush()
    for team in teams:
        team_id = (await session.execute(select(Team.id).where(Team.name == team))).scalar_one()
        session.add(TeamMember(team_id=team_id, user_id=user.id))  # type: ignore[arg-type]
    return user, await issue_token(session, user)


async def seed_staff(rt: Runtime, *, libya_url: str | None = None) -> Staff:
    async with rt.db.session() as session, session.begin():
        libya = await add_team(session, "libya", ["LY", "TN"])
        libya.notify_url = libya_url
        await add_team(session, "morocco", ["MA"], default=True)
        amina, amina_token = await add_worker(session, "amina", ["libya"])
        omar, omar_token = await add_worker(session, "omar", ["morocco"])
        admin, admin_token = await add_worker(session, "root", [], role="admin")
    return Staff(
        amina=amina,
        omar=omar,
        admin=admin,
        tokens={"amina": amina_token, "omar": omar_token, "root": admin_token},
    )


async def make_case(
    rt: Runtime,
    *,
    channel: str = "whatsapp",
    team: str | None = "libya",
    priority: str = "urgent",
    language: str | None = "en",
    last_inbound: datetime | None = None,
    status: str = "open",
    assignee: User | None = None,
    contact_prefs: dict[str, Any] | None = None,
    created_at: datetime | None = None,
    location: dict[str, Any] | None = None,
    state: dict[str, Any] | None = None,
) -> Case:
    """A conversation and its case, as if the flow had opened it."""
    last = last_inbound if last_inbound is not None else NOW - timedelta(hours=1)
    async with rt.db.session() as session, session.begin():
        conv = Conversation(
            channel=channel,
            business_id="1202" if channel == "whatsapp" else "page-1",
            contact_hash=secrets.token_hex(8),
            contact_ref="447700900123" if channel == "whatsapp" else "psid-" + secrets.token_hex(4),
            contact_phone="447700900123" if channel == "whatsapp" else None,
            contact_name="Fatima",
            masked_id="+44••••••••23",
            language=language,
            last_inbound_at=last,
            contact_prefs=contact_prefs,
            claimed=status == "claimed",
            state=state,
        )
        session.add(conv)
        await session.flush()
        case = Case(
            conversation_id=conv.id,  # type: ignore[arg-type]
            status=status,
            priority=priority,
            channel=channel,
            language=language,
            team=team,
            assignee_id=assignee.id if assignee else None,
            answers={"consent": "yes", "safety": "danger_now"},
            location=location,
            created_at=created_at or NOW - timedelta(minutes=30),
            updated_at=created_at or NOW - timedelta(minutes=30),
        )
        session.add(case)
    return case


async def person_message(rt: Runtime, case: Case, text: str = "hello") -> Message:
    async with rt.db.session() as session, session.begin():
        msg = Message(
            conversation_id=case.conversation_id,
            direction="in",
            author="person",
            kind="text",
            text=text,
            state="done",
            platform_ts=NOW - timedelta(hours=1),
        )
        session.add(msg)
    return msg


async def audit_actions(rt: Runtime, case_id: str | None = None) -> list[tuple[str, int | None]]:
    async with rt.db.session() as session:
        query = select(AuditLog).order_by(AuditLog.id)
        if case_id:
            query = query.where(AuditLog.case_id == case_id)
        rows = (await session.execute(query)).scalars().all()
    return [(r.action, r.user_id) for r in rows]


async def fresh(rt: Runtime, model: type, key: Any) -> Any:
    async with rt.db.session() as session:
        return await session.get(model, key)


def bus(client: httpx.AsyncClient) -> Any:
    return runtime(client).events
