"""Platform message ids as we store them: keyed hashes, never the ids themselves.

A WhatsApp message id (wamid) is base64 of a record that holds the person's phone number, so
a leaked database must not contain one. We only ever need to recognise an id again (dedupe,
matching a delivery receipt), which a keyed hash does.
"""

from __future__ import annotations

from bot.store.crypto import lookup_hash


def hashed_id(channel: str, platform_id: str) -> str:
    return lookup_hash(f"{channel}:{platform_id}")[:40]


def inbound_key(channel: str, platform_id: str) -> str:
    """Message.dedupe_key of an inbound message: unique, so a redelivery is applied once."""
    return f"{channel}:{hashed_id(channel, platform_id)}"


def receipt_key(channel: str, platform_id: str, status: str) -> str:
    """Receipt.dedupe_key: "<channel>:<hashed id>:<status>" (erasure deletes by prefix)."""
    return f"{channel}:{hashed_id(channel, platform_id)}:{status}"
