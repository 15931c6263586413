"""After an erasure, SQLite's write-ahead log is folded into the database and emptied.

Until a checkpoint, the WAL file still holds the pages as they were before the erasure (what
the person said, encrypted, and their platform ids' hashes); `secure_delete` only overwrites
the database file itself. So the transaction that erased asks for a TRUNCATE checkpoint,
which runs once that transaction has ended (a checkpoint cannot run inside it). Best effort:
if readers in other processes keep the log busy for more than a second, the next automatic
checkpoint does it. PostgreSQL needs nothing here.
"""

from __future__ import annotations

import logging

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction
from sqlmodel.ext.asyncio.session import AsyncSession

log = logging.getLogger(__name__)

_WANTED, _DUE = "sauti.wal_checkpoint", "sauti.wal_checkpoint_due"
_BUSY_MS = 1000
_NORMAL_BUSY_MS = 30000


def checkpoint_after_commit(session: AsyncSession) -> None:
    """Empty SQLite's WAL once this session's transaction has committed."""
    bind = session.sync_session.get_bind()
    if bind.dialect.name == "sqlite":
        session.info[_WANTED] = True


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    if session.info.pop(_WANTED, False):
        session.info[_DUE] = True


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction: SessionTransaction) -> None:
    # The connections are back in the pool here, so the checkpoint can take one.
    if transaction.parent is not None:
        return
    session.info.pop(_WANTED, None)  # rolled back: nothing was erased after all
    if not session.info.pop(_DUE, False):
        return
    engine = session.get_bind()
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy = cursor.fetchone()
        cursor.execute(f"PRAGMA busy_timeout={_NORMAL_BUSY_MS}")
        cursor.close()
        if busy and busy[0]:
            log.info("WAL checkpoint after an erasure was busy; SQLite's next one will do it")
    except Exception:  # noqa: BLE001 - the erasure is committed; the checkpoint is extra
        log.warning("WAL checkpoint after an erasure failed", exc_info=True)
    finally:
        raw.close()
