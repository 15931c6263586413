"""FastAPI dependencies shared by the routers (Annotated aliases, template style).

Who is asking, checked once per request before the route runs:

- inbox pages (session cookie): `CurrentUser`, `CurrentAdmin` (or `AdminOnly(why)` for a
  page that says why it is for admins). Anyone else gets the sign-in page (htmx: 401 with
  HX-Redirect) or a 403 page; `StreamUser` (event streams) a bare 401;
- the JSON API (bearer token): `ApiUser`, `ApiAdmin`; anyone else gets 401 / 403 JSON.

A route that needs a user takes one of these as a parameter and never checks it again.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from bot import user_sessions
from bot.cases.access import is_admin
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.auth import require_user
from bot.web.render import page
from bot.web.security import AnswerNow
from bot.web.session import sessions_for

LOGIN = "/inbox/login"


async def get_runtime(request: Request) -> Runtime:
    # async: FastAPI would run a plain `def` dependency in a thread pool, on every request.
    return request.app.state.runtime  # type: ignore[no-any-return]


AppStateDep = Annotated[Runtime, Depends(get_runtime)]

# Row ids and offsets from a URL. Ids are INTEGER columns (32-bit signed on PostgreSQL), and
# a larger number (or a negative one) reached the driver and answered 500. Declared here
# once, so no route checks its own: out of range is a 422 before the route runs.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Offset = Annotated[int, Query(ge=0, le=MAX_ROW_ID)]  # past the last row id: nothing to skip to


def row_id(raw: str) -> int | None:
    """A row id typed into a form or a page's path, which answer their own "not found":
    None for anything that is not one (too long, out of range, not digits)."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 10:
        return None
    value = int(raw)
    return value if 1 <= value <= MAX_ROW_ID else None


# --- The inbox: a session cookie naming a live session row --------------------------------


async def signed_in(request: Request, app: Runtime) -> User | None:
    """The caseworker of this request's session, checked against the database each time:
    a session ended anywhere (sign-out, disabled user, new password, new teams) is over."""
    sessions = sessions_for(app)
    session = sessions.load(request)
    if session.uid is None:
        return None
    async with app.db.session() as s, s.begin():
        user = await user_sessions.find(s, session.sid, session.uid)
    if user is None:
        sessions.logout(request)
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


def forbidden(request: Request, user: User, why: str = "") -> Response:
    """403 "for admins only" (`why`: which page; the patterns page by default)."""
    context = {"why": why} if why else {}
    return page(request, "inbox/groups/forbidden.html", context, status_code=403, user=user)


async def current_user(request: Request, app: AppStateDep) -> User:
    user = await signed_in(request, app)
    if user is None:
        raise AnswerNow(to_login(request))
    return user


CurrentUser = Annotated[User, Depends(current_user)]


async def stream_user(request: Request, app: AppStateDep) -> User:
    # An event stream cannot follow a redirect to a page: a bare 401, and the page's own
    # next request goes to the sign-in page.
    user = await signed_in(request, app)
    if user is None:
        raise AnswerNow(Response(status_code=401))
    return user


StreamUser = Annotated[User, Depends(stream_user)]


class AdminOnly:
    """A dependency: the signed-in admin, or the 403 page saying `why` for anyone else."""

    def __init__(self, why: str = "") -> None:
        self.why = why

    async def __call__(self, request: Request, user: CurrentUser) -> User:
        if not is_admin(user):
            raise AnswerNow(forbidden(request, user, self.why))
        return user


CurrentAdmin = Annotated[User, Depends(AdminOnly())]


# --- The API: a bearer token (bot.web.auth) ------------------------------------------------

ApiUser = Annotated[User, Depends(require_user)]


async def api_admin(user: ApiUser) -> User:
    if not is_admin(user):
        raise HTTPException(403, detail={"error": "forbidden", "message": "for admins only"})
    return user


ApiAdmin = Annotated[User, Depends(api_admin)]
