"""What the admin area's pages share: who may enter, one transaction per change, and the
refusals of bot.accounts said for the browser rather than the terminal.

Every change goes through the same functions as the command line (bot.user_admin,
bot.team_admin), which write the audit log with the admin's name.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.accounts import AccountError
from bot.geo.countries import find_country, is_country_name
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.deps import AdminOnly
from bot.web.inbox.groups.common import go

T = TypeVar("T")
WHY = "The admin area (teams, users, flows) is for admins only."

# The command line's hints ("see `sauti users list`") mean nothing in a browser.
_CLI_HINT = re.compile(
    r"\s*\((?:see|create it with|use e\.g\.)[^)]*\)|;\s*to change her,.*$|;\s*`sauti [^`]*` first"
)


# The signed-in admin; the login page or a clear 403 page for anyone else.
AreaAdmin = Annotated[User, Depends(AdminOnly(WHY))]


def browser_words(error: AccountError) -> str:
    text = _CLI_HINT.sub("", str(error)).strip()
    return text[:1].upper() + text[1:]


Refuse = Callable[[User, str], Awaitable[Response]]


def refusal(
    show: Callable[..., Awaitable[Response]],
    request: Request,
    app: Runtime,
    form: dict[str, str] | None = None,
) -> Refuse:
    """Answer a refusal with the page `show` draws again, the reason on top, what she typed
    kept in `form`, and status 400."""

    async def answer(user: User, error: str) -> Response:
        return await show(request, app, user, error=error, form=form, status_code=400)

    return answer


async def act(
    request: Request,
    app: Runtime,
    admin: User,
    do: Callable[[AsyncSession, User], Awaitable[T]],
    done: Callable[[User, T], Response | str],
    refuse: Refuse,
    back: str,
) -> Response:
    """One admin action: the change in its own transaction (as `by` the admin), then
    `done`'s page, or a redirect to `back` with `done`'s message; a refusal goes to `refuse`
    (the page again with the reason, status 400)."""
    result, error = await change(app, lambda s: do(s, admin))
    if error is not None:
        return await refuse(admin, error)
    answer = done(admin, result)  # type: ignore[arg-type]
    return go(request, back, "ok", answer) if isinstance(answer, str) else answer


async def change(
    app: Runtime, fn: Callable[[AsyncSession], Awaitable[T]]
) -> tuple[T | None, str | None]:
    """Run one change in its own transaction: (result, None), or (None, the refusal)."""
    try:
        async with app.db.session() as s, s.begin():
            return await fn(s), None
    except AccountError as exc:
        return None, browser_words(exc)


def country_label(code: str, names: dict[str, str]) -> str:
    return f"{names.get(code, code)} ({code})"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def codes(raw: str) -> list[str]:
    """Countries as typed: 'LY TN, Morocco; saudi arabia' → ['LY', 'TN', 'MA', 'SA'].

    Whole country names (in any language the bot reads) become their codes; anything else is
    passed on as typed, for bot.accounts to refuse with the list of valid codes.
    """
    found: list[str] = []
    for part in re.split(r"[,;\n]+", raw):
        words = part.split()
        if all(len(word) == 2 for word in words):
            found += words
        else:
            found.append((find_country(part) if is_country_name(part) else None) or part.strip())
    return found
