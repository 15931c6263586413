"""Signing caseworkers in and out of the inbox (user name + password → session cookie)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from bot import accounts
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.deps import AppStateDep
from bot.web.inbox.render import page
from bot.web.session import SessionRoute, limiter_for, require_csrf, sessions_for

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)
LOGIN = "/inbox/login"


async def signed_in(request: Request, app: Runtime) -> User | None:
    """The caseworker of this request's session, checked against the database each time."""
    sessions = sessions_for(app)
    session = sessions.load(request)
    if session.uid is None:
        return None
    async with app.db.session() as s:
        user = await s.get(User, session.uid)
    if not sessions.valid_for(session, user):
        sessions.logout(request)  # deactivated, or the password changed since
        return None
    return user


def to_login(request: Request) -> Response:
    """Where an anonymous request goes: the login page (htmx follows HX-Redirect)."""
    target = request.url.path
    if request.url.query:
        target += "?" + request.url.query
    url = LOGIN if target.startswith("/inbox/fragments") else f"{LOGIN}?next={target}"
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=401, headers={"HX-Redirect": LOGIN})
    return RedirectResponse(url, status_code=303)


def _safe_next(value: str | None) -> str:
    # Only our own pages: no scheme, no host, no "//evil.example".
    if value and value.startswith("/inbox") and not value.startswith("//") and "\\" not in value:
        return value
    return "/inbox"


def _client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


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
    limiter = limiter_for(app)
    ip = _client_ip(request)
    context = {"next": _safe_next(next), "name": name}
    wait = limiter.retry_after(name, ip)
    if wait > 0:
        minutes = max(1, round(wait / 60))
        context["error"] = f"Too many failed attempts. Try again in {minutes} min."
        response = page(request, "inbox/login.html", context, status_code=429)
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    async with app.db.session() as s:
        user = await accounts.login(s, name.strip(), password)
    if user is None:
        limiter.failed(name, ip)
        context["error"] = "Wrong user name or password."
        return page(request, "inbox/login.html", context, status_code=401)
    limiter.succeeded(name)
    sessions_for(app).login(request, user)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout", dependencies=[Depends(require_csrf)])
async def logout(request: Request, app: AppStateDep) -> Response:
    session = sessions_for(app).logout(request)
    session.add_flash("ok", "You are signed out.")
    return RedirectResponse(LOGIN, status_code=303)
