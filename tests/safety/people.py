"""Test people who write to the bot over real, signed WhatsApp webhooks, and a way to see
everything the database holds (every table, decrypted) to look for what must not be there.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import select
from sqlmodel import SQLModel

from bot.channels.signature import sign
from bot.store.db import Database

BUSINESS_NUMBER_ID = "120200300400501"
_ids = itertools.count(1)


@dataclass
class Person:
    """A WhatsApp user: phone number, business-scoped user id and profile name."""

    phone: str
    name: str
    bsuid: str | None = None
    sent_ids: list[str] = field(default_factory=list)  # wamids of what they wrote

    def _envelope(self, messages: list[dict[str, Any]] | None = None, **value: Any) -> dict:
        contact: dict[str, Any] = {"profile": {"name": self.name}, "wa_id": self.phone}
        if self.bsuid:
            contact["user_id"] = self.bsuid
        body: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "metadata": {
                "display_phone_number": "15550009999",
                "phone_number_id": BUSINESS_NUMBER_ID,
            },
            **value,
        }
        if messages is not None:
            body["contacts"] = [contact]
            body["messages"] = messages
        return {
            "object": "whatsapp_business_account",
            "entry": [{"id": "110200300400500", "changes": [{"field": "messages", "value": body}]}],
        }

    def message(self, kind: str, **content: Any) -> dict[str, Any]:
        n = next(_ids)
        wamid = wamid_for(self.phone, n)
        self.sent_ids.append(wamid)
        msg: dict[str, Any] = {
            "from": self.phone,
            "id": wamid,
            "timestamp": str(1_767_612_345 + n),
            "type": kind,
            kind: content,
        }
        if self.bsuid:
            msg["from_user_id"] = self.bsuid
        return msg

    def text(self, body: str) -> dict:
        return self._envelope([self.message("text", body=body)])

    def texts(self, bodies: list[str]) -> dict:
        return self._envelope([self.message("text", body=b) for b in bodies])

    def location(self, lat: float, lon: float, name: str | None = None) -> dict:
        return self._envelope([self.message("location", latitude=lat, longitude=lon, name=name)])

    def image(self, media_id: str, caption: str) -> dict:
        return self._envelope(
            [self.message("image", id=media_id, mime_type="image/jpeg", caption=caption)]
        )

    def statuses(self, wamids: list[str], status: str) -> dict:
        rows = [
            {
                "id": w,
                "status": status,
                "timestamp": "1767612999",
                "recipient_id": self.phone,
            }
            for w in wamids
        ]
        return self._envelope(None, statuses=rows)


def wamid_for(phone: str, n: int) -> str:
    """A message id shaped like WhatsApp's: base64 of a record that holds the phone number."""
    raw = b"\x1c\x18" + bytes([len(phone)]) + phone.encode() + b"\x15\x02\x00\x12\x18\x14"
    return "wamid." + base64.b64encode(raw + f"{n:020X}".encode() + b"\x00").decode()


def decoded_tokens(text: str) -> str:
    """Every base64-looking token in `text`, decoded (what a reader of a leaked row could do)."""
    out = []
    for token in re.findall(r"[A-Za-z0-9+/=_-]{16,}", text):
        try:
            out.append(base64.b64decode(token + "=" * (-len(token) % 4)).decode("latin-1"))
        except (ValueError, binascii.Error):
            continue
    return " ".join(out)


def signed(secret: str, payload: object) -> tuple[bytes, dict[str, str]]:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return body, {"X-Hub-Signature-256": sign(secret, body), "Content-Type": "application/json"}


async def post(client: httpx.AsyncClient, secret: str, payload: object) -> httpx.Response:
    body, headers = signed(secret, payload)
    return await client.post("/webhooks/meta", content=body, headers=headers)


async def converse(client: httpx.AsyncClient, secret: str, *payloads: object) -> None:
    """Post each payload (signed) and let the workers answer it before the next."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    for payload in payloads:
        response = await post(client, secret, payload)
        assert response.status_code == 200, response.text
        await runtime.workers.run_until_idle(rounds=50)


async def dump_database(db: Database) -> dict[str, list[str]]:
    """Every row of every table, decrypted, as text: table name -> rows."""
    out: dict[str, list[str]] = {}
    async with db.session() as session:
        for name, table in SQLModel.metadata.tables.items():
            rows = (await session.execute(select(table))).all()
            out[name] = [
                json.dumps(dict(r._mapping), default=str, ensure_ascii=False) for r in rows
            ]
    return out


def found(dump: dict[str, list[str]], needle: str) -> list[str]:
    """Where `needle` appears as a whole token ("wamid.X2" is not in "wamid.X28"):
    ["table: row", ...]."""
    pattern = re.compile(rf"(?<![\w.]){re.escape(needle)}(?!\w)")
    return [f"{t}: {row[:300]}" for t, rows in dump.items() for row in rows if pattern.search(row)]
