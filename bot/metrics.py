"""Prometheus counters for the message pipeline (served at /metrics)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

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


def render() -> bytes:
    return generate_latest(REGISTRY)
