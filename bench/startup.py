"""What a fresh Sauti process costs before it is ready: CPU seconds and resident memory.

    uv run --group bench python -m bench.startup            # stages, then a real server
    uv run --group bench python -m bench.startup --stages   # stages only (no server)

Stages: in a fresh interpreter, the CPU time and the resident memory (current, not peak)
after each step of a start: importing the application, building the runtime, the place
index, the land mask, the rehearsed conversations (every catalog, the language detector),
and the final collection. Server: `uvicorn bot.app:create_app` on SQLite, as the load test
starts it (`bench.run`): CPU seconds until `/readyz` answers 200, then resident memory after
a warm-up of first contacts. Both are CPU time, which other work on the machine sways less
than wall time; run on a quiet machine all the same.

Bytecode: the production image compiles its dependencies (`UV_COMPILE_BYTECODE=1`), while
this machine sets `PYTHONDONTWRITEBYTECODE=1`, so without `.pyc` files every start compiles
every module again (about 3 s of CPU). The figures say which case they measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_STAGES = r"""
import asyncio, json, os, sys, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
out, last = [], [time.process_time()]
def stage(name):
    now = time.process_time()
    out.append((name, round(now - last[0], 3), round(rss(), 1)))
    last[0] = now
stage("interpreter")
import bot.app
stage("import bot.app")
from bot.config import Settings
from bot.runtime import build_runtime
from bot.pipeline.warm_up import rehearse, warm_up
runtime = build_runtime(Settings())
stage("build_runtime")
brain = runtime.pipeline.brain
brain.gazetteer()
stage("place index")
from bot.geo.land import get_land_mask
get_land_mask()
stage("land mask")
rehearse(brain)
stage("rehearse (catalogs, detector)")
async def finish():
    await warm_up(runtime)
    await runtime.close()
asyncio.run(finish())
stage("warm_up (gc.freeze)")
print(json.dumps(out))
"""


def compiled_bytecode() -> bool:
    """Whether the dependencies have `.pyc` files (as in the production image)."""
    import sqlalchemy

    cache = Path(sqlalchemy.__file__).parent / "__pycache__"
    return cache.is_dir() and any(cache.iterdir())


def stages(env: dict[str, str]) -> list[tuple[str, float, float]]:
    done = subprocess.run(
        [sys.executable, "-c", _STAGES],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return [tuple(row) for row in json.loads(done.stdout.splitlines()[-1])]


def server(warmup: int) -> dict[str, float]:
    from bench.run import PROFILES, Bench
    from bench.targets import Target

    profile = PROFILES["smoke"]
    profile.warmup = warmup
    with Bench(profile, Path(tempfile.mkdtemp()), postgres=False) as bench:
        target = Target("sauti-sqlite-1w", "sauti", "sqlite", 1)
        bench.fresh_server(target, "startup").stop()
        return bench.startup[target.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start-up CPU and memory of one process.")
    parser.add_argument("--stages", action="store_true", help="stages only, no server")
    parser.add_argument("--warmup", type=int, default=50, help="first contacts before RSS")
    args = parser.parse_args(argv)
    from cryptography.fernet import Fernet

    from bench.targets import prepare_database, sauti_env

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/startup.db"
        prepare_database(url)
        env = sauti_env(url, "http://127.0.0.1:9", Fernet.generate_key().decode())
        rows = stages(env)
    print(f"bytecode compiled: {compiled_bytecode()}")
    print(f"{'stage':32} {'CPU s':>7} {'RSS MB':>7}")
    for name, cpu, mb in rows:
        print(f"{name:32} {cpu:7.2f} {mb:7.1f}")
    print(f"{'total':32} {sum(r[1] for r in rows):7.2f}")
    if not args.stages:
        print("server:", json.dumps(server(args.warmup)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
