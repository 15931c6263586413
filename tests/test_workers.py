"""When the workers give way to acknowledging webhooks: only while webhooks stream in faster
than a process can also answer (a crisis burst), never at a helpline's normal pace, where
replies go out at full speed."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot import workers
from bot.workers import Workers


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(workers, "time", fake)
    return fake


def idle_workers() -> Workers:
    none: Any = None  # judging the intake rate needs neither a database nor a sender
    return Workers(pipeline=none, send=none)


def webhooks(w: Workers, clock: Clock, per_second: float, seconds: float) -> None:
    for _ in range(int(per_second * seconds)):
        clock.now += 1 / per_second
        w.kick()


@pytest.mark.parametrize(
    ("per_second", "hot"),
    [(5, False), (50, False), (400, False), (600, True), (5000, True)],
)
def test_the_workers_give_way_only_to_a_burst(clock: Clock, per_second: float, hot: bool) -> None:
    w = idle_workers()
    webhooks(w, clock, per_second, seconds=1.0)
    assert w._intake_hot() is hot


def test_a_burst_that_stops_no_longer_holds_the_workers_back(clock: Clock) -> None:
    w = idle_workers()
    webhooks(w, clock, 5000, seconds=0.5)
    assert w._intake_hot()
    clock.now += 0.2
    assert not w._intake_hot()


def test_a_burst_is_noticed_within_its_first_tenth_of_a_second(clock: Clock) -> None:
    w = idle_workers()
    webhooks(w, clock, 20, seconds=2.0)
    webhooks(w, clock, 3000, seconds=0.03)
    assert w._intake_hot()


async def test_at_a_normal_pace_processing_does_not_wait(clock: Clock) -> None:
    w = idle_workers()
    webhooks(w, clock, 50, seconds=1.0)
    # Returns at once: waiting would never end, since the fake clock does not move.
    await asyncio.wait_for(w._after_intake(), timeout=2)
