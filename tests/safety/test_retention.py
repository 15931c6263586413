"""Retention: `purge(db, settings, now)` deletes what is past each kind's period, on a clock
the test controls, and keeps everything else."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.config import Settings, get_settings
from bot.retention import DAY, PurgeReport, daily_purge_job, purge
from bot.store.db import Database
from bot.store.models import (
    AuditLog,
    Case,
    CaseGroup,
    CaseLink,
    Conversation,
    GroupMember,
    MediaBlob,
    Message,
    Note,
    Outbox,
    Receipt,
    User,
    WebhookEvent,
)

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


class Seeder:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.n = 0

    async def conversation(self, name: str, *, updated: float = 0, status: str = "active") -> int:
        async with self.db.session() as session, session.begin():
            conv = Conversation(
                channel="whatsapp",
                business_id="1202",
                contact_hash=f"hash-{name}",
                contact_ref=f"ref-{name}",
                contact_phone=f"phone-{name}",
                contact_name=name,
                status=status,
                created_at=ago(updated),
                updated_at=ago(updated),
                last_inbound_at=ago(updated),
            )
            session.add(conv)
            await session.flush()
            return conv.id  # type: ignore[return-value]

    async def message(self, conv: int, text: str, days: float, *, media: bool = False) -> int:
        async with self.db.session() as session, session.begin():
            msg = Message(
                conversation_id=conv,
                direction="in",
                author="person",
                kind="media" if media else "text",
                text=text,
                state="done",
                created_at=ago(days),
            )
            session.add(msg)
            await session.flush()
            if media:
                session.add(
                    MediaBlob(message_id=msg.id, content=b"x", state="stored", created_at=ago(days))  # type: ignore[arg-type]
                )
            return msg.id  # type: ignore[return-value]

    async def outbox(
        self, conv: int, state: str, days: float, message_id: int | None = None
    ) -> str:
        self.n += 1
        key = f"out-{self.n}"
        async with self.db.session() as session, session.begin():
            session.add(
                Outbox(
                    conversation_id=conv,
                    message_id=message_id,
                    idempotency_key=key,
                    channel="whatsapp",
                    path="1202/messages",
                    body={"to": "someone", "text": {"body": key}},
                    state=state,
                    platform_message_id=f"wamid.{key}" if state == "sent" else None,
                    created_at=ago(days),
                    sent_at=ago(days) if state == "sent" else None,
                )
            )
            session.add(Receipt(dedupe_key=f"whatsapp:wamid.{key}:delivered", applied_at=ago(0)))
        return key

    async def case(self, conv: int, *, resolved: float | None, note: str) -> str:
        async with self.db.session() as session, session.begin():
            user = (await session.execute(select(User))).scalars().first()
            if user is None:
                user = User(name="amina", password_hash="x")
                session.add(user)
                await session.flush()
            case = Case(
                conversation_id=conv,
                status="resolved" if resolved is not None else "open",
                outcome="referred_out" if resolved is not None else None,
                resolved_at=ago(resolved) if resolved is not None else None,
                answers={"passport": "held_by_employer"},
                location={"text": "Zawiya"},
                rules_fired=["passport_held"],
                created_at=ago((resolved or 0) + 5),
            )
            session.add(case)
            await session.flush()
            session.add(Note(case_id=case.id, user_id=user.id, text=note))  # type: ignore[arg-type]
            session.add(AuditLog(action="resolve", case_id=case.id, detail={"outcome": "x"}))
            return case.id


async def texts(db: Database) -> set[str]:
    async with db.session() as session:
        return set((await session.execute(select(Message.text))).scalars())


async def test_old_transcripts_media_and_delivery_data_go_and_recent_ones_stay(
    db: Database, settings: Settings
) -> None:
    seed = Seeder(db)
    conv = await seed.conversation("active-person", updated=1)
    await seed.message(conv, "old words", 91)
    await seed.message(conv, "recent words", 10)
    old_photo = await seed.message(conv, "old photo", 91, media=True)
    await seed.outbox(conv, "sent", 8, message_id=old_photo)
    recent_sent = await seed.outbox(conv, "sent", 1)
    waiting = await seed.outbox(conv, "pending", 30)  # not sent yet: never purged
    async with db.session() as session, session.begin():
        session.add(Receipt(dedupe_key="whatsapp:wamid.ancient:read", applied_at=ago(8)))
        session.add(WebhookEvent(body=b"old broken", state="failed", received_at=ago(8)))
        session.add(WebhookEvent(body=b"new broken", state="failed", received_at=ago(1)))
        session.add(WebhookEvent(body=b"not parsed yet", state="pending", received_at=ago(8)))

    report = await purge(db, settings, NOW)

    assert await texts(db) == {"recent words"}
    async with db.session() as session:
        assert (await session.execute(select(MediaBlob))).first() is None
        keys = set((await session.execute(select(Outbox.idempotency_key))).scalars())
        assert keys == {recent_sent, waiting}
        receipts = set((await session.execute(select(Receipt.dedupe_key))).scalars())
        assert "whatsapp:wamid.ancient:read" not in receipts
        assert "whatsapp:wamid.out-1:delivered" not in receipts  # names a purged message
        assert f"whatsapp:wamid.{recent_sent}:delivered" in receipts
        bodies = {e.body for e in (await session.execute(select(WebhookEvent))).scalars()}
        assert bodies == {b"new broken", b"not parsed yet"}
    assert report == PurgeReport(
        messages=2, media=1, cases=0, contacts=0, outbox=1, receipts=1, events=1
    )


async def test_each_kind_has_its_own_period_and_zero_keeps_forever(
    db: Database, settings: Settings
) -> None:
    seed = Seeder(db)
    conv = await seed.conversation("p", updated=1)
    await seed.message(conv, "forty days ago", 40)
    await seed.message(conv, "photo of forty days ago", 40, media=True)
    await seed.message(conv, "a year ago", 365)
    custom = settings.model_copy(
        update={"retention_media_days": 30, "retention_transcript_days": 0}
    )
    report = await purge(db, custom, NOW)
    assert report.media == 1 and report.messages == 0
    assert await texts(db) == {"forty days ago", "photo of forty days ago", "a year ago"}


async def test_cases_closed_long_ago_are_anonymized_with_their_transcript(
    db: Database, settings: Settings
) -> None:
    seed = Seeder(db)
    old_conv = await seed.conversation("old-case", updated=100)
    await seed.message(old_conv, "before closing", 100)
    old = await seed.case(old_conv, resolved=95, note="old note")
    new_conv = await seed.conversation("new-case", updated=20)
    await seed.message(new_conv, "recent case words", 20)
    new = await seed.case(new_conv, resolved=10, note="recent note")
    open_conv = await seed.conversation("open-case", updated=200)
    await seed.case(open_conv, resolved=None, note="still open")
    async with db.session() as session, session.begin():
        group = CaseGroup(name="one house")
        session.add(group)
        await session.flush()
        session.add_all([GroupMember(group_id=group.id, case_id=c) for c in (old, new)])  # type: ignore[arg-type]
        a, b = sorted([old, new])
        session.add(CaseLink(case_a=a, case_b=b, decision="confirmed", reasons=["same agency"]))
    settings = settings.model_copy(update={"retention_transcript_days": 0})  # only case rules

    report = await purge(db, settings, NOW)

    assert report.cases == 1
    async with db.session() as session:
        assert (await session.execute(select(GroupMember.case_id))).scalars().all() == [new]
        assert (await session.execute(select(CaseLink))).first() is None
    async with db.session() as session:
        gone = await session.get(Case, old)
        kept = await session.get(Case, new)
        assert gone is not None and kept is not None
        assert gone.answers == {} and gone.location is None and gone.rules_fired == []
        assert gone.outcome == "referred_out", "the outcome stays for statistics"
        assert gone.erased_at is not None
        assert kept.answers == {"passport": "held_by_employer"}
        notes = set((await session.execute(select(Note.text))).scalars())
        assert notes == {"recent note", "still open"}
        detail = (
            await session.execute(
                select(AuditLog.detail).where(AuditLog.case_id == old, AuditLog.action == "resolve")
            )
        ).scalar_one()
        assert detail is None
    assert await texts(db) == {"recent case words"}


async def test_contacts_idle_past_retention_are_unlinked(db: Database, settings: Settings) -> None:
    seed = Seeder(db)
    idle = await seed.conversation("idle", updated=91)
    await seed.message(idle, "hello from long ago", 91)
    closed = await seed.conversation("closed-case", updated=120)
    await seed.case(closed, resolved=100, note="done")
    recent_case = await seed.conversation("recent-case", updated=120)
    await seed.case(recent_case, resolved=30, note="recent")  # its case is still kept
    active = await seed.conversation("active", updated=3)
    open_case = await seed.conversation("open", updated=200)
    await seed.case(open_case, resolved=None, note="open")

    report = await purge(db, settings, NOW)

    async with db.session() as session:
        convs = {c.id: c for c in (await session.execute(select(Conversation))).scalars()}
    assert report.contacts == 2
    for conv_id in (idle, closed):
        assert convs[conv_id].status == "erased"
        assert convs[conv_id].contact_phone is None and convs[conv_id].contact_name is None
    for conv_id, name in ((recent_case, "recent-case"), (active, "active"), (open_case, "open")):
        assert convs[conv_id].contact_name == name
    async with db.session() as session:
        audit = (
            await session.execute(select(AuditLog).where(AuditLog.action == "erase"))
        ).scalar_one()
        assert audit.detail == {"by": "retention"}


async def test_an_erased_conversation_keeps_no_sent_goodbye(
    db: Database, settings: Settings
) -> None:
    seed = Seeder(db)
    erased = await seed.conversation("gone", updated=0, status="erased")
    await seed.outbox(erased, "sent", 0)
    await seed.outbox(erased, "failed", 0)
    pending = await seed.outbox(erased, "pending", 0)  # still to be sent: kept
    await purge(db, settings, NOW)
    async with db.session() as session:
        keys = set((await session.execute(select(Outbox.idempotency_key))).scalars())
    assert keys == {pending}


async def test_purge_twice_changes_nothing_more(db: Database, settings: Settings) -> None:
    seed = Seeder(db)
    conv = await seed.conversation("p", updated=100)
    await seed.message(conv, "old", 100)
    await purge(db, settings, NOW)
    assert await purge(db, settings, NOW) == PurgeReport()


async def test_the_daily_job_purges_with_the_runtime_settings(
    db: Database, settings: Settings
) -> None:
    seed = Seeder(db)
    conv = await seed.conversation("p", updated=1)
    await seed.message(conv, "very old", 10_000)
    job = daily_purge_job(db, settings)
    assert DAY == 86_400
    report = await job()
    assert report.messages == 1


def test_the_purge_command(
    database_url: str, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.cli import app

    async def seed() -> None:
        database = Database(database_url)
        seeder = Seeder(database)
        conv = await seeder.conversation("p", updated=1)
        await seeder.message(conv, "very old", 10_000)
        await database.dispose()

    asyncio.run(seed())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SAUTI_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["purge"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "messages: 1" in result.output
