"""Which routers make up the app beyond the webhook, health checks and API docs."""

from __future__ import annotations

from fastapi import FastAPI

from bot.config import Settings
from bot.web import api, groups_api, inbox, simulator


def include_routes(app: FastAPI, settings: Settings) -> None:
    """The caseworker API, the groups API and the inbox; the simulator only where enabled."""
    for router in (api.router, groups_api.router, inbox.router):
        app.include_router(router)
    if settings.demo or settings.simulator:
        app.include_router(simulator.router)
