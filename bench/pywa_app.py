"""The peer: a minimal reply bot built with pywa's FastAPI integration, as its docs show it.

It checks the signature (pywa's `app_secret`), and answers each text with one message sent
through pywa's own client (pointed at the Graph stand-in). Nothing is stored.

    BENCH_GRAPH_URL=http://127.0.0.1:9100 uvicorn bench.pywa_app:create_app --factory
"""

from __future__ import annotations

import os

from fastapi import FastAPI
from pywa_async import WhatsApp, filters, types

from bench.payloads import APP_SECRET, PHONE_ID, VERIFY_TOKEN

GRAPH_VERSION = "25.0"


def create_app() -> FastAPI:
    app = FastAPI()

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    wa = WhatsApp(
        phone_id=PHONE_ID,
        token="bench-token",
        server=app,
        webhook_endpoint="/webhooks/meta",
        verify_token=VERIFY_TOKEN,
        app_secret=APP_SECRET,
        api_version=GRAPH_VERSION,
    )
    # pywa always talks to graph.facebook.com; point its client at the local stand-in.
    graph = os.environ.get("BENCH_GRAPH_URL", "http://127.0.0.1:9")
    wa._api._session.base_url = f"{graph.rstrip('/')}/v{GRAPH_VERSION}"

    @wa.on_message(filters.text)
    async def answer(_: WhatsApp, msg: types.Message) -> None:
        await msg.reply_text("We received your message. Are you safe right now?")

    return app
