"""An in-process event bus for caseworker screens (SSE), fed only by committed changes.

Services never publish directly: they queue an event on the session (`queue_event`) and it
is published after the transaction commits, so a screen never shows something that was
rolled back. The bus is attached to the runtime's session factory (`attach`); a session
from elsewhere simply has no bus and its events are dropped.

Events carry ids and metadata only, never what the person wrote:
{"type", "case_id", "team", "priority", "status", "at", ...}.
Types: case_opened, case_updated, case_urgent, case_escalated, message, note, claimed,
released, resolved; and "resync" when a slow subscriber missed events.

One process only: with several server processes, a screen learns of other processes'
changes through the SSE endpoint's periodic check of updated cases.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.db import Database
from bot.store.models import Case, utcnow

log = logging.getLogger(__name__)

BUS_KEY = "sauti.events.bus"
AFTER_COMMIT_KEY = "sauti.after_commit"
_CLOSED: dict[str, Any] = {"type": "closed"}


class Subscription:
    """Events for some teams (None: all), as an async iterator; `close()` when done."""

    def __init__(self, bus: EventBus, teams: list[str] | None, maxsize: int) -> None:
        self.bus = bus
        self.teams = None if teams is None else set(teams)
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize)
        self.closed = False

    def wants(self, event: dict[str, Any]) -> bool:
        # Unrouted cases are everyone's; a case just routed leaves everyone's list.
        return (
            self.teams is None
            or event.get("team") in self.teams
            or event.get("routed") is False
            or bool(event.get("was_unrouted"))
        )

    def offer(self, event: dict[str, Any]) -> None:
        if self.closed or not (event is _CLOSED or self.wants(event)):
            return
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            # A stalled screen: drop what it missed and tell it to reload.
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait({"type": "resync"})

    async def get(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next event; None on timeout or once the bus is closed."""
        if self.closed:
            return None
        try:
            item = await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return None
        if item is _CLOSED:
            self.closed = True
            return None
        return item

    def close(self) -> None:
        self.closed = True
        self.bus.unsubscribe(self)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> dict[str, Any]:
        item = await self.get()
        if item is None:
            raise StopAsyncIteration
        return item

    def __enter__(self) -> Subscription:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class EventBus:
    def __init__(self, maxsize: int = 500) -> None:
        self.maxsize = maxsize
        self._subs: set[Subscription] = set()

    @property
    def subscriber_count(self) -> int:
        return len(self._subs)

    def publish(self, event: dict[str, Any]) -> None:
        """Hand an event to every interested subscriber (synchronous, never blocks)."""
        for sub in list(self._subs):
            sub.offer(event)

    def subscribe(self, teams: list[str] | None) -> Subscription:
        """Registers at once, so nothing published after this call is missed."""
        sub = Subscription(self, teams, self.maxsize)
        self._subs.add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        self._subs.discard(sub)

    def close(self) -> None:
        for sub in list(self._subs):
            sub.offer(_CLOSED)


def attach(db: Database, bus: EventBus) -> None:
    """Every session of `db` publishes its queued events to `bus` after commit."""
    db.sessions.configure(info={BUS_KEY: bus})


def bus_of(session: AsyncSession) -> EventBus | None:
    bus = session.info.get(BUS_KEY)
    return bus if isinstance(bus, EventBus) else None


def on_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Run `callback` once the session's transaction has committed (dropped on rollback)."""
    session.info.setdefault(AFTER_COMMIT_KEY, []).append(callback)


def case_event(kind: str, case: Case, **extra: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "case_id": case.id,
        "team": case.team,
        "routed": case.routing != "unrouted" or case.status == "resolved",
        "priority": case.priority,
        "status": case.status,
        "at": utcnow().isoformat(),
        **extra,
    }


def queue_event(session: AsyncSession, event: dict[str, Any]) -> None:
    bus = bus_of(session)
    if bus is not None:
        on_commit(session, lambda: bus.publish(event))


@sa_event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    for callback in session.info.pop(AFTER_COMMIT_KEY, []):
        try:
            callback()
        except Exception:  # noqa: BLE001 - the data is committed; a screen just misses it
            log.exception("after-commit callback failed")


@sa_event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(AFTER_COMMIT_KEY, None)
