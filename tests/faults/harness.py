"""What the fault tests drive: `sauti serve` as a real process, Meta as the sender that
retries every webhook we did not acknowledge and reports delivery statuses back, and the
ledger that says what was stored and what reached the Graph API stand-in.

Only 127.0.0.1 is ever contacted; every loop is bounded in count and time.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from cryptography.fernet import Fernet
from sqlalchemy import func, select

from bench.payloads import APP_SECRET, VERIFY_TOKEN, encode, status_event, text_event
from bench.procs import ROOT, Server, free_port
from bot.platform_ids import inbound_key
from bot.store import crypto
from bot.store.db import Database
from bot.store.models import Message, Outbox, WebhookEvent
from tests.fakes.graph_server import FakeGraph, _Behaviour

DATA_KEY = Fernet.generate_key().decode()


def sauti_server(
    database_url: str, graph_url: str, log: Path, *, workers: int = 1, **env: str
) -> Server:
    """`sauti serve` exactly as an operator runs it (secrets set, database migrated)."""
    port = free_port()
    sauti = str(Path(sys.executable).parent / "sauti")
    values = {
        "SAUTI_DATABASE_URL": database_url,
        "SAUTI_APP_SECRET": APP_SECRET,
        "SAUTI_VERIFY_TOKEN": VERIFY_TOKEN,
        "SAUTI_DATA_KEY": DATA_KEY,
        "SAUTI_SESSION_SECRET": "fault-test-session-secret",
        "SAUTI_WHATSAPP_TOKEN": "fault-test-token",
        "SAUTI_GRAPH_URL": graph_url,
        "SAUTI_FLOWS_DIR": str(ROOT / "flows"),
        "SAUTI_LOCALES_DIR": str(ROOT / "locales"),
        "SAUTI_POLL_INTERVAL": "0.2",
        "SAUTI_CONTACT_BURST": "100",
        "SAUTI_BUSINESS_RATE": "1000",
        "SAUTI_OUTBOX_STALE_SECONDS": "15",
        "SAUTI_LOG_LEVEL": "WARNING",
        **env,
    }
    argv = [sauti, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    return Server(name=f"sauti-{port}", argv=argv, port=port, env=values, log=log)


@dataclass
class Message_:
    contact: int
    wamid: str
    body: bytes
    signature: str


def conversation_messages(contacts: int, per_contact: int, tag: str) -> list[Message_]:
    """`per_contact` messages from each of `contacts` people, interleaved as a crowd writes."""
    base = int(time.time()) - 60
    out = []
    for turn in range(per_contact):
        for contact in range(1, contacts + 1):
            wamid = f"wamid.{tag}.{contact}.{turn}"
            text = "hello" if turn == 0 else "1"
            body, sig = encode(text_event(contact, wamid, text=text, ts=base + turn * 5))
            out.append(Message_(contact, wamid, body, sig))
    return out


@dataclass
class Meta:
    """Sends webhooks to the replicas like Meta does: what is not answered 200 is sent again
    (to the next replica, as a load balancer would), until acknowledged or out of time.
    `replicas` are clients with the replicas' base URLs."""

    replicas: list[httpx.AsyncClient]
    acked: set[str] = field(default_factory=set)
    refused: int = 0  # attempts not acknowledged (errors, 5xx, connection refused)
    _turn: int = 0

    async def post(self, body: bytes, signature: str) -> bool:
        client = self.replicas[self._turn % len(self.replicas)]
        self._turn += 1
        headers = {"X-Hub-Signature-256": signature, "Content-Type": "application/json"}
        try:
            response = await client.post("/webhooks/meta", content=body, headers=headers)
        except httpx.HTTPError:
            response = None
        if response is None or response.status_code != 200:
            self.refused += 1
            return False
        return True

    async def send(
        self, messages: Sequence[Message_], *, rate: float, concurrency: int = 16
    ) -> None:
        """One attempt per message at `rate` per second (failures are left for `retry`)."""
        sem = asyncio.Semaphore(concurrency)

        async def one(i: int, m: Message_) -> None:
            await asyncio.sleep(i / rate)
            async with sem:
                if await self.post(m.body, m.signature):
                    self.acked.add(m.wamid)

        await asyncio.gather(*(one(i, m) for i, m in enumerate(messages)))

    async def retry(self, messages: Sequence[Message_], deadline: float) -> None:
        """Send again whatever was not acknowledged, until it is (or the deadline)."""
        missing = list(messages)
        while time.monotonic() < deadline:
            missing = [m for m in messages if m.wamid not in self.acked]
            if not missing:
                return
            for m in missing:
                if await self.post(m.body, m.signature):
                    self.acked.add(m.wamid)
            await asyncio.sleep(0.2)
        raise AssertionError(f"{len(missing)} webhooks never acknowledged")


@contextlib.asynccontextmanager
async def clients(*servers: Server) -> AsyncIterator[list[httpx.AsyncClient]]:
    async with contextlib.AsyncExitStack() as stack:
        yield [
            await stack.enter_async_context(httpx.AsyncClient(base_url=s.url, timeout=5))
            for s in servers
        ]


class StatusEcho:
    """What Meta does after accepting a send: a `sent` status webhook echoing our
    biz_opaque_callback_data, retried until a replica acknowledges it."""

    def __init__(self, fake: FakeGraph, meta: Meta) -> None:
        self.fake, self.meta = fake, meta
        self._done = 0
        self._queue: list[tuple[bytes, str]] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            sent = self.fake.sent
            for number, body in enumerate(sent[self._done :], start=self._done + 1):
                key = body.get("biz_opaque_callback_data")
                if key:
                    recipient = str(body.get("to") or "")
                    payload = status_event(recipient, f"wamid.FAKE{number}", "sent", key)
                    self._queue.append(encode(payload))
            self._done = len(sent)
            still = []
            for body, sig in self._queue:
                if not await self.meta.post(body, sig):
                    still.append((body, sig))
            self._queue = still
            await asyncio.sleep(0.1)


class ReplyFaultGraph(FakeGraph):
    """The Graph API stand-in, with injected failures meeting replies only (a mark-read
    that fails is harmless and would hide the failure from the case under test)."""

    _current: object = None

    def _record(self, request: Any, body: Any) -> None:
        super()._record(request, body)
        self._current = body  # read by _next_behaviour, with no await in between

    def _next_behaviour(self) -> Any:
        body = self._current
        if isinstance(body, dict) and "biz_opaque_callback_data" in body:
            return super()._next_behaviour()
        return _Behaviour()  # answered normally


async def wait_for_sends(fake: FakeGraph, n: int, timeout: float = 30.0) -> None:
    """Until the Graph API stand-in has received `n` replies (mark-reads not counted)."""
    deadline = time.monotonic() + timeout
    while sum("biz_opaque_callback_data" in (r.json or {}) for r in fake.requests) < n:
        assert time.monotonic() < deadline, "the server never started answering"
        await asyncio.sleep(0.02)


def graph_keys(fake: FakeGraph) -> collections.Counter[str]:
    """How many times the Graph API accepted each of our messages (by idempotency key)."""
    return collections.Counter(
        str(b["biz_opaque_callback_data"]) for b in fake.sent if b.get("biz_opaque_callback_data")
    )


@dataclass
class Ledger:
    inbound: collections.Counter[str]  # Message.dedupe_key (a keyed hash) → rows
    inbound_pending: int
    events_pending: int
    outbox: dict[str, str]  # idempotency key → state
    order: dict[int, list[str]]  # conversation → message keys in outbox order

    @property
    def settled(self) -> bool:
        busy = {"pending", "sending"}
        return (
            not self.inbound_pending
            and not self.events_pending
            and not (busy & set(self.outbox.values()))
        )


async def read_ledger(database_url: str) -> Ledger:
    db = Database(database_url)  # plain columns only: no key needed
    try:
        async with db.session() as session:
            inbound = collections.Counter(
                str(k)
                for k in (
                    await session.execute(
                        select(Message.dedupe_key).where(Message.direction == "in")
                    )
                ).scalars()
            )
            pending = (
                await session.execute(
                    select(func.count()).where(
                        Message.direction == "in", Message.state == "pending"
                    )
                )
            ).scalar_one()
            events = (
                await session.execute(select(func.count()).where(WebhookEvent.state == "pending"))
            ).scalar_one()
            rows = (
                await session.execute(
                    select(Outbox.idempotency_key, Outbox.state, Outbox.conversation_id).order_by(
                        Outbox.id
                    )
                )
            ).all()
    finally:
        await db.dispose()
    order: dict[int, list[str]] = collections.defaultdict(list)
    for key, _state, conv in rows:
        if key.startswith("msg:"):
            order[conv].append(key)
    return Ledger(inbound, pending, events, {k: s for k, s, _ in rows}, dict(order))


async def settle(database_url: str, fake: FakeGraph, *, quiet: float, deadline: float) -> Ledger:
    """Wait until nothing is pending and the Graph stand-in heard nothing new for `quiet` s."""
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        ledger = await read_ledger(database_url)
        count = len(fake.requests)
        if count != last:
            last, since = count, time.monotonic()
        if ledger.settled and time.monotonic() - since >= quiet:
            return ledger
        await asyncio.sleep(0.3)
    raise AssertionError(f"not settled in time: {await read_ledger(database_url)}")


async def deliver_and_settle(
    meta: Meta,
    fake: FakeGraph,
    database_url: str,
    messages: Sequence[Message_],
    *,
    rate: float,
    retry_for: float,
    quiet: float,
    settle_for: float,
    concurrency: int = 16,
) -> Ledger:
    """What Meta does with a crowd's messages: send each once at `rate`, send again what was
    not acknowledged (for `retry_for` s), echo statuses for our replies meanwhile; then the
    ledger once everything settled (within `settle_for` s)."""
    echo = StatusEcho(fake, meta)
    echo.start()
    try:
        await meta.send(messages, rate=rate, concurrency=concurrency)
        await meta.retry(messages, deadline=time.monotonic() + retry_for)
        return await settle(database_url, fake, quiet=quiet, deadline=time.monotonic() + settle_for)
    finally:
        await echo.stop()


def assert_answered_once(ledger: Ledger, fake: FakeGraph, wamids: set[str]) -> None:
    """Every acknowledged message stored once and applied; every reply sent exactly once,
    in order within its conversation; nothing failed."""
    crypto.configure([DATA_KEY])  # the servers' key: dedupe keys are keyed hashes of the ids
    expected = {inbound_key("whatsapp", w) for w in wamids}
    assert set(ledger.inbound) == expected, "a message was lost or an unknown one appeared"
    assert max(ledger.inbound.values()) == 1, "a message was stored twice"
    replies = {k: s for k, s in ledger.outbox.items() if k.startswith("msg:")}
    assert replies, "nobody was answered"
    assert set(replies.values()) == {"sent"}, collections.Counter(replies.values())
    at_graph = graph_keys(fake)
    twice = {k: n for k, n in at_graph.items() if n > 1}
    assert not twice, f"sent more than once: {twice}"
    assert set(at_graph) == set(replies), "a reply was stored but never reached the Graph API"
    position = {
        k: i
        for i, k in enumerate(
            b["biz_opaque_callback_data"] for b in fake.sent if b.get("biz_opaque_callback_data")
        )
    }
    for keys in ledger.order.values():
        assert [position[k] for k in keys] == sorted(position[k] for k in keys), "out of order"


def assert_clean_logs(*paths: Path) -> None:
    """No process logged a traceback (a deadlock retried silently would still show here)."""
    for path in paths:
        text = path.read_text() if path.exists() else ""
        assert "Traceback" not in text, f"{path.name}:\n{text[-3000:]}"
