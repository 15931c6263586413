"""When a caseworker may write to a person, per platform (computed from the database).

- WhatsApp: free-form messages within 24 h of the person's last message; afterwards only
  approved templates (Meta error 131047 otherwise).
- Messenger and Instagram: free-form within 24 h; afterwards a human (never the bot) may
  still answer for 7 days with the HUMAN_AGENT tag; after that, nothing.
- The simulator has no window.

The window runs from the platform timestamp of the last inbound message, minus a safety
margin: Meta's clock and ours differ, and a send that is refused looks sent to a caseworker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.store.models import Conversation

SERVICE_WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)
SAFETY_MARGIN = timedelta(minutes=5)

RULES = {
    "whatsapp": "whatsapp_24h_then_templates",
    "messenger": "messenger_24h_then_human_agent_7d",
    "instagram": "instagram_24h_then_human_agent_7d",
    "simulator": "simulator_always_open",
}


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class Window:
    open: bool  # free-form text may go now, without a tag
    closes_at: datetime | None  # when free-form text stops (None: never, or never opened)
    channel_rule: str
    human_agent_until: datetime | None  # Messenger/Instagram: a human may write until then

    def human_agent_open(self, now: datetime) -> bool:
        return self.human_agent_until is not None and now < self.human_agent_until

    def as_json(self) -> dict[str, Any]:
        return {
            "open": self.open,
            "closes_at": iso(self.closes_at),
            "channel_rule": self.channel_rule,
            "human_agent_until": iso(self.human_agent_until),
        }


def window_for(conv: Conversation, now: datetime) -> Window:
    rule = RULES.get(conv.channel, f"{conv.channel}_24h")
    if conv.channel == "simulator":
        return Window(open=True, closes_at=None, channel_rule=rule, human_agent_until=None)
    last = conv.last_inbound_at
    if last is None:
        return Window(open=False, closes_at=None, channel_rule=rule, human_agent_until=None)
    closes_at = last + SERVICE_WINDOW - SAFETY_MARGIN
    human_until = None
    if conv.channel in ("messenger", "instagram"):
        human_until = last + HUMAN_AGENT_WINDOW - SAFETY_MARGIN
    return Window(
        open=now < closes_at,
        closes_at=closes_at,
        channel_rule=rule,
        human_agent_until=human_until,
    )
