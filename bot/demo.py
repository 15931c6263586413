"""`sauti demo`: migrate the SQLite database and seed a team and a caseworker to try it with."""

from __future__ import annotations

from dataclasses import dataclass

from bot.accounts import add_team, add_user
from bot.config import Settings
from bot.store import crypto
from bot.store.db import Database
from bot.store.migrate import upgrade_async

DEMO_TEAM = "demo"
DEMO_USER = "demo"
DEMO_COUNTRIES = ["LY", "TN", "MA", "DZ", "EG", "SD", "NE", "LB"]


@dataclass
class DemoInfo:
    user: str
    password: str
    token: str


async def prepare_demo(settings: Settings) -> DemoInfo:
    crypto.configure(settings.data_keys, settings.hash_key)
    await upgrade_async(settings.database_url)
    db = Database(settings.database_url)
    try:
        async with db.session() as session, session.begin():
            await add_team(session, DEMO_TEAM, DEMO_COUNTRIES, default=True)
            # A fresh password each run: it is printed, never stored in clear.
            new = await add_user(session, DEMO_USER, [DEMO_TEAM], role="admin")
        return DemoInfo(user=DEMO_USER, password=new.password, token=new.token)
    finally:
        await db.dispose()
