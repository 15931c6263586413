"""`sauti export CASE`: a record a caseworker can read and pass on for a referral, without
the person's number or name, and every export is in the audit log."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.config import Settings, get_settings
from bot.export import export_case
from bot.store.db import Database
from bot.store.models import AuditLog, Case, Conversation, Note, User
from tests.conftest import runtime
from tests.safety.people import Person, converse

STORY = "the agency Al Noor keeps our salaries since March"


async def the_case(client: httpx.AsyncClient) -> Case:
    async with runtime(client).db.session() as session:
        return (await session.execute(select(Case))).scalar_one()


async def story(client: httpx.AsyncClient, secret: str, person: Person) -> Case:
    await converse(
        client,
        secret,
        person.text("hello"),
        person.text("1"),
        person.text("yes"),
        person.text("not safe"),
        person.location(32.8872, 13.1913),
        person.text("my employer"),
        person.text("no"),
        person.text("16"),
        person.text(STORY),
    )
    case = await the_case(client)
    async with runtime(client).db.session() as session, session.begin():
        user = User(name="amina", password_hash="x")
        session.add(user)
        await session.flush()
        session.add(Note(case_id=case.id, user_id=user.id, text="called the embassy"))  # type: ignore[arg-type]
    return case


async def test_the_export_reads_as_a_record_for_a_referral(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    person = Person(phone="254722333444", name="Grace Achieng")
    case = await story(wa_client, wa_settings.app_secret, person)
    rt = runtime(wa_client)
    async with rt.db.session() as session, session.begin():
        text = await export_case(session, case.id.lower(), catalogs=rt.catalogs, user_id=None)
    assert text is not None
    assert text.startswith(f"# Case {case.id}\n")
    assert "- Priority: high" in text
    assert re.search(r"- Why: .*not_safe", text)
    assert "- Language: English (en)" in text
    assert "https://www.openstreetmap.org/?mlat=32.8872&mlon=13.1913" in text
    assert re.search(r"- Position at \d{4}-\d\d-\d\dT[\d:.]+\+00:00: 32.8872, 13.1913\n", text)
    assert "- Who has the passport: My employer (held_by_employer)" in text
    assert "- Free to leave: No (no)" in text
    assert "- People in the same situation: 16" in text
    assert "- ILO indicators: restriction_of_movement, retention_of_identity_documents" in text
    assert "- May contact (the person agreed): no one outside the team" in text
    assert re.search(r"- \d{4}-\d\d-\d\d \d\d:\d\d UTC — amina: called the embassy", text)
    assert re.search(rf"- \d{{4}}-\d\d-\d\d \d\d:\d\d UTC — Person: {STORY}", text)
    assert "— Bot: " in text
    # Only the masked id: the number and the profile name are not passed on.
    assert person.phone not in text and person.name not in text
    async with rt.db.session() as session:
        audit = (
            await session.execute(select(AuditLog).where(AuditLog.action == "export"))
        ).scalar_one()
    assert audit.case_id == case.id and audit.detail == {"via": "cli", "format": "markdown"}


async def test_an_erased_case_exports_as_erased(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    person = Person(phone="254722333445", name="Faith")
    case = await story(wa_client, wa_settings.app_secret, person)
    await converse(wa_client, wa_settings.app_secret, person.text("erase"), person.text("yes"))
    async with runtime(wa_client).db.session() as session, session.begin():
        text = await export_case(session, case.id)
    assert text is not None
    assert "erased at the person's request" in text
    assert STORY not in text and "called the embassy" not in text

    def section(name: str) -> str:
        return text.split(f"## {name}\n")[1].split("##")[0].strip()

    assert section("Answers") == "- none" and section("Notes") == "- none"
    assert section("Transcript") == "- none (deleted, or not kept)"


async def test_an_unknown_case_exports_nothing(db: Database) -> None:
    async with db.session() as session, session.begin():
        assert await export_case(session, "NOPE-0000") is None
        assert (await session.execute(select(AuditLog))).first() is None


def test_the_export_command(
    database_url: str, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from bot.cli import app

    async def seed() -> str:
        database = Database(database_url)
        async with database.session() as session, session.begin():
            conv = Conversation(
                channel="whatsapp", business_id="1", contact_hash="h", contact_ref="r",
                masked_id="+254•••••••44",
            )  # fmt: skip
            session.add(conv)
            await session.flush()
            case = Case(conversation_id=conv.id, priority="urgent", rules_fired=["danger_now"])  # type: ignore[arg-type]
            session.add(case)
        await database.dispose()
        return case.id

    case_id = asyncio.run(seed())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SAUTI_DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        shown = CliRunner().invoke(app, ["export", case_id])
        saved = CliRunner().invoke(app, ["export", case_id, "--output", "case.md"])
        missing = CliRunner().invoke(app, ["export", "NOPE-0000"])
    finally:
        get_settings.cache_clear()
    assert shown.exit_code == 0, shown.output
    assert f"# Case {case_id}" in shown.output and "- Priority: urgent" in shown.output
    assert "- Contact: +254•••••••44" in shown.output
    assert saved.exit_code == 0 and (tmp_path / "case.md").read_text().startswith("# Case")
    assert missing.exit_code == 1 and "no case NOPE-0000" in missing.output

    async def audits() -> int:
        database = Database(database_url)
        async with database.session() as session:
            rows = (await session.execute(select(AuditLog))).scalars().all()
        await database.dispose()
        return len([r for r in rows if r.action == "export"])

    assert asyncio.run(audits()) == 2
