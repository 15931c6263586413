"""`sauti status` and `sauti webhooks retry`: the pipeline's health, and replaying
set-aside webhooks (docs/operations.md).

Commands import what they use when they run, so that `sauti --help` and the quick commands
do not load the app, the engine or a database driver. `bot.cli`'s helpers too: it
imports this module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

if TYPE_CHECKING:
    from bot.store.db import Database

webhooks_app = typer.Typer(help="Stored webhooks.")
T = TypeVar("T")


def _with_db(fn: Callable[[Database], Awaitable[T]]) -> T:
    from bot.cli import _run
    from bot.config import get_settings
    from bot.store import crypto
    from bot.store.db import Database

    settings = get_settings()
    crypto.configure(settings.data_keys, settings.hash_key)

    async def run() -> T:
        db = Database(settings.database_url)
        try:
            return await fn(db)
        finally:
            await db.dispose()

    return _run(run())  # type: ignore[no-any-return]


def status() -> None:
    """The pipeline's health: oldest unread webhook and unsent reply, what waits, what was
    set aside."""
    from bot.config import get_settings, missing_channel_tokens
    from bot.health_report import describe, read

    for line in describe(_with_db(read)):
        typer.echo(line)
    for channels, variable in missing_channel_tokens(get_settings()):
        typer.echo(f"warning: no {variable}: replies on {channels} are not sent")


@webhooks_app.command("retry")
def retry(
    event: Annotated[int | None, typer.Argument(help="The id of a set-aside webhook.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every set-aside webhook.")] = False,
) -> None:
    """Put set-aside webhooks back in the queue, once what made them fail is fixed."""
    from bot.webhook_replay import exists
    from bot.webhook_replay import retry as run_retry

    if (event is None) == (not all_):
        typer.echo("error: give one webhook id, or --all")
        raise typer.Exit(1)
    if event is not None:
        # Ids are INTEGER columns: a larger number is no webhook (not a database error).
        state = _with_db(lambda db: exists(db, event)) if 0 < event < 2**31 else None
        if state is None:
            typer.echo(f"error: no webhook {event}")
            raise typer.Exit(1)
        if state != "failed":
            typer.echo(f"error: webhook {event} is not set aside (it is {state})")
            raise typer.Exit(1)
    count = _with_db(lambda db: run_retry(db, event))
    typer.echo(f"{count} webhook{'s' if count != 1 else ''} put back in the queue")
