"""Who may read `/metrics`: the counters tell an outsider how many people write, and when.

`SAUTI_METRICS_TOKEN` set: only `Authorization: Bearer <token>` (401 otherwise).
`SAUTI_METRICS_TOKEN=public`: anyone (a scraper on a private network, say so on purpose).
Unset: /metrics is off (404), except in demo mode, where there is nothing to protect.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response

from bot.config import Settings
from bot.web.auth import CHALLENGE, bearer_token

PUBLIC = "public"


def refuse_metrics(request: Request, settings: Settings) -> Response | None:
    """None when the request may read the metrics, else the answer to give instead."""
    configured = settings.metrics_token.strip()
    if configured == PUBLIC or (not configured and settings.demo):
        return None
    if not configured:
        return PlainTextResponse("metrics are off: set SAUTI_METRICS_TOKEN", status_code=404)
    given = bearer_token(request) or ""
    if hmac.compare_digest(given.encode(), configured.encode()):
        return None
    return PlainTextResponse(
        "a valid bearer token is needed (SAUTI_METRICS_TOKEN)", status_code=401, headers=CHALLENGE
    )
