"""Signing caseworkers in and out of the inbox (user name + password → session cookie).

The session lives in the database (bot/user_sessions.py) and is checked on every request;
failed sign-ins are throttled per (name, address) and per address (bot/web/throttle.py).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from bot import accounts, user_sessions
from bot.web import client_address, throttle
from bot.web.deps import LOGIN, AppStateDep, signed_in
from bot.web.render import interface_words, page
from bot.web.session import SessionRoute, require_csrf, sessions_for

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)


def _safe_next(value: str | None) -> str:
    # Only our own pages: no scheme, no host, no "//evil.example".
    if value and value.startswith("/inbox") and not value.startswith("//") and "\\" not in value:
        return value
    return "/inbox"


@router.get("/login")
async def login_page(request: Request, app: AppStateDep, next: str = "") -> Response:
    if await signed_in(request, app) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return page(request, "inbox/login.html", {"next": _safe_next(next), "name": ""})


@router.post("/login", dependencies=[Depends(require_csrf)])
async def login(
    request: Request,
    app: AppStateDep,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    name = name.strip()
    address = client_address.of_request(request, app.settings.trusted_proxies)
    context = {"next": _safe_next(next), "name": name}
    async with app.db.session() as s, s.begin():
        wait = await throttle.retry_after(s, name, address)
    if wait > 0:
        return _too_soon(request, context, wait)
    async with app.db.session() as s:
        user = await accounts.login(s, name, password)
    async with app.db.session() as s, s.begin():
        if user is None:
            wait = await throttle.failed(s, name, address)
        else:
            await throttle.succeeded(s, name, address)
            old = sessions_for(app).load(request)
            if old.uid is not None:
                await user_sessions.end(s, old.sid)
            await user_sessions.start(s, user, sessions_for(app).login(request, user).sid)
            await accounts.signed_in_now(s, user)
    if user is None:
        context["error"] = interface_words(request)[1]("login-wrong")
        return page(request, "inbox/login.html", context, status_code=401)
    return RedirectResponse(_safe_next(next), status_code=303)


def _too_soon(request: Request, context: dict[str, str], wait: float) -> Response:
    seconds = int(wait) + 1
    when = f"{seconds} s" if seconds < 90 else f"{round(seconds / 60)} min"
    context["error"] = interface_words(request)[1]("login-too-soon", when=when)
    response = page(request, "inbox/login.html", context, status_code=429)
    response.headers["Retry-After"] = str(seconds)
    return response


@router.post("/logout", dependencies=[Depends(require_csrf)])
async def logout(request: Request, app: AppStateDep) -> Response:
    sessions = sessions_for(app)
    old = sessions.load(request)
    if old.uid is not None:
        async with app.db.session() as s, s.begin():
            await user_sessions.end(s, old.sid)
    session = sessions.logout(request)
    session.add_flash("ok", "You are signed out.")
    return RedirectResponse(LOGIN, status_code=303)
