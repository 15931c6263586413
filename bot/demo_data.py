"""Sample cases, a group and (through them) patterns for `sauti demo`, from demo_data.yaml.

Only the demo calls this, on its own fresh database: the people are invented, their names
start with "Demo:" and the inbox shows a demo banner on every page. Their chats use the
simulator channel, so a caseworker's reply in the demo is delivered to nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.groups import groups
from bot.masking import mask_contact
from bot.store.crypto import lookup_hash
from bot.store.models import Case, Conversation, Message, User, utcnow

DATA_FILE = Path(__file__).with_name("demo_data.yaml")
CHANNEL = "simulator"  # replies are "sent" to the simulator's transcript, never to Meta
BUSINESS_ID = "sauti-demo"  # not the simulator's own: no simulator browser reads these chats
NAME_PREFIX = "Demo: "


@dataclass
class Seeded:
    cases: dict[str, str]  # key in demo_data.yaml → case id
    group_id: int


def load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    return data


async def _one(session: AsyncSession, n: int, spec: dict[str, Any], team: str, user: User) -> str:
    now = utcnow()
    opened = now - timedelta(hours=float(spec["hours_ago"]))
    ref = f"2189{n:08d}"  # fake digits, shown masked like a phone number
    conv = Conversation(
        channel=CHANNEL,
        business_id=BUSINESS_ID,
        contact_hash=lookup_hash(f"{CHANNEL}:{ref}"),
        contact_ref=ref,
        contact_phone=ref,
        contact_name=NAME_PREFIX + spec["name"],
        masked_id=mask_contact(CHANNEL, ref, ref),
        language=spec["language"],
        status="active",
        claimed=bool(spec.get("replied")),
        last_inbound_at=opened,
        created_at=opened,
        updated_at=opened,
    )
    session.add(conv)
    await session.flush()
    assert conv.id is not None
    for i, text in enumerate(spec["said"]):
        at = opened + timedelta(minutes=i)
        session.add(
            Message(
                conversation_id=conv.id,
                direction="in",
                author="person",
                kind="text",
                text=text,
                state="done",
                platform_ts=at,
                created_at=at,
            )
        )
    replied, outcome = bool(spec.get("replied")), spec.get("outcome")
    status = "resolved" if outcome else "claimed" if replied else "open"
    case = Case(
        conversation_id=conv.id,
        status=status,
        outcome=outcome,
        resolved_at=opened + timedelta(hours=2) if outcome else None,
        priority=spec["priority"],
        channel=CHANNEL,
        language=spec["language"],
        team=team,
        assignee_id=user.id if replied or outcome else None,
        claimed_at=opened + timedelta(minutes=30) if replied else None,
        location=spec["place"],
        answers=spec["answers"],
        created_at=opened,
        updated_at=opened,
    )
    session.add(case)
    await session.flush()
    return case.id


async def seed_demo_data(session: AsyncSession, team: str, user_name: str) -> Seeded:
    """Add the sample cases of demo_data.yaml to `team`, and its group, made by `user_name`."""
    data = load()
    user = (await session.execute(select(User).where(User.name == user_name))).scalar_one()
    ids: dict[str, str] = {}
    for n, (key, spec) in enumerate(data["cases"].items(), start=1):
        ids[key] = await _one(session, n, spec, team, user)
    spec = data["group"]
    group = await groups.create_group(
        session, user, spec["name"], [ids[key] for key in spec["members"]]
    )
    return Seeded(cases=ids, group_id=int(group.id or 0))
