"""`docker compose up --scale app=3`, as README and docs/scaling.md tell an operator to run it:
three containers built from our Dockerfile, started together on one empty PostgreSQL, each
migrating it as it starts. A crowd writes in through all three (Meta sending again to another
replica whatever was not acknowledged); every message is stored once and answered once, in
order within its conversation.

Needs a Docker engine that can build the image, so it runs only when asked:
`SAUTI_TEST_DOCKER=1 uv run pytest tests/faults/test_compose.py`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.payloads import APP_SECRET, VERIFY_TOKEN
from bench.procs import ROOT
from tests.fakes.graph_server import FakeGraph
from tests.faults.harness import (
    DATA_KEY,
    Meta,
    assert_answered_once,
    conversation_messages,
    deliver_and_settle,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("SAUTI_TEST_DOCKER"),
        reason="builds and runs containers: set SAUTI_TEST_DOCKER=1 (needs a Docker engine)",
    ),
]

REPLICAS = 3
# What the image is built from (see the Dockerfile's COPY lines), and the compose file itself.
SHIPPED = ["Dockerfile", ".dockerignore", "docker-compose.yml", "pyproject.toml", "uv.lock",
           "README.md", "bot", "flows", "locales"]  # fmt: skip

# Only what a test needs on top of the shipped file: reach the database and the Graph API
# stand-in from this host.
OVERRIDE = """\
services:
  db:
    ports: ["127.0.0.1::5432"]
  app:
    extra_hosts: ["host.docker.internal:host-gateway"]
"""


def _compose_command() -> list[str]:
    for command in (["docker", "compose"], ["docker-compose"]):
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            subprocess.run([*command, "version"], check=True, capture_output=True)
            return command
    pytest.fail("SAUTI_TEST_DOCKER is set but neither `docker compose` nor `docker-compose` runs")


class Project:
    """One compose project in a folder of its own, torn down (volumes too) at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.name = f"sautitest{secrets.token_hex(3)}"
        self.base = [*_compose_command(), "-p", self.name,
                     "-f", "docker-compose.yml", "-f", "compose.test.yml"]  # fmt: skip

    def run(self, *args: str, timeout: float = 60) -> str:
        done = subprocess.run(
            [*self.base, *args], cwd=self.folder, capture_output=True, text=True, timeout=timeout
        )
        assert done.returncode == 0, f"compose {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def port(self, service: str, port: int, index: int = 1) -> int:
        address = self.run("port", "--index", str(index), service, str(port)).strip()
        return int(address.rsplit(":", 1)[1])

    def containers(self, service: str) -> list[dict]:
        """`docker inspect` of the service's containers, stopped ones included."""
        ids = self.run("ps", "-q", service).split()
        inspected = subprocess.run(
            ["docker", "inspect", *ids], capture_output=True, text=True, check=True
        )
        return json.loads(inspected.stdout)


@pytest.fixture
def project(tmp_path: Path, fake_graph_for_containers: FakeGraph) -> Iterator[Project]:
    folder = tmp_path / "sauti"
    folder.mkdir()
    for name in SHIPPED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / name)
    # The operator's .env (see .env.example), plus what points the replicas at the stand-in.
    env = {
        "SAUTI_APP_SECRET": APP_SECRET,
        "SAUTI_VERIFY_TOKEN": VERIFY_TOKEN,
        "SAUTI_DATA_KEY": DATA_KEY,
        "SAUTI_SESSION_SECRET": "compose-test-session-secret",
        "SAUTI_WHATSAPP_TOKEN": "compose-test-token",
        "SAUTI_GRAPH_URL": f"http://host.docker.internal:{fake_graph_for_containers.port}",
        "SAUTI_POLL_INTERVAL": "0.2",
        "SAUTI_CONTACT_BURST": "100",
        "SAUTI_BUSINESS_RATE": "1000",
    }
    (folder / ".env").write_text("".join(f"{k}={v}\n" for k, v in env.items()))
    (folder / "compose.test.yml").write_text(OVERRIDE)
    project = Project(folder)
    try:
        yield project
    finally:
        with contextlib.suppress(Exception):
            (tmp_path / "compose.log").write_text(project.run("logs", "--no-color", "app"))
        project.run("down", "-v", "--remove-orphans", timeout=120)


@pytest.fixture
def fake_graph_for_containers() -> Iterator[FakeGraph]:
    with FakeGraph(host="0.0.0.0") as fake:  # noqa: S104 - the containers reach it via the host
        yield fake


async def _ready(urls: list[str], deadline: float) -> None:
    async with httpx.AsyncClient(timeout=2) as http:
        for url in urls:
            while True:
                with contextlib.suppress(httpx.HTTPError):
                    if (await http.get(f"{url}/readyz")).status_code == 200:
                        break
                assert time.monotonic() < deadline, f"{url} never became ready"
                await asyncio.sleep(0.5)


async def test_three_replicas_on_one_postgres_answer_each_message_once(
    project: Project, fake_graph_for_containers: FakeGraph
) -> None:
    fake = fake_graph_for_containers
    project.run("up", "-d", "--build", "--scale", f"app={REPLICAS}", timeout=900)
    database = f"postgresql+asyncpg://sauti:sauti@127.0.0.1:{project.port('db', 5432)}/sauti"
    urls = [
        f"http://127.0.0.1:{project.port('app', 8000, index=i)}" for i in range(1, REPLICAS + 1)
    ]
    await _ready(urls, deadline=time.monotonic() + 180)

    messages = conversation_messages(contacts=60, per_contact=3, tag="compose")
    async with contextlib.AsyncExitStack() as stack:
        http = [
            await stack.enter_async_context(httpx.AsyncClient(base_url=url, timeout=5))
            for url in urls
        ]
        meta = Meta(http)  # round-robin: a conversation's messages go through every replica
        ledger = await deliver_and_settle(
            meta, fake, database, messages, rate=100, retry_for=30, quiet=1.5, settle_for=90
        )

    logs = project.run("logs", "--no-color", "app")
    assert logs.count("database is up to date") == REPLICAS  # each migrated, none failed
    assert logs.count("Application startup complete") == REPLICAS * 2  # SAUTI_WORKERS=2 each
    assert "Traceback" not in logs
    assert [c["RestartCount"] for c in project.containers("app")] == [0] * REPLICAS
    assert_answered_once(ledger, fake, {m.wamid for m in messages})

    # `docker compose stop` sends SIGTERM: each container shuts down by itself, in time
    # (137 would mean Docker had to kill it).
    project.run("stop", "app", timeout=120)
    assert [c["State"]["ExitCode"] for c in project.containers("app")] == [0] * REPLICAS
