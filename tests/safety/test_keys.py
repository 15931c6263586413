"""Encryption at rest and key rotation: a leaked database shows no message, name or number in
clear; `sauti keys rotate` re-encrypts everything with the newest key, old data stays readable
during and after, and afterwards the old key can be dropped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select
from sqlmodel import SQLModel
from typer.testing import CliRunner

from bot.config import DEMO_DATA_KEY, Settings, get_settings
from bot.keys import encrypted_columns, rehash_contacts, rehash_messages, rotate_keys
from bot.messages import Inbound
from bot.pipeline.ingest import conversation_for, store_message
from bot.store import crypto
from bot.store.db import Database
from bot.store.models import (
    Case,
    Conversation,
    MediaBlob,
    Message,
    Note,
    Outbox,
    User,
    WebhookEvent,
)
from tests.conftest import runtime
from tests.safety.people import Person, converse, decoded_tokens

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
SECRET = "they keep our passports in the kitchen drawer"
PLACE = "Souk al Juma near the old cinema"
NOTE = "caseworker note: her brother is in Misrata"


async def raw_rows(db: Database) -> list[str]:
    """Every row of every table as the database holds it (plain SQL, nothing decrypted)."""
    out = []
    async with db.engine.connect() as conn:
        for name in SQLModel.metadata.tables:
            for row in (await conn.exec_driver_sql(f'SELECT * FROM "{name}"')).all():
                values = [
                    bytes(v).decode("latin-1") if isinstance(v, bytes | memoryview) else str(v)
                    for v in row
                ]
                out.append(f"{name}: " + " | ".join(values))
    return out


async def tell_story(client: httpx.AsyncClient, secret: str, person: Person) -> None:
    await converse(
        client,
        secret,
        person.text("hello"),
        person.text("1"),
        person.text("yes"),
        person.text("not safe"),
        person.text(PLACE),
        person.text("my employer"),
        person.text("no"),
        person.text("3"),
        person.text(SECRET),
    )
    async with runtime(client).db.session() as session, session.begin():
        user = User(name="amina", password_hash="x")
        session.add(user)
        await session.flush()
        case = (await session.execute(select(Case))).scalars().first()
        assert case is not None, "the story should have opened a case"
        session.add(Note(case_id=case.id, user_id=user.id, text=NOTE))  # type: ignore[arg-type]


def leaked(rows: list[str], needle: str) -> list[str]:
    return [r[:200] for r in rows if needle in r]


async def test_a_leaked_database_shows_no_message_name_or_number_in_clear(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    person = Person(phone="212612345678", name="Fatima Zahra", bsuid="MA.1234567890123")
    await tell_story(wa_client, wa_settings.app_secret, person)
    rows = await raw_rows(runtime(wa_client).db)
    assert any(r.startswith("message:") for r in rows)
    for needle in (SECRET, PLACE, NOTE, person.name, person.phone, person.bsuid):
        assert not leaked(rows, needle), f"{needle!r} is stored in clear: {leaked(rows, needle)}"


async def test_message_ids_in_a_leaked_database_do_not_give_the_number_away(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    person = Person(phone="212612345678", name="Fatima Zahra")
    await tell_story(wa_client, wa_settings.app_secret, person)
    decoded = decoded_tokens("\n".join(await raw_rows(runtime(wa_client).db)))
    assert person.phone not in decoded


# --- rotation --------------------------------------------------------------------------------


async def seed_everything(db: Database) -> dict[str, object]:
    """One row in every table that has encrypted columns, written with the current key."""
    async with db.session() as session, session.begin():
        conv = Conversation(
            channel="whatsapp",
            business_id="1202",
            contact_hash=crypto.lookup_hash("whatsapp:212600000001"),
            contact_ref="212600000001",
            contact_phone="212600000001",
            contact_name="Samira",
            state={"step": "passport"},
        )
        session.add(conv)
        await session.flush()
        msg = Message(
            conversation_id=conv.id,  # type: ignore[arg-type]
            direction="in",
            author="person",
            kind="text",
            text=SECRET,
            data={"raw_type": "text"},
            state="done",
        )
        session.add(msg)
        await session.flush()
        session.add(MediaBlob(message_id=msg.id, content=b"\xff\xd8 a photo", state="stored"))  # type: ignore[arg-type]
        session.add(WebhookEvent(body=b'{"raw": "' + SECRET.encode() + b'"}', state="failed"))
        session.add(
            Outbox(
                conversation_id=conv.id,  # type: ignore[arg-type]
                idempotency_key="k1",
                channel="whatsapp",
                path="1202/messages",
                body={"to": "212600000001", "text": {"body": "hi"}},
            )
        )
        user = User(name="amina", password_hash="x")
        case = Case(
            conversation_id=conv.id,  # type: ignore[arg-type]
            location={"text": PLACE, "latitude": 32.9},
            answers={"passport": "held_by_employer"},
        )
        session.add_all([user, case])
        await session.flush()
        session.add(Note(case_id=case.id, user_id=user.id, text=NOTE))  # type: ignore[arg-type]
    return {"conversation": conv.id, "message": msg.id, "case": case.id}


async def read_everything(db: Database, ids: dict[str, object]) -> dict[str, object]:
    async with db.session() as session:
        conv = await session.get(Conversation, ids["conversation"])
        msg = await session.get(Message, ids["message"])
        blob = await session.get(MediaBlob, ids["message"])
        case = await session.get(Case, ids["case"])
        note = (await session.execute(select(Note))).scalar_one()
        event = (await session.execute(select(WebhookEvent))).scalar_one()
        out = (await session.execute(select(Outbox))).scalar_one()
    assert conv and msg and blob and case
    return {
        "contact": (conv.contact_ref, conv.contact_phone, conv.contact_name, conv.state),
        "message": (msg.text, msg.data),
        "blob": blob.content,
        "case": (case.location, case.answers),
        "note": note.text,
        "event": event.body,
        "outbox": out.body,
    }


async def raw_tokens(db: Database) -> list[bytes]:
    """Every encrypted value as stored."""
    tokens = []
    async with db.engine.connect() as conn:
        for table, names in encrypted_columns().items():
            for name in names:
                query = f'SELECT "{name}" FROM "{table}" WHERE "{name}" IS NOT NULL'
                for (value,) in (await conn.exec_driver_sql(query)).all():
                    tokens.append(bytes(value) if not isinstance(value, str) else value.encode())
    return tokens


async def test_rotation_re_encrypts_every_value_and_the_old_key_can_then_go(db: Database) -> None:
    crypto.configure([OLD])
    ids = await seed_everything(db)
    expected = await read_everything(db, ids)
    tokens = await raw_tokens(db)
    assert len(tokens) >= 12

    keys = crypto.configure([NEW, OLD])
    assert await read_everything(db, ids) == expected  # readable before rotating
    report = await rotate_keys(db, keys, batch=2)  # small batches: pagination is exercised
    assert report.rotated == len(tokens) and report.unreadable == 0
    assert await read_everything(db, ids) == expected  # and after, with both keys
    for token in await raw_tokens(db):
        Fernet(NEW.encode()).decrypt(token)  # every value is under the new key now
        with pytest.raises(InvalidToken):
            Fernet(OLD.encode()).decrypt(token)

    again = await rotate_keys(db, keys)
    assert again.rotated == 0 and again.current == len(tokens)

    crypto.configure([NEW], hash_key="")
    assert await read_everything(db, ids) == expected  # the old key is gone


async def test_data_stays_readable_while_a_rotation_is_half_done(db: Database) -> None:
    crypto.configure([OLD])
    ids = await seed_everything(db)
    expected = await read_everything(db, ids)
    keys = crypto.configure([NEW, OLD])
    table = SQLModel.metadata.tables["message"]
    from bot.keys import RotationReport, rotate_column

    await rotate_column(db, keys, table, "text", RotationReport(), batch=10)
    assert await read_everything(db, ids) == expected


def inbound(contact: str) -> Inbound:
    return Inbound(
        channel="whatsapp",
        kind="text",
        dedupe_key="wamid.X",
        business_id="1202",
        contact_id=contact,
        timestamp=datetime(2026, 1, 1, tzinfo=UTC),
    )


async def test_dropping_the_oldest_key_keeps_people_in_their_conversation(db: Database) -> None:
    """Lookup hashes derive from the oldest data key unless SAUTI_HASH_KEY is set: rotating
    with --drop-old recomputes them, so a person who writes again is still recognised and a
    redelivered message is still applied once."""
    crypto.configure([OLD])
    message = inbound("212600000009")
    async with db.session() as session, session.begin():
        first = (await conversation_for(session, message)).id
        assert await store_message(session, message, 4096) == first
    before = crypto.configure([NEW, OLD])
    await rotate_keys(db, before)
    after = crypto.Keyring([NEW])
    assert await rehash_contacts(db, before, after) == 1
    assert await rehash_messages(db, before, after) == 1
    crypto.configure([NEW])
    async with db.session() as session, session.begin():
        assert (await conversation_for(session, message)).id == first
        assert await store_message(session, message, 4096) is None, "seen before"


async def test_with_a_hash_key_set_nothing_needs_rehashing(db: Database) -> None:
    crypto.configure([OLD], hash_key="a-separate-lookup-key")
    async with db.session() as session, session.begin():
        first = (await conversation_for(session, inbound("212600000010"))).id
    before = crypto.configure([NEW, OLD], hash_key="a-separate-lookup-key")
    await rotate_keys(db, before)
    after = crypto.Keyring([NEW], hash_key="a-separate-lookup-key")
    assert await rehash_contacts(db, before, after) == 0
    crypto.configure([NEW], hash_key="a-separate-lookup-key")
    async with db.session() as session, session.begin():
        assert (await conversation_for(session, inbound("212600000010"))).id == first


def test_the_keys_rotate_command(
    database_url: str, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import asyncio

    from bot.cli import app

    monkeypatch.chdir(tmp_path)  # no stray .env
    crypto.configure([OLD])
    asyncio.run(seed_everything(Database(database_url)))
    stored = len(asyncio.run(raw_tokens(Database(database_url))))
    monkeypatch.setenv("SAUTI_DATABASE_URL", database_url)
    monkeypatch.setenv("SAUTI_DATA_KEY", f"{NEW},{OLD}")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["keys", "rotate"])
    finally:
        get_settings.cache_clear()
        crypto.configure([DEMO_DATA_KEY])
    assert result.exit_code == 0, result.output
    assert f"re-encrypted {stored} value(s)" in result.output
    assert "--drop-old" in result.output  # tells the admin how to drop the old key safely
