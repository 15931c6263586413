"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from bot import health_report, metrics
from bot.store.db import ping
from bot.web.deps import AppStateDep

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(app: AppStateDep) -> Response:
    """Warmed up, and the database answers."""
    warming = app.extras.get("warm_up")
    if warming is not None and not warming.done():
        # A load balancer holds traffic back until the first replies will not be slow.
        return JSONResponse({"status": "warming up"}, status_code=503)
    if await ping(app.db.engine):
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "database unreachable"}, status_code=503)


@router.get("/metrics")
async def prometheus(app: AppStateDep) -> Response:
    try:
        health = await health_report.read(app.db)
    except Exception:  # noqa: BLE001 - the counters are still worth serving
        log.warning("pipeline health could not be read from the database", exc_info=True)
        health = None
    health_report.publish(health)
    return Response(metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")
