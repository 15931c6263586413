"""Team notifications: a signed JSON webhook per team (Team.notify_url), durable and retried.

A new urgent case, or a person asking for a human, queues a row in the same transaction
that changed the case; `deliver_due` posts due rows with exponential backoff until the
team's endpoint answers 2xx. An urgent case nobody claims within N minutes is notified
again and escalated to the admins (`escalate_unclaimed`): an SSE event every admin sees,
and a webhook to the default team's URL.

The body says which case and how urgent, never what the person said: the receiving end is
often a chat tool outside our control. `X-Sauti-Signature: sha256=<hex>` is the
HMAC-SHA256 of the raw body with SAUTI_NOTIFY_SECRET.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from datetime import datetime, timedelta

import httpx
from sqlalchemy import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.events import case_event, queue_event
from bot.cases.window import iso
from bot.store.db import Database
from bot.store.models import Case, CaseNotification, Team, utcnow
from bot.store.queue import Retry, lease_due, skip_locked

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)  # a row being posted is not picked up again meanwhile
# From 15 s doubling to an hour (jittered): a few hours of retries, then given up.
RETRY = Retry(base=15.0, cap=3600.0, attempts=12)
SIGNATURE_HEADER = "X-Sauti-Signature"
_warned_unsigned = False


def signature(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


async def _team(session: AsyncSession, name: str | None) -> Team | None:
    if not name:
        return None
    return (await session.execute(select(Team).where(Team.name == name))).scalar_one_or_none()


async def _default_team(session: AsyncSession) -> Team | None:
    return (
        await session.execute(select(Team).where(Team.is_default.is_(True)).limit(1))
    ).scalar_one_or_none()


async def queue_notice(
    session: AsyncSession, case: Case, kind: str, *, now: datetime, url: str | None = None
) -> bool:
    """Queue one notice of `kind` for the case (once per case, kind and team); False when
    the team has no URL (its members still get the SSE event)."""
    if url is None:
        team = await _team(session, case.team)
        url = team.notify_url if team else None
    if not url:
        return False
    key = f"{case.id}:{kind}:{case.team or '-'}"  # moved to another team: notify that one too
    found = await session.execute(
        select(CaseNotification.id).where(CaseNotification.dedupe_key == key)
    )
    if found.first() is not None:
        return False
    session.add(
        CaseNotification(
            case_id=case.id,
            kind=kind,
            team=case.team,
            url=url,
            dedupe_key=key,
            next_attempt_at=now,
            created_at=now,
        )
    )
    return True


def payload(case: Case, row: CaseNotification, *, public_url: str, now: datetime) -> dict:
    base = public_url.rstrip("/")
    return {
        "event": f"case.{row.kind}",
        "notification_id": row.id,
        "attempt": row.attempts,
        "case": {
            "id": case.id,
            "priority": case.priority,
            "status": case.status,
            "team": case.team,
            "channel": case.channel,
            "language": case.language,
            "created_at": iso(case.created_at),
            "escalated": case.escalated_at is not None,
        },
        "inbox_url": f"{base}/inbox/cases/{case.id}",
        "api_url": f"{base}/api/cases/{case.id}",
        "sent_at": iso(now),
    }


async def _lease(
    db: Database, public_url: str, now: datetime, limit: int
) -> list[tuple[int, str, str, bytes]]:
    query = (
        select(CaseNotification, Case)
        .join(Case, Case.id == CaseNotification.case_id)
        .where(CaseNotification.state == "pending", CaseNotification.next_attempt_at <= now)
        .order_by(CaseNotification.id)
        .limit(limit)
    )

    def take(row: CaseNotification, case: Case) -> tuple[int, str, str, bytes] | None:
        if row.kind in ("reminder", "escalated") and case.status != "open":
            row.state = "cancelled"  # someone took it meanwhile
            return None
        body = json.dumps(payload(case, row, public_url=public_url, now=now)).encode()
        return row.id, row.url, row.kind, body  # type: ignore[return-value]

    return await lease_due(db, query, now=now, lease=LEASE, take=take, of=CaseNotification)


async def _post(
    http: httpx.AsyncClient, url: str, kind: str, body: bytes, secret: str, delivery: int
) -> tuple[int | None, str | None]:
    headers = {"Content-Type": "application/json", "X-Sauti-Event": f"case.{kind}"}
    headers["X-Sauti-Delivery"] = str(delivery)
    if secret:
        headers[SIGNATURE_HEADER] = signature(body, secret)
    try:
        response = await http.post(url, content=body, headers=headers, timeout=10.0)
    except httpx.HTTPError as exc:
        return None, type(exc).__name__
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}"


async def deliver_due(
    db: Database,
    http: httpx.AsyncClient,
    *,
    secret: str,
    public_url: str,
    now: datetime | None = None,
    limit: int = 20,
) -> int:
    """Post every due notification once; returns how many were delivered."""
    now = now or utcnow()
    jobs = await _lease(db, public_url, now, limit)
    if not jobs:
        return 0
    global _warned_unsigned
    if not secret and not _warned_unsigned:
        _warned_unsigned = True
        log.warning("SAUTI_NOTIFY_SECRET is not set: team notifications go unsigned")
    results = await asyncio.gather(
        *(_post(http, url, kind, body, secret, row_id) for row_id, url, kind, body in jobs)
    )
    delivered = 0
    async with db.session() as session, session.begin():
        for (row_id, *_rest), (status, error) in zip(jobs, results, strict=True):
            row = await session.get(CaseNotification, row_id)
            if row is None or row.state != "pending":
                continue
            row.last_status = status
            if error is None:
                row.state, row.sent_at, row.error = "sent", now, None
                delivered += 1
                continue
            row.error = error
            next_at = RETRY.next_attempt(row.attempts, now)
            if next_at is None:
                row.state = "failed"
                log.warning("notification %s to team %s failed for good", row.id, row.team)
            else:
                row.next_attempt_at = next_at
    return delivered


async def escalate_unclaimed(
    db: Database, *, minutes: int, now: datetime | None = None
) -> list[str]:
    """Urgent cases still unclaimed `minutes` after they became urgent: notify the team
    again and escalate to the admins, once. Returns the case ids escalated."""
    now = now or utcnow()
    cutoff = now - timedelta(minutes=minutes)
    query = skip_locked(
        select(Case).where(
            Case.status == "open",
            Case.priority == "urgent",
            Case.escalated_at.is_(None),
            func.coalesce(Case.notified_at, Case.created_at) <= cutoff,
        )
    )
    escalated = []
    async with db.session() as session, session.begin():
        for case in (await session.execute(query)).scalars().all():
            case.escalated_at = now
            await queue_notice(session, case, "reminder", now=now)
            default = await _default_team(session)
            if default is not None and default.notify_url and default.name != case.team:
                await queue_notice(session, case, "escalated", now=now, url=default.notify_url)
            audit.record(session, None, "escalate", case.id, now=now, after_minutes=minutes)
            queue_event(session, case_event("case_escalated", case))
            escalated.append(case.id)
    if escalated:
        log.warning("%d urgent case(s) unclaimed after %d min: escalated", len(escalated), minutes)
    return escalated
