"""`sauti demo` never touches a database it did not create, and prints no secret it did not
generate: not with a production `.env`, not with production variables, not when a real
database sits where the demo keeps its own."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.cli import app
from bot.config import DEMO_DATA_KEY, get_settings
from bot.demo import DEMO_FILE, DEMO_TEAM, announce_when_ready, is_demo_database
from bot.groups import patterns
from bot.store import crypto
from bot.store.db import Database
from bot.store.models import Case, CaseGroup, Conversation, Team, User

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
PRODUCTION = {
    "SAUTI_APP_SECRET": "prod-app-secret-3f9a7c",
    "SAUTI_VERIFY_TOKEN": "prod-verify-token-81bd",
    "SAUTI_DATA_KEY": "cHJvZC1kYXRhLWtleS1mb3ItdGVzdHMtb25seS0zMmI=",
    "SAUTI_SESSION_SECRET": "prod-session-secret-55e0",
    "SAUTI_WHATSAPP_TOKEN": "prod-whatsapp-token-EAAG",
    "SAUTI_MESSENGER_TOKEN": "prod-page-token-EAAP",
    "SAUTI_METRICS_TOKEN": "prod-metrics-token-77aa",
}


@pytest.fixture(autouse=True)
def _in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    for name in [*PRODUCTION, "SAUTI_DATABASE_URL", "SAUTI_HASH_KEY"]:
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
    crypto.configure([DEMO_DATA_KEY])  # what other tests expect


def cli(*args: str) -> str:
    get_settings.cache_clear()
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def seed_production(monkeypatch: pytest.MonkeyPatch, database_url: str) -> None:
    """A production database: migrated, a team and a caseworker, made with the real CLI."""
    monkeypatch.setenv("SAUTI_DATABASE_URL", database_url)
    for name, value in PRODUCTION.items():
        monkeypatch.setenv(name, value)
    cli("db", "upgrade")
    cli("teams", "add", "libya", "--countries", "LY,TN")
    cli("users", "add", "amina", "--team", "libya")
    for name in [*PRODUCTION, "SAUTI_DATABASE_URL"]:
        monkeypatch.delenv(name)


def accounts(database_url: str) -> tuple[list[str], list[str]]:
    async def read() -> tuple[list[str], list[str]]:
        db = Database(database_url)
        try:
            async with db.session() as session:
                users = (await session.execute(select(User.name).order_by(User.name))).scalars()
                teams = (await session.execute(select(Team.name).order_by(Team.name))).scalars()
                return list(users), list(teams)
        finally:
            await db.dispose()

    return asyncio.run(read())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_with_a_production_env_file_the_demo_leaves_that_database_alone_and_hides_its_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    seed_production(monkeypatch, database_url)
    env = "".join(f"{name}={value}\n" for name, value in PRODUCTION.items())
    (tmp_path / ".env").write_text(f"SAUTI_DATABASE_URL={database_url}\n{env}")
    production_file = tmp_path / "sauti.db"
    before = digest(production_file) if production_file.exists() else None

    output = cli("demo", "--seed-only")

    assert accounts(database_url) == (["amina"], ["libya"])
    if before is not None:
        assert digest(production_file) == before
    for secret in PRODUCTION.values():
        assert secret not in output
    demo_file = tmp_path / DEMO_FILE
    assert is_demo_database(demo_file)
    assert str(demo_file) in output
    assert accounts(f"sqlite+aiosqlite:///{demo_file}") == (["demo"], ["demo"])


def test_production_variables_in_the_environment_are_not_used_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    production = f"sqlite+aiosqlite:///{tmp_path / 'prod.db'}"
    seed_production(monkeypatch, production)
    monkeypatch.setenv("SAUTI_DATABASE_URL", production)
    for name, value in PRODUCTION.items():
        monkeypatch.setenv(name, value)
    before = digest(tmp_path / "prod.db")

    output = cli("demo", "--seed-only")

    assert digest(tmp_path / "prod.db") == before
    assert not any(secret in output for secret in PRODUCTION.values())
    assert "demo app secret:" in output


def test_the_demo_refuses_a_database_with_real_data_where_its_own_would_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / DEMO_FILE
    seed_production(monkeypatch, f"sqlite+aiosqlite:///{real}")
    before = digest(real)

    get_settings.cache_clear()
    result = runner.invoke(app, ["demo", "--seed-only"])

    assert result.exit_code == 1
    assert "was not created by `sauti demo`" in result.output
    assert str(real) in result.output
    assert digest(real) == before
    assert accounts(f"sqlite+aiosqlite:///{real}") == (["amina"], ["libya"])


def test_the_demo_refuses_any_other_file_at_its_path(tmp_path: Path) -> None:
    (tmp_path / DEMO_FILE).write_text("my notes")
    get_settings.cache_clear()
    result = runner.invoke(app, ["demo", "--seed-only"])
    assert result.exit_code == 1
    assert (tmp_path / DEMO_FILE).read_text() == "my notes"


def test_the_demo_starts_afresh_on_its_own_database_each_run(tmp_path: Path) -> None:
    first = cli("demo", "--seed-only")
    second = cli("demo", "--seed-only")
    password = [line for line in first.splitlines() if "password:" in line][0].split()[-1]
    assert password not in second  # new secrets, new password
    assert accounts(f"sqlite+aiosqlite:///{tmp_path / DEMO_FILE}") == (["demo"], ["demo"])


def test_the_demo_database_is_private(tmp_path: Path) -> None:
    cli("demo", "--seed-only")
    assert (tmp_path / DEMO_FILE).stat().st_mode & 0o077 == 0


def test_a_sqlite_file_of_another_application_is_not_the_demos_either(tmp_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(tmp_path / DEMO_FILE)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()
    assert not is_demo_database(tmp_path / DEMO_FILE)
    get_settings.cache_clear()
    assert runner.invoke(app, ["demo", "--seed-only"]).exit_code == 1


async def test_the_demo_says_ready_only_once_the_process_has_warmed_up() -> None:
    said: list[str] = []
    runtime = SimpleNamespace(warming=None, tasks=[])
    await announce_when_ready(["Sauti demo is ready."], echo=said.append)(runtime)  # type: ignore[arg-type]
    await asyncio.sleep(0.3)
    assert said == []  # the server is up, but warming up: /readyz still says 503
    warming: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    runtime.warming = warming
    await asyncio.sleep(0.3)
    assert said == []
    warming.set_result(None)
    await asyncio.wait_for(runtime.tasks[0], timeout=2)
    assert said == ["Sauti demo is ready."]


def demo_contents(database_url: str) -> dict[str, Any]:
    async def read() -> dict[str, Any]:
        db = Database(database_url)
        try:
            async with db.session() as session:
                cases = (await session.execute(select(Case, Conversation).join(
                    Conversation, Conversation.id == Case.conversation_id))).all()  # fmt: skip
                group_names = (await session.execute(select(CaseGroup.name))).scalars().all()
                table = await patterns.pattern_table(session, days=30)
                return {
                    "cases": [(case, conv) for case, conv in cases],
                    "groups": list(group_names),
                    "patterns": table,
                }
        finally:
            await db.dispose()

    return asyncio.run(read())


def test_the_demo_seeds_sample_cases_a_group_and_patterns_all_marked_as_demo(
    tmp_path: Path,
) -> None:
    output = cli("demo", "--seed-only")
    assert "Sample data:       10 invented cases and a group" in output
    seeded = demo_contents(f"sqlite+aiosqlite:///{tmp_path / DEMO_FILE}")

    cases = seeded["cases"]
    assert len(cases) >= 8
    assert {case.priority for case, _ in cases} == {"urgent", "high", "normal"}
    assert {case.status for case, _ in cases} == {"open", "claimed", "resolved"}
    assert {"ar", "am"} <= {case.language for case, _ in cases}
    assert len({case.location["country_code"] for case, _ in cases}) >= 4
    assert all(case.team == DEMO_TEAM for case, _ in cases)
    # Marked as demo data, and on the simulator channel: a reply reaches nobody.
    assert all(conv.contact_name.startswith("Demo: ") for _, conv in cases)
    assert {conv.channel for _, conv in cases} == {"simulator"}
    assert seeded["groups"] == ["Demo: Tripoli house"]
    # Enough people share an agency and a place for the patterns page to show them.
    agencies = {row["agency"] for row in seeded["patterns"]["agencies"]}
    places = {row["place"] for row in seeded["patterns"]["places"]}
    assert {"Sahara Jobs", "Golden Gate Manpower"} <= agencies
    assert {"Tripoli", "Beirut"} <= places
