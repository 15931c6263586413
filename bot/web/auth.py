"""API authentication: `Authorization: Bearer <token>` (from `sauti users add` or `users token`).

The token and its user are looked up in the database on every request (cached only for the
request), so a revoked token or a disabled user is refused by every process at once.

`BearerRoute` checks the token before anything else, so a caller without a valid token gets
401 even for a malformed body; endpoints take the user through `bot.web.deps.ApiUser`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from bot.accounts import user_for_token
from bot.store.models import User

CHALLENGE = {"WWW-Authenticate": "Bearer"}


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


async def authenticate(request: Request) -> User | None:
    """The active user of the request's bearer token (cached on the request)."""
    cached = getattr(request.state, "api_user", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    token = bearer_token(request)
    if token is None:
        return None
    runtime = request.app.state.runtime
    async with runtime.db.session() as session:
        user = await user_for_token(session, token)
    request.state.api_user = user
    return user


async def require_user(request: Request) -> User:
    user = await authenticate(request)
    if user is None:
        raise HTTPException(401, "a valid bearer token is needed", headers=CHALLENGE)
    return user


class BearerRoute(APIRoute):
    """A route that answers 401 before parsing anything when the token is not valid."""

    def get_route_handler(self) -> Callable[[Request], Awaitable[Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            if await authenticate(request) is None:
                return JSONResponse(
                    {"detail": "a valid bearer token is needed"}, status_code=401, headers=CHALLENGE
                )
            return await handler(request)

        return route
