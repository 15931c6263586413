"""Security headers for every response: a strict Content-Security-Policy and friends.

`SecurityHeadersMiddleware` is meant for the whole app (`app.add_middleware(...)`); the
HTML routers also use `SecureRoute`, so the inbox and the simulator carry the headers (and
`Cache-Control: no-store`: case pages must not linger in a shared browser's cache) even
where the middleware is not installed. Headers already set by a route are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.responses import PlainTextResponse
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline scripts or styles, no eval, nothing from other origins; htmx is configured for
# this in base.html (allowEval=false, includeIndicatorStyles=false).
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def add_headers(response: Response, *, no_store: bool = True) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if no_store:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


class AnswerNow(Exception):  # noqa: N818 - not an error: an answer given before the route runs
    """Raised by a dependency (e.g. "sign in first") to answer with `response` instead of
    running the route; `SecureRoute` sends it with the headers and the session cookie."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class SecureRoute(APIRoute):
    """An APIRoute whose responses always carry the security headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def secured(request: Request) -> Response:
            try:
                response = await handler(request)
            except AnswerNow as answer:
                response = answer.response
            except HTTPException as exc:
                # Answer errors here too, so they carry the headers like any page.
                response = PlainTextResponse(
                    str(exc.detail), status_code=exc.status_code, headers=exc.headers
                )
            return add_headers(response)

        return secured


class SecurityHeadersMiddleware:
    """Pure ASGI middleware (works with streaming responses such as server-sent events)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.raw = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _has_nul(scope):
            # No id, name or filter of ours contains NUL; PostgreSQL would refuse it with a 500.
            refusal = PlainTextResponse("bad request", status_code=400)
            await refusal(scope, receive, send_with_headers_factory(send, self.raw, True))
            return
        no_store = scope["path"].startswith("/api/")
        await self.app(scope, receive, send_with_headers_factory(send, self.raw, no_store))


def _has_nul(scope: Scope) -> bool:
    return "\x00" in scope.get("path", "") or b"%00" in scope.get("query_string", b"")


def send_with_headers_factory(send: Send, raw: list[tuple[bytes, bytes]], no_store: bool) -> Send:
    """Wrap `send` so the response start carries our headers (never overriding a route's)."""
    extra = [*raw, (b"cache-control", b"no-store")] if no_store else raw

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            present = {k.lower() for k, _ in headers}
            headers += [(k, v) for k, v in extra if k not in present]
            message = {**message, "headers": headers}
        await send(message)

    return send_with_headers
