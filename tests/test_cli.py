"""The `sauti` command line: refusals with a clear message, accounts, and the checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.config import get_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("SAUTI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    for name in ("APP_SECRET", "VERIFY_TOKEN", "DATA_KEY", "SESSION_SECRET"):
        monkeypatch.delenv(f"SAUTI_{name}", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_serve_refuses_to_start_without_secrets_and_names_them() -> None:
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    for name in ("SAUTI_APP_SECRET", "SAUTI_VERIFY_TOKEN", "SAUTI_DATA_KEY"):
        assert name in result.output


def test_serve_refuses_placeholder_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAUTI_APP_SECRET", "changethis")
    monkeypatch.setenv("SAUTI_VERIFY_TOKEN", "a-real-token")
    monkeypatch.setenv("SAUTI_DATA_KEY", "ZmFrZS1idXQtd2VsbC1mb3JtZWQta2V5LTMyLWJ5dGU=")
    monkeypatch.setenv("SAUTI_SESSION_SECRET", "a-long-random-session-secret")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    assert "SAUTI_APP_SECRET" in result.output
    assert "SAUTI_VERIFY_TOKEN" not in result.output


def test_serve_refuses_an_unmigrated_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAUTI_APP_SECRET", "s3cret-from-meta")
    monkeypatch.setenv("SAUTI_VERIFY_TOKEN", "a-real-token")
    monkeypatch.setenv("SAUTI_DATA_KEY", "ZmFrZS1idXQtd2VsbC1mb3JtZWQta2V5LTMyLWJ5dGU=")
    monkeypatch.setenv("SAUTI_SESSION_SECRET", "a-long-random-session-secret")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1
    assert "sauti db upgrade" in result.output


def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAUTI_APP_SECRET", "s3cret-from-meta")
    monkeypatch.setenv("SAUTI_VERIFY_TOKEN", "a-real-token")
    monkeypatch.setenv("SAUTI_DATA_KEY", "ZmFrZS1idXQtd2VsbC1mb3JtZWQta2V5LTMyLWJ5dGU=")
    monkeypatch.setenv("SAUTI_SESSION_SECRET", "a-long-random-session-secret")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql+asyncpg://sauti:pw@127.0.0.1:1/sauti", "Connect call failed"),
        (
            "sqlite+aiosqlite:////no/such/folder/sauti.db",
            "the folder /no/such/folder does not exist",
        ),
    ],
)
@pytest.mark.parametrize("command", [["db", "upgrade"], ["serve"]])
def test_a_database_that_cannot_be_reached_is_one_clear_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, command: list[str], url: str, reason: str
) -> None:
    """Not "run `sauti db upgrade`" when the server is down: that would send the operator
    the wrong way."""
    _secrets(monkeypatch)
    monkeypatch.setenv("SAUTI_DATABASE_URL", url)
    result = runner.invoke(app, command)
    assert result.exit_code == 1
    first, hint = result.output.strip().splitlines()
    assert first.startswith("error: cannot use the database: ") and reason in first
    assert "SAUTI_DATABASE_URL" in hint and "Traceback" not in result.output
    assert "pw" not in result.output  # the password in the URL is never printed


def test_teams_and_users_are_created_and_the_token_is_the_last_line() -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    team = runner.invoke(app, ["teams", "add", "libya", "--countries", "LY,TN"])
    assert team.exit_code == 0 and "LY, TN" in team.output
    user = runner.invoke(app, ["users", "add", "amina", "--team", "libya"])
    assert user.exit_code == 0
    lines = user.output.strip().splitlines()
    assert lines[-1].startswith("sauti_") and " " not in lines[-1]
    assert any(line.startswith("password: ") for line in lines)
    revoked = runner.invoke(app, ["users", "revoke", "amina"])
    assert revoked.exit_code == 0 and "revoked 1 token" in revoked.output


def test_users_add_to_an_unknown_team_is_a_clear_error() -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(app, ["users", "add", "amina", "--team", "nowhere"])
    assert result.exit_code == 1
    assert "unknown team: nowhere" in result.output


def test_bad_country_codes_are_refused() -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(app, ["teams", "add", "libya", "--countries", "Libya"])
    assert result.exit_code == 1 and "not ISO country codes" in result.output


def test_the_shipped_flows_and_locales_pass_their_checks() -> None:
    flows = runner.invoke(app, ["flows", "check"])
    assert flows.exit_code == 0
    # The data files beside the flows are checked and named for what they are, not "skipped".
    assert "skipped" not in flows.output
    assert "places.yaml: local place names" in flows.output
    assert "emergency_numbers.yaml: emergency numbers" in flows.output
    assert "and replies.yaml checked: 0 error(s)" in flows.output
    locales = runner.invoke(app, ["locales", "check"])
    assert locales.exit_code == 0
    assert locales.output.startswith("9 locales complete: ")  # silence looked like a hang


def test_db_upgrade_says_whether_it_created_or_found_the_tables() -> None:
    first = runner.invoke(app, ["db", "upgrade"])
    assert first.exit_code == 0 and first.output.startswith("created the tables in ")
    again = runner.invoke(app, ["db", "upgrade"])
    assert again.exit_code == 0 and again.output.startswith("database is up to date")


def test_flows_check_names_file_and_line_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "schema_version: 1\nid: broken\nsteps:\n  - id: a\n    kind: choice\n  bad",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["flows", "check", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:" in result.output


def test_flows_draw_prints_mermaid() -> None:
    result = runner.invoke(app, ["flows", "draw", "distress"])
    assert result.exit_code == 0
    assert result.stdout.startswith("stateDiagram-v2")
    assert "passport" in result.stdout
    assert "mermaid.live" not in result.stdout  # `> flow.mmd` stays a clean diagram
    assert "mermaid.live" in result.stderr  # and the person is told how to see it


def test_flows_draw_svg_html_and_png(tmp_path: Path) -> None:
    svg = runner.invoke(app, ["flows", "draw", "--format", "svg"])
    assert svg.exit_code == 0 and svg.stdout.startswith("<svg") and "passport" in svg.stdout
    assert "Are you in danger right now?" in svg.stdout  # the English words, not only ids
    assert "open it in a browser" in svg.stderr
    page = runner.invoke(app, ["flows", "draw", "distress", "-f", "html"])
    assert page.exit_code == 0 and page.stdout.startswith("<!doctype html>")
    assert "<svg" in page.stdout
    out = tmp_path / "flow.png"
    png = runner.invoke(app, ["flows", "draw", "-f", "png", "-o", str(out)])
    assert png.exit_code == 0, png.output
    assert out.read_bytes().startswith(b"\x89PNG") and f"wrote {out}" in png.stderr
    piped = runner.invoke(app, ["flows", "draw", "-f", "png"])  # not a terminal: the bytes
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"\x89PNG")


def test_flows_draw_refuses_an_unknown_format() -> None:
    result = runner.invoke(app, ["flows", "draw", "--format", "pdf"])
    assert result.exit_code == 2
    assert "unknown format pdf: use one of mermaid, svg, png, html" in result.output


def test_flows_draw_names_the_flows_when_one_is_unknown_and_explains_a_broken_file(
    tmp_path: Path,
) -> None:
    unknown = runner.invoke(app, ["flows", "draw", "nosuch"])
    assert unknown.exit_code == 2
    assert "no flow 'nosuch'" in unknown.output and "distress" in unknown.output
    assert "Traceback" not in unknown.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nsteps: [", encoding="utf-8")
    result = runner.invoke(app, ["flows", "draw", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:2:" in result.output and "YAML" in result.output


def _store_a_conversation_under(key: str) -> None:
    import asyncio

    from bot.store import crypto
    from bot.store.db import Database
    from bot.store.models import Conversation

    async def store() -> None:
        crypto.configure([key])
        db = Database(get_settings().database_url)
        try:
            async with db.session() as session, session.begin():
                session.add(
                    Conversation(
                        channel="whatsapp", business_id="1", contact_hash="h", contact_ref="447700"
                    )
                )
        finally:
            await db.dispose()
            crypto.configure([crypto.DEMO_DATA_KEY])  # what other tests expect

    asyncio.run(store())


def test_serve_refuses_a_data_key_that_cannot_read_what_is_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.store.crypto import new_key

    started: list[object] = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: started.append(a))
    old, new = new_key(), new_key()
    for name, value in [
        ("APP_SECRET", "s3cret-from-meta"),
        ("VERIFY_TOKEN", "a-real-token"),
        ("SESSION_SECRET", "a-long-random-session-secret"),
        ("DATA_KEY", old),
    ]:
        monkeypatch.setenv(f"SAUTI_{name}", value)
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    _store_a_conversation_under(old)

    monkeypatch.setenv("SAUTI_DATA_KEY", new)  # replaced instead of rotated
    get_settings.cache_clear()
    replaced = runner.invoke(app, ["serve"])
    monkeypatch.setenv("SAUTI_DATA_KEY", f"{new},{old}")  # rotated: both listed
    get_settings.cache_clear()
    rotated = runner.invoke(app, ["serve"])

    assert replaced.exit_code == 1
    assert "SAUTI_DATA_KEY cannot decrypt" in replaced.output
    assert "cli.db" in replaced.output.replace("\n", "")  # which database it means
    assert "sauti keys rotate" in replaced.output
    assert rotated.exit_code == 0
    assert len(started) == 1


def test_a_database_url_is_shown_with_its_password_masked() -> None:
    from bot.cli import _shown_url

    shown = _shown_url("postgresql+asyncpg://sauti:hunter2@db.example:5432/sauti")
    assert "hunter2" not in shown and "db.example:5432/sauti" in shown


def test_a_country_code_iso_does_not_know_is_refused_with_the_valid_ones() -> None:
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    result = runner.invoke(app, ["teams", "add", "libya", "--countries", "LY,XX"])
    assert result.exit_code == 1
    assert "not ISO country codes: XX" in result.output
    assert "Valid codes: AD, AE," in result.output and " LY," in result.output


def test_serve_warns_of_each_channel_without_a_token_and_still_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[object] = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **kw: started.append(a))
    _secrets(monkeypatch)
    monkeypatch.delenv("SAUTI_WHATSAPP_TOKEN", raising=False)
    monkeypatch.setenv("SAUTI_MESSENGER_TOKEN", "EAAP-page-token")
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    get_settings.cache_clear()
    one_missing = runner.invoke(app, ["serve"])
    monkeypatch.setenv("SAUTI_WHATSAPP_TOKEN", "EAAG-system-user-token")
    get_settings.cache_clear()
    none_missing = runner.invoke(app, ["serve"])

    assert one_missing.exit_code == 0 and len(started) == 2
    assert "warning: SAUTI_WHATSAPP_TOKEN is not set" in one_missing.output
    assert "on WhatsApp" in one_missing.output
    assert "SAUTI_MESSENGER_TOKEN" not in one_missing.output
    assert "warning" not in none_missing.output


def test_missing_channel_tokens_names_each_channel_and_its_variable() -> None:
    from bot.config import Settings, missing_channel_tokens

    bare = Settings(_env_file=None, whatsapp_token="", messenger_token="changethis")  # type: ignore[call-arg]
    assert missing_channel_tokens(bare) == [
        ("WhatsApp", "SAUTI_WHATSAPP_TOKEN"),
        ("Messenger and Instagram", "SAUTI_MESSENGER_TOKEN"),
    ]


def test_understand_prints_what_would_be_recorded_and_why() -> None:
    result = runner.invoke(
        app, ["understand", "the madam keeps it", "--lang", "en", "--step", "passport"]
    )
    assert result.exit_code == 0, result.output
    assert "held_by_employer (score 1.00, sure; inside: 'madam')" in result.output
    assert "would: record passport = 'held_by_employer'" in result.output
