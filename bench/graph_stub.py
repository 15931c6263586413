"""A stand-in for the Graph API in its own process: answers sends after a fixed latency and
counts what it received, so the benchmark can tell when every person got an answer.

    python -m bench.graph_stub --port 9100 --latency 0.05

- POST /{version}/{phone_number_id}/messages: sleeps `latency`, answers like WhatsApp
  (`messages[0].id`, or `success` for a mark-read).
- GET /_stats: counts since the last reset: requests, replies (mark-reads excluded), distinct
  recipients answered, the wall-clock time of the last first answer, and how many replies
  repeated an idempotency key (`biz_opaque_callback_data`) already seen.
- POST /_reset: forget everything.

A raw ASGI app (no framework) keeps its own CPU use small: it shares the machine with the
systems under test.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import time
from typing import Any

import uvicorn

from bench.payloads import contact_number


class Stats:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.replies = 0
        self.reads = 0
        self.first_answer: dict[str, float] = {}
        self.keys: set[str] = set()
        self.duplicate_keys = 0
        self.last_answer_at = 0.0

    def record(self, body: dict[str, Any]) -> None:
        if body.get("status") == "read":
            self.reads += 1
            return
        self.replies += 1
        recipient = contact_number(str(body.get("to") or body.get("recipient") or ""))
        now = time.time()
        if recipient not in self.first_answer:
            self.first_answer[recipient] = now
            self.last_answer_at = now
        key = body.get("biz_opaque_callback_data")
        if key:
            if key in self.keys:
                self.duplicate_keys += 1
            self.keys.add(key)

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "replies": self.replies,
            "reads": self.reads,
            "answered": len(self.first_answer),
            "last_answer_at": self.last_answer_at,
            "duplicate_keys": self.duplicate_keys,
        }


def make_app(latency: float):  # type: ignore[no-untyped-def]
    stats = Stats()
    ids = itertools.count(1)

    async def app(scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        path, method = scope["path"], scope["method"]
        if path == "/_stats":
            return await _json(send, 200, stats.as_dict())
        if path == "/_reset" and method == "POST":
            stats.reset()
            return await _json(send, 200, {"ok": True})
        if method != "POST" or not path.endswith("/messages"):
            return await _json(send, 404, {"error": {"code": 100, "message": "unknown path"}})
        stats.requests += 1
        try:
            body = json.loads(b"".join(chunks))
        except ValueError:
            return await _json(send, 400, {"error": {"code": 100, "message": "bad json"}})
        await asyncio.sleep(latency)
        stats.record(body)
        if body.get("status") == "read":
            return await _json(send, 200, {"success": True})
        return await _json(
            send,
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
                "messages": [{"id": f"wamid.STUB{next(ids)}"}],
            },
        )

    return app


async def _json(send: Any, status: int, data: dict[str, Any]) -> None:
    raw = json.dumps(data).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": raw})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    uvicorn.run(
        make_app(args.latency),
        host="127.0.0.1",
        port=args.port,
        log_level="warning",
        access_log=False,
        lifespan="off",
        backlog=4096,
    )


if __name__ == "__main__":
    main()
