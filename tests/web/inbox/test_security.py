"""Security headers on the pages, and templates that a strict CSP can run."""

from __future__ import annotations

import re

import httpx
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

from bot.web.render import TEMPLATES_DIR
from bot.web.security import CSP, SecurityHeadersMiddleware
from tests.web.inbox.support import Web, login


def directives(csp: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in csp.split(";") if part.strip()}


def assert_strict(headers: httpx.Headers) -> None:
    csp = directives(headers["content-security-policy"])
    assert csp["default-src"] == "default-src 'self'"
    assert csp["script-src"] == "script-src 'self'"
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["object-src"] == "object-src 'none'"
    text = headers["content-security-policy"]
    assert "unsafe-inline" not in text and "unsafe-eval" not in text and "*" not in text
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"


async def test_every_page_carries_a_strict_policy(web: Web) -> None:
    for path in ("/inbox/login", "/simulator", "/simulator/transcript"):
        response = await web.client.get(path)
        assert response.status_code == 200, path
        assert_strict(response.headers)
        assert response.headers["cache-control"] == "no-store"
    await login(web.client, "amina")
    for path in ("/inbox", "/inbox/fragments/cases", "/inbox/cases/NOPE-NOPE"):
        assert_strict((await web.client.get(path)).headers)
    await login(web.client, "root")
    for path in ("/inbox/admin/numbers", "/inbox/patterns"):
        response = await web.client.get(path)
        assert response.status_code == 200, path
        assert_strict(response.headers)


async def test_refusals_carry_the_headers_too(web: Web) -> None:
    response = await web.client.post("/inbox/login", data={})
    assert response.status_code == 403
    assert_strict(response.headers)


async def test_static_files_are_served_locally_with_the_headers(web: Web) -> None:
    for path, kind in (
        ("/static/vendor/htmx-2.0.11.min.js", "text/javascript"),
        ("/static/vendor/htmx-ext-sse-2.2.4.min.js", "text/javascript"),
        ("/static/sauti.js", "text/javascript"),
        ("/static/sauti.css", "text/css"),
    ):
        response = await web.client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith(kind)
        assert_strict(response.headers)
    for path in ("/static/../session.py", "/static/vendor/README.md", "/static/nope.js"):
        assert (await web.client.get(path)).status_code == 404, path


async def test_the_icon_and_the_web_app_manifest_are_served(web: Web) -> None:
    favicon = await web.client.get("/favicon.ico")
    assert favicon.status_code == 200
    assert favicon.headers["content-type"] == "image/x-icon"
    assert favicon.content[:4] == b"\x00\x00\x01\x00"  # an ICO header, not an error page
    manifest = await web.client.get("/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    for icon in manifest.json()["icons"]:
        assert (await web.client.get(icon["src"])).status_code == 200, icon["src"]
    login = (await web.client.get("/inbox/login")).text
    assert 'rel="icon"' in login and 'rel="manifest"' in login


def test_templates_have_no_inline_script_style_or_eval() -> None:
    for template in TEMPLATES_DIR.rglob("*.html"):
        html = template.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"{template.name}: inline script"
        assert "<style" not in html, template.name
        assert not re.search(r"\sstyle=", html), f"{template.name}: inline style"
        assert not re.search(r"\son[a-z]+=", html), f"{template.name}: inline handler"
        assert "hx-on" not in html and "js:" not in html, f"{template.name}: needs eval"
        assert "|safe" not in html.replace(" ", ""), f"{template.name}: unescaped output"
        assert "https://" not in html.replace("https://www.openstreetmap.org", ""), template.name


def test_base_template_configures_htmx_for_the_policy() -> None:
    base = (TEMPLATES_DIR / "base.html").read_text(encoding="utf-8")
    assert '"allowEval":false' in base
    assert '"includeIndicatorStyles":false' in base


async def test_the_middleware_adds_the_headers_to_any_app() -> None:
    app = FastAPI()
    app.add_middleware(SecurityHeadersMiddleware)

    @app.get("/plain")
    async def plain() -> PlainTextResponse:
        return PlainTextResponse("ok", headers={"X-Frame-Options": "SAMEORIGIN"})

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        response = await client.get("/plain")
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-frame-options"] == "SAMEORIGIN"  # a route's own value stays
    assert response.headers["referrer-policy"] == "no-referrer"
