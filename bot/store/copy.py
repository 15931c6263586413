"""`sauti db copy`: copy every table to another, empty and migrated database.

Used to move from SQLite to PostgreSQL. Rows keep their ids, and encrypted columns are
copied as the stored ciphertext (never decrypted), so the same `SAUTI_DATA_KEY` reads them on
the other side. The copy runs in one transaction on the target: it all lands, or nothing.
Afterwards PostgreSQL's id sequences are moved past the copied ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Integer,
    MetaData,
    Table,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.types import TypeDecorator, TypeEngine
from sqlmodel import SQLModel

from bot.store import crypto
from bot.store.db import make_engine

ENCRYPTED = (crypto.EncryptedBytes, crypto.EncryptedText, crypto.EncryptedJSON)


class CopyError(Exception):
    """The copy cannot start (target not migrated or not empty, or versions differ)."""


def _raw_type(column_type: TypeEngine[Any]) -> TypeEngine[Any]:
    if isinstance(column_type, ENCRYPTED):
        # Read and write the stored ciphertext: never decrypt, never re-encrypt.
        assert isinstance(column_type, TypeDecorator)
        return column_type.impl_instance
    if isinstance(column_type, JSON):
        return JSON(none_as_null=True)  # SQL NULL stays NULL (not the JSON text 'null')
    return column_type


def raw_tables(present: dict[str, set[str]] | None = None) -> list[Table]:
    """Every model table, parents before children, with encrypted columns as plain bytes/text;
    limited to the tables and columns in `present` when given."""
    meta = MetaData()
    out = []
    for table in SQLModel.metadata.sorted_tables:
        if present is not None and table.name not in present:
            continue
        columns = [
            Column(c.name, _raw_type(c.type), primary_key=c.primary_key)
            for c in table.columns
            if present is None or c.name in present[table.name]
        ]
        out.append(Table(table.name, meta, *columns))
    return out


async def _layout(engine: AsyncEngine) -> dict[str, set[str]]:
    """Table name → column names, as they are in the database."""

    def read(sync_conn: Any) -> dict[str, set[str]]:
        inspector = inspect(sync_conn)
        return {
            name: {c["name"] for c in inspector.get_columns(name)}
            for name in inspector.get_table_names()
        }

    async with engine.connect() as conn:
        return await conn.run_sync(read)


async def _revision(engine: AsyncEngine) -> str | None:
    try:
        async with engine.connect() as conn:
            return (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    except Exception:  # noqa: BLE001 - no table: never migrated
        return None


async def check_versions(source: AsyncEngine, target: AsyncEngine) -> None:
    from bot.store.migrate import head_revision

    head = head_revision()
    if await _revision(target) != head:
        raise CopyError("the target is not migrated: run `sauti db upgrade` against it first")
    if await _revision(source) != head:
        raise CopyError("the source is not at the latest migration: run `sauti db upgrade` first")


async def check_empty(target: AsyncConnection, tables: list[Table]) -> None:
    for table in tables:
        if (await target.execute(select(func.count()).select_from(table))).scalar():
            raise CopyError(f"the target is not empty (table {table.name}): copy into a new one")


async def check_layout(
    source: AsyncConnection, tables: list[Table], target: dict[str, set[str]]
) -> None:
    """A table or column with data that the target lacks would be lost: refuse."""
    for table in tables:
        missing = {c.name for c in table.columns} - target.get(table.name, set())
        if not missing:
            continue
        if (await source.execute(select(func.count()).select_from(table))).scalar():
            what = f"table {table.name}" if table.name not in target else f"{table.name}.{missing}"
            raise CopyError(f"the target has no {what}: are both on the same version?")


async def fix_sequences(conn: AsyncConnection, tables: list[Table]) -> None:
    """Move each PostgreSQL id sequence past the largest copied id."""
    for table in tables:
        if "id" not in table.c or not isinstance(table.c.id.type, Integer):
            continue  # no id, or a text id (case_file): no sequence
        name = table.name
        await conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                f'COALESCE(MAX(id), 0) + 1, false) FROM "{name}"'
            )
        )


async def copy_tables(
    source: AsyncEngine,
    target: AsyncEngine,
    *,
    batch: int = 1000,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Copy every table; returns the number of rows per table."""
    counts: dict[str, int] = {}
    await check_versions(source, target)
    tables = raw_tables(await _layout(source))
    target_layout = await _layout(target)
    async with source.connect() as src, target.begin() as dst:
        await check_layout(src, tables, target_layout)
        await check_empty(dst, [t for t in tables if t.name in target_layout])
        for table in tables:
            counts[table.name] = 0
            result = await src.stream(select(table).order_by(*table.primary_key.columns))
            async for rows in result.partitions(batch):
                await dst.execute(insert(table), [dict(r._mapping) for r in rows])
                counts[table.name] += len(rows)
            if progress is not None:
                progress(table.name, counts[table.name])
        if dst.dialect.name == "postgresql":
            await fix_sequences(dst, [t for t in tables if t.name in target_layout])
    return counts


async def copy_database(
    source_url: str, target_url: str, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    source, target = make_engine(source_url), make_engine(target_url)
    try:
        return await copy_tables(source, target, progress=progress)
    finally:
        await source.dispose()
        await target.dispose()
