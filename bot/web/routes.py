"""Which routers make up the app beyond the webhook and health checks."""

from __future__ import annotations

import importlib

from fastapi import FastAPI

from bot.config import Settings

# Each package exposes `router`; the simulator only where enabled.
ROUTERS = ["bot.web.api", "bot.web.groups_api", "bot.web.inbox"]
SIMULATOR = "bot.web.simulator"


def include_routes(app: FastAPI, settings: Settings) -> None:
    names = list(ROUTERS)
    if settings.demo or settings.simulator:
        names.append(SIMULATOR)
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # that part of the product is not installed in this build
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router)
