"""Prometheus counters for the message pipeline (served at /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

REGISTRY = CollectorRegistry()

received = Counter("sauti_webhooks_received", "Webhook POSTs stored", ["source"], registry=REGISTRY)
rejected = Counter(
    "sauti_webhooks_rejected", "Webhook POSTs refused", ["reason"], registry=REGISTRY
)
set_aside = Counter(
    "sauti_webhooks_set_aside",
    "Stored webhooks set aside (state failed) as they were read or stored",
    ["reason"],
    registry=REGISTRY,
)
inbound = Counter(
    "sauti_inbound_messages", "Inbound messages stored", ["channel"], registry=REGISTRY
)
deduplicated = Counter(
    "sauti_deduplicated", "Inbound messages and receipts seen before", registry=REGISTRY
)
messages_set_aside = Counter(
    "sauti_messages_set_aside",
    "Inbound messages that could not be applied (handed to a caseworker)",
    registry=REGISTRY,
)
processed = Counter("sauti_processed", "Inbound messages applied", ["channel"], registry=REGISTRY)
sent = Counter("sauti_sent", "Graph requests that succeeded", ["channel"], registry=REGISTRY)
failed = Counter(
    "sauti_send_failed", "Graph requests failed for good", ["reason"], registry=REGISTRY
)
retries = Counter("sauti_send_retries", "Graph requests retried", ["reason"], registry=REGISTRY)
processing_seconds = Histogram(
    "sauti_processing_seconds",
    "From webhook receipt to the reply being queued",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=REGISTRY,
)

# Read from the database on each scrape (bot.health_report): the whole installation's state.
oldest_pending_webhook = Gauge(
    "sauti_oldest_pending_webhook_seconds",
    "Age of the oldest stored webhook not yet read (0: none)",
    registry=REGISTRY,
)
oldest_pending_message = Gauge(
    "sauti_oldest_pending_message_seconds",
    "Age of the oldest inbound message not yet applied (0: none)",
    registry=REGISTRY,
)
oldest_due_reply = Gauge(
    "sauti_oldest_due_reply_seconds",
    "Age of the oldest outbox row not yet sent (0: none)",
    registry=REGISTRY,
)
webhooks_pending = Gauge(
    "sauti_webhooks_pending", "Stored webhooks not yet read", registry=REGISTRY
)
webhooks_failed = Gauge(
    "sauti_webhooks_failed",
    "Webhooks set aside (state failed), by reason, until retried or purged",
    ["reason"],
    registry=REGISTRY,
)
numbers_held = Gauge(
    "sauti_business_number_held_seconds",
    "How long a business number's sends have been held (its circuit open), by Graph path",
    ["path"],
    registry=REGISTRY,
)
outbox_waiting = Gauge(
    "sauti_outbox_waiting",
    "Outbox rows not yet sent (pending or being sent), by channel",
    ["channel"],
    registry=REGISTRY,
)
health_read = Gauge(
    "sauti_health_read_ok",
    "1 if the figures above were read from the database on this scrape, else 0",
    registry=REGISTRY,
)


def render() -> bytes:
    return generate_latest(REGISTRY)
