"""create_app(): the FastAPI application, its routers and its lifespan (database, workers)."""

from __future__ import annotations

import gc

# A start allocates a few hundred thousand objects that live as long as the process (modules,
# models, catalogs, the place index). With the default threshold (700) the collector keeps
# walking them meanwhile: about 0.4 s of CPU of each start. The warm-up sets this threshold
# for good once the process is ready (`bot.pipeline.warm_up.GC_YOUNG_THRESHOLD`); before the
# imports below, so that they are spared too. Never lowered: only when it is smaller.
if gc.get_threshold()[0] < 50_000:
    gc.set_threshold(50_000, 20, 20)

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import Receive, Scope, Send

from bot.cases import wiring as cases_wiring
from bot.config import Settings, get_settings
from bot.logs import install_masking
from bot.pipeline.warm_up import warm_up
from bot.retention import DAY, daily_purge_job
from bot.runtime import Runtime, build_runtime, remember_flow_versions
from bot.store.db import create_all
from bot.web import docs, health, not_found_page, webhook
from bot.web.routes import include_routes
from bot.web.security import SecurityHeadersMiddleware

log = logging.getLogger(__name__)


class SautiApp(FastAPI):
    """FastAPI, except that webhook POSTs go straight to `webhook.receive_post`.

    In a burst, Meta's webhooks are nearly all the traffic, and FastAPI's routing and
    middleware stack cost more per request than checking and storing the body (bench/).
    The handler sets the same security headers and handles its own errors.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == webhook.PATH:
            runtime = getattr(self.state, "runtime", None)
            await webhook.receive_post(runtime, scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(
    settings: Settings | None = None,
    *,
    http: httpx.AsyncClient | None = None,
    create_tables: bool = False,
    start_workers: bool = True,
) -> FastAPI:
    settings = settings or get_settings()
    install_masking()  # every log record is masked, in every worker process

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runtime = build_runtime(settings, http=http)
        if create_tables:
            await create_all(runtime.db.engine)
        await remember_flow_versions(runtime.db, runtime.registry)
        app.state.runtime = runtime
        for hook in app.state.startup_hooks:
            await hook(runtime)
        if start_workers:
            runtime.warming = asyncio.create_task(warm_up(runtime))
            runtime.workers.start()
        try:
            yield
        finally:
            await runtime.close()

    app = SautiApp(
        title="Sauti",
        summary="A distress line on WhatsApp, Messenger and Instagram",
        lifespan=lifespan,
        # Served by bot.web.docs: only in demo mode or to a signed-in admin.
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    # Run in the lifespan, before the workers start (they may add periodic jobs).
    app.state.startup_hooks = [cases_wiring.install, _install_purge]
    app.add_middleware(SecurityHeadersMiddleware)
    app.include_router(webhook.router)
    app.include_router(health.router)
    app.include_router(docs.router)
    include_routes(app, settings)
    not_found_page.install(app)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Say what is wrong, but never echo the input back (it may be hostile or personal,
        # and NaN/Infinity in it cannot even be written as JSON).
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, _exc: Exception) -> JSONResponse:
        # No stack traces to clients; the log has the details (never message text).
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app


async def _install_purge(runtime: Runtime) -> None:
    """Retention: purge once at start, then daily (idempotent across processes)."""
    runtime.workers.add_jobs([(DAY, daily_purge_job(runtime.db, runtime.settings))])
