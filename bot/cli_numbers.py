"""`sauti numbers check`: which emergency numbers the bot may give, before deploying.

Lists every number that is unverified, stale (checked more than SAUTI_NUMBERS_MAX_AGE_MONTHS
ago) or low confidence, and exits 1 when a country a team covers has no number the bot may
give (people there would only hear "we have no checked number"). The logic is
`bot.geo.numbers_policy.numbers_report`; the inbox shows the same to admins
(/inbox/admin/numbers).

Commands import what they use when they run, so that `sauti --help` and the quick commands
do not load the app, the engine or a database driver. `bot.cli`'s helpers too: it
imports this module.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

numbers_app = typer.Typer(help="Emergency numbers: which ones the bot may give.")


@numbers_app.command("check")
def numbers_check(
    file: Annotated[
        Path | None, typer.Option(help="Default: emergency_numbers.yaml in SAUTI_FLOWS_DIR.")
    ] = None,
) -> None:
    """List unusable numbers; fail if a covered country has none the bot may give."""
    from bot.accounts import covered_countries
    from bot.cli import _echo, _run, _with_session
    from bot.config import get_settings
    from bot.geo.emergency import EmergencyBook, EmergencyFileError
    from bot.geo.numbers_policy import numbers_report

    settings = get_settings()
    path = file or settings.flows_dir / "emergency_numbers.yaml"
    try:
        book = EmergencyBook.load(path)
    except EmergencyFileError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc

    countries = _run(_with_session(covered_countries))
    today = datetime.now(UTC).date()
    months = settings.numbers_max_age_months
    report = numbers_report(book, today, months, countries)
    for entry in report.entries:
        _echo(f"{entry.country_code} {entry.service} {entry.number}: {', '.join(entry.problems)}")
    _echo(
        f"{len(report.entries)} numbers the bot will not give "
        f"(unverified, checked more than {months} months ago, or low confidence)"
    )
    if not countries:
        _echo("no team covers a country yet (sauti teams add NAME --countries LY,TN)")
    for cc in report.uncovered:
        _echo(f"error: {cc} is covered by a team but has no number the bot may give")
    if report.uncovered:
        _echo("People there will hear that we have no checked number (and SAUTI_HOTLINE, if set).")
        raise typer.Exit(1)
    if countries:
        _echo(f"every covered country has a checked number: {', '.join(countries)}")
