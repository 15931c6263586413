"""What case actions need from the running process, as a protocol they are given.

The cases layer hands a chat back to the bot and wakes the sender, but it sits beside the
pipeline, not above it: the caller (the web layer) passes the process's `Runtime`, which
provides these, so `bot.cases` never imports `bot.pipeline`.
"""

from __future__ import annotations

from typing import Protocol

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.config import Settings
from bot.i18n.catalog import Catalogs
from bot.store.models import Conversation


class CaseHost(Protocol):
    @property
    def settings(self) -> Settings: ...

    @property
    def catalogs(self) -> Catalogs: ...

    async def resume(self, session: AsyncSession, conv: Conversation) -> None:
        """The bot takes the chat again, in the caller's transaction."""

    def kick_outbound(self) -> None:
        """Wake the sender: new outbox rows are committed."""
