"""How one outbox row reaches its platform: the Graph API, or the simulator's transcript.

Pacing lives here: a token bucket per recipient (WhatsApp allows about one message per 6 s
sustained, with bursts) and per business number (80 messages/s by default). A row that must
wait is deferred without counting as a failed attempt.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bot.channels.errors import SendError
from bot.channels.graph import GraphClient
from bot.delivery import SIMULATOR_PATH
from bot.store.models import Outbox


class Deferred(SendError):
    """Not sent yet because of our own pacing; try again after `retry_after` seconds."""


@dataclass
class Bucket:
    capacity: float
    rate: float  # tokens per second
    tokens: float = -1.0
    stamp: float = field(default_factory=time.monotonic)

    def take(self, now: float) -> float:
        """Take one token; returns 0 when granted, else seconds to wait."""
        if self.tokens < 0:
            self.tokens = self.capacity
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass
class Pacer:
    contact_burst: int = 10
    contact_rate: float = 1 / 6
    business_rate: float = 80.0
    _buckets: dict[str, Bucket] = field(default_factory=dict)

    def wait(self, row: Outbox) -> float:
        now = time.monotonic()
        contact = self._buckets.setdefault(
            f"c:{row.conversation_id}", Bucket(self.contact_burst, self.contact_rate)
        )
        business = self._buckets.setdefault(
            f"b:{row.path}", Bucket(self.business_rate, self.business_rate)
        )
        return max(contact.take(now), business.take(now))


@dataclass
class Sender:
    graph: GraphClient
    whatsapp_token: str
    messenger_token: str
    pacer: Pacer

    async def __call__(self, row: Outbox) -> str | None:
        if row.path == SIMULATOR_PATH:
            return f"sim.{row.idempotency_key}"
        is_read_receipt = row.body.get("status") == "read" or "sender_action" in row.body
        if not is_read_receipt:
            wait = self.pacer.wait(row)
            if wait > 0:
                err = Deferred("paced")
                err.retry_after = wait
                raise err
        token = self.whatsapp_token if row.channel == "whatsapp" else self.messenger_token
        return await self.graph.send(row.path, row.body, token)
