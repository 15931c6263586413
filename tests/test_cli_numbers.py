"""`sauti numbers check`: lists what the bot will not give; fails on an uncovered country."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.config import get_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def _database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("SAUTI_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    yield
    get_settings.cache_clear()


def _team(countries: str) -> None:
    assert runner.invoke(app, ["teams", "add", "t", "--countries", countries]).exit_code == 0


def _checked_file(tmp_path: Path, when: str) -> Path:
    path = tmp_path / "numbers.yaml"
    path.write_text(
        "countries:\n"
        "  MA:\n    numbers:\n"
        f"      - {{service: ambulance, number: '15', source: x, confidence: medium,"
        f" last_verified: {when}}}\n"
        f"      - {{service: police, number: '19', source: x, confidence: low,"
        f" last_verified: {when}}}\n"
        "  LY:\n    available: false\n    source: nothing found\n",
        encoding="utf-8",
    )
    return path


def test_the_shipped_file_fails_for_a_covered_country_and_lists_why() -> None:
    _team("LY,MA")
    result = runner.invoke(app, ["numbers", "check"])
    assert result.exit_code == 1
    assert "MA police 19: unverified" in result.output
    assert "SD general 999: unverified, low_confidence" in result.output
    assert "error: LY is covered by a team" in result.output
    assert "error: MA is covered by a team" in result.output


def test_every_covered_country_with_a_checked_number_passes(tmp_path: Path) -> None:
    today = datetime.now(UTC).date().isoformat()
    _team("MA")
    result = runner.invoke(app, ["numbers", "check", "--file", str(_checked_file(tmp_path, today))])
    assert result.exit_code == 0, result.output
    assert "MA police 19: low_confidence" in result.output
    assert "every covered country has a checked number: MA" in result.output


def test_a_stale_date_fails_and_the_age_is_a_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _team("MA")
    path = str(_checked_file(tmp_path, "2020-01-01"))
    result = runner.invoke(app, ["numbers", "check", "--file", path])
    assert result.exit_code == 1 and "MA ambulance 15: stale" in result.output
    monkeypatch.setenv("SAUTI_NUMBERS_MAX_AGE_MONTHS", "1200")
    get_settings.cache_clear()
    assert runner.invoke(app, ["numbers", "check", "--file", path]).exit_code == 0


def test_no_team_yet_is_not_a_failure() -> None:
    result = runner.invoke(app, ["numbers", "check"])
    assert result.exit_code == 0 and "no team covers a country yet" in result.output


def test_a_broken_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text("countries:\n  MA:\n    numbers: []\n", encoding="utf-8")
    result = runner.invoke(app, ["numbers", "check", "--file", str(path)])
    assert result.exit_code == 1
    assert "MA is available but lists no numbers" in result.output
    assert "Traceback" not in result.output
