"""The browser phone simulator (`/simulator`): demo mode, or SAUTI_SIMULATOR=1.

Its static files and templates are shared with the inbox (`bot.web.inbox`, always mounted).
"""

from __future__ import annotations

from bot.web.simulator.routes import router

__all__ = ["router"]
