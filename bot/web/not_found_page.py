"""A page, not JSON, when a browser asks for an inbox or simulator address that does not
exist (a mistyped or outdated link): it says so in words, in the inbox's look, and leads
back. API clients, htmx requests and everything else keep FastAPI's JSON answer."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException
from starlette.responses import Response

from bot.web.render import interface_words, is_demo, templates  # the inbox's own look
from bot.web.ui_words import direction

PAGES = ("/inbox", "/simulator")


def wants_page(request: Request) -> bool:
    path = request.url.path
    return (
        request.method == "GET"
        and any(path == p or path.startswith(p + "/") for p in PAGES)
        and "text/html" in request.headers.get("accept", "")
        and request.headers.get("HX-Request") != "true"
    )


async def not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code != 404 or not wants_page(request):
        return await http_exception_handler(request, exc)
    # No session here (no route matched): nothing personal, no form, just the way back.
    lang, words = interface_words(request)
    context = {
        "csrf": "",
        "flash": [],
        "user": None,
        "demo": is_demo(request),
        "_": words,
        "ui_lang": lang,
        "ui_dir": direction(lang),
    }
    return templates.TemplateResponse(request, "not_found_page.html", context, status_code=404)


def install(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, not_found)
