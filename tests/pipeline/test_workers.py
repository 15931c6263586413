"""When processing and sending give way to acknowledging webhooks: only while webhooks stream
in faster than a process can also answer (a crisis burst), never at a helpline's normal pace,
where the status webhooks of our own replies arrive all the time and replies must go out at
full speed."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest

from bot.pipeline import workers
from bot.pipeline.workers import Workers
from tests.conftest import runtime


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


class Stream:
    """Webhooks still arriving while the workers wait: each sleep lets `per_second` of them in,
    until `stops_at` (the clock's time)."""

    def __init__(self, w: Workers, clock: Clock, per_second: float, stops_at: float) -> None:
        self.w, self.clock, self.per_second, self.stops_at = w, clock, per_second, stops_at
        self.slept = 0.0

    async def sleep(self, seconds: float) -> None:
        end = self.clock.now + seconds
        while self.clock.now + 1 / self.per_second <= min(end, self.stops_at):
            self.clock.now += 1 / self.per_second
            self.w.kick()
        self.clock.now = end
        self.slept += seconds


@pytest.fixture
def stream(monkeypatch: pytest.MonkeyPatch, clock: Clock) -> Any:
    def start(w: Workers, per_second: float, lasts: float) -> Stream:
        s = Stream(w, clock, per_second, stops_at=clock.now + lasts)
        monkeypatch.setattr(workers, "asyncio", SimpleNamespace(sleep=s.sleep))
        return s

    return start


async def waited(clock: Clock, stream: Any, before: float, then: float, lasts: float) -> float:
    """Seconds processing gives way after a second of webhooks at `before` per second, while
    more keep coming at `then` per second for `lasts` seconds."""
    w = idle_workers()
    webhooks(w, clock, before, seconds=1.0 if before >= 1 else 1 / before)
    s = stream(w, then, lasts=lasts)
    await w._give_way()
    return s.slept


QUIET, LIMIT = Workers.intake_quiet, Workers.intake_max_wait


@pytest.mark.parametrize("per_second", [50, 200, 400])
async def test_at_a_helplines_pace_processing_does_not_wait(
    clock: Clock, stream: Any, per_second: float
) -> None:
    # At a steady 50-200 webhooks/s, waiting for pauses answered ~25 people a second.
    assert await waited(clock, stream, per_second, per_second, lasts=60.0) == 0


@pytest.mark.parametrize(("per_second", "batch"), [(50, 50), (400, 50), (5000, 8)])
def test_in_a_burst_stored_webhooks_are_parsed_a_few_at_a_time(
    clock: Clock, per_second: float, batch: int
) -> None:
    # A burst's pauses let one conversation through: parsing 50 webhooks for it held back
    # the acknowledgements behind them.
    w = idle_workers()
    webhooks(w, clock, per_second, seconds=1.0)
    assert w._ingest_batch() == batch


async def test_a_webhook_after_a_lull_holds_processing_back_one_rate_window(
    clock: Clock, stream: Any
) -> None:
    # A quiet hour: one webhook now and then.
    assert await waited(clock, stream, 0.5, 0.5, lasts=60.0) == workers.INTAKE_WINDOW


async def test_the_first_webhooks_of_a_burst_hold_processing_back(
    clock: Clock, stream: Any
) -> None:
    # Before its rate shows, a burst looks like a lone webhook after a lull; processing that
    # started then took the write lock from the burst.
    assert await waited(clock, stream, 0.5, 5000, lasts=60.0) >= LIMIT


async def test_in_a_burst_processing_waits_for_a_pause(clock: Clock, stream: Any) -> None:
    slept = await waited(clock, stream, 5000, 5000, lasts=0.1)
    assert 0.1 + QUIET <= slept <= 0.1 + 2 * QUIET


async def test_a_burst_that_goes_on_holds_processing_back_no_longer_than_the_limit(
    clock: Clock, stream: Any
) -> None:
    assert LIMIT <= await waited(clock, stream, 5000, 5000, lasts=60.0) <= LIMIT + QUIET


async def test_a_job_added_while_the_loops_run_starts_at_once(app_client: Any) -> None:
    """The cases layer and retention add their periodic jobs at start-up; one added later (a
    router included after the workers started) must run too, not wait for a restart."""
    rt = runtime(app_client)
    ran = asyncio.Event()

    async def job() -> None:
        ran.set()

    rt.workers.start()
    try:
        rt.workers.add_jobs([(60.0, job)])
        await asyncio.wait_for(ran.wait(), timeout=5)
    finally:
        await rt.workers.stop()
    assert (60.0, job) in rt.workers.extra_jobs
