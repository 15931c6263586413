"""The admin changes of the audit log, in words, for the admin area's "recent changes" list.

Rows are written by bot.user_admin and bot.team_admin (the command line and the inbox alike);
this only reads them. Looking at the accounts (`user_list`) is audited but is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import AuditLog

RECENT = 30


@dataclass(frozen=True)
class Change:
    at: datetime
    actor: str
    what: str


def _n(count: Any, word: str) -> str:
    count = int(count or 0)
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _list(values: Any) -> str:
    return ", ".join(values) if values else "none"


def describe(action: str, d: dict[str, Any]) -> str:
    """One audit row as a sentence without its actor: "disabled amina (ended 1 session …)"."""
    account, team = d.get("account", "?"), d.get("team", "?")
    words = {
        "user_add": lambda: (
            f"added {d.get('role', 'caseworker')} {account} (teams: {_list(d.get('teams'))})"
        ),
        "user_disable": lambda: (
            f"disabled {account} (ended {_n(d.get('sessions'), 'session')}, "
            f"revoked {_n(d.get('tokens'), 'token')})"
        ),
        "user_enable": lambda: f"enabled {account}",
        "user_reset_password": lambda: (
            f"reset the password of {account} "
            f"(ended {_n(d.get('sessions'), 'session')}, revoked {_n(d.get('tokens'), 'token')})"
        ),
        "user_teams": lambda: (
            f"changed the teams of {account}: {_list(d.get('before'))} → {_list(d.get('after'))}"
        ),
        "user_token": lambda: (
            f"issued an API token for {account}"
            + (f" (revoked {_n(d.get('revoked'), 'other token')})" if d.get("revoked") else "")
        ),
        "user_revoke_tokens": lambda: (
            f"revoked the API tokens of {account} ({_n(d.get('revoked'), 'token')})"
        ),
        "user_logout": lambda: f"signed {account} out ({_n(d.get('sessions'), 'session')})",
        "team_add": lambda: (
            f"added team {team} (countries: {_list(d.get('countries'))})"
            + (" as the default team" if d.get("default") else "")
        ),
        "team_change": lambda: (
            f"changed team {team}: countries {_list(d.get('before'))} → "
            f"{_list(d.get('after'))}" + (", now the default team" if d.get("default") else "")
        ),
    }
    found = words.get(action)
    return found() if found else action.replace("_", " ")


async def recent_changes(session: AsyncSession, limit: int = RECENT) -> list[Change]:
    """The latest changes to users and teams, newest first."""
    rows = (
        (
            await session.execute(
                select(AuditLog)
                .where(
                    AuditLog.case_id.is_(None),  # type: ignore[union-attr]
                    or_(AuditLog.action.startswith("user_"), AuditLog.action.startswith("team_")),  # type: ignore[attr-defined]
                    AuditLog.action != "user_list",
                )
                .order_by(AuditLog.at.desc(), AuditLog.id.desc())  # type: ignore[attr-defined,union-attr]
                .limit(limit)
            )
        )
        .scalars()
        .all()
    )
    return [
        Change(row.at, (row.detail or {}).get("actor", "?"), describe(row.action, row.detail or {}))
        for row in rows
    ]
