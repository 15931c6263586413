"""The work queue (`bot.store.queue`): due rows are claimed once, held by a lease or a
"sending" mark, retried with a doubling, capped, jittered backoff, and given back when stale."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.store.db import Database
from bot.store.queue import Retry, backoff, claim_sending, lease_due, reap, skip_locked
from bot.store.utc_datetime import UtcDateTime

NOW = datetime(2026, 4, 11, 10, 0, tzinfo=UTC)


class _Base(DeclarativeBase):
    pass


class Job(_Base):
    """A queue table of the shape the outbox, media and notification tables share."""

    __tablename__ = "queue_test_job"
    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), nullable=True)


JOBS: Table = Job.__table__  # type: ignore[assignment]
DUE = select(Job).where(Job.state == "pending", Job.next_attempt_at <= NOW).order_by(Job.id)


@pytest.fixture
async def jobs(db: Database) -> AsyncIterator[Database]:
    async with db.engine.begin() as conn:
        await conn.run_sync(_Base.metadata.create_all)
    async with db.session() as session, session.begin():
        session.add_all(Job(id=i, next_attempt_at=NOW - timedelta(seconds=i)) for i in (1, 2, 3))
    yield db
    async with db.engine.begin() as conn:
        await conn.run_sync(_Base.metadata.drop_all)


async def stored(db: Database) -> dict[int, Job]:
    async with db.session() as session:
        return {job.id: job for job in (await session.execute(select(Job))).scalars()}


def test_backoff_doubles_up_to_the_cap_with_jitter_and_retry_after_as_a_minimum() -> None:
    for attempt, ceiling in [(1, 1.0), (2, 2.0), (3, 4.0), (5, 16.0), (6, 30.0), (40, 30.0)]:
        delays = [backoff(attempt, 1.0, 30.0) for _ in range(200)]
        assert all(ceiling / 2 <= d <= ceiling for d in delays), attempt
        assert len(set(delays)) > 1, "jittered: rows that failed together spread out"
    assert backoff(1, 1.0, 30.0, retry_after=60.0) == 60.0, "a server's Retry-After"
    assert backoff(6, 1.0, 30.0, retry_after=2.0) >= 15.0, "a minimum, not the schedule"


def test_a_retry_policy_gives_up_after_its_attempts() -> None:
    retry = Retry(base=60.0, cap=960.0, attempts=3)
    first = retry.next_attempt(1, NOW)
    assert first is not None and NOW + timedelta(seconds=30) <= first <= NOW + timedelta(minutes=1)
    assert retry.next_attempt(2, NOW) is not None
    assert retry.next_attempt(3, NOW) is None


def test_only_postgresql_is_asked_for_row_locks() -> None:
    """SQLite takes its one write lock at BEGIN: its claims never overlap, and it has no
    FOR UPDATE to send."""
    query = skip_locked(DUE)
    assert "FOR UPDATE SKIP LOCKED" in str(query.compile(dialect=postgresql.dialect()))
    assert "FOR UPDATE" not in str(query.compile(dialect=sqlite.dialect()))


async def test_a_lease_takes_due_rows_once_until_it_runs_out(jobs: Database) -> None:
    lease = timedelta(minutes=2)
    taken = await lease_due(jobs, DUE, now=NOW, lease=lease, take=lambda job: job.id)
    assert taken == [1, 2, 3]
    rows = await stored(jobs)
    assert {(j.attempts, j.next_attempt_at) for j in rows.values()} == {(1, NOW + lease)}
    assert await lease_due(jobs, DUE, now=NOW, lease=lease, take=lambda job: job.id) == []
    later = select(Job).where(Job.next_attempt_at <= NOW + lease)
    assert await lease_due(jobs, later, now=NOW + lease, lease=lease, take=lambda j: j.id) == [
        1,
        2,
        3,
    ], "a worker that died: its rows come due again by themselves"


async def test_take_may_settle_a_row_instead_of_returning_a_job(jobs: Database) -> None:
    def take(job: Job) -> int | None:
        if job.id == 2:
            job.state = "cancelled"
            return None
        return job.id

    assert await lease_due(jobs, DUE, now=NOW, lease=timedelta(minutes=1), take=take) == [1, 3]
    assert (await stored(jobs))[2].state == "cancelled"


async def test_concurrent_claimers_take_disjoint_rows(jobs: Database) -> None:
    if jobs.is_sqlite:
        pytest.skip("SQLite has one writer: claims cannot overlap")
    other = Database(jobs.url)
    try:
        async with other.session() as session, session.begin():
            held = (await session.execute(skip_locked(DUE.limit(2)))).scalars().all()
            assert [j.id for j in held] == [1, 2]
            # While the first claimer holds 1 and 2, a second one gets 3 without waiting.
            taken = await asyncio.wait_for(
                lease_due(jobs, DUE, now=NOW, lease=timedelta(minutes=1), take=lambda j: j.id), 5
            )
            assert taken == [3]
    finally:
        await other.dispose()


async def test_claimed_rows_are_sending_and_only_stale_ones_are_given_back(
    jobs: Database,
) -> None:
    due = select(JOBS.c.id).where(JOBS.c.state == "pending").order_by(JOBS.c.id).limit(2)
    async with jobs.engine.begin() as conn:
        claimed = await conn.execute(claim_sending(JOBS, due, [JOBS.c.id]), {"claimed_at": NOW})
        assert sorted(claimed.scalars()) == [1, 2]
    async with jobs.engine.begin() as conn:
        late = await conn.execute(
            claim_sending(JOBS, due, [JOBS.c.id]), {"claimed_at": NOW + timedelta(minutes=2)}
        )
        assert list(late.scalars()) == [3]
    stale = timedelta(minutes=2)
    async with jobs.engine.begin() as conn:
        assert await reap(conn, JOBS, NOW + timedelta(minutes=1), stale) == 0
    async with jobs.engine.begin() as conn:
        assert await reap(conn, JOBS, NOW + timedelta(minutes=3), stale) == 2
    rows = await stored(jobs)
    assert [(rows[i].state, rows[i].next_attempt_at) for i in (1, 2)] == [
        ("pending", NOW + timedelta(minutes=3))
    ] * 2
    assert rows[3].state == "sending", "claimed a minute ago: not stale yet"


def test_less_jitter_keeps_a_delay_close_to_its_ceiling() -> None:
    delays = [backoff(3, 1.0, 30.0, jitter=0.2) for _ in range(200)]
    assert all(3.2 <= d <= 4.0 for d in delays)
