"""Builders for the inbox and simulator tests: an app in demo mode with two teams and their
caseworkers, signing in through the login form, and cases made directly in the database."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx

from bot.accounts import add_team, add_user
from bot.runtime import Runtime
from bot.store.models import Case, Conversation, Message, utcnow

PASSWORD = "correct horse battery"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Web:
    client: httpx.AsyncClient
    rt: Runtime
    users: dict[str, Any] = field(default_factory=dict)


async def seed(rt: Runtime) -> dict[str, Any]:
    """Team libya (LY) with amina, team morocco (MA, default) with omar, and an admin."""
    async with rt.db.session() as s, s.begin():
        await add_team(s, "libya", ["LY"])
        await add_team(s, "morocco", ["MA"], default=True)
        amina = await add_user(s, "amina", ["libya"], password=PASSWORD)
        omar = await add_user(s, "omar", ["morocco"], password=PASSWORD)
        root = await add_user(s, "root", [], role="admin", password=PASSWORD)
    return {"amina": amina.user, "omar": omar.user, "root": root.user}


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


async def login(client: httpx.AsyncClient, name: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the form (as someone else, if already signed in)."""
    client.cookies.delete("sauti_session")
    page = await client.get("/inbox/login")
    return await client.post(
        "/inbox/login", data={"csrf": csrf_of(page.text), "name": name, "password": password}
    )


async def page_csrf(client: httpx.AsyncClient, path: str = "/inbox") -> str:
    response = await client.get(path)
    assert response.status_code == 200, response.text
    return csrf_of(response.text)


async def make_case(
    rt: Runtime,
    *,
    team: str = "libya",
    priority: str = "urgent",
    status: str = "open",
    channel: str = "whatsapp",
    name: str = "Fatima",
    text: str = "help me please",
    answers: dict[str, Any] | None = None,
    location: dict[str, Any] | None = None,
    minutes_ago: int = 30,
    language: str = "en",
) -> str:
    """A conversation with one message from the person and its case, as the flow makes them."""
    now = utcnow()
    async with rt.db.session() as s, s.begin():
        conv = Conversation(
            channel=channel,
            business_id="1202" if channel == "whatsapp" else "sauti-simulator",
            contact_hash=secrets.token_hex(8),
            contact_ref="218912345678",
            contact_phone="218912345678" if channel == "whatsapp" else None,
            contact_name=name,
            masked_id="+218•••••••78",
            language=language,
            last_inbound_at=now - timedelta(minutes=minutes_ago),
            contact_prefs={"safe_to_message_first": False},
        )
        s.add(conv)
        await s.flush()
        s.add(
            Message(
                conversation_id=conv.id,  # type: ignore[arg-type]
                direction="in",
                author="person",
                kind="text",
                text=text,
                state="done",
                platform_ts=now - timedelta(minutes=minutes_ago),
            )
        )
        case = Case(
            conversation_id=conv.id,  # type: ignore[arg-type]
            status=status,
            priority=priority,
            channel=channel,
            language=language,
            team=team,
            rules_fired=["danger_now"] if priority == "urgent" else [],
            answers=answers if answers is not None else {"consent": "yes", "safety": "danger_now"},
            location=location,
            created_at=now - timedelta(minutes=minutes_ago),
            updated_at=now - timedelta(minutes=minutes_ago),
        )
        s.add(case)
    return case.id
