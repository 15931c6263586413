"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from bot import health_report, metrics
from bot.config import Settings, missing_channel_tokens
from bot.store.db import ping
from bot.web.deps import AppStateDep
from bot.web.metrics_access import refuse_metrics

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(app: AppStateDep, verbose: bool = False) -> Response:
    """Warmed up, and the database answers. `?verbose=1` adds warnings that do not make the
    process unready (a channel without a token: its replies wait in the outbox)."""
    extra = {"warnings": readiness_warnings(app.settings)} if verbose else {}
    if app.warming is not None and not app.warming.done():
        # A load balancer holds traffic back until the first replies will not be slow.
        return JSONResponse({"status": "warming up", **extra}, status_code=503)
    if await ping(app.db.engine):
        return JSONResponse({"status": "ready", **extra})
    return JSONResponse({"status": "database unreachable", **extra}, status_code=503)


def readiness_warnings(settings: Settings) -> list[str]:
    return [
        f"no {variable}: replies on {channels} are not sent"
        for channels, variable in missing_channel_tokens(settings)
    ]


@router.get("/metrics")
async def prometheus(request: Request, app: AppStateDep) -> Response:
    if (refused := refuse_metrics(request, app.settings)) is not None:
        return refused
    try:
        health = await health_report.read(app.db)
    except Exception:  # noqa: BLE001 - the counters are still worth serving
        log.warning("pipeline health could not be read from the database", exc_info=True)
        health = None
    health_report.publish(health)
    return Response(metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")
