"""Start and stop the processes under test, and watch their CPU and memory (psutil)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = 2.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def post(url: str, timeout: float = 2.0) -> None:
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310 - loopback
        pass


@dataclass
class Server:
    """A server process on 127.0.0.1:`port` (uvicorn, possibly with worker children)."""

    name: str
    argv: list[str]
    port: int
    env: dict[str, str] = field(default_factory=dict)
    log: Path | None = None
    proc: subprocess.Popen[bytes] | None = None
    ready_seconds: float = 0.0  # from starting the process until `ready_path` answered 200
    # The CPU it used by then: on a shared machine, closer to an idle machine's start time.
    ready_cpu_seconds: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_path: str = "/healthz", timeout: float = 60.0) -> Server:
        env = {**os.environ, **self.env}
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            self.argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode} ({self.log})")
            with contextlib.suppress(OSError):
                if get(self.url + ready_path, timeout=1.0)[0] == 200:
                    self.ready_seconds = time.monotonic() - started
                    self.ready_cpu_seconds = tree_cpu_seconds(self.proc.pid)
                    return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.name} did not become ready in {timeout} s ({self.log})")

    def stop(self, timeout: float = 20.0) -> int | None:
        """SIGTERM, then SIGKILL after `timeout`; returns the exit code."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return self.proc.wait(5)

    def kill(self) -> None:
        """SIGKILL the process and its children (a crash: nothing runs its cleanup)."""
        if self.proc is None:
            return
        with contextlib.suppress(psutil.NoSuchProcess):
            parent = psutil.Process(self.proc.pid)
            for child in parent.children(recursive=True):
                with contextlib.suppress(psutil.NoSuchProcess):
                    child.kill()
            parent.kill()
        self.proc.wait(5)


def uvicorn_argv(app: str, port: int, workers: int = 1) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        "--log-level",
        "warning",
        "--backlog",
        "4096",
    ]


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and its children."""
    total = 0.0
    with contextlib.suppress(psutil.NoSuchProcess):
        root = psutil.Process(pid)
        for proc in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess):
                times = proc.cpu_times()
                total += times.user + times.system
    return total


def largest_rss(pid: int) -> int:
    """The resident memory of the largest process in `pid`'s tree (a worker, not the sum)."""
    sizes = [0]
    with contextlib.suppress(psutil.NoSuchProcess):
        root = psutil.Process(pid)
        for proc in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess):
                sizes.append(proc.memory_info().rss)
    return max(sizes)


class Meter:
    """CPU seconds and peak memory of a set of process trees, sampled in a thread."""

    def __init__(self, pids: list[int], interval: float = 0.25) -> None:
        self.pids = pids
        self.interval = interval
        self.peak_rss = 0
        self._cpu_start = 0.0
        self.cpu_seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._seen: dict[int, psutil.Process] = {}

    def _procs(self) -> list[psutil.Process]:
        procs = []
        for pid in self.pids:
            with contextlib.suppress(psutil.NoSuchProcess):
                root = self._seen.setdefault(pid, psutil.Process(pid))
                procs.append(root)
                for child in root.children(recursive=True):
                    procs.append(self._seen.setdefault(child.pid, child))
        return procs

    def _cpu(self) -> float:
        total = 0.0
        for proc in self._procs():
            with contextlib.suppress(psutil.NoSuchProcess):
                times = proc.cpu_times()
                total += times.user + times.system
        return total

    def _rss(self) -> int:
        total = 0
        for proc in self._procs():
            with contextlib.suppress(psutil.NoSuchProcess):
                total += proc.memory_info().rss
        return total

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_rss = max(self.peak_rss, self._rss())

    def __enter__(self) -> Meter:
        self._cpu_start = self._cpu()
        self.peak_rss = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_rss = max(self.peak_rss, self._rss())
        self.cpu_seconds = self._cpu() - self._cpu_start
