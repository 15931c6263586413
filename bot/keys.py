"""Key rotation: re-encrypt every encrypted column of every row with the newest data key.

`SAUTI_DATA_KEY` lists keys newest first; every listed key still decrypts, so data stays
readable during and after a rotation. Rows are read and written as raw ciphertext (no
decryption on the way out), in batches by primary key, and a row is only written back if it
did not change meanwhile, so rotation can run while the service answers people.

Lookup hashes are keyed by `SAUTI_HASH_KEY`, or else by a key derived from the *oldest* data
key: without SAUTI_HASH_KEY, dropping the oldest key changes every lookup hash, so
`rehash_contacts` and `rehash_messages` recompute them for the keyring used afterwards
(delivery receipts of messages sent before then no longer match: their ticks stop moving).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.fernet import InvalidToken
from sqlalchemy import LargeBinary, Table, Text, and_, column, select, table, tuple_, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.crypto import EncryptedBytes, EncryptedJSON, EncryptedText, Keyring
from bot.store.db import Database
from bot.store.models import Conversation, Message

ENCRYPTED_TYPES = (EncryptedBytes, EncryptedJSON, EncryptedText)


@dataclass
class RotationReport:
    rotated: int = 0  # values re-encrypted with the newest key
    current: int = 0  # values already under the newest key
    unreadable: int = 0  # values no listed key can decrypt (left as they are)
    columns: list[str] = field(default_factory=list)  # "table.column" visited


def encrypted_columns() -> dict[str, list[str]]:
    """Every table that has encrypted columns, with those columns' names."""
    found: dict[str, list[str]] = {}
    for name, tbl in SQLModel.metadata.tables.items():
        cols = [c.name for c in tbl.columns if isinstance(c.type, ENCRYPTED_TYPES)]
        if cols:
            found[name] = cols
    return found


def _raw_table(tbl: Table, name: str) -> tuple[object, list[str], bool]:
    """A lightweight view of `tbl` whose encrypted column is plain Text/bytes (no decryption)."""
    pk = [c.name for c in tbl.primary_key.columns]
    is_bytes = isinstance(tbl.c[name].type, EncryptedBytes)
    raw_type = LargeBinary() if is_bytes else Text()
    cols = [column(k, tbl.c[k].type) for k in pk] + [column(name, raw_type)]
    return table(tbl.name, *cols), pk, is_bytes


async def keys_read_stored_data(database_url: str, keys: Keyring) -> bool:
    """False when no listed key decrypts the newest stored conversation: the key was replaced
    instead of rotated, and the service would acknowledge messages it can never answer."""
    raw, _pk, _is_bytes = _raw_table(Conversation.__table__, "contact_ref")  # type: ignore[attr-defined]
    db = Database(database_url)
    try:
        async with db.session() as session:
            newest = select(raw.c.contact_ref).order_by(raw.c.id.desc()).limit(1)  # type: ignore[attr-defined]
            value = (await session.execute(newest)).scalar_one_or_none()
    finally:
        await db.dispose()
    if value is None:
        return True
    try:
        keys.decrypt(value.encode())
    except InvalidToken:
        return False
    return True


def _rotate_value(keys: Keyring, value: bytes) -> bytes | None:
    """The re-encrypted token, or None when it is already current. Raises InvalidToken."""
    try:
        keys.fernets[0].decrypt(value)
        return None
    except InvalidToken:
        return keys.rotate(value)


async def rotate_column(
    db: Database, keys: Keyring, tbl: Table, name: str, report: RotationReport, batch: int
) -> None:
    raw, pk, is_bytes = _raw_table(tbl, name)
    pk_cols = [raw.c[k] for k in pk]  # type: ignore[attr-defined]
    value_col = raw.c[name]  # type: ignore[attr-defined]
    last: tuple | None = None
    while True:
        query = select(*pk_cols, value_col).where(value_col.is_not(None))
        if last is not None:
            query = query.where(_after(pk_cols, last))
        query = query.order_by(*pk_cols).limit(batch)
        async with db.session() as session, session.begin():
            rows = (await session.execute(query)).all()
            for row in rows:
                key_values, value = tuple(row[: len(pk)]), row[len(pk)]
                token = value if is_bytes else value.encode()
                try:
                    fresh = _rotate_value(keys, token)
                except InvalidToken:
                    report.unreadable += 1
                    continue
                if fresh is None:
                    report.current += 1
                    continue
                new_value = fresh if is_bytes else fresh.decode()
                match = [c == v for c, v in zip(pk_cols, key_values, strict=True)]
                # Only if nobody wrote the row meanwhile (their write is already current).
                await session.execute(
                    update(raw).where(and_(*match, value_col == value)).values({name: new_value})
                )
                report.rotated += 1
        if len(rows) < batch:
            return
        last = tuple(rows[-1][: len(pk)])


def _after(pk_cols: list, last: tuple) -> ColumnElement[bool]:
    """Keyset pagination: rows whose primary key sorts after `last` (single or composite)."""
    if len(pk_cols) == 1:
        return pk_cols[0] > last[0]
    return tuple_(*pk_cols) > tuple_(*last)


async def rotate_keys(db: Database, keys: Keyring, *, batch: int = 500) -> RotationReport:
    """Re-encrypt every encrypted value in the database with `keys`' newest key."""
    report = RotationReport()
    for table_name, names in encrypted_columns().items():
        tbl = SQLModel.metadata.tables[table_name]
        for name in names:
            report.columns.append(f"{table_name}.{name}")
            await rotate_column(db, keys, tbl, name, report, batch)
    return report


async def _each_batch(
    db: Database, model: Any, where: Any, batch: int
) -> AsyncIterator[tuple[AsyncSession, Sequence[Any]]]:
    """Yield (session, rows) in id order, one transaction per batch."""
    last_id = 0
    while True:
        async with db.session() as session, session.begin():
            query = select(model).where(where, model.id > last_id).order_by(model.id).limit(batch)
            rows = (await session.execute(query)).scalars().all()
            yield session, rows
        if len(rows) < batch:
            return
        last_id = rows[-1].id


async def rehash_contacts(db: Database, old: Keyring, new: Keyring, *, batch: int = 500) -> int:
    """Recompute conversation lookup hashes from `old`'s hash key to `new`'s; returns how many
    changed. Run with the service stopped: a message arriving meanwhile would be looked up
    under the other hash."""
    if old.hash_key == new.hash_key:
        return 0
    changed = 0
    live = ~Conversation.contact_hash.startswith("erased:")  # erased rows stay unlinked
    async for _session, convs in _each_batch(db, Conversation, live, batch):
        for conv in convs:
            value = f"{conv.channel}:{conv.contact_ref}"
            if conv.contact_ref and conv.contact_hash == old.lookup_hash(value):
                conv.contact_hash = new.lookup_hash(value)
                changed += 1
    return changed


def _platform_key(keys: Keyring, channel: str, platform_id: str) -> str:
    # The scheme of bot.platform_ids.inbound_key, with a given keyring.
    return f"{channel}:{keys.lookup_hash(f'{channel}:{platform_id}')[:40]}"


async def rehash_messages(db: Database, old: Keyring, new: Keyring, *, batch: int = 500) -> int:
    """Recompute inbound messages' deduplication keys (keyed hashes of platform ids; the id
    itself is in the encrypted message data). Keys that do not match `old` are left alone."""
    if old.hash_key == new.hash_key:
        return 0
    changed = 0
    inbound = (Message.direction == "in") & Message.dedupe_key.is_not(None)
    async for _session, messages in _each_batch(db, Message, inbound, batch):
        for msg in messages:
            item = (msg.data or {}).get("inbound") or {}
            channel, platform_id = item.get("channel"), item.get("dedupe_key")
            if not channel or not platform_id:
                continue
            if msg.dedupe_key == _platform_key(old, channel, platform_id):
                msg.dedupe_key = _platform_key(new, channel, platform_id)
                changed += 1
    return changed
