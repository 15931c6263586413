"""Fill a database with synthetic past conversations, to show that the cost of a message does
not grow with what is stored. Each conversation has its contact (encrypted, hashed like a real
one), an inbound and an outbound message, a sent outbox row, and every tenth a case.

Seeded contacts are numbered from SEED_BASE, apart from the contacts the load generator uses.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select, text

from bench.payloads import PHONE_ID, contact_bsuid, contact_phone
from bot.masking import mask_id
from bot.store import crypto
from bot.store.copy import fix_sequences, raw_tables
from bot.store.db import Database
from bot.store.models import Case, Conversation, Message, Outbox

SEED_BASE = 50_000_000


async def stored_conversations(url: str) -> int:
    db = Database(url)
    try:
        async with db.session() as session:
            return int((await session.execute(select(func.count(Conversation.id)))).scalar_one())
    finally:
        await db.dispose()


async def seed(url: str, data_key: str, upto: int, batch: int = 2000) -> int:
    """Add synthetic conversations until there are `upto`; returns how many were added."""
    crypto.configure([data_key])
    have = await stored_conversations(url)
    db = Database(url)
    added = 0
    try:
        async with db.engine.begin() as conn:
            top = (await conn.execute(select(func.max(Conversation.id)))).scalar() or 0
            mtop = (await conn.execute(select(func.max(Message.id)))).scalar() or 0
            otop = (await conn.execute(select(func.max(Outbox.id)))).scalar() or 0
        while have + added < upto:
            n = min(batch, upto - have - added)
            first = have + added
            async with db.engine.begin() as conn:
                await _insert_batch(conn, first, n, top + added, mtop + 2 * added, otop + added)
            added += n
        if not db.is_sqlite:
            async with db.engine.begin() as conn:
                names = {Conversation.__tablename__, Message.__tablename__, Outbox.__tablename__}
                await fix_sequences(conn, [t for t in raw_tables() if t.name in names])
            # The steady state autovacuum reaches in production, before we measure (rather
            # than autovacuum analyzing 100,000 fresh rows in the middle of the measurement).
            async with db.engine.connect() as conn:
                auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
                await auto.execute(text("VACUUM ANALYZE"))
    finally:
        await db.dispose()
    return added


async def _insert_batch(conn, first: int, n: int, cid: int, mid: int, oid: int) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    convs, msgs, outs, cases = [], [], [], []
    for i in range(n):
        k = SEED_BASE + first + i
        phone, bsuid = contact_phone(k), contact_bsuid(k)
        at = now - timedelta(days=30, seconds=i)
        recent = now - timedelta(days=1, seconds=i)
        conv_id, in_id, out_id = cid + i + 1, mid + 2 * i + 1, mid + 2 * i + 2
        convs.append(
            {
                "id": conv_id,
                "channel": "whatsapp",
                "business_id": PHONE_ID,
                "contact_hash": crypto.lookup_hash(f"whatsapp:{bsuid}"),
                "contact_ref": bsuid,
                "contact_phone": phone,
                "contact_name": None,
                "masked_id": mask_id(phone),
                "language": "en",
                "status": "ended" if i % 3 else "active",
                "claimed": False,
                "flood_count": 0,
                "flood_noticed": False,
                "last_inbound_at": at,
                "created_at": at,
                "updated_at": at,
            }
        )
        common = {"conversation_id": conv_id, "platform_ts": at, "created_at": at}
        msgs.append(
            {
                **common,
                "id": in_id,
                "direction": "in",
                "author": "person",
                "kind": "text",
                "text": "I need help",
                "data": {"raw_type": "text"},
                "dedupe_key": f"whatsapp:wamid.SEED{k}",
                "state": "done",
            }
        )
        msgs.append(
            {
                **common,
                "id": out_id,
                "direction": "out",
                "author": "bot",
                "kind": "text",
                "text": "We are here. Are you safe right now?",
                "data": {},
                "dedupe_key": None,
                "state": "read",
            }
        )
        outs.append(
            {
                "id": oid + i + 1,
                "conversation_id": conv_id,
                "message_id": out_id,
                "idempotency_key": f"msg:{out_id}:0",
                "channel": "whatsapp",
                "path": f"{PHONE_ID}/messages",
                "body": {"to": phone, "type": "text", "text": {"body": "We are here."}},
                "state": "sent",
                "attempts": 0,
                # Younger than the outbox's retention (7 days), as the daily purge leaves it:
                # otherwise the server's first purge deletes 100,000 rows during the measurement.
                "next_attempt_at": recent,
                "created_at": recent,
                "sent_at": recent,
                "platform_message_id": f"wamid.SEEDOUT{k}",
            }
        )
        if i % 10 == 0:
            cases.append(
                {
                    "id": f"S{k}",
                    "conversation_id": conv_id,
                    "status": "resolved",
                    "priority": "normal",
                    "rules_fired": [],
                    "channel": "whatsapp",
                    "language": "en",
                    "answers": {"consent": "yes", "safety": "safe"},
                    "created_at": at,
                    "updated_at": at,
                }
            )
    # Through the model tables, so the columns are encrypted exactly as the app writes them.
    for table, rows in (
        (Conversation.__table__, convs),
        (Message.__table__, msgs),
        (Outbox.__table__, outs),
        (Case.__table__, cases),
    ):
        if rows:
            await conn.execute(insert(table), rows)


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    print(asyncio.run(seed(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
