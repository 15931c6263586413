"""Files the app writes are 0600, SQLite overwrites what it deletes, and an erasure leaves
nothing behind in the write-ahead log."""

from __future__ import annotations

import os
import stat
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.erasure import erase_conversation
from bot.store.db import Database, create_all
from bot.store.file_modes import create_private, write_private
from bot.store.models import Conversation, Message


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def conversation() -> Conversation:
    return Conversation(channel="whatsapp", business_id="1", contact_hash="h", contact_ref="x")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The laxest umask a server might run with: nothing of ours may rely on it."""
    before = os.umask(0)
    try:
        yield
    finally:
        os.umask(before)


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'sauti.db'}")
    await create_all(db.engine)
    try:
        yield db
    finally:
        await db.dispose()


async def test_the_database_and_its_wal_and_shm_are_created_0600(
    tmp_path: Path, open_umask: None, sqlite_db: Database
) -> None:
    async with sqlite_db.session() as session, session.begin():
        session.add(conversation())
    for name in ("sauti.db", "sauti.db-wal", "sauti.db-shm", "sauti.db.lock"):
        assert mode(tmp_path / name) == 0o600, name


async def test_an_existing_database_readable_by_others_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    db = Database(f"sqlite+aiosqlite:///{path}")
    await db.dispose()
    assert mode(path) == 0o600


def test_an_export_is_0600_from_the_start_and_replaces_a_readable_file(
    tmp_path: Path, open_umask: None
) -> None:
    fresh, old = tmp_path / "case.txt", tmp_path / "old.txt"
    old.write_text("previous export")
    old.chmod(0o644)
    write_private(fresh, "Case ABC: a referral")
    write_private(old, "new")
    assert (mode(fresh), mode(old)) == (0o600, 0o600)
    assert fresh.read_text() == "Case ABC: a referral" and old.read_text() == "new"


def test_create_private_leaves_a_missing_folder_to_the_caller(tmp_path: Path) -> None:
    create_private(tmp_path / "no" / "such.db")  # SQLite then says the folder is missing
    assert not (tmp_path / "no").exists()


async def test_sqlite_runs_with_secure_delete(sqlite_db: Database) -> None:
    async with sqlite_db.engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA secure_delete"))).scalar_one() == 1


async def test_after_an_erasure_the_wal_is_emptied(tmp_path: Path, sqlite_db: Database) -> None:
    async with sqlite_db.session() as session, session.begin():
        conv = conversation()
        session.add(conv)
        await session.flush()
        session.add(
            Message(conversation_id=conv.id, direction="in", author="person", kind="text")  # type: ignore[arg-type]
        )
    assert (tmp_path / "sauti.db-wal").stat().st_size > 0
    async with sqlite_db.session() as session, session.begin():
        stored = await session.get(Conversation, conv.id)
        assert stored is not None
        await erase_conversation(session, stored, goodbye=False)
    assert (tmp_path / "sauti.db-wal").stat().st_size == 0


async def test_a_rolled_back_erasure_asks_for_no_checkpoint(sqlite_db: Database) -> None:
    async with sqlite_db.session() as session:
        async with session.begin():
            conv = conversation()
            session.add(conv)
        await session.begin()
        stored = await session.get(Conversation, conv.id)
        await erase_conversation(session, stored, goodbye=False)  # type: ignore[arg-type]
        await session.rollback()
        assert not any(k.startswith("sauti.wal_checkpoint") for k in session.info)
