"""When the senders give way to acknowledging webhooks: only while webhooks stream in faster
than a process can also answer (a crisis burst), never at a helpline's normal pace, where
the status webhooks of our own replies arrive all the time and replies must go out at full
speed."""

from __future__ import annotations

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
def test_the_senders_give_way_only_to_a_burst(clock: Clock, per_second: float, hot: bool) -> None:
    w = idle_workers()
    webhooks(w, clock, per_second, seconds=1.0)
    assert w._intake_hot() is hot


def test_a_burst_that_stops_no_longer_holds_the_senders_back(clock: Clock) -> None:
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
