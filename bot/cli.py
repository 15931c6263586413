"""The `sauti` command line (typer)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from bot.config import Settings, get_settings

app = typer.Typer(help="Sauti: a distress line on WhatsApp, Messenger and Instagram.")
flows_app = typer.Typer(help="Check, test and draw conversation flows.")
locales_app = typer.Typer(help="Message catalogs.")
users_app = typer.Typer(help="Caseworker accounts.")
teams_app = typer.Typer(help="Teams and the countries they cover.")
db_app = typer.Typer(help="Database.")
keys_app = typer.Typer(help="Encryption keys.")
app.add_typer(flows_app, name="flows")
app.add_typer(locales_app, name="locales")
app.add_typer(users_app, name="users")
app.add_typer(teams_app, name="teams")
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")


def _echo(line: str = "") -> None:
    typer.echo(line)


def _logging(settings: Settings) -> None:
    from bot.logs import setup_logging

    setup_logging(settings.log_level)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def _run(coro):  # type: ignore[no-untyped-def]
    with _database_errors():
        return asyncio.run(coro)


def _sqlite_folder_exists(database_url: str) -> None:
    """SQLite creates its file but not the folders above it: say so before connecting."""
    from bot.store.db import sqlite_file

    path = sqlite_file(database_url)
    if path is not None:
        folder = Path(path).parent
        if not folder.is_dir():
            _echo(f"error: cannot use the database: the folder {folder} does not exist")
            _echo("Check SAUTI_DATABASE_URL, or create the folder.")
            raise typer.Exit(1)


@contextlib.contextmanager
def _database_errors() -> Iterator[None]:
    """A database that is down, missing or refusing us is one clear line, not a traceback."""
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    try:
        yield
    except (OSError, DBAPIError, PoolTimeout) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        _echo(f"error: cannot use the database: {reason}")
        _echo("Check SAUTI_DATABASE_URL and that the database server is running.")
        raise typer.Exit(1) from exc


# --- running -----------------------------------------------------------------------------


@app.command()
def demo(
    host: str = "127.0.0.1",
    port: int = 8000,
    seed_only: Annotated[bool, typer.Option(help="Prepare the database and exit.")] = False,
) -> None:
    """Start everything on SQLite with a demo team and caseworker (no Meta account needed)."""
    from bot.demo import prepare_demo

    settings = get_settings().as_demo()
    settings = settings.model_copy(update={"public_url": f"http://{host}:{port}"})
    _logging(settings)
    info = _run(prepare_demo(settings))
    base = f"http://{host}:{port}"
    _echo("Sauti demo is ready.")
    _echo(f"  Caseworker inbox:  {base}/inbox   user: {info.user}   password: {info.password}")
    _echo(f"  Phone simulator:   {base}/simulator")
    _echo(f"  Webhook:           {base}/webhooks/meta   (app secret: {settings.app_secret})")
    _echo(f"  API token:         {info.token}")
    _echo(f"  Database:          {settings.database_url}")
    if seed_only:
        return
    import uvicorn

    from bot.app import create_app

    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )


@app.command()
def serve(
    host: str = "0.0.0.0",  # noqa: S104 - a server listens on all interfaces in a container
    port: int = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Run the production server. Refuses to start with missing or placeholder secrets."""
    settings = get_settings()
    _logging(settings)
    missing = settings.missing_secrets()
    if missing:
        for name in missing:
            _echo(f"error: {name} is not set (or is a placeholder); set it and start again.")
        raise typer.Exit(1)
    from bot.store.migrate import current_revision, head_revision

    _sqlite_folder_exists(settings.database_url)
    if _run(current_revision(settings.database_url)) != head_revision():
        _echo("error: the database is not up to date; run `sauti db upgrade` first.")
        raise typer.Exit(1)
    from bot.keys import keys_read_stored_data
    from bot.store.crypto import Keyring

    keys = Keyring(settings.data_keys, settings.hash_key)
    if not _run(keys_read_stored_data(settings.database_url, keys)):
        _echo(
            "error: SAUTI_DATA_KEY cannot decrypt the conversations already stored. If you "
            "changed the key, list the new key first and the old one after it (comma-"
            "separated), then run `sauti keys rotate`."
        )
        raise typer.Exit(1)
    import uvicorn

    uvicorn.run(
        "bot.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level="info",
        timeout_graceful_shutdown=10,
    )


@app.command()
def chat(
    flow: Annotated[Path | None, typer.Argument(help="Flow file (default: distress).")] = None,
    lang: str | None = None,
) -> None:
    """Talk to a flow in the terminal, without a server."""
    from bot.engine.terminal_chat import chat as run_chat

    settings = get_settings()
    run_chat(flow or settings.flows_dir / "distress.yaml", settings.locales_dir, lang=lang)


@app.command()
def understand(
    text: Annotated[str, typer.Argument(help="What a person typed.")],
    lang: Annotated[str, typer.Option(help="The conversation's language.")] = "en",
    step: Annotated[str, typer.Option(help="The question it answers.")] = "safety",
    flow: Annotated[str, typer.Option(help="Flow id.")] = "distress",
) -> None:
    """What the bot would record for TEXT at a question, and why (words, score)."""
    from bot.engine.registry import FlowRegistry
    from bot.engine.scripts import real_context_factory
    from bot.engine.understand import explain

    settings = get_settings()
    compiled = FlowRegistry(settings.flows_dir).latest(flow)
    ctx = real_context_factory(settings.locales_dir)()
    for line in explain(compiled, ctx, lang, step, text):
        _echo(line)


# --- flows and locales ---------------------------------------------------------------------


@flows_app.command("check")
def flows_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Report every problem in flow files as file:line; exit 1 on errors."""
    from bot.engine.check import run_check
    from bot.geo import check_emergency_file, check_places_file

    settings = get_settings()
    targets = paths or sorted(settings.flows_dir.rglob("*.yaml"))
    status = run_check(targets, settings.locales_dir, echo=_echo)
    # The place aliases and emergency numbers live beside the flows: check them too.
    for check, name in (
        (check_places_file, "places.yaml"),
        (check_emergency_file, "emergency_numbers.yaml"),
    ):
        path = settings.flows_dir / name
        if path.is_file() and (paths is None or path in paths):
            problems = check(path)
            for line in problems:
                _echo(line)
            status = status or (1 if problems else 0)
    raise typer.Exit(status)


@flows_app.command("test")
def flows_test(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Run conversation scripts (default: tests/conversations/*.yaml)."""
    from bot.engine.scripts import run_scripts

    settings = get_settings()
    targets = paths or sorted(Path("tests/conversations").glob("*.yaml"))
    raise typer.Exit(run_scripts(targets, settings.flows_dir, settings.locales_dir, echo=_echo))


@flows_app.command("draw")
def flows_draw(flow: Annotated[str, typer.Argument(help="Flow id or file.")] = "distress") -> None:
    """Print a flow as a Mermaid diagram."""
    from bot.engine.draw import draw

    _echo(draw(flow, get_settings().flows_dir))


@locales_app.command("check")
def locales_check() -> None:
    """Every message id, placeable and plural form present in every locale; exit 1 otherwise."""
    from bot.i18n.check import run_check

    raise typer.Exit(run_check(get_settings().locales_dir, echo=_echo))


# --- accounts ------------------------------------------------------------------------------


async def _with_session(fn):  # type: ignore[no-untyped-def]
    from bot.store import crypto
    from bot.store.db import Database

    settings = get_settings()
    crypto.configure(settings.data_keys, settings.hash_key)
    db = Database(settings.database_url)
    try:
        async with db.session() as session, session.begin():
            return await fn(session)
    finally:
        await db.dispose()


@teams_app.command("add")
def teams_add(
    name: str,
    countries: Annotated[str, typer.Option(help="ISO codes, e.g. LY,TN")] = "",
    default: Annotated[bool, typer.Option(help="Cases from other countries go here.")] = False,
) -> None:
    """Create a team (or change its countries)."""
    from bot.accounts import AccountError, add_team

    try:
        team = _run(
            _with_session(lambda s: add_team(s, name, countries.split(","), default=default))
        )
    except AccountError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    _echo(f"team {team.name}: {', '.join(team.countries) or 'no countries'}")


@users_app.command("add")
def users_add(
    name: str,
    team: Annotated[list[str], typer.Option(help="Team name (repeat for several).")],
    role: Annotated[str, typer.Option(help="caseworker or admin")] = "caseworker",
) -> None:
    """Create a caseworker; prints the password and an API token (the token on the last line)."""
    from bot.accounts import AccountError, add_user

    try:
        new = _run(_with_session(lambda s: add_user(s, name, team, role=role)))
    except AccountError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    _echo(f"user {new.user.name} ({new.user.role}) in {', '.join(team)}")
    _echo(f"password: {new.password}")
    _echo(new.token)


@users_app.command("revoke")
def users_revoke(name: str) -> None:
    """Revoke every API token of a user."""
    from bot.accounts import AccountError, revoke_tokens

    try:
        count = _run(_with_session(lambda s: revoke_tokens(s, name)))
    except AccountError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    _echo(f"revoked {count} token(s) of {name}")


# --- database and keys ---------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database tables (Alembic)."""
    from bot.store.migrate import upgrade

    settings = get_settings()
    _sqlite_folder_exists(settings.database_url)
    with _database_errors():
        upgrade(settings.database_url)
    _echo("database is up to date")


@db_app.command("copy")
def db_copy(
    to: Annotated[str, typer.Option("--to", help="Target URL: an empty, migrated database.")],
) -> None:
    """Copy every table to another database (SQLite → PostgreSQL); ids and ciphertext kept."""
    from sqlalchemy import make_url

    from bot.store.copy import CopyError, copy_database

    source = get_settings().database_url
    target = Settings(_env_file=None, database_url=to).database_url  # type: ignore[call-arg]
    try:
        counts = _run(copy_database(source, target, progress=lambda t, n: _echo(f"{t}: {n}")))
    except CopyError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    shown = make_url(target).render_as_string(hide_password=True)
    _echo(f"copied {sum(counts.values())} rows to {shown}")


@keys_app.command("new")
def keys_new() -> None:
    """Print a new data key for SAUTI_DATA_KEY."""
    from bot.store.crypto import new_key

    _echo(new_key())


@keys_app.command("rotate")
def keys_rotate(
    batch: Annotated[int, typer.Option(help="Rows per transaction.")] = 500,
    drop_old: Annotated[
        bool,
        typer.Option(
            help="Also recompute lookup hashes for the newest key alone (stop the service "
            "first; afterwards set SAUTI_DATA_KEY to the newest key only)."
        ),
    ] = False,
) -> None:
    """Re-encrypt all stored data with the newest key of SAUTI_DATA_KEY (the first one)."""
    from bot.keys import RotationReport, rehash_contacts, rehash_messages, rotate_keys
    from bot.store import crypto
    from bot.store.db import Database

    settings = get_settings()
    keys = crypto.configure(settings.data_keys, settings.hash_key)

    async def run() -> tuple[RotationReport, int]:
        db = Database(settings.database_url)
        try:
            report = await rotate_keys(db, keys, batch=batch)
            rehashed = 0
            if drop_old:
                after = crypto.Keyring(settings.data_keys[:1], settings.hash_key)
                rehashed = await rehash_contacts(db, keys, after, batch=batch)
                rehashed += await rehash_messages(db, keys, after, batch=batch)
            return report, rehashed
        finally:
            await db.dispose()

    report, rehashed = _run(run())
    _echo(
        f"re-encrypted {report.rotated} value(s); {report.current} already current; "
        f"{report.unreadable} unreadable with these keys"
    )
    if drop_old:
        _echo(f"recomputed {rehashed} lookup hash(es): set SAUTI_DATA_KEY to the newest key only")
    elif len(settings.data_keys) > 1 and not settings.hash_key:
        _echo(
            "note: lookup hashes derive from the oldest key; before dropping it, run "
            "`sauti keys rotate --drop-old` with the service stopped, or set SAUTI_HASH_KEY "
            "when you first deploy"
        )


# --- privacy: retention and export ----------------------------------------------------------


@app.command()
def purge() -> None:
    """Delete what is past its retention period (also runs daily inside `serve`)."""
    from bot.retention import purge as run_purge
    from bot.store import crypto
    from bot.store.db import Database

    settings = get_settings()
    crypto.configure(settings.data_keys, settings.hash_key)

    async def run():  # type: ignore[no-untyped-def]
        db = Database(settings.database_url)
        try:
            return await run_purge(db, settings)
        finally:
            await db.dispose()

    _echo(f"purged: {_run(run()).summary()}")


@app.command("export")
def export_case(
    case: str,
    output: Annotated[Path | None, typer.Option(help="Write to this file.")] = None,
) -> None:
    """Print a case as a caseworker-readable record for a referral (recorded in the audit log)."""
    from bot.export import export_case as render
    from bot.i18n.catalog import Catalogs

    catalogs = Catalogs(get_settings().locales_dir)
    text = _run(_with_session(lambda s: render(s, case, catalogs=catalogs)))
    if text is None:
        _echo(f"error: no case {case}")
        raise typer.Exit(1)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        _echo(f"wrote {output}")
    else:
        _echo(text)


def main() -> None:  # pragma: no cover - entry point for `python -m bot.cli`
    app()
    sys.exit(0)
