"""The load test: `uv run --group bench python -m bench.run [--quick]`.

Signed WhatsApp webhooks from many first-time contacts go over real HTTP (loopback only) to
each system under test, while a Graph API stand-in in its own process answers sends after
~50 ms. Measured for the bare endpoint (the ceiling), the pywa bot (the peer) and Sauti on
SQLite and PostgreSQL with 1 and 2 worker processes; then Sauti again with 1,000 to 100,000
stored conversations. Writes bench/results/report.md, chart.png and results.json.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from cryptography.fernet import Fernet

from bench import report
from bench.measure import Contacts, Phase, Stub, run_phase
from bench.procs import ROOT, Server, free_port, largest_rss
from bench.targets import Target, prepare_database, sauti_env, server_for

RESULTS = ROOT / "bench" / "results"


@dataclass
class Profile:
    name: str
    warmup: int
    ladder: list[float]  # fractions of the bare endpoint's ceiling
    step_seconds: float
    burst: int
    scale: list[int]  # stored conversations
    scale_burst: int
    backends: tuple[str, ...] = ("sqlite", "postgres")
    workers: tuple[int, ...] = (1, 2)
    drain_seconds: float = 120.0  # how long to wait for every reply after a burst
    # The bare endpoint's burst is the ceiling every ratio divides by, and the pywa bot's the
    # peer's replies/s; one unlucky sample on a shared machine would flatter them all, so
    # each is the best of this many (acknowledgement for the bare one, replies for pywa's).
    ceiling_tries: int = 3
    # A step's p99 on a shared 2-core machine swings with whatever else ran in those 3 s
    # (the same target measured 13 and 60 ms in a row); each step runs this many times on
    # fresh servers, for every target alike, and the run with the median p99 is reported.
    ladder_tries: int = 3
    # A steady stream at a busy helpline's pace (webhooks/s, seconds), for the bots that
    # reply: are people answered while it lasts, or only once it stops?
    steady: tuple[float, float] = (200.0, 10.0)
    only: list[str] = field(default_factory=list)  # run just these targets (development)


PROFILES = {
    # Two runs of its one step, so the smoke test sees a repeated step reported once.
    "smoke": Profile(
        "smoke", 10, [0.02], 0.5, 40, [100, 300], 20, ("sqlite",), (1,), 30, 1, 2, (20.0, 1.0)
    ),
    "quick": Profile(
        "quick",
        50,
        [0.25, 0.5],
        1.5,
        300,
        [1_000, 10_000],
        200,
        drain_seconds=60,
        ladder_tries=1,
        steady=(200.0, 5.0),
    ),
    "full": Profile("full", 100, [0.1, 0.25, 0.5, 0.75], 3.0, 1000, [1_000, 10_000, 100_000], 500),
}


# Seconds a fresh server may take to say ready. Unloaded, Sauti is ready in a few seconds; with
# other work on the two cores, two processes starting at once took more than a minute.
START_TIMEOUT = 180.0


class Bench:
    def __init__(
        self, profile: Profile, out: Path, postgres: bool, logs: Path | None = None
    ) -> None:
        self.profile = profile
        self.out = out
        self.keep_logs = logs is not None
        self.logs = logs or Path(tempfile.mkdtemp(prefix="sauti-bench-"))
        self.logs.mkdir(parents=True, exist_ok=True)
        self.contacts = Contacts()
        self.phases: list[Phase] = []
        self.notes: list[str] = []
        # Per Sauti target, its first fresh server: seconds to ready, MB per process warmed up.
        self.startup: dict[str, dict[str, float]] = {}
        self.pg = None
        self.data_key = Fernet.generate_key().decode()
        self.stub_server = Server(
            "graph-stub",
            [sys.executable, "-m", "bench.graph_stub", "--port", "0", "--latency", "0.05"],
            0,
            log=self.logs / "graph-stub.log",
        )
        self.want_postgres = postgres and "postgres" in profile.backends

    # -- set-up ---------------------------------------------------------------------------

    def __enter__(self) -> Bench:
        port = free_port()
        self.stub_server.port = port
        self.stub_server.argv[4] = str(port)
        self.stub_server.start(ready_path="/_stats")
        self.stub = Stub(self.stub_server.url)
        if self.want_postgres:
            try:
                from bench.pg import Postgres

                self.pg = Postgres().start()
            except Exception as exc:  # noqa: BLE001 - run the rest, and say why
                self.notes.append(f"PostgreSQL skipped: {exc}")
        return self

    def __exit__(self, *exc: object) -> None:
        self.stub_server.stop()
        if self.pg is not None:
            self.pg.cleanup()
        if not exc[0] and not self.keep_logs:
            shutil.rmtree(self.logs, ignore_errors=True)

    def database(self, name: str, backend: str) -> str:
        if backend == "postgres":
            assert self.pg is not None
            url = self.pg.create_database(name)
        else:
            url = f"sqlite+aiosqlite:///{self.logs / name}.db"
        prepare_database(url)
        return url

    def targets(self) -> list[Target]:
        out = [Target("bare", "bare")]
        if importlib.util.find_spec("pywa_async") is not None:
            out.append(Target("pywa", "pywa"))
        else:
            self.notes.append("pywa not installed (uv sync --group bench): peer skipped")
        for backend in self.profile.backends:
            if backend == "postgres" and self.pg is None:
                continue
            for workers in self.profile.workers:
                name = f"sauti-{backend}-{workers}w"
                out.append(Target(name, "sauti", backend, workers))
        return out

    # -- phases ---------------------------------------------------------------------------

    def meter_pids(self, server: Server) -> list[int]:
        pids = [server.proc.pid] if server.proc else []
        if self.pg is not None and "postgres" in server.name:
            pids += [p for p in [self.pg.pid()] if p]
        return pids

    def phase(self, target: Target, server: Server, name: str, count: int, **kw) -> Phase:  # type: ignore[no-untyped-def]
        kw.setdefault("replies", target.replies)
        result = run_phase(
            target=target.name,
            phase=name,
            port=server.port,
            stub=self.stub,
            contacts=self.contacts,
            count=count,
            meter_pids=self.meter_pids(server),
            **kw,
        )
        self.phases.append(result)
        _say(report.one_line(result))
        return result

    def warm_up(self, target: Target, server: Server) -> None:
        """Load flows, catalogs and the gazetteer before measuring (not reported)."""
        self.phase(
            target,
            server,
            "warmup",
            self.profile.warmup,
            rate=None,
            connections=16,
            max_seconds=30,
        )
        self.phases.pop()

    def fresh_server(self, target: Target, tag: str) -> Server:
        """A server with an empty database, warmed up (flows, catalogs, gazetteer loaded)."""
        if target.kind == "sauti":
            name = f"{target.name}_{tag}".replace("-", "_")
            target.env = sauti_env(
                self.database(name, target.backend), self.stub.url, self.data_key
            )
        server = server_for(target, self.stub.url, self.logs).start(
            target.ready_path, START_TIMEOUT
        )
        self.warm_up(target, server)
        if target.kind == "sauti" and target.name not in self.startup and server.proc:
            self.startup[target.name] = {
                "ready_s": round(server.ready_seconds, 2),
                "ready_cpu_s": round(server.ready_cpu_seconds, 2),
                "rss_mb": round(largest_rss(server.proc.pid) / 2**20, 1),
            }
        return server

    def run_target(self, target: Target, ceiling: float | None) -> Phase:
        """The burst on a fresh server, then each step of the ladder on a fresh server too:
        the backlog one load leaves behind must not slow the next one down."""
        p = self.profile
        bare = target.kind == "bare"
        tries = p.ceiling_tries if target.kind in ("bare", "pywa") else 1
        burst, bursts = self.repeated(
            target,
            "burst",
            "burst",
            tries,
            _best_ack if bare else _best_replies,
            count=p.burst,
            rate=None,
            connections=64,
            max_seconds=120,
            drain=p.drain_seconds,
        )
        if tries > 1:
            rates = ", ".join(f"{b.ack_rate if bare else b.e2e_rate:,.0f}" for b in bursts)
            role = "the ceiling" if bare else "the peer, by replies"
            self.notes.append(f"{target.name}: the best of {tries} bursts ({rates}/s) is {role}")
        spreads = []
        for step, fraction in enumerate(p.ladder):
            rate = fraction * (ceiling or burst.ack_rate)
            _median, runs = self.repeated(
                target,
                "ladder",
                f"ladder{step}_",
                p.ladder_tries,
                _median_p99,
                count=max(1, int(rate * p.step_seconds)),
                rate=rate,
                connections=256,
                max_seconds=p.step_seconds * 3,
                replies=False,
            )
            if len(runs) > 1:
                spreads.append(f"{fraction:.2f}: " + " / ".join(f"{r.p99_ms:.0f}" for r in runs))
        if spreads:
            self.notes.append(
                f"{target.name}: p99 ms of the {p.ladder_tries} runs of each step, the median "
                f"reported: {'; '.join(spreads)}"
            )
        if target.replies:
            rate, seconds = p.steady
            self.repeated(
                target,
                "steady",
                "steady",
                1,
                _best_replies,  # one run: only the fresh server matters here
                count=max(1, int(rate * seconds)),
                rate=rate,
                connections=64,
                max_seconds=seconds * 3,
                drain=p.drain_seconds,
            )
        return burst

    def repeated(  # type: ignore[no-untyped-def]
        self,
        target: Target,
        phase: str,
        tag: str,
        tries: int,
        pick: Callable[[list[Phase]], Phase],
        *,
        count: int,
        **kw,
    ) -> tuple[Phase, list[Phase]]:
        """Run `phase` `tries` times, each on a fresh server (its database named after
        `tag`); only the run `pick` chooses stays in the report. Returns it and all runs."""
        runs = []
        for attempt in range(tries):
            server = self.fresh_server(target, f"{tag}{attempt}")
            try:
                runs.append(self.phase(target, server, phase, count, **kw))
            finally:
                server.kill()
        kept = pick(runs)
        for other in runs:
            if other is not kept:
                self.phases.remove(other)
        return kept, runs

    def run_scale(self, backend: str) -> None:
        from bench.seed import seed

        target = Target(f"sauti-{backend}-1w", "sauti", backend, 1)
        url = self.database(f"scale_{backend}", backend)
        target.env = sauti_env(url, self.stub.url, self.data_key)
        import asyncio

        for stored in self.profile.scale:
            asyncio.run(seed(url, self.data_key, stored))
            server = server_for(target, self.stub.url, self.logs).start(
                target.ready_path, START_TIMEOUT
            )
            try:
                self.warm_up(target, server)
                self.phase(
                    target,
                    server,
                    "scale",
                    self.profile.scale_burst,
                    rate=None,
                    connections=64,
                    max_seconds=120,
                    stored=stored,
                    drain=self.profile.drain_seconds,
                )
            finally:
                server.kill()

    def run(self) -> dict:
        started = time.time()
        ceiling = None
        only = self.profile.only
        for target in self.targets():
            if only and target.name not in only and target.kind != "bare":
                continue
            burst = self.run_target(target, ceiling)
            if target.kind == "bare":
                ceiling = burst.ack_rate
        for backend in self.profile.backends:
            if backend == "postgres" and self.pg is None or only and "scale" not in only:
                continue
            self.run_scale(backend)
        return {
            "profile": self.profile.name,
            "machine": machine(),
            "started": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started)),
            "seconds": round(time.time() - started),
            "ceiling": ceiling,
            "notes": self.notes,
            "startup": self.startup,
            "phases": [p.row() for p in self.phases],
        }


def _best_ack(runs: list[Phase]) -> Phase:
    return max(runs, key=lambda run: run.ack_rate)


def _best_replies(runs: list[Phase]) -> Phase:
    return max(runs, key=lambda run: run.e2e_rate)


def _median_p99(runs: list[Phase]) -> Phase:
    return sorted(runs, key=lambda run: run.p99_ms)[len(runs) // 2]


def machine() -> dict:
    return {
        "cpus": psutil.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


def _say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sauti load test (loopback only).")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="a few minutes, smaller loads")
    mode.add_argument("--smoke", action="store_true", help="seconds: checks the harness works")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the report")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this directory")
    parser.add_argument("--only", default="", help="comma-separated target names (and 'scale')")
    args = parser.parse_args(argv)
    profile = PROFILES["smoke" if args.smoke else "quick" if args.quick else "full"]
    profile.only = [n for n in args.only.split(",") if n]
    args.out.mkdir(parents=True, exist_ok=True)
    with Bench(profile, args.out, postgres=not args.no_postgres, logs=args.logs) as bench:
        data = bench.run()
    (args.out / "results.json").write_text(json.dumps(data, indent=2))
    report.write(data, args.out)
    _say(f"report: {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
