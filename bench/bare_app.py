"""The ceiling: a FastAPI endpoint that only checks the webhook signature and answers 200.

uvicorn bench.bare_app:create_app --factory
"""

from __future__ import annotations

import hashlib
import hmac

from fastapi import FastAPI, Request, Response

from bench.payloads import APP_SECRET


def create_app() -> FastAPI:
    app = FastAPI()
    secret = APP_SECRET.encode()

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/webhooks/meta")
    async def receive(request: Request) -> Response:
        body = await request.body()
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        header = request.headers.get("x-hub-signature-256") or ""
        if not hmac.compare_digest(expected, header):
            return Response(status_code=403)
        return Response(status_code=200)

    return app
