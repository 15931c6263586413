"""Signed WhatsApp webhook bodies, as Meta sends them: one text message, or one status.

The same bodies go to every system under test (Sauti, the bare endpoint, the pywa bot), so
the work each one is asked to do is identical.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

APP_SECRET = "bench-app-secret-not-for-production"
VERIFY_TOKEN = "bench-verify-token"
PHONE_ID = "106540352242922"
WABA_ID = "102290129340398"


def contact_phone(n: int) -> str:
    """A distinct synthetic phone number (digits only, as WhatsApp's wa_id) for contact n."""
    return f"2547{n:08d}"


def contact_bsuid(n: int) -> str:
    """Contact n's business-scoped user id (BSUID), present in webhooks since 2026."""
    return f"KE.{contact_phone(n)}"


def contact_number(recipient: str) -> str:
    """Who a send went to, whether addressed by phone (`to`) or BSUID (`recipient`)."""
    return recipient.rpartition(".")[2]


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def text_event(contact: int, wamid: str, text: str = "hello", ts: int | None = None) -> dict:
    phone, bsuid = contact_phone(contact), contact_bsuid(contact)
    return _envelope(
        {
            "contacts": [{"profile": {"name": f"P{contact}"}, "wa_id": phone, "user_id": bsuid}],
            "messages": [
                {
                    "from": phone,
                    "from_user_id": bsuid,
                    "id": wamid,
                    "timestamp": str(ts or int(time.time())),
                    "type": "text",
                    "text": {"body": text},
                }
            ],
        }
    )


def status_event(recipient: str, wamid: str, status: str, callback_data: str | None) -> dict:
    """A delivery status for a message we sent, echoing biz_opaque_callback_data as Meta does."""
    item: dict = {
        "id": wamid,
        "status": status,
        "timestamp": str(int(time.time())),
        "recipient_id": recipient,
        "recipient_user_id": f"KE.{recipient}",
    }
    if callback_data:
        item["biz_opaque_callback_data"] = callback_data
    return _envelope({"statuses": [item]})


def _envelope(value: dict) -> dict:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550001111", "phone_number_id": PHONE_ID},
        **value,
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": WABA_ID, "changes": [{"field": "messages", "value": value}]}],
    }


def encode(payload: dict, secret: str = APP_SECRET) -> tuple[bytes, str]:
    """The body bytes and their X-Hub-Signature-256 header value."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    return body, sign(secret, body)


def http_post(path: str, body: bytes, signature: str, host: str = "127.0.0.1") -> bytes:
    """A complete HTTP/1.1 keep-alive POST request, ready to write to a socket."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"X-Hub-Signature-256: {signature}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def webhook_requests(
    first_contact: int, count: int, *, tag: str, path: str = "/webhooks/meta", per_contact: int = 1
) -> list[bytes]:
    """`count` signed text webhooks from `count // per_contact` contacts starting at
    `first_contact`; each message id is unique (`tag` keeps runs apart)."""
    out = []
    base_ts = int(time.time())
    for i in range(count):
        contact = first_contact + i // per_contact
        body, sig = encode(text_event(contact, f"wamid.{tag}.{i}", ts=base_ts + i % per_contact))
        out.append(http_post(path, body, sig))
    return out
