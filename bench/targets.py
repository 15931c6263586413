"""The systems under test and how to start each one: the bare endpoint, the pywa bot, and
Sauti (`uvicorn bot.app:create_app --factory --workers N`, as `sauti serve` runs it) on SQLite
or PostgreSQL."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from bench.payloads import APP_SECRET, VERIFY_TOKEN
from bench.procs import ROOT, Server, free_port, uvicorn_argv

GRAPH_VERSION = "v25.0"


@dataclass
class Target:
    name: str
    kind: str  # bare | pywa | sauti
    backend: str = ""  # sqlite | postgres (Sauti only)
    workers: int = 1
    env: dict[str, str] = field(default_factory=dict)

    @property
    def replies(self) -> bool:
        return self.kind != "bare"

    @property
    def ready_path(self) -> str:
        # Sauti is ready once warmed up (what a load balancer would wait for).
        return "/readyz" if self.kind == "sauti" else "/healthz"


def sauti_env(database_url: str, graph_url: str, data_key: str) -> dict[str, str]:
    return {
        "SAUTI_DATABASE_URL": database_url,
        "SAUTI_APP_SECRET": APP_SECRET,
        "SAUTI_VERIFY_TOKEN": VERIFY_TOKEN,
        "SAUTI_DATA_KEY": data_key,
        "SAUTI_SESSION_SECRET": "bench-session-secret",
        "SAUTI_WHATSAPP_TOKEN": "bench-token",
        "SAUTI_GRAPH_URL": graph_url,
        "SAUTI_GRAPH_VERSION": GRAPH_VERSION,
        "SAUTI_FLOWS_DIR": str(ROOT / "flows"),
        "SAUTI_LOCALES_DIR": str(ROOT / "locales"),
        # A number Meta has upgraded to its top tier; the default tier (80/s) would be the
        # bottleneck of any bot, and is Meta's limit, not ours.
        "SAUTI_BUSINESS_RATE": "1000",
        # Up to 64 Graph requests in flight per process (the default 16 suits Meta's default
        # 80 messages/s tier; pywa's client allows 100 connections).
        "SAUTI_SEND_CONCURRENCY": "64",
        "SAUTI_LOG_LEVEL": "WARNING",
    }


def server_for(target: Target, graph_url: str, logs: Path) -> Server:
    port = free_port()
    app = {
        "bare": "bench.bare_app:create_app",
        "pywa": "bench.pywa_app:create_app",
        "sauti": "bot.app:create_app",
    }[target.kind]
    env = {"BENCH_GRAPH_URL": graph_url, **target.env}
    return Server(
        name=target.name,
        argv=uvicorn_argv(app, port, target.workers),
        port=port,
        env=env,
        log=logs / f"{target.name}.log",
    )


def prepare_database(url: str) -> None:
    """Create the tables of the current models in a new database and mark it migrated (the
    same schema `sauti db upgrade` gives when the migrations are up to date)."""
    from alembic import command

    from bot.store.db import create_all, make_engine
    from bot.store.migrate import alembic_config

    async def create() -> None:
        engine = make_engine(url)
        try:
            await create_all(engine)
        finally:
            await engine.dispose()

    asyncio.run(create())
    command.stamp(alembic_config(url), "head")
