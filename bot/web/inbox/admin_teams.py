"""`/inbox/admin/teams`: the teams, the countries each covers, and the default team.

The same changes as `sauti teams add` (bot.team_admin, audited with the admin's name); an
invalid country code is refused with the list of valid ones, as on the command line.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from bot import team_admin
from bot.geo.countries import country_name, iso_codes
from bot.runtime import Runtime
from bot.store.models import User
from bot.web.deps import AppStateDep
from bot.web.inbox.admin_common import AreaAdmin, act, codes, refusal
from bot.web.inbox.groups.common import topbar
from bot.web.render import page
from bot.web.session import SessionRoute, require_csrf

router = APIRouter(prefix="/inbox/admin", route_class=SessionRoute, include_in_schema=False)
CSRF = [Depends(require_csrf)]
PAGE = "/inbox/admin/teams"
NAME = Annotated[str, Form(max_length=100)]
COUNTRIES = Annotated[str, Form(max_length=2000)]


def country_names() -> dict[str, str]:
    """Every ISO code with its English name, sorted by name (for the "which code" list)."""
    names = {cc: country_name(cc, "en") for cc in iso_codes()}
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


async def teams_page(
    request: Request,
    app: Runtime,
    user: User,
    *,
    error: str = "",
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    async with app.db.session() as s:
        context = {
            "teams": await team_admin.teams(s),
            "names": country_names(),
            "error": error,
            "form": form or {},
            **await topbar(s, user),
        }
    return page(request, "inbox/admin/teams.html", context, status_code=status_code, user=user)


@router.get("/teams")
async def show(request: Request, app: AppStateDep, user: AreaAdmin) -> Response:
    return await teams_page(request, app, user)


@router.post("/teams/add", dependencies=CSRF)
async def add(
    request: Request,
    app: AppStateDep,
    admin: AreaAdmin,
    name: NAME = "",
    countries: COUNTRIES = "",
    default: Annotated[bool, Form()] = False,
) -> Response:
    return await act(
        request,
        app,
        admin,
        lambda s, admin: team_admin.add(s, name, codes(countries), default=default, by=admin),
        lambda _, team: f"Team {team.name} added.",
        refusal(teams_page, request, app, {"form": "add", "name": name, "countries": countries}),
        PAGE,
    )


@router.post("/teams/countries", dependencies=CSRF)
async def set_countries(
    request: Request, app: AppStateDep, admin: AreaAdmin, team: NAME = "", countries: COUNTRIES = ""
) -> Response:
    return await act(
        request,
        app,
        admin,
        lambda s, admin: team_admin.set_countries(s, team, codes(countries), by=admin),
        lambda _, saved: f"Team {saved.name}: countries saved.",
        refusal(teams_page, request, app, {"form": team, "countries": countries}),
        PAGE,
    )


@router.post("/teams/default", dependencies=CSRF)
async def make_default(
    request: Request, app: AppStateDep, admin: AreaAdmin, team: NAME = ""
) -> Response:
    return await act(
        request,
        app,
        admin,
        lambda s, admin: team_admin.make_default(s, team, by=admin),
        lambda _, saved: (
            f"Team {saved.name} is now the default: cases from countries no team covers go to it."
        ),
        refusal(teams_page, request, app),
        PAGE,
    )
