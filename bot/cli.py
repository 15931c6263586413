"""The `sauti` command line (typer).

Commands import what they use when they run, so that `sauti --help` and the quick commands
do not load the app, the engine or a database driver.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from bot.cli_numbers import numbers_app
from bot.cli_pipeline import status, webhooks_app
from bot.cli_users import users_app
from bot.config import Settings, get_settings, missing_channel_tokens

app = typer.Typer(help="Sauti: a distress line on WhatsApp, Messenger and Instagram.")
flows_app = typer.Typer(help="Check, test and draw conversation flows.")
locales_app = typer.Typer(help="Message catalogs.")
teams_app = typer.Typer(help="Teams and the countries they cover.")
db_app = typer.Typer(help="Database.")
keys_app = typer.Typer(help="Encryption keys.")
app.add_typer(flows_app, name="flows")
app.add_typer(locales_app, name="locales")
app.add_typer(users_app, name="users")
app.add_typer(teams_app, name="teams")
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(webhooks_app, name="webhooks")
app.add_typer(numbers_app, name="numbers")
app.command()(status)


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


def _shown_url(database_url: str) -> str:
    """The database URL to show a person: its password masked."""
    from sqlalchemy import make_url

    return make_url(database_url).render_as_string(hide_password=True)


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
    """Start everything on a throwaway SQLite database (./sauti-demo.db, started afresh each
    run) with a demo team and caseworker. No Meta account needed; `.env` is not used for the
    database or any secret."""
    from bot.demo import DemoRefused, demo_file, demo_settings, prepare_demo

    settings = demo_settings(get_settings(), Path.cwd(), host, port)
    _logging(settings)
    try:
        info = _run(prepare_demo(settings))
    except DemoRefused as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    base = settings.public_url
    banner = [
        f"  Caseworker inbox:  {base}/inbox   user: {info.user}   password: {info.password}",
        f"  Phone simulator:   {base}/simulator",
        f"  Webhook:           {base}/webhooks/meta   (demo app secret: {settings.app_secret})",
        f"  API token:         {info.token}",
        f"  Database:          {demo_file(settings)}   (the demo's own, new each run)",
        f'  Sample data:       {info.sample_cases} invented cases and a group, named "Demo: …"',
    ]
    if seed_only:
        for line in ["Sauti demo database is prepared.", *banner]:
            _echo(line)
        return
    import uvicorn

    from bot.app import create_app
    from bot.demo import announce_when_ready

    _echo("Starting the Sauti demo...")
    demo_app = create_app(settings)
    # "Ready" only once /readyz would say so (warmed up, database answering), not before.
    demo_app.state.startup_hooks.append(
        announce_when_ready(["Sauti demo is ready.", *banner], echo=_echo)
    )
    uvicorn.run(
        demo_app,
        host=host,
        port=port,
        log_level="warning",
        proxy_headers=False,  # see serve
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
            "error: SAUTI_DATA_KEY cannot decrypt the conversations already stored in "
            f"{_shown_url(settings.database_url)}. Is SAUTI_DATABASE_URL the database you "
            "meant? If you changed the key, list the new key first and the old one after it "
            "(comma-separated), then run `sauti keys rotate`."
        )
        raise typer.Exit(1)
    for channels, variable in missing_channel_tokens(settings):
        _echo(
            f"warning: {variable} is not set: people who write on {channels} are stored, "
            "but no reply reaches them until it is set (replies wait in the outbox)."
        )
    import uvicorn

    uvicorn.run(
        "bot.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # The app reads X-Forwarded-For itself, from SAUTI_TRUSTED_PROXIES only (uvicorn's
        # default would believe anything sent from 127.0.0.1).
        proxy_headers=False,
        log_level="info",
        timeout_graceful_shutdown=10,
    )


@app.command()
def chat(
    flow: Annotated[Path | None, typer.Argument(help="Flow file (default: distress).")] = None,
    lang: str | None = None,
) -> None:
    """Talk to a flow in the terminal, without a server."""
    from bot.flowtools.terminal_chat import chat as run_chat

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
    from bot.engine.understand import explain
    from bot.flowtools.scripts import real_context_factory

    settings = get_settings()
    compiled = FlowRegistry(settings.flows_dir).latest(flow)
    ctx = real_context_factory(settings.locales_dir)()
    for line in explain(compiled, ctx, lang, step, text):
        _echo(line)


# --- flows and locales ---------------------------------------------------------------------


@flows_app.command("check")
def flows_check(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Report every problem in flow files as file:line; exit 1 on errors."""
    from bot.flow_checks import check_all

    settings = get_settings()
    raise typer.Exit(check_all(settings.flows_dir, settings.locales_dir, paths, echo=_echo))


@flows_app.command("test")
def flows_test(paths: Annotated[list[Path] | None, typer.Argument()] = None) -> None:
    """Run conversation scripts (default: tests/conversations/*.yaml)."""
    from bot.flowtools.scripts import run_scripts

    settings = get_settings()
    targets = paths or sorted(Path("tests/conversations").glob("*.yaml"))
    raise typer.Exit(run_scripts(targets, settings.flows_dir, settings.locales_dir, echo=_echo))


@flows_app.command("draw")
def flows_draw(
    flow: Annotated[str, typer.Argument(help="Flow id or file.")] = "distress",
    format: Annotated[
        str, typer.Option("--format", "-f", help="mermaid (text), svg, png or html (a page).")
    ] = "mermaid",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """Draw a flow: Mermaid text by default; svg, png or html (a self-contained page) to see
    it without any tool (the same picture as the inbox's admin page)."""
    from bot.flowtools.draw import load
    from bot.flowtools.draw_svg import FORMATS, render

    if format not in FORMATS:
        _echo(f"error: unknown format {format}: use one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    from bot.engine.loader import YamlError
    from bot.engine.validate import FlowError
    from bot.flowtools.check import is_flow_file
    from bot.i18n.source_text import source_texts

    settings = get_settings()
    try:
        compiled = load(flow, settings.flows_dir)
    except FileNotFoundError:
        known = sorted(p.stem for p in Path(settings.flows_dir).glob("*.yaml") if is_flow_file(p))
        _echo(f"error: no flow {flow!r} in {settings.flows_dir}: use one of {', '.join(known)}"
              " or the path of a flow file")  # fmt: skip
        raise typer.Exit(2) from None
    except (FlowError, YamlError) as exc:
        _echo(str(exc))  # already "file:line: error: ..."
        raise typer.Exit(1) from None
    drawn = render(compiled, format, source_texts(settings.locales_dir))
    if output is not None:
        if isinstance(drawn, bytes):
            output.write_bytes(drawn)
        else:
            output.write_text(drawn, encoding="utf-8")
        typer.echo(
            f"wrote {output}" + (" (open it in a browser)" if format != "png" else ""), err=True
        )
        return
    if isinstance(drawn, bytes):
        if sys.stdout.isatty():
            _echo("error: a PNG is not for the terminal: add --output flow.png (or > flow.png)")
            raise typer.Exit(2)
        sys.stdout.buffer.write(drawn)
        sys.stdout.flush()
        return
    _echo(drawn.rstrip("\n"))
    # Hints go to stderr so that `sauti flows draw > flow.mmd` stays a clean diagram.
    hints = {
        "mermaid": "(Mermaid: paste it into https://mermaid.live, or inside ```mermaid in a"
        " Markdown file, to see the diagram; or use --format html)",
        "svg": "(SVG: save it with > flow.svg and open it in a browser)",
        "html": "(HTML: save it with > flow.html and open it in a browser)",
    }
    typer.echo(hints[format], err=True)


@locales_app.command("check")
def locales_check() -> None:
    """Every message id, placeable and plural form present in every locale; exit 1 otherwise."""
    from bot.i18n.check import run_check

    locales_dir = get_settings().locales_dir
    status = run_check(locales_dir, echo=_echo)
    if status == 0:
        tags = sorted(p.parent.name for p in locales_dir.glob("*/bot.ftl"))
        _echo(f"{len(tags)} locales complete: {', '.join(tags)}")
    raise typer.Exit(status)


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
    default: Annotated[
        bool,
        typer.Option(
            "--default",
            help="Cases from countries no team covers go here (the first team is the default "
            "until another is marked).",
        ),
    ] = False,
) -> None:
    """Create a team (or change its countries)."""
    from bot import team_admin
    from bot.accounts import AccountError

    try:
        team = _run(
            _with_session(lambda s: team_admin.save(s, name, countries.split(","), default=default))
        )
    except AccountError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    _echo(f"team {team.name}: {', '.join(team.countries) or 'no countries'}")
    if team.is_default:
        _echo(
            f"{team.name} is the default team: cases from countries no team covers go to it, "
            "and every caseworker sees them until someone routes them "
            "(`sauti teams add OTHER --default` to move it)"
        )


# --- database and keys ---------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database tables (Alembic)."""
    from bot.store.migrate import current_revision, head_revision, upgrade

    settings = get_settings()
    _sqlite_folder_exists(settings.database_url)
    with _database_errors():
        before = asyncio.run(current_revision(settings.database_url))
        upgrade(settings.database_url)
    head = head_revision()
    if before is None:
        _echo(f"created the tables in {_shown_url(settings.database_url)} (schema {head})")
    elif before == head:
        _echo(f"database is up to date (schema {head})")
    else:
        _echo(f"migrated the database from schema {before} to {head}")


@db_app.command("copy")
def db_copy(
    to: Annotated[str, typer.Option("--to", help="Target URL: an empty, migrated database.")],
) -> None:
    """Copy every table to another database (SQLite → PostgreSQL); ids and ciphertext kept."""
    from bot.store.copy import CopyError, copy_database

    source = get_settings().database_url
    target = Settings(_env_file=None, database_url=to).database_url  # type: ignore[call-arg]
    try:
        counts = _run(copy_database(source, target, progress=lambda t, n: _echo(f"{t}: {n}")))
    except CopyError as exc:
        _echo(f"error: {exc}")
        raise typer.Exit(1) from exc
    _echo(f"copied {sum(counts.values())} rows to {_shown_url(target)}")


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
        from bot.store.file_modes import write_private

        write_private(output, text)  # 0600: a referral record names a person in danger
        _echo(f"wrote {output}")
    else:
        _echo(text)


def main() -> None:  # pragma: no cover - entry point for `python -m bot.cli`
    app()
    sys.exit(0)
