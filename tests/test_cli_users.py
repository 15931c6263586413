"""`sauti users ...`: refusals with a clear message, no secrets where none are asked for,
and an audit row for everything an admin does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.accounts import add_team
from bot.store.db import Database
from bot.store.models import AuditLog
from tests.cli_support import sauti, use_database


@pytest.fixture(autouse=True)
async def teams(
    db: Database, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    use_database(monkeypatch, tmp_path, database_url)
    async with db.session() as s, s.begin():
        await add_team(s, "libya", ["LY"])
        await add_team(s, "tunisia", ["TN"])
        await add_team(s, "morocco", ["MA"])


async def audit(db: Database) -> list[AuditLog]:
    async with db.session() as s:
        return list((await s.execute(select(AuditLog).order_by(AuditLog.id))).scalars())


async def test_add_prints_the_password_and_the_token_alone_on_the_last_line() -> None:
    result = await sauti("users", "add", "amina", "--team", "libya", "--team", "tunisia")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == "user amina (caseworker) in libya, tunisia"
    assert lines[1].startswith("password: ") and len(lines[1]) > len("password: ") + 10
    assert lines[-1].startswith("sauti_") and " " not in lines[-1]


async def test_add_refuses_an_existing_name_and_changes_nothing(db: Database) -> None:
    first = await sauti("users", "add", "amina", "--team", "libya")
    token = first.output.strip().splitlines()[-1]
    again = await sauti("users", "add", "amina", "--team", "morocco", "--role", "admin")
    assert again.exit_code == 1
    assert "a user named amina already exists" in again.output
    for command in ("reset-password", "teams", "token", "enable", "disable"):
        assert command in again.output
    assert "password:" not in again.output and "sauti_" not in again.output
    listed = (await sauti("users", "list")).output
    assert "amina  caseworker  yes     libya" in listed  # neither her role nor her teams moved
    token_check = await sauti("users", "token", "amina", "--revoke-all")
    assert "revoked 1 token(s)" in token_check.output  # her first token was still the only one
    assert token not in token_check.output


async def test_unknown_teams_and_users_are_clear_errors() -> None:
    assert (await sauti("users", "add", "amina", "--team", "libya")).exit_code == 0
    result = await sauti("users", "teams", "amina", "--set", "libya,atlantis")
    assert result.exit_code == 1 and "unknown team: atlantis" in result.output
    assert "`sauti teams add`" in result.output
    for command in ("disable", "enable", "reset-password", "token", "logout"):
        result = await sauti("users", command, "nobody")
        assert result.exit_code == 1, command
        assert result.output.strip() == "error: no user named nobody (see `sauti users list`)"


async def test_teams_set_replaces_her_teams() -> None:
    await sauti("users", "add", "amina", "--team", "libya")
    result = await sauti("users", "teams", "amina", "--set", "Tunisia, morocco")
    assert result.exit_code == 0 and result.output.strip() == "amina is now in: morocco, tunisia"
    assert "morocco,tunisia" in (await sauti("users", "list")).output


async def test_list_shows_accounts_without_secrets() -> None:
    added = await sauti("users", "add", "amina", "--team", "libya")
    password = added.output.splitlines()[1].removeprefix("password: ")
    await sauti("users", "add", "root", "--team", "libya", "--role", "admin")
    await sauti("users", "disable", "root")
    listed = (await sauti("users", "list")).output.strip().splitlines()
    assert listed[0].split() == ["name", "role", "active", "teams", "sessions", "tokens"]
    assert listed[1].split() == ["amina", "caseworker", "yes", "libya", "0", "1"]
    assert listed[2].split() == ["root", "admin", "no", "libya", "0", "0"]
    text = "\n".join(listed)
    assert password not in text and "sauti_" not in text and "$argon2" not in text


async def test_a_disabled_user_gets_no_new_token_until_enabled() -> None:
    await sauti("users", "add", "amina", "--team", "libya")
    await sauti("users", "disable", "amina")
    refused = await sauti("users", "token", "amina")
    assert refused.exit_code == 1 and "amina is disabled" in refused.output
    await sauti("users", "enable", "amina")
    assert (await sauti("users", "token", "amina")).output.strip().startswith("sauti_")


async def test_every_command_is_in_the_audit_log_as_the_cli(db: Database) -> None:
    await sauti("users", "add", "amina", "--team", "libya")
    password = (await sauti("users", "reset-password", "amina")).output.splitlines()[-1]
    token = (await sauti("users", "token", "amina", "--revoke-all")).output.splitlines()[-1]
    for args in (
        ("teams", "amina", "--set", "morocco"),
        ("logout", "amina"),
        ("disable", "amina"),
        ("enable", "amina"),
        ("revoke", "amina"),
        ("list",),
    ):
        assert (await sauti("users", *args)).exit_code == 0, args
    rows = await audit(db)
    assert [r.action for r in rows] == [
        "user_add",
        "user_reset_password",
        "user_token",
        "user_teams",
        "user_logout",
        "user_disable",
        "user_enable",
        "user_disable",
        "user_list",
    ]
    assert all(r.user_id is None and r.detail and r.detail["actor"] == "cli" for r in rows)
    assert rows[3].detail == {
        "actor": "cli",
        "account": "amina",
        "before": ["libya"],
        "after": ["morocco"],
    }
    trail = repr([r.detail for r in rows])
    assert password.removeprefix("password: ") not in trail and token not in trail
