"""Files people send (voice notes, photos, videos, documents): fetched from the platform in
the background, size-limited, type-checked, and stored encrypted (MediaBlob).

A media message gets a pending MediaBlob when it is applied (CaseSink.person_wrote); the
periodic `fetch_pending` job downloads it. WhatsApp gives a media id (→ URL → bytes, with
the token; ids expire after 7 days, URLs after 5 minutes, so a failed fetch starts over
from the id); Messenger and Instagram give a CDN URL. Only an allow-list of types is kept,
and the first bytes must match the declared type, so a file served back to a caseworker's
browser is what it says it is.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.errors import MediaTooLargeError, SendError
from bot.store.db import Database
from bot.store.models import Conversation, MediaBlob, Message, utcnow
from bot.store.queue import Retry, lease_due

log = logging.getLogger(__name__)

# Declared type → accepted leading bytes (None: no signature to check).
ALLOWED: dict[str, tuple[bytes, ...] | None] = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/webp": (b"RIFF",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "audio/ogg": (b"OggS",),
    "audio/opus": (b"OggS",),
    "audio/mpeg": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"),
    "audio/mp4": None,  # ISO media: "ftyp" at offset 4, checked below
    "audio/aac": (b"\xff\xf1", b"\xff\xf9", b"ADIF"),
    "audio/amr": (b"#!AMR",),
    "video/mp4": None,
    "video/3gpp": None,
    "application/pdf": (b"%PDF-",),
}
ISO_MEDIA = {"audio/mp4", "video/mp4", "video/3gpp"}
INLINE = ("image/", "audio/", "video/")
LEASE = timedelta(minutes=2)  # a file being fetched is not picked up again meanwhile
# A failed fetch waits 1, 2, 4, 8 then 16 minutes (jittered), then is given up.
RETRY = Retry(base=60.0, cap=960.0, attempts=6)


def normalize(mime: str | None) -> str:
    """'audio/ogg; codecs=opus' → 'audio/ogg'."""
    return (mime or "").split(";")[0].strip().lower()


def content_ok(mime: str, content: bytes) -> bool:
    if mime not in ALLOWED or not content:
        return False
    if mime in ISO_MEDIA:
        return content[4:8] == b"ftyp"
    signatures = ALLOWED[mime]
    if mime == "image/webp":
        return content[:4] == b"RIFF" and content[8:12] == b"WEBP"
    return signatures is None or any(content.startswith(s) for s in signatures)


def disposition(mime: str) -> str:
    """Pictures, sound and video open in the browser; anything else is downloaded."""
    return "inline" if mime.startswith(INLINE) else "attachment"


async def queue_media(session: AsyncSession, message: Message) -> None:
    """A pending blob for a media message (once)."""
    if message.kind != "media" or message.id is None:
        return
    if await session.get(MediaBlob, message.id) is not None:
        return
    media = (message.data or {}).get("media") or {}
    session.add(MediaBlob(message_id=message.id, mime_type=normalize(media.get("mime_type"))))


def _job(blob: MediaBlob, msg: Message, channel: str) -> tuple[int, str, dict[str, Any]]:
    return blob.message_id, channel, dict((msg.data or {}).get("media") or {})


async def _lease(db: Database, now: datetime, limit: int) -> list[tuple[int, str, dict[str, Any]]]:
    query = (
        select(MediaBlob, Message, Conversation.channel)
        .join(Message, Message.id == MediaBlob.message_id)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(
            MediaBlob.state == "pending",
            or_(MediaBlob.next_attempt_at.is_(None), MediaBlob.next_attempt_at <= now),
        )
        .order_by(MediaBlob.message_id)
        .limit(limit)
    )
    return await lease_due(db, query, now=now, lease=LEASE, take=_job, of=MediaBlob)


async def _fetch(
    graph: Any, channel: str, media: dict[str, Any], tokens: dict[str, str], max_bytes: int
) -> tuple[bytes, str]:
    if channel == "whatsapp" and media.get("media_id"):
        return await graph.fetch_media(media["media_id"], tokens["whatsapp"], max_bytes)
    if media.get("url"):
        return await graph.fetch_url(media["url"], max_bytes)
    raise SendError("no media id or url")


async def fetch_pending(
    db: Database,
    graph: Any,
    *,
    whatsapp_token: str,
    messenger_token: str,
    max_bytes: int,
    now: datetime | None = None,
    limit: int = 8,
) -> int:
    """Fetch due pending files (a few at a time); returns how many were stored."""
    now = now or utcnow()
    jobs = await _lease(db, now, limit)
    if not jobs:
        return 0
    tokens = {"whatsapp": whatsapp_token, "messenger": messenger_token}
    results = await asyncio.gather(
        *(_fetch(graph, channel, media, tokens, max_bytes) for _id, channel, media in jobs),
        return_exceptions=True,
    )
    stored = 0
    async with db.session() as session, session.begin():
        for (message_id, _channel, media), result in zip(jobs, results, strict=True):
            blob = await session.get(MediaBlob, message_id)
            if blob is None or blob.state != "pending":
                continue  # erased meanwhile
            stored += _record(blob, media, result, now)
    return stored


def _record(blob: MediaBlob, media: dict[str, Any], result: Any, now: datetime) -> int:
    if isinstance(result, MediaTooLargeError):
        blob.state, blob.error = "too_large", "larger than the size limit"
        return 0
    if isinstance(result, BaseException):
        retryable = isinstance(result, SendError) and result.retryable
        if not isinstance(result, SendError):
            log.warning("media %s: unexpected %s", blob.message_id, type(result).__name__)
            retryable = True
        # The class, and for a refusal its reason (e.g. "media host not allowed: <host>").
        blob.error = type(result).__name__
        if isinstance(result, SendError) and not result.retryable:
            blob.error = f"{blob.error}: {result}"[:200]
        next_at = RETRY.next_attempt(blob.attempts, now) if retryable else None
        if next_at is None:
            blob.state = "failed"
        else:
            blob.next_attempt_at = next_at
        return 0
    content, served = result
    mime = normalize(media.get("mime_type")) or normalize(served)
    if mime not in ALLOWED:
        mime = normalize(served)
    if not content_ok(mime, content):
        blob.state, blob.error = "failed", f"type not accepted ({mime or 'unknown'})"
        return 0
    blob.content, blob.mime_type, blob.size = content, mime, len(content)
    blob.state, blob.error = "stored", None
    return 1
