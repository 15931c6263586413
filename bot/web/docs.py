"""The API's own description (`/openapi.json`, `/docs`, `/redoc`): in demo mode for anyone,
otherwise only for a signed-in admin (inbox session or API token). Everyone else gets 404,
as if there were no such page: the schema maps every endpoint an attacker could try.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response

from bot.web.auth import authenticate
from bot.web.deps import AppStateDep, signed_in
from bot.web.session import SessionRoute

router = APIRouter(route_class=SessionRoute, include_in_schema=False)
OPENAPI = "/openapi.json"
# Swagger UI and ReDoc load their scripts from a CDN and start with an inline script: these
# two pages, seen only by admins (or in the demo), relax the app's strict policy for it.
_CDN = "https://cdn.jsdelivr.net"
DOCS_CSP = (
    f"default-src 'self'; script-src 'self' 'unsafe-inline' {_CDN}; "
    f"style-src 'self' 'unsafe-inline' {_CDN} https://fonts.googleapis.com; "
    "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com; "
    f"worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)


async def may_read_docs(request: Request, app: AppStateDep) -> bool:
    if app.settings.demo:
        return True
    user = await authenticate(request)
    if user is None:
        user = await signed_in(request, app)
    return user is not None and user.role == "admin"


def _hidden() -> Response:
    return JSONResponse({"detail": "Not Found"}, status_code=404)


@router.get(OPENAPI)
async def openapi(request: Request, app: AppStateDep) -> Response:
    if not await may_read_docs(request, app):
        return _hidden()
    return JSONResponse(request.app.openapi())


def _page(html: HTMLResponse) -> HTMLResponse:
    html.headers["Content-Security-Policy"] = DOCS_CSP
    return html


@router.get("/docs")
async def swagger(request: Request, app: AppStateDep) -> Response:
    if not await may_read_docs(request, app):
        return _hidden()
    return _page(get_swagger_ui_html(openapi_url=OPENAPI, title="Sauti API"))


@router.get("/redoc")
async def redoc(request: Request, app: AppStateDep) -> Response:
    if not await may_read_docs(request, app):
        return _hidden()
    return _page(get_redoc_html(openapi_url=OPENAPI, title="Sauti API"))
