"""The work queue every table of jobs uses: claim what is due, hold it, back off, reap.

The outbox (replies to send), `media_blob` (files to fetch), `case_notification` (team
webhooks) and `webhook_event` (bodies to ingest) keep their work as rows: a `state` that is
"pending" while there is work, `attempts`, and (all but the webhook events) `next_attempt_at`.

- Claim (`skip_locked`): due rows are read and locked in one short transaction. PostgreSQL
  locks them FOR UPDATE SKIP LOCKED, so concurrent workers (processes, replicas) take
  disjoint rows and never wait for each other. SQLite has no row locks and needs none: each
  transaction takes the database's one write lock first (BEGIN IMMEDIATE, see
  `sqlite_setup`), so claims run one after another; SQLAlchemy leaves the clause out there.
- Hold: a claimed row is worked on outside any transaction, held in one of two ways.
  `lease_due` moves its due time on by the lease: a worker that dies leaves it to come due
  again by itself (media, team notifications). `claim_sending` marks it "sending" instead,
  and `reap` gives back rows claimed longer than a stale limit ago: the outbox must not send
  again on a timer what may have reached the platform (its workers decide when to reap).
- Back off (`backoff`, `Retry`): doubling from a base up to a cap, with jitter so that rows
  that failed together do not come back together; a server's Retry-After is a minimum.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, Table, Update, bindparam, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store.db import Database

Job = TypeVar("Job")
SelectT = TypeVar("SelectT", bound=Select[Any])


def skip_locked(query: SelectT, of: Any = None) -> SelectT:
    """`query` as a claimer runs it: the rows it reads (of `of`, when it joins others) are
    locked, and rows another claimer holds are skipped rather than waited for."""
    return query.with_for_update(skip_locked=True, of=of)


def backoff(
    attempt: int,
    base: float,
    cap: float,
    retry_after: float | None = None,
    *,
    jitter: float = 0.5,
) -> float:
    """Seconds before attempt `attempt` + 1: doubling from `base` up to `cap`, jittered (the
    `jitter` share of it random, so many rows spread out without one waiting the whole
    ceiling); a server's Retry-After is a minimum, not the schedule."""
    ceiling = min(cap, base * 2 ** max(0, attempt - 1))
    spread = ceiling * jitter
    return max(retry_after or 0.0, ceiling - spread + random.uniform(0, spread))  # noqa: S311


@dataclass(frozen=True)
class Retry:
    """How a queue retries a failed row: `backoff` from `base` to `cap` seconds, and given
    up after `attempts` attempts."""

    base: float
    cap: float
    attempts: int

    def next_attempt(
        self, attempts: int, now: datetime, retry_after: float | None = None
    ) -> datetime | None:
        """When to try again after `attempts` attempts failed; None once they are used up."""
        if attempts >= self.attempts:
            return None
        return now + timedelta(seconds=backoff(attempts, self.base, self.cap, retry_after))


async def lease_due(
    db: Database,
    query: Select[Any],
    *,
    now: datetime,
    lease: timedelta,
    take: Callable[..., Job | None],
    of: Any = None,
) -> list[Job]:
    """Claim the rows `query` selects (its first entity is the queue's row, with
    `attempts` and `next_attempt_at`) and lease them: one more attempt, due again `lease`
    from now should the worker never record it. `take` sees each leased row (with the rest
    of what `query` selects) inside the claiming transaction and returns its job, or None
    when there is nothing to do (it may settle the row, e.g. cancel it)."""
    jobs = []
    async with db.session() as session, session.begin():
        for found in (await session.execute(skip_locked(query, of))).all():
            row = found[0]
            row.attempts += 1
            row.next_attempt_at = now + lease
            job = take(*found)
            if job is not None:
                jobs.append(job)
    return jobs


def claim_sending(table: Table, due: Select[Any], returning: Sequence[Any]) -> Update:
    """UPDATE … RETURNING `returning` of the rows `due` selects (ids of `table`), locked as a
    claim and marked "sending" at the `claimed_at` parameter; `reap` gives them back."""
    return (
        update(table)
        .where(table.c.id.in_(skip_locked(due, of=due.selected_columns[0].table).scalar_subquery()))
        .values(state="sending", claimed_at=bindparam("claimed_at"))
        .returning(*returning)
    )


async def reap(conn: AsyncConnection, table: Table, now: datetime, stale_after: timedelta) -> int:
    """Give back rows claimed (`claim_sending`) more than `stale_after` ago and never
    recorded: pending again, due now. Returns how many."""
    result = await conn.execute(
        update(table)
        .where(table.c.state == "sending", table.c.claimed_at < now - stale_after)
        .values(state="pending", next_attempt_at=now)
    )
    return result.rowcount or 0
