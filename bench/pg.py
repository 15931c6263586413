"""A throwaway PostgreSQL server of our own (initdb into a temporary directory).

The benchmark measures the database's CPU too, and the fault tests stop and start it, so
neither may use a server other people's tests are running on. As root, PostgreSQL runs as
the `postgres` account (it refuses to run as root), like scripts/start-postgres.sh.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psutil

from bench.procs import free_port


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version)
    for path in reversed(found):
        if os.access(Path(path) / "pg_ctl", os.X_OK):
            return Path(path)
    return None


def _version(path: str) -> float:
    try:
        return float(Path(path).parent.name)
    except ValueError:
        return 0.0


class Postgres:
    def __init__(self, port: int | None = None) -> None:
        bindir = binaries()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
        self.bin = bindir
        self.port = port or free_port()
        # Not under pytest's tmp_path: the postgres account must be able to reach it.
        self.dir = Path(tempfile.mkdtemp(prefix="sauti-pg-"))
        self.data = self.dir / "data"
        self._root = os.getuid() == 0
        if self._root:
            shutil.chown(self.dir, "postgres")
            self.dir.chmod(0o755)
        self._run(f"{self.bin}/initdb -D {self.data} -U postgres -A trust -E UTF8")

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, command: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        argv = (
            ["su", "postgres", "-s", "/bin/sh", "-c", command]
            if self._root
            else [
                "/bin/sh",
                "-c",
                command,
            ]
        )
        return subprocess.run(argv, check=check, capture_output=True, timeout=120)

    def start(self) -> Postgres:
        options = (
            f"-p {self.port} -k {self.dir} -c fsync=off -c max_connections=300 "
            "-c listen_addresses=127.0.0.1"
        )
        self._run(
            f"{self.bin}/pg_ctl -D {self.data} -o '{options}' -l {self.dir}/server.log -w start"
        )
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(f"{self.bin}/pg_ctl -D {self.data} -m {mode} -w stop", check=False)

    def pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int((self.data / "postmaster.pid").read_text().splitlines()[0])
        return None

    def create_database(self, name: str) -> str:
        self._run(f"{self.bin}/createdb -h 127.0.0.1 -p {self.port} -U postgres {name}")
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        self._run(
            f"{self.bin}/dropdb -h 127.0.0.1 -p {self.port} -U postgres --force {name}",
            check=False,
        )

    def cleanup(self) -> None:
        self.stop("immediate")
        deadline = time.monotonic() + 10
        while self.pid() is not None and psutil.pid_exists(self.pid() or 0):
            if time.monotonic() > deadline:
                break
            time.sleep(0.1)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Postgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.cleanup()
