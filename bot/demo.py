"""`sauti demo`: a throwaway SQLite database and throwaway secrets, seeded with a team, an
admin, and sample cases, a group and patterns (bot.demo_data) to try it with.

The demo never touches a database it did not create, whatever `.env` or the environment say:
it always uses its own file (`./sauti-demo.db`), marks it as a demo database (SQLite's
`application_id` in the file header), and starts it afresh on every run. A file at that path
without the mark is left alone and the demo refuses to start. Its secrets (app secret,
verify token, data key, session secret) are generated on every run; none come from the
environment, and no channel token is used, so nothing can reach Meta. From the environment it
takes only what shapes the demo: the flows and catalogs folders, the organisation name, the
log level.
"""

from __future__ import annotations

import asyncio
import secrets
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from bot.accounts import add_team, add_user
from bot.config import Settings
from bot.demo_data import seed_demo_data
from bot.store import crypto
from bot.store.db import Database
from bot.store.file_modes import create_private
from bot.store.migrate import upgrade_async

if TYPE_CHECKING:
    from bot.runtime import Runtime

DEMO_FILE = "sauti-demo.db"
DEMO_TEAM = "demo"
DEMO_USER = "demo"
DEMO_COUNTRIES = ["LY", "TN", "MA", "DZ", "EG", "SD", "NE", "LB"]
# SQLite's header field for "which application owns this file": "SAUT" in ASCII.
APPLICATION_ID = 0x53415554
# The only settings the demo takes from the environment or `.env`.
FROM_ENV = ("flows_dir", "locales_dir", "org_name", "log_level")
# Files SQLite and our writers' lock keep beside the database.
_SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")


class DemoRefused(RuntimeError):
    """The demo database path holds something the demo did not create."""


@dataclass
class DemoInfo:
    user: str
    password: str
    token: str
    sample_cases: int = 0


class _InitOnly(Settings):
    """Settings from the given values alone: no environment, no `.env`."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        *_others: Any,
        **_named: Any,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)


def demo_settings(env: Settings, folder: Path, host: str, port: int) -> Settings:
    """The demo's settings: its own database in `folder`, fresh secrets, and from `env` only
    the fields in FROM_ENV."""
    path = (folder / DEMO_FILE).resolve()
    kept = {name: getattr(env, name) for name in FROM_ENV}
    return _InitOnly(
        **kept,
        database_url=f"sqlite+aiosqlite:///{path}",
        demo=True,
        simulator=True,
        app_secret=secrets.token_urlsafe(24),
        verify_token=secrets.token_urlsafe(24),
        data_key=crypto.new_key(),
        session_secret=secrets.token_urlsafe(32),
        public_url=f"http://{host}:{port}",
    )


def demo_file(settings: Settings) -> Path:
    return Path(settings.database_url.split("///", 1)[1])


def is_demo_database(path: Path) -> bool:
    """True when `path` is a SQLite file the demo created (its header carries our mark)."""
    with path.open("rb") as f:
        header = f.read(100)
    if not header.startswith(b"SQLite format 3\x00") or len(header) < 72:
        return False
    return int.from_bytes(header[68:72], "big") == APPLICATION_ID


def clear_demo_database(path: Path) -> None:
    """Delete the previous demo database, or refuse when the file is not the demo's own."""
    if path.exists():
        if not path.is_file() or not is_demo_database(path):
            raise DemoRefused(
                f"{path} exists and was not created by `sauti demo` (it may hold real data); "
                f"the demo will not touch it. Move it away or run the demo in another folder."
            )
        path.unlink()
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _mark(path: Path) -> None:
    create_private(path)
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.commit()
    finally:
        conn.close()


async def prepare_demo(settings: Settings) -> DemoInfo:
    """A fresh, marked demo database at `settings.database_url` with a team, an admin and
    the sample cases.
    Raises DemoRefused when that file exists and is not a demo database."""
    path = demo_file(settings)
    clear_demo_database(path)
    _mark(path)  # before anything else writes to it: a half-prepared file is still ours
    crypto.configure(settings.data_keys, settings.hash_key)
    await upgrade_async(settings.database_url)
    db = Database(settings.database_url)
    try:
        async with db.session() as session, session.begin():
            await add_team(session, DEMO_TEAM, DEMO_COUNTRIES, default=True)
            # A fresh password each run: it is printed, never stored in clear.
            new = await add_user(session, DEMO_USER, [DEMO_TEAM], role="admin")
            sample = await seed_demo_data(session, DEMO_TEAM, DEMO_USER)
        return DemoInfo(
            user=DEMO_USER,
            password=new.password,
            token=new.token,
            sample_cases=len(sample.cases),
        )
    finally:
        await db.dispose()


def announce_when_ready(
    lines: list[str], *, echo: Callable[[str], object]
) -> Callable[[Runtime], Awaitable[None]]:
    """A start-up hook that prints `lines` once the process has warmed up, as `/readyz`
    decides it: a newcomer who opens the inbox at "ready" finds it answering at once."""

    async def hook(runtime: Runtime) -> None:
        async def wait_then_print() -> None:
            while (warming := runtime.warming) is None or not warming.done():
                await asyncio.sleep(0.1)
            for line in lines:
                echo(line)

        runtime.tasks.append(asyncio.create_task(wait_then_print()))

    return hook
