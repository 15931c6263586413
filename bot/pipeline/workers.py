"""Background loops of one process: ingest → process → send, timers, and housekeeping.

A webhook wakes the loops at once; polling is the fallback, so events stored by another
process (or before a crash) are always picked up. Several processes can run these loops on
one PostgreSQL database: rows are claimed with SKIP LOCKED, and LISTEN/NOTIFY (bot.pipeline.wake)
wakes the other processes when one of them stores new work.

Stopping (SIGTERM) is graceful: no new work is claimed, what is in hand finishes within the
grace period, and outbox rows claimed but not yet sent go back to pending at once (a row whose
request was already on the wire is left to the reaper: it may have been delivered).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update

from bot.pipeline import conversations, ingest, outbox
from bot.pipeline.circuits import Circuits
from bot.pipeline.conversations import Pipeline
from bot.pipeline.wake import Waker
from bot.store.group_commit import GroupCommit
from bot.store.models import Outbox, utcnow

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[object]]
INTAKE_WINDOW = 0.02  # seconds over which the webhook rate is counted: a burst shows at once


@dataclass
class Workers:
    pipeline: Pipeline
    send: outbox.SendFn
    # The per-number circuits the sender consults (bot.pipeline.circuits); recording keeps it told.
    circuits: Circuits | None = None
    outbox_settings: outbox.OutboxSettings = field(default_factory=outbox.OutboxSettings)
    poll_interval: float = 1.0
    send_concurrency: int = 16
    process_concurrency: int = 8
    # Conversations applied in one transaction (`conversations.process_conversations`).
    process_batch: int = 8
    max_chars: int = 4096
    max_body_bytes: int = ingest.MAX_BODY_BYTES  # a stored body longer than this is set aside
    extra_jobs: list[tuple[float, Job]] = field(default_factory=list)  # (period s, job)
    listen: bool = True  # PostgreSQL: wake on other processes' NOTIFY (bot.pipeline.wake)
    # Acknowledging webhooks comes first, but only a burst (`intake_hot_rate` webhooks/s, far
    # above a helpline's normal) needs it: then processing and sending wait for a pause of
    # `intake_quiet` seconds, at most `intake_max_wait` at a time (so they never starve),
    # before each conversation and each claim of replies to send, and a quarter of the
    # senders work.
    # At a normal pace they go on at full speed: waiting for pauses there starves them (a
    # steady stream has few pauses; docs/scaling.md has the figures).
    intake_hot_rate: float = 500.0
    intake_quiet: float = 0.02
    intake_max_wait: float = 0.25
    # Stored webhooks parsed per transaction. A batch is a handful of statements whatever its
    # size (ingest_batch), so 50 cost little more than 10. But in a burst, where a pause
    # lets one conversation through, parsing 50 holds the event loop (and the database) long
    # enough to delay the acknowledgement of the webhooks behind it: then 8 at a time.
    ingest_batch: int = 50
    hot_ingest_batch: int = 8
    _last_intake: float = 0.0
    _window_start: float = 0.0
    _window_count: int = 0
    _intake_rate: float = 0.0  # webhooks/s in the last full window
    _one_at_a_time: asyncio.Lock = field(default_factory=asyncio.Lock)
    _inbound: asyncio.Event = field(default_factory=asyncio.Event)
    _outbound: asyncio.Event = field(default_factory=asyncio.Event)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)
    _stopping: bool = False
    _waker: Any = None
    _unsent: set[int] = field(default_factory=set)  # outbox rows claimed, not yet on the wire
    _listening_since: float = 0.0  # time.monotonic() when the loops started

    def kick(self) -> None:
        """New inbound work was stored (and committed): wake this process and the others."""
        self._note_intake(time.monotonic())
        self._inbound.set()
        if self._waker is not None:
            self._waker.announce("in")

    def _note_intake(self, now: float) -> None:
        if now - self._window_start >= INTAKE_WINDOW:
            span = now - self._window_start
            # The rate of the window that just ended; none if nothing came for a while.
            self._intake_rate = self._window_count / span if span < 2 * INTAKE_WINDOW else 0.0
            self._window_start, self._window_count = now, 0
        self._window_count += 1
        self._last_intake = now

    def _intake_recent(self) -> bool:
        """A webhook arrived in the last few tens of milliseconds."""
        return time.monotonic() - self._last_intake < 5 * self.intake_quiet

    def _intake_hot(self) -> bool:
        """Webhooks are streaming in faster than `intake_hot_rate`, and still arriving."""
        if not self._intake_recent():
            return False
        current = self._window_count / max(time.monotonic() - self._window_start, INTAKE_WINDOW)
        return max(self._intake_rate, current) >= self.intake_hot_rate

    def _rate_unknown(self) -> bool:
        """Webhooks started coming after a lull less than a window ago: it may be a burst."""
        return self._intake_rate == 0 and time.monotonic() - self._window_start < INTAKE_WINDOW

    def _ingest_batch(self) -> int:
        return self.hot_ingest_batch if self._intake_hot() else self.ingest_batch

    async def _give_way(self) -> None:
        """In a burst, let the webhooks streaming in be acknowledged before taking more CPU
        (and, on SQLite, the write lock they wait for); at a normal pace, go on at once."""
        if self._rate_unknown():
            # Woken by a burst's first webhook, an ingest transaction took the write lock
            # before the rate showed: two processes acknowledged bursts about a fifth slower.
            await asyncio.sleep(INTAKE_WINDOW)
        deadline = time.monotonic() + self.intake_max_wait
        while (
            self._intake_hot()
            and (now := time.monotonic()) < deadline
            and now - self._last_intake < self.intake_quiet
        ):
            await asyncio.sleep(self.intake_quiet)

    def _woken(self, kind: str) -> None:
        (self._outbound if kind == "out" else self._inbound).set()

    def kick_outbound(self) -> None:
        self._outbound.set()

    def start(self) -> None:
        self._stopping = False
        self._listening_since = time.monotonic()
        if self.listen and self.pipeline.db.can_notify and self._waker is None:
            self._waker = Waker(self.pipeline.db.url, self._woken)
            self._waker.start()
        loops: list[Job] = [self._inbound_loop, self._outbound_loop]
        for coro in loops:
            self._tasks.append(asyncio.create_task(coro()))
        # Reap often enough that a dead process's rows come back soon after `stale_after`.
        reap_every = min(30.0, max(0.5, self.outbox_settings.stale_after.total_seconds() / 4))
        for period, job in [(self.poll_interval, self.timers_once), (reap_every, self.reap_once)]:
            self._tasks.append(asyncio.create_task(self._periodic(period, job)))
        for period, job in self.extra_jobs:
            self._tasks.append(asyncio.create_task(self._periodic(period, job)))

    def add_jobs(self, jobs: list[tuple[float, Job]]) -> None:
        """Periodic jobs of other layers (cases, retention): (period in s, job). Started at
        once if the loops are running, else with them."""
        self.extra_jobs.extend(jobs)
        for period, job in jobs if self._tasks else ():
            self._tasks.append(asyncio.create_task(self._periodic(period, job)))

    async def stop(self, grace: float = 10.0) -> None:
        """Stop taking work; let what is in hand finish (bounded), then cancel, and give back
        the outbox rows that were claimed but never sent."""
        self._stopping = True
        self._inbound.set()
        self._outbound.set()
        _done, pending = await asyncio.wait(self._tasks, timeout=grace) if self._tasks else ((), ())
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        await self._release_unsent()
        if self._waker is not None:
            await self._waker.stop()
            self._waker = None

    async def _release_unsent(self) -> None:
        ids, self._unsent = self._unsent, set()
        if not ids:
            return
        try:
            async with self.pipeline.db.session() as session, session.begin():
                await session.execute(
                    update(Outbox)
                    .where(Outbox.id.in_(ids), Outbox.state == "sending")
                    .values(state="pending", claimed_at=None)
                )
        except Exception:  # noqa: BLE001 - the reaper gives them back later anyway
            log.exception("could not give back %d claimed outbox rows", len(ids))

    async def _wait(self, event: asyncio.Event) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout=self.poll_interval)
        event.clear()

    async def _inbound_loop(self) -> None:
        while not self._stopping:
            try:
                if await self.inbound_once():
                    self._outbound.set()
                    continue
            except Exception:  # noqa: BLE001 - keep the loop alive; the row stays pending
                log.exception("inbound loop error")
            await self._wait(self._inbound)

    async def _outbound_loop(self) -> None:
        while not self._stopping:
            try:
                if await self.outbound_once():
                    continue
            except Exception:  # noqa: BLE001
                log.exception("outbound loop error")
            await self._wait(self._outbound)

    async def _periodic(self, period: float, job: Job) -> None:
        while not self._stopping:
            try:
                await job()
            except Exception:  # noqa: BLE001
                log.exception("periodic job %s failed", getattr(job, "__name__", job))
            for _ in range(max(1, int(period / 0.5))):
                if self._stopping:
                    return
                await asyncio.sleep(min(period, 0.5))

    async def inbound_once(self) -> int:
        """Ingest stored events and apply pending messages; returns messages applied."""
        db = self.pipeline.db
        await self._give_way()
        await ingest.ingest_pending(
            db, batch=self._ingest_batch(), max_chars=self.max_chars, max_bytes=self.max_body_bytes
        )
        conv_ids = await conversations.pending_conversations(db)
        if not conv_ids:
            return 0
        sem = asyncio.Semaphore(1 if db.one_writer else self.process_concurrency)

        async def one(chunk: list[int]) -> int:
            async with sem:
                if not self._intake_hot():
                    return await conversations.process_conversations(self.pipeline, chunk)
                done = 0
                for conv_id in chunk:  # a burst: short transactions, one at a time, in pauses
                    await self._give_way()
                    async with self._one_at_a_time:
                        done += await conversations.process_conversation(self.pipeline, conv_id)
                return done

        size = self.process_batch
        chunks = [conv_ids[i : i + size] for i in range(0, len(conv_ids), size)]
        return sum(await asyncio.gather(*(one(chunk) for chunk in chunks)))

    async def outbound_once(self) -> int:
        """Send everything due now; stops claiming once stopping. Returns the rows claimed.

        Sends overlap: more rows are claimed once a quarter of the sends are back, not once
        every send of a round is. A round would wait for its slowest request (Meta answers in
        100-500 ms) with most senders idle, and a person's reply, which goes after the
        mark-read of their message, would wait a whole round more.
        Outcomes that come back together are recorded in one transaction."""
        db, total = self.pipeline.db, 0
        # Small batches: loading and recording a batch holds the event loop, and webhooks
        # waiting to be acknowledged queue behind it.
        recorder: GroupCommit[tuple[outbox.Claimed, outbox.Outcome]] = GroupCommit(
            lambda results: self._record(results),
            max_batch=16,
        )
        quarter = max(1, self.send_concurrency // 4)
        hot = asyncio.Semaphore(quarter)
        in_flight: set[asyncio.Task[None]] = set()  # claimed, until their outcome is recorded

        async def one(row: outbox.Claimed) -> None:
            if self._stopping:
                return  # given back by stop()
            self._unsent.discard(row.id)
            if self._intake_hot():  # a burst: a quarter of the senders
                async with hot:
                    outcome = await outbox.attempt(row, self.send)
            else:
                outcome = await outbox.attempt(row, self.send)
            await recorder.submit((row, outcome))

        failed: list[BaseException] = []
        finished_count = 0

        def finished(task: asyncio.Task[None]) -> None:
            nonlocal finished_count
            finished_count += 1
            in_flight.discard(task)
            if not task.cancelled() and (error := task.exception()) is not None:
                failed.append(error)

        try:
            while not self._stopping:
                if failed:  # a row whose outcome could not be recorded: the reaper has it
                    raise failed[0]
                free = self.send_concurrency - len(in_flight)
                if free >= quarter or not in_flight:
                    await self._give_way()
                    rows = await outbox.claim_due(db, limit=free)
                    if not rows and not in_flight:
                        break
                    self._unsent.update(r.id for r in rows)
                    total += len(rows)
                    for row in rows:
                        task = asyncio.create_task(one(row))
                        in_flight.add(task)
                        task.add_done_callback(finished)
                    if len(rows) == free:
                        continue  # more may be due already: claim once senders free up
                # Claim again once a quarter of the sends are back (which may free the next
                # row of their conversations), not after each one: every claim is a write.
                enough = finished_count + min(quarter, len(in_flight))
                while in_flight and finished_count < enough:
                    await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
        finally:
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)
        return total

    async def _record(self, results: list[tuple[outbox.Claimed, outbox.Outcome]]) -> None:
        db, cfg = self.pipeline.db, self.outbox_settings
        if await outbox.record_many(db, results, cfg, self.circuits):
            # A number answers again and its held replies are due now: here and elsewhere.
            self._outbound.set()
            if self._waker is not None:
                self._waker.announce("out")

    async def timers_once(self) -> None:
        now = utcnow()
        for conv_id in await conversations.due_timers(self.pipeline.db, now):
            try:
                await conversations.fire_timer(self.pipeline, conv_id, now)
            except Exception:  # noqa: BLE001 - one conversation's timer must not stop the rest
                log.exception("conversation %s: its timer failed", conv_id)
                continue
            self._outbound.set()

    async def reap_once(self) -> None:
        # A row left in `sending` by a dead process may have reached Meta; its status webhook,
        # retried by Meta while nobody was up, is what says so. Only a process that has been
        # taking webhooks for `stale_after` has heard it: reaping sooner after a slow restart
        # sent replies twice.
        if (
            time.monotonic() - self._listening_since
            < self.outbox_settings.stale_after.total_seconds()
        ):
            return
        if await outbox.reap_stale(self.pipeline.db, self.outbox_settings):
            self._outbound.set()

    async def run_until_idle(self, rounds: int = 20) -> None:
        """Process and send everything due now (tests and one-shot tools)."""
        for _ in range(rounds):
            applied = await self.inbound_once()
            sent = await self.outbound_once()
            if not applied and not sent:
                return
