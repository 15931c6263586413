"""`/inbox/admin/users`: the accounts, and what `sauti users ...` does to them.

Each change is the command line's own function (bot.user_admin, audited with the admin's
name). A new password or token is shown once, on the page that answers the form, and is
never put in the session cookie or a log. Taking access away ends her sessions at once.
An admin cannot disable herself here: the last admin would lock everyone out of this area.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from sqlmodel.ext.asyncio.session import AsyncSession

from bot import team_admin, user_admin
from bot.accounts import AccountError
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.deps import AppStateDep
from bot.web.inbox.admin_common import AreaAdmin, act, plural, refusal
from bot.web.inbox.groups.common import topbar
from bot.web.render import page
from bot.web.session import SessionRoute, require_csrf

router = APIRouter(prefix="/inbox/admin", route_class=SessionRoute, include_in_schema=False)
CSRF = [Depends(require_csrf)]
PAGE = "/inbox/admin/users"
NAME = Annotated[str, Form(max_length=200)]
TEAMS = Annotated[list[str], Form()]
ROLES = {"caseworker": "Caseworker", "admin": "Admin"}


async def users_page(
    request: Request,
    app: Runtime,
    user: User,
    *,
    error: str = "",
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    async with app.db.session() as s, s.begin():
        context = {
            "accounts": await user_admin.accounts(s, by=user),
            "team_names": [t.name for t in await team_admin.teams(s)],
            "roles": ROLES,
            "error": error,
            "form": form or {},
            **await topbar(s, user),
        }
    return page(request, "inbox/admin/users.html", context, status_code=status_code, user=user)


def secret_page(
    request: Request, user: User, account: str, title: str, secrets: list[tuple[str, str]]
) -> Response:
    """The one time a password or token is shown: labelled, with what to do with it."""
    context = {"account": account, "title": title, "secrets": secrets}
    return page(request, "inbox/admin/secret.html", context, user=user)


async def on_user(
    request: Request,
    app: Runtime,
    admin: User,
    do: Callable[[AsyncSession, User], Awaitable[Any]],
    done: Callable[[User, Any], Response | str],
    form: dict[str, str] | None = None,
) -> Response:
    return await act(request, app, admin, do, done, refusal(users_page, request, app, form), PAGE)


@router.get("/users")
async def show(request: Request, app: AppStateDep, user: AreaAdmin) -> Response:
    return await users_page(request, app, user)


@router.post("/users/add", dependencies=CSRF)
async def add(
    request: Request,
    app: AppStateDep,
    admin: AreaAdmin,
    name: NAME = "",
    role: Annotated[str, Form(max_length=20)] = "caseworker",
    teams: TEAMS = [],  # noqa: B006 (FastAPI copies form defaults)
) -> Response:
    def done(admin: User, new: Any) -> Response:
        title = f"{ROLES.get(new.user.role, new.user.role)} {new.user.name} added"
        secrets = [("Password", new.password), ("API token", new.token)]
        return secret_page(request, admin, new.user.name, title, secrets)

    return await on_user(
        request,
        app,
        admin,
        lambda s, admin: user_admin.add(s, name, teams, role=role, by=admin),
        done,
        form={"name": name, "role": role},
    )


@router.post("/users/disable", dependencies=CSRF)
async def disable(
    request: Request, app: AppStateDep, admin: AreaAdmin, name: NAME = ""
) -> Response:
    async def do(s: AsyncSession, admin: User) -> user_admin.Ended:
        if name.strip() == admin.name:
            raise AccountError(
                "you cannot disable yourself here: ask another admin "
                "(or use `sauti users disable` on the server)"
            )
        return await user_admin.disable(s, name, by=admin)

    return await on_user(
        request,
        app,
        admin,
        do,
        lambda _, ended: (
            f"{name.strip()} is disabled: {plural(ended.sessions, 'session')} "
            f"ended, {plural(ended.tokens, 'API token')} revoked. She can no longer sign in."
        ),
    )


@router.post("/users/enable", dependencies=CSRF)
async def enable(request: Request, app: AppStateDep, admin: AreaAdmin, name: NAME = "") -> Response:
    return await on_user(
        request,
        app,
        admin,
        lambda s, admin: user_admin.enable(s, name, by=admin),
        lambda _, done: f"{done.name} is enabled: she can sign in with her password again.",
    )


@router.post("/users/password", dependencies=CSRF)
async def reset_password(
    request: Request, app: AppStateDep, admin: AreaAdmin, name: NAME = ""
) -> Response:
    def done(admin: User, result: Any) -> Response:
        password, ended = result
        title = (
            f"New password for {name.strip()} ({plural(ended.sessions, 'session')} ended, "
            f"{plural(ended.tokens, 'API token')} revoked)"
        )
        return secret_page(request, admin, name.strip(), title, [("Password", password)])

    return await on_user(
        request, app, admin, lambda s, admin: user_admin.reset_password(s, name, by=admin), done
    )


@router.post("/users/teams", dependencies=CSRF)
async def set_teams(
    request: Request,
    app: AppStateDep,
    admin: AreaAdmin,
    name: NAME = "",
    teams: TEAMS = [],  # noqa: B006
) -> Response:
    return await on_user(
        request,
        app,
        admin,
        lambda s, admin: user_admin.replace_teams(s, name, teams, by=admin),
        lambda _, after: f"{name.strip()} is now in: {', '.join(after) or 'no team'}.",
    )


@router.post("/users/token", dependencies=CSRF)
async def new_token(
    request: Request, app: AppStateDep, admin: AreaAdmin, name: NAME = ""
) -> Response:
    return await on_user(
        request,
        app,
        admin,
        lambda s, admin: user_admin.new_token(s, name, by=admin),
        lambda admin, done: secret_page(
            request,
            admin,
            name.strip(),
            f"New API token for {name.strip()}",
            [("API token", done[0])],
        ),
    )


@router.post("/users/revoke-tokens", dependencies=CSRF)
async def revoke_tokens(
    request: Request, app: AppStateDep, admin: AreaAdmin, name: NAME = ""
) -> Response:
    return await on_user(
        request,
        app,
        admin,
        lambda s, admin: user_admin.revoke_tokens(s, name, by=admin),
        lambda _, revoked: f"{plural(revoked, 'API token')} of {name.strip()} revoked.",
    )
