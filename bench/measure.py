"""One measurement phase against a running target: send load, wait until every acknowledged
message was answered at the Graph stand-in, and collect the numbers."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import asdict, dataclass

from bench import loadgen
from bench.payloads import webhook_requests
from bench.procs import Meter, get, post


@dataclass
class Phase:
    target: str
    phase: str  # ladder | burst | scale
    offered_rate: float | None  # requests/s asked for (None: as fast as acknowledged)
    sent: int
    acked: int
    errors: int
    ack_rate: float  # acknowledgements per second while sending
    p50_ms: float
    p99_ms: float
    answered: int = 0  # distinct contacts answered at the stand-in
    e2e_rate: float = 0.0  # answered / (last first answer - first request)
    e2e_seconds: float = 0.0
    duplicate_replies: int = 0  # replies whose idempotency key the stand-in had seen
    cpu_ms_per_msg: float = 0.0  # app (+ database) CPU per acknowledged message
    peak_rss_mb: float = 0.0
    stored: int = 0  # conversations stored before the phase (scale)

    def row(self) -> dict:
        return asdict(self)


class Stub:
    def __init__(self, url: str) -> None:
        self.url = url

    def reset(self) -> None:
        post(self.url + "/_reset")

    def stats(self) -> dict:
        return json.loads(get(self.url + "/_stats")[1])

    def wait_answered(self, expected: int, stall: float, limit: float) -> dict:
        """Poll until `expected` contacts were answered, or nothing moved for `stall` s."""
        start = last_move = time.monotonic()
        stats = self.stats()
        seen = stats["replies"]
        while stats["answered"] < expected and time.monotonic() - start < limit:
            time.sleep(0.1)
            stats = self.stats()
            if stats["replies"] != seen:
                seen, last_move = stats["replies"], time.monotonic()
            elif time.monotonic() - last_move > stall:
                break
        return stats


class Contacts:
    """Hands out fresh contact numbers, so every phase is people writing for the first time."""

    def __init__(self) -> None:
        self.next = 1

    def take(self, n: int) -> int:
        first, self.next = self.next, self.next + n
        return first


def run_phase(
    *,
    target: str,
    phase: str,
    port: int,
    stub: Stub,
    contacts: Contacts,
    count: int,
    rate: float | None,
    connections: int,
    max_seconds: float,
    replies: bool,
    meter_pids: list[int],
    stall: float = 15.0,
    drain: float = 120.0,
    stored: int = 0,
    requests: list[bytes] | None = None,
) -> Phase:
    if requests is None:
        first = contacts.take(count)
        requests = webhook_requests(first, count, tag=f"{target}.{phase}.{first}")
    stub.reset()
    with Meter(meter_pids) as meter:
        result = asyncio.run(
            loadgen.run(port, requests, rate=rate, connections=connections, max_seconds=max_seconds)
        )
        stats = stub.wait_answered(result.ok, stall, limit=drain) if replies else stub.stats()
    out = Phase(
        target=target,
        phase=phase,
        offered_rate=rate,
        sent=result.sent,
        acked=result.ok,
        errors=result.sent - result.ok,
        ack_rate=result.throughput,
        p50_ms=result.percentile(50) * 1000,
        p99_ms=result.percentile(99) * 1000,
        cpu_ms_per_msg=meter.cpu_seconds * 1000 / max(1, result.ok),
        peak_rss_mb=meter.peak_rss / 2**20,
        stored=stored,
    )
    if replies:
        out.answered = stats["answered"]
        out.duplicate_replies = stats["duplicate_keys"]
        if stats["answered"] and stats["last_answer_at"] > result.started:
            out.e2e_seconds = stats["last_answer_at"] - result.started
            out.e2e_rate = stats["answered"] / out.e2e_seconds
    return out
