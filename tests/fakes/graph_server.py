"""A real local HTTP server that answers like Meta's Graph API, for tests.

It runs a small Starlette app under uvicorn in a background thread on 127.0.0.1 (a free
port), so both sync and async tests (and the app under test, through real sockets) can use
it. Point `SAUTI_GRAPH_URL` (or `GraphClient`'s base URL) at `fake.url`.

    with FakeGraph() as fake:                      # or fake = FakeGraph().start(); fake.stop()
        fake.rate_limit_next(1)                    # the next request gets 429 / code 130429
        ...                                        # run the code under test
        assert fake.sent_texts() == ["Are you safe?"]

What it answers (any version prefix, e.g. /v25.0/...):
- POST /{v}/{phone_number_id}/messages with `messaging_product: whatsapp`:
  `{"messaging_product": "whatsapp", "contacts": [...], "messages": [{"id": "wamid.FAKE<n>"}]}`,
  or `{"success": true}` for a mark-read (`"status": "read"`).
- POST /{v}/me/messages (Messenger/Instagram): `{"recipient_id": ..., "message_id": "m_FAKE<n>"}`,
  or just `{"recipient_id": ...}` for a sender action.
- GET /{v}/{media_id}: WhatsApp media metadata whose `url` serves the bytes given to
  `add_media` (that URL wants the Bearer token too, like Meta's); `add_media` also returns a
  token-free CDN URL as used by Messenger.
- With `FakeGraph(token=...)`, a request with another Bearer token gets 401 / code 190.

Failure injection applies, in order, to the next Graph requests (not to media downloads):
`fail_next(n, status=500, code=None)` (no code: an empty body), `rate_limit_next(n,
code=130429)` (429), `delay_next(n, seconds)` (answers normally after the delay, and counts
as sent, as when a client times out on a request Meta did process). `fail_for(seconds,
status=500, code=None, retry_after=None)` is an outage: every Graph request fails so for
`seconds` from now (a 429 with code 130429 and `Retry-After: 2` is a throughput storm).

`requests` records every request as (method, path, headers, json); `sent` and `sent_texts()`
only the messages that were accepted, and `sent_times` when each was (time.monotonic()).
All methods are thread-safe.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import itertools
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NamedTuple
from urllib.parse import quote

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

__all__ = ["FakeGraph", "Recorded"]


class Recorded(NamedTuple):
    method: str
    path: str
    headers: dict[str, str]
    json: Any


@dataclass
class _Behaviour:
    status: int = 200
    code: int | None = None
    delay: float = 0.0
    retry_after: float | None = None


class FakeGraph:
    def __init__(self, *, token: str | None = None, host: str = "127.0.0.1") -> None:
        self.token = token
        self.host = host  # "0.0.0.0" only when containers must reach it (tests/faults)
        self._lock = threading.Condition()
        self._requests: list[Recorded] = []
        self._sent: list[dict[str, Any]] = []
        self._sent_times: list[float] = []
        self._outage: tuple[float, _Behaviour] | None = None  # (until, how requests fail)
        self._behaviours: deque[_Behaviour] = deque()
        self._media: dict[str, tuple[bytes, str]] = {}
        self._media_urls: dict[str, str] = {}  # media id → the url its metadata names
        self._ids = itertools.count(1)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.url = ""

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> FakeGraph:
        """Start serving (blocks until the port accepts connections); returns self."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            self._app(),
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            ws="none",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True, name="fake-graph"
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the fake Graph server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> FakeGraph:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- test controls -----------------------------------------------------------------

    def fail_next(self, n: int = 1, status: int = 500, code: int | None = None) -> None:
        """The next `n` Graph requests fail with `status` (and Meta error `code`, if given)."""
        self._queue(n, _Behaviour(status=status, code=code))

    def rate_limit_next(self, n: int = 1, code: int = 130429) -> None:
        """The next `n` Graph requests get 429 with Meta error `code`."""
        self._queue(n, _Behaviour(status=429, code=code))

    def fail_for(
        self,
        seconds: float,
        status: int = 500,
        code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        """Every Graph request fails for `seconds` from now (after any queued failures)."""
        with self._lock:
            until = time.monotonic() + seconds
            self._outage = (until, _Behaviour(status=status, code=code, retry_after=retry_after))

    def down(self) -> bool:
        """Whether an outage set by `fail_for` is still going on."""
        with self._lock:
            return self._outage is not None and time.monotonic() < self._outage[0]

    def delay_next(self, n: int, seconds: float) -> None:
        """The next `n` Graph requests are answered (normally) only after `seconds`."""
        self._queue(n, _Behaviour(delay=seconds))

    def add_media(
        self, media_id: str, data: bytes, mime_type: str = "image/jpeg", url: str | None = None
    ) -> str:
        """Serve `data` as WhatsApp media `media_id`; returns a token-free CDN URL for it.
        With `url`, the metadata names that URL instead of the fake's own download URL."""
        with self._lock:
            self._media[media_id] = (data, mime_type)
            if url is not None:
                self._media_urls[media_id] = url
        return f"{self.url}/_fake/cdn/{media_id}"

    def redirect_url(self, to: str) -> str:
        """A URL on this server that answers 302 to `to`."""
        return f"{self.url}/_fake/redirect?to={quote(to, safe='')}"

    def reset(self) -> None:
        """Forget recorded requests, sent messages, pending failures and media."""
        with self._lock:
            self._requests.clear()
            self._sent.clear()
            self._sent_times.clear()
            self._outage = None
            self._behaviours.clear()
            self._media.clear()
            self._media_urls.clear()
            self._ids = itertools.count(1)

    # -- what happened -----------------------------------------------------------------

    @property
    def requests(self) -> list[Recorded]:
        """Every request received, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    @property
    def sent(self) -> list[dict[str, Any]]:
        """The bodies of messages (and read marks) that were accepted, oldest first."""
        with self._lock:
            return list(self._sent)

    @property
    def sent_times(self) -> list[float]:
        """When each accepted message was accepted (time.monotonic()), oldest first."""
        with self._lock:
            return list(self._sent_times)

    def sent_texts(self) -> list[str]:
        """The text of each accepted message: text body, interactive body, caption."""
        return [text for body in self.sent if (text := _text_of(body)) is not None]

    def wait_for_sent(self, n: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Block until at least `n` messages were accepted; returns `sent`."""
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._sent) >= n, timeout=timeout):
                raise TimeoutError(f"{len(self._sent)} of {n} messages sent after {timeout} s")
            return list(self._sent)

    # -- the app -------------------------------------------------------------------------

    def _queue(self, n: int, behaviour: _Behaviour) -> None:
        with self._lock:
            self._behaviours.extend(behaviour for _ in range(n))

    def _record(self, request: Request, body: Any) -> None:
        with self._lock:
            self._requests.append(
                Recorded(request.method, request.url.path, dict(request.headers), body)
            )

    def _next_behaviour(self) -> _Behaviour:
        with self._lock:
            if self._behaviours:
                return self._behaviours.popleft()
            if self._outage is not None and time.monotonic() < self._outage[0]:
                return self._outage[1]
            return _Behaviour()

    def _authorized(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        if self.token is None:
            return header.startswith("Bearer ") and len(header) > len("Bearer ")
        return header == f"Bearer {self.token}"

    def _app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/_fake/media/{media_id}", self._download, methods=["GET"]),
                Route("/_fake/cdn/{media_id}", self._download, methods=["GET"]),
                Route("/_fake/redirect", self._redirect, methods=["GET"]),
                Route("/{version}/{path:path}", self._graph, methods=["GET", "POST"]),
            ]
        )

    async def _graph(self, request: Request) -> Response:
        raw = await request.body()
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode(errors="replace")
        self._record(request, body)
        behaviour = self._next_behaviour()
        if behaviour.delay:
            await asyncio.sleep(behaviour.delay)
        if behaviour.status != 200:
            headers = {}
            if behaviour.retry_after is not None:
                headers["Retry-After"] = f"{behaviour.retry_after:g}"
            if behaviour.code is None:
                return Response(status_code=behaviour.status, headers=headers)
            response = _error(behaviour.status, behaviour.code, "injected failure")
            response.headers.update(headers)
            return response
        if not self._authorized(request):
            return _error(401, 190, "Invalid OAuth access token.")
        if request.method == "GET":
            return self._media_metadata(request.path_params["path"])
        if not isinstance(body, dict):
            return _error(400, 100, "Invalid parameter")
        return self._accept(body)

    def _accept(self, body: dict[str, Any]) -> Response:
        with self._lock:
            self._sent.append(body)
            self._sent_times.append(time.monotonic())
            number = next(self._ids)
            self._lock.notify_all()
        if body.get("messaging_product") == "whatsapp":
            if body.get("status") == "read":
                return JSONResponse({"success": True})
            to = body.get("to")
            contact = (
                {"input": to, "wa_id": "".join(c for c in str(to) if c.isdigit())}
                if to
                else {"input": body.get("recipient"), "user_id": body.get("recipient")}
            )
            return JSONResponse(
                {
                    "messaging_product": "whatsapp",
                    "contacts": [contact],
                    "messages": [{"id": f"wamid.FAKE{number}"}],
                }
            )
        recipient = body.get("recipient")
        recipient_id = recipient.get("id") if isinstance(recipient, dict) else None
        if "sender_action" in body:
            return JSONResponse({"recipient_id": recipient_id})
        return JSONResponse({"recipient_id": recipient_id, "message_id": f"m_FAKE{number}"})

    def _media_metadata(self, media_id: str) -> Response:
        with self._lock:
            media = self._media.get(media_id)
        if media is None:
            return _error(400, 100, "Unsupported get request.")
        data, mime_type = media
        with self._lock:
            url = self._media_urls.get(media_id, f"{self.url}/_fake/media/{media_id}")
        return JSONResponse(
            {
                "messaging_product": "whatsapp",
                "url": url,
                "mime_type": mime_type,
                "sha256": base64.b64encode(hashlib.sha256(data).digest()).decode(),
                "file_size": len(data),
                "id": media_id,
            }
        )

    async def _redirect(self, request: Request) -> Response:
        self._record(request, None)
        return Response(status_code=302, headers={"Location": request.query_params["to"]})

    async def _download(self, request: Request) -> Response:
        self._record(request, None)
        if request.url.path.startswith("/_fake/media/") and not self._authorized(request):
            return Response(status_code=401)
        with self._lock:
            media = self._media.get(request.path_params["media_id"])
        if media is None:
            return Response(status_code=404)
        return Response(media[0], media_type=media[1])


def _error(status: int, code: int, message: str) -> JSONResponse:
    error = {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "FAKE"}
    return JSONResponse({"error": error}, status_code=status)


def _text_of(body: dict[str, Any]) -> str | None:
    if "message" in body:  # Messenger / Instagram
        message = body["message"]
        return message.get("text") if isinstance(message, dict) else None
    kind = body.get("type")
    if kind == "text":
        return body.get("text", {}).get("body")
    if kind == "interactive":
        return body.get("interactive", {}).get("body", {}).get("text")
    if kind in ("image", "video", "document"):
        return body.get(kind, {}).get("caption")
    return None
