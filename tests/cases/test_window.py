"""When a caseworker may write: per platform, from the person's last message."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.cases.window import SAFETY_MARGIN, window_for
from bot.store.db import Database
from bot.store.models import Conversation
from tests.cases.support import NOW


def conv(channel: str, hours_ago: float | None) -> Conversation:
    last = None if hours_ago is None else NOW - timedelta(hours=hours_ago)
    return Conversation(
        channel=channel, business_id="b", contact_hash="h", contact_ref="r", last_inbound_at=last
    )


def test_whatsapp_is_open_for_24_hours_minus_a_safety_margin() -> None:
    inside = window_for(conv("whatsapp", 23), NOW)
    assert inside.open and inside.human_agent_until is None
    assert inside.closes_at == NOW + timedelta(hours=1) - SAFETY_MARGIN
    assert not window_for(conv("whatsapp", 24 - 0.05), NOW).open  # within the margin
    assert not window_for(conv("whatsapp", 30), NOW).open


def test_messenger_and_instagram_allow_a_human_for_7_days() -> None:
    for channel in ("messenger", "instagram"):
        late = window_for(conv(channel, 48), NOW)
        assert not late.open and late.human_agent_open(NOW)
        assert not window_for(conv(channel, 24 * 8), NOW).human_agent_open(NOW)


def test_the_simulator_is_always_open_and_a_silent_contact_never_opened_it() -> None:
    assert window_for(conv("simulator", None), NOW).open
    never = window_for(conv("whatsapp", None), NOW)
    assert not never.open and never.closes_at is None
    assert never.as_json()["channel_rule"] == "whatsapp_24h_then_templates"


async def test_naive_database_times_are_read_as_utc(db: Database) -> None:
    """SQLite keeps no zone: a time another tool wrote there is the UTC wall time."""
    async with db.session() as session, session.begin():
        session.add(conv("whatsapp", None))
    if db.is_sqlite:
        wall = (NOW - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")
    else:
        wall = (NOW - timedelta(hours=1)).isoformat()
    async with db.engine.begin() as conn:
        await conn.exec_driver_sql(f"UPDATE conversation SET last_inbound_at = '{wall}'")
    async with db.session() as session:
        stored = (await session.execute(select(Conversation))).scalar_one()
    assert window_for(stored, NOW).open
    assert window_for(stored, NOW).closes_at == NOW + timedelta(hours=23) - SAFETY_MARGIN
