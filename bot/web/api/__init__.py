"""The caseworker JSON API (`/api/...`, bearer tokens). Architecture A3.

Including `router` also installs the cases layer into the runtime when the app starts
(event bus, notification/escalation/media jobs), unless a startup hook already did.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI

from bot.cases.wiring import install
from bot.web.api import cases, events, media


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    runtime = app.state.runtime
    await install(runtime)
    try:
        yield
    finally:
        runtime.events.close()  # open event streams end before the workers stop


router = APIRouter(lifespan=_lifespan)
router.include_router(cases.router)
router.include_router(media.router)
router.include_router(events.router)

__all__ = ["router"]
