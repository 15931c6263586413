"""The Graph API fails for a while (500s, 429s, timeouts) while people write in: every reply
is retried until it goes through, and reaches the person once, in order.

A timeout is the hard case: the request may have been delivered although no answer came.
The outbox then waits for the status webhook that echoes our key (Meta sends one for each
accepted message) before sending again, so a delivered reply is not sent a second time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest

from bench.payloads import APP_SECRET
from bot.channels.http import graph_http_client
from bot.pipeline.outbox import OutboxSettings
from tests.conftest import make_settings, running_app, runtime
from tests.faults.harness import (
    DATA_KEY,
    Meta,
    ReplyFaultGraph,
    assert_answered_once,
    conversation_messages,
    deliver_and_settle,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def reply_faults() -> Iterator[ReplyFaultGraph]:
    with ReplyFaultGraph() as fake:
        yield fake


async def test_replies_arrive_once_after_the_graph_api_recovers(
    fresh_database: str, reply_faults: ReplyFaultGraph
) -> None:
    fake_graph = reply_faults
    settings = make_settings(
        fresh_database,
        app_secret=APP_SECRET,
        data_key=DATA_KEY,
        graph_url=fake_graph.url,
        contact_burst=100,
        business_rate=1000.0,
        outbox_stale_seconds=3.0,
    )
    fake_graph.fail_next(8, status=500)  # server errors without a body
    fake_graph.rate_limit_next(8)  # 429, code 130429
    fake_graph.fail_next(4, status=503, code=2)  # "service temporarily unavailable"
    fake_graph.delay_next(3, 2.0)  # answered after our 0.5 s timeout: delivered, unconfirmed
    messages = conversation_messages(contacts=15, per_contact=2, tag="outage")
    http = graph_http_client(httpx.Timeout(0.5), max_connections=32)
    async with running_app(settings, start_workers=True, http=http) as client:
        stale = timedelta(seconds=settings.outbox_stale_seconds)
        runtime(client).workers.outbox_settings = OutboxSettings(
            base_delay=0.05, max_delay=0.5, probe_max_delay=0.5, stale_after=stale
        )  # the injected failures meet one probe at a time: fast probes keep the test short
        ledger = await deliver_and_settle(
            Meta([client]), fake_graph, fresh_database, messages,
            rate=50, retry_for=20, quiet=4.0, settle_for=40,
        )  # fmt: skip
    await http.aclose()
    refused = len(fake_graph.requests) - len(fake_graph.sent)
    assert refused >= 20, "the injected failures were not all met"
    assert_answered_once(ledger, fake_graph, {m.wamid for m in messages})
