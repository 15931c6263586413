"""`sauti db copy`: SQLite → PostgreSQL keeps every row, its id and its ciphertext; the app
reads the copy with the same key, and new rows get fresh ids (sequences moved past the copy)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from bot.accounts import add_team, add_user
from bot.config import Settings, get_settings
from bot.store import crypto
from bot.store.copy import CopyError, copy_database, raw_tables
from bot.store.db import Database, drop_all
from bot.store.migrate import upgrade_async
from bot.store.models import Conversation, Message
from tests.conftest import POSTGRES_URL, make_settings
from tests.web.test_webhook import TEXT_EVENT, signed

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs SAUTI_TEST_POSTGRES_URL")


def graph_ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"messages": [{"id": f"wamid.OUT{id(request)}"}]})


async def fill(settings: Settings) -> None:
    """Real data through the real app: a person writes, the bot answers, a caseworker exists."""
    from bot.app import create_app

    http = httpx.AsyncClient(transport=httpx.MockTransport(graph_ok))
    app = create_app(settings, start_workers=False, http=http)
    async with app.router.lifespan_context(app):
        rt = app.state.runtime
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            body, headers = signed(settings, TEXT_EVENT)
            assert (await client.post("/webhooks/meta", content=body, headers=headers)).is_success
        await rt.workers.run_until_idle()
        async with rt.db.session() as session, session.begin():
            await add_team(session, "libya", ["LY"])
            await add_user(session, "amina", ["libya"])


async def rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, encrypted columns as stored (ciphertext)."""
    db = Database(url)
    try:
        out = {}
        async with db.engine.connect() as conn:
            for table in raw_tables():
                try:
                    result = await conn.execute(select(table).order_by(*table.primary_key))
                except Exception:  # noqa: BLE001 - a table the migrations do not create
                    await conn.rollback()
                    continue
                out[table.name] = [tuple(r) for r in result]
        return out
    finally:
        await db.dispose()


@pytest.fixture
async def target(postgres_url: str) -> str:
    db = Database(postgres_url)
    await drop_all(db.engine)
    async with db.engine.begin() as conn:
        await conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await db.dispose()
    await upgrade_async(postgres_url)
    return postgres_url


async def test_sqlite_to_postgresql_keeps_ids_and_ciphertext(tmp_path, target: str) -> None:
    crypto.configure([make_settings("sqlite://").data_keys[0]])
    source = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await upgrade_async(source)
    await fill(make_settings(source))

    counts = await copy_database(source, target)

    before, after = await rows(source), await rows(target)
    assert counts["message"] >= 2 and counts["outbox"] >= 1 and counts["user_account"] == 1
    for name, copied in before.items():
        assert after[name] == copied, name  # same ids, same bytes


async def test_the_copy_is_readable_and_takes_new_rows(tmp_path, target: str) -> None:
    source = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await upgrade_async(source)
    await fill(make_settings(source))
    await copy_database(source, target)

    db = Database(target)
    try:
        async with db.session() as session, session.begin():
            conv = (await session.execute(select(Conversation))).scalar_one()
            first = (await session.execute(select(Message).order_by(Message.id))).scalars().first()
            assert first is not None and first.text == "hello"  # decrypted with the same key
            assert conv.contact_phone == "447700900123"
            fresh = Message(conversation_id=conv.id, direction="out", author="bot", kind="text")
            session.add(fresh)
            await session.flush()
            assert fresh.id is not None and fresh.id > first.id
    finally:
        await db.dispose()
    # The service runs on the copy: a new person writes and is answered.
    await fill(make_settings(target))


async def test_refuses_a_target_that_is_not_empty_or_not_migrated(tmp_path, target: str) -> None:
    source = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await upgrade_async(source)
    await fill(make_settings(source))
    await copy_database(source, target)
    with pytest.raises(CopyError, match="not empty"):
        await copy_database(source, target)
    with pytest.raises(CopyError, match="not migrated"):
        await copy_database(source, f"sqlite+aiosqlite:///{tmp_path / 'blank.db'}")


def test_the_command_copies_and_reports(tmp_path, target: str, monkeypatch) -> None:
    import asyncio

    from bot.cli import app

    source = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    asyncio.run(upgrade_async(source))
    asyncio.run(fill(make_settings(source)))
    monkeypatch.setenv("SAUTI_DATABASE_URL", source)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["db", "copy", "--to", target])
        again = CliRunner().invoke(app, ["db", "copy", "--to", target])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "message: " in result.output and "copied" in result.output
    assert again.exit_code == 1 and "not empty" in again.output
