"""`/static/…`: the vendored htmx, our CSS and JS (no CDN: the pages work offline)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse

from bot.web.security import add_headers

STATIC_DIR = (Path(__file__).resolve().parent.parent / "static").resolve()
TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}

router = APIRouter(include_in_schema=False)


# Browsers ask for these at the root whatever the page links to.
ROOT_FILES = {"/favicon.ico": "favicon.ico", "/manifest.webmanifest": "manifest.webmanifest"}


@router.get("/favicon.ico")
@router.get("/manifest.webmanifest")
async def root_file(request: Request) -> FileResponse:
    return await static_file(ROOT_FILES[request.url.path])


@router.get("/static/{path:path}")
async def static_file(path: str) -> FileResponse:
    target = (STATIC_DIR / path).resolve()
    media_type = TYPES.get(target.suffix)
    if media_type is None or not target.is_relative_to(STATIC_DIR) or not target.is_file():
        raise HTTPException(status_code=404)
    # Vendored files carry their version in the name; our own change with the code.
    max_age = 31_536_000 if "/vendor/" in target.as_posix() else 300
    response = FileResponse(target, media_type=media_type)
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    add_headers(response, no_store=False)
    return response
