"""How one outbox row reaches its platform: the Graph API, or the simulator's transcript.

Pacing: a token bucket per recipient (Meta allows bursts of up to 45, then about one message
per 6 s) and per business number (its tier, 80 messages/s by default). A row that must wait
is deferred without counting as a failed attempt. `Pacer` keeps the buckets in memory (one
process: SQLite); `bot.pipeline.pacing.SharedPacer` keeps them in PostgreSQL for every process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.channels.errors import SendError
from bot.channels.graph import GraphClient
from bot.pipeline.replies import SIMULATOR_PATH


class Sendable(Protocol):
    """What sending needs of an outbox row (a claimed row, or an `Outbox` itself)."""

    @property
    def conversation_id(self) -> int: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def channel(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def body(self) -> dict[str, Any]: ...


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

    def full(self, now: float) -> bool:
        return self.tokens < 0 or self.tokens + (now - self.stamp) * self.rate >= self.capacity


class Paces(Protocol):
    """What the sender asks of a pacer: 0 to send now, else seconds to defer the row."""

    async def acquire(self, row: Sendable) -> float: ...


@dataclass
class Pacer:
    contact_burst: int = 45
    contact_rate: float = 1 / 6
    business_rate: float = 80.0
    sweep_every: float = 300.0  # seconds between dropping the buckets that are full again
    clock: Callable[[], float] = time.monotonic
    _contacts: dict[int, Bucket] = field(default_factory=dict)
    _businesses: dict[str, Bucket] = field(default_factory=dict)
    _swept: float | None = None

    async def acquire(self, row: Sendable) -> float:
        return self.wait(row)

    def wait(self, row: Sendable) -> float:
        now = self.clock()
        contact = self._contacts.get(row.conversation_id)
        if contact is None:
            contact = Bucket(self.contact_burst, self.contact_rate, stamp=now)
            self._contacts[row.conversation_id] = contact
        business = self._businesses.get(row.path)
        if business is None:
            business = Bucket(self.business_rate, self.business_rate, stamp=now)
            self._businesses[row.path] = business
        wait = max(contact.take(now), business.take(now))
        if self._swept is None:
            self._swept = now
        elif now - self._swept > self.sweep_every:
            self._sweep(now)
        return wait

    def _sweep(self, now: float) -> None:
        """Forget contacts whose bucket has filled up again: a new one would be the same.
        Without this every conversation ever paced keeps a bucket for the process's life."""
        self._swept = now
        self._contacts = {k: b for k, b in self._contacts.items() if not b.full(now)}


class Gate(Protocol):
    """Whether a business number may be sent to now (bot.pipeline.circuits.Circuits)."""

    async def admit(self, path: str) -> SendError | None: ...


@dataclass
class Sender:
    graph: GraphClient
    whatsapp_token: str
    messenger_token: str
    pacer: Paces
    gate: Gate | None = None

    async def __call__(self, row: Sendable) -> str | None:
        if row.path == SIMULATOR_PATH:
            return f"sim.{row.idempotency_key}"
        body = row.body
        is_read_receipt = body.get("status") == "read" or "sender_action" in body
        if not is_read_receipt:
            wait = await self.pacer.acquire(row)
            if wait > 0:
                err = Deferred("paced")
                err.retry_after = wait
                raise err
        if self.gate is not None and (held := await self.gate.admit(row.path)) is not None:
            raise held
        token = self.whatsapp_token if row.channel == "whatsapp" else self.messenger_token
        return await self.graph.send(row.path, body, token)
