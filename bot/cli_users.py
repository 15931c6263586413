"""`sauti users ...`: caseworker accounts. The logic is in bot/user_admin.py.

Commands import what they use when they run, so that `sauti --help` and the quick commands
do not load the app, the engine or a database driver. `bot.cli`'s helpers too: it
imports this module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import typer
from sqlmodel.ext.asyncio.session import AsyncSession

users_app = typer.Typer(help="Caseworker accounts: add them, and take access away.")


def _do(fn: Callable[[AsyncSession], Awaitable[Any]]) -> Any:
    """Run `fn` in one transaction; an AccountError is one line and exit 1."""
    from bot.accounts import AccountError
    from bot.cli import _run, _with_session

    try:
        return _run(_with_session(fn))
    except AccountError as exc:
        typer.echo(f"error: {exc}")
        raise typer.Exit(1) from exc


def _names(values: list[str]) -> list[str]:
    return [n.strip() for value in values for n in value.split(",") if n.strip()]


@users_app.command("add")
def add(
    name: str,
    team: Annotated[list[str], typer.Option(help="Team name (repeat, or comma-separate).")],
    role: Annotated[str, typer.Option(help="caseworker or admin")] = "caseworker",
) -> None:
    """Create a caseworker; prints the password and an API token (the token on the last line).
    An existing name is refused."""
    from bot import user_admin

    new = _do(lambda s: user_admin.add(s, name, _names(team), role=role))
    typer.echo(f"user {new.user.name} ({new.user.role}) in {', '.join(_names(team)) or 'no team'}")
    typer.echo(f"password: {new.password}")
    typer.echo(new.token)


def disable(name: str) -> None:
    """Take every access away at once: her sessions, her API tokens, her password sign-in."""
    from bot import user_admin

    ended = _do(lambda s: user_admin.disable(s, name))
    typer.echo(
        f"disabled {name}: ended {ended.sessions} session(s), revoked {ended.tokens} token(s); "
        "she can no longer sign in (`sauti users enable` to undo)"
    )


users_app.command("disable")(disable)
users_app.command("revoke", help="Same as `users disable`.")(disable)


@users_app.command("enable")
def enable(name: str) -> None:
    """Let a disabled caseworker sign in again with her password (tokens stay revoked)."""
    from bot import user_admin

    _do(lambda s: user_admin.enable(s, name))
    typer.echo(f"enabled {name}: she can sign in; `sauti users token {name}` for an API token")


@users_app.command("reset-password")
def reset_password(name: str) -> None:
    """A new password (printed); every session and API token of hers ends."""
    from bot import user_admin

    password, ended = _do(lambda s: user_admin.reset_password(s, name))
    typer.echo(
        f"new password for {name}; ended {ended.sessions} session(s), "
        f"revoked {ended.tokens} token(s)"
    )
    typer.echo(f"password: {password}")


@users_app.command("teams")
def teams(
    name: str,
    set_: Annotated[
        str, typer.Option("--set", help="Her teams from now on, e.g. libya,tunisia (replaces).")
    ],
) -> None:
    """Replace a caseworker's teams: she sees only these teams' cases from her next request."""
    from bot import user_admin

    after = _do(lambda s: user_admin.replace_teams(s, name, _names([set_])))
    typer.echo(f"{name} is now in: {', '.join(after) or 'no team'}")


@users_app.command("token")
def token(
    name: str,
    revoke_all: Annotated[bool, typer.Option(help="Revoke her other tokens first.")] = False,
) -> None:
    """A new API token (alone on the last line)."""
    from bot import user_admin

    new, revoked = _do(lambda s: user_admin.new_token(s, name, revoke_all=revoke_all))
    if revoke_all:
        typer.echo(f"revoked {revoked} token(s) of {name}")
    typer.echo(new)


@users_app.command("list")
def list_users() -> None:
    """Every account: role, active, teams, open sessions and tokens (no secrets)."""
    from bot import user_admin

    rows = _do(user_admin.accounts)
    table = [("name", "role", "active", "teams", "sessions", "tokens")] + [
        (
            a.name,
            a.role,
            "yes" if a.active else "no",
            ",".join(a.teams) or "-",
            str(a.sessions),
            str(a.tokens),
        )
        for a in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        typer.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


@users_app.command("logout")
def logout(name: str) -> None:
    """End every inbox session of hers (she can sign in again)."""
    from bot import user_admin

    ended = _do(lambda s: user_admin.logout(s, name))
    typer.echo(f"ended {ended} session(s) of {name}")
