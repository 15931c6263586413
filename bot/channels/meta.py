"""The one Meta webhook: the GET handshake and dispatch of POST payloads on `object`.

`POST /webhooks/meta` carries WhatsApp (`whatsapp_business_account`), Messenger (`page`) and
Instagram (`instagram`) payloads alike; verify the signature first (`signature.verify`), store
the raw body, then call `parse_event`. Unknown objects parse to nothing, and must still be
answered with 200 so Meta does not retry or unsubscribe the app.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Any

from bot.channels import messenger, whatsapp
from bot.messages import Inbound

__all__ = ["handshake", "parse_event"]


def parse_event(payload: dict) -> list[Inbound]:
    """Every `Inbound` in one webhook payload; [] for objects we do not serve. Never raises."""
    if not isinstance(payload, dict):
        return []
    match payload.get("object"):
        case "whatsapp_business_account":
            return whatsapp.parse(payload)
        case "page":
            return messenger.parse(payload, "messenger")
        case "instagram":
            return messenger.parse(payload, "instagram")
        case _:
            return []


def handshake(params: Mapping[str, Any], verify_token: str) -> str | None:
    """The `hub.challenge` to echo (as text/plain, 200), or None to answer 403.

    Args:
        params: the GET query parameters (`hub.mode`, `hub.verify_token`, `hub.challenge`).
        verify_token: our configured token; an empty one never matches.
    """
    mode, token, challenge = (
        params.get(f"hub.{key}") for key in ("mode", "verify_token", "challenge")
    )
    if mode != "subscribe" or not verify_token or not isinstance(token, str):
        return None
    if not isinstance(challenge, str) or not hmac.compare_digest(
        token.encode(), verify_token.encode()
    ):
        return None
    return challenge
