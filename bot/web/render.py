"""Jinja2 templates of the inbox and the simulator, their filters, and `page()`.

Autoescaping is on for every template: whatever a person wrote is hostile input and is only
ever printed escaped (never `|safe`). `page()` adds what every page needs: the session's
CSRF token, flash messages, the signed-in user and whether this is the demo.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined, Environment, FileSystemLoader, select_autoescape
from starlette.responses import Response

from bot.i18n.language_names import language_name
from bot.web.session import session_of
from bot.web.ui_words import Words, direction, ui_words

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
DEFAULT_LOCALES = Path(__file__).resolve().parents[2] / "locales"

# Outbound delivery states: (symbol, words for screen readers, css class).
TICKS: dict[str, tuple[str, str, str]] = {
    "queued": ("⏱", "queued", "tick-queued"),
    "sent": ("✓", "sent", "tick-sent"),
    "delivered": ("✓✓", "delivered", "tick-delivered"),
    "read": ("✓✓", "read", "tick-read"),
    "played": ("✓✓", "played", "tick-read"),
    "failed": ("✗", "failed", "tick-failed"),
}


def as_utc(value: datetime | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value


def iso(value: datetime | str | None) -> str:
    dt = as_utc(value)
    return dt.isoformat(timespec="seconds") if dt else ""


def clock(value: datetime | str | None) -> str:
    """'14:05 UTC' today, '3 Mar 14:05 UTC' otherwise (static JS shows local time)."""
    dt = as_utc(value)
    if dt is None:
        return ""
    if dt.date() == datetime.now(UTC).date():
        return dt.strftime("%H:%M UTC")
    return dt.strftime("%-d %b %H:%M UTC")


def span(seconds: float) -> str:
    """A short duration: '45 s', '12 min', '3 h 05 min', '2 d 4 h'."""
    seconds = int(max(0, seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h"


def ago(value: datetime | str | None) -> str:
    dt = as_utc(value)
    return f"{span((datetime.now(UTC) - dt).total_seconds())} ago" if dt else ""


def until(value: datetime | str | None) -> str:
    """Time left until `value`; '' when it has passed."""
    dt = as_utc(value)
    if dt is None:
        return ""
    left = (dt - datetime.now(UTC)).total_seconds()
    return span(left) if left > 0 else ""


def osm_url(lat: float | None, lon: float | None) -> str:
    if lat is None or lon is None:
        return ""
    query = urlencode({"mlat": f"{lat:.5f}", "mlon": f"{lon:.5f}"})
    return f"https://www.openstreetmap.org/?{query}#map=13/{lat:.5f}/{lon:.5f}"


def tick(state: str | None) -> tuple[str, str, str]:
    return TICKS.get(state or "", ("", state or "", "tick-none"))


def label(value: Any) -> str:
    """'held_by_employer' → 'held by employer' (answer ids shown to caseworkers)."""
    return str(value).replace("_", " ") if value is not None else ""


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=ChainableUndefined,  # case JSON fields may be absent or null
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        iso=iso,
        clock=clock,
        ago=ago,
        until=until,
        tick=tick,
        label=label,
        span=span,
        language=language_name,
    )
    env.globals.update(osm_url=osm_url)
    return env


templates = Jinja2Templates(env=_environment())


def is_demo(request: Request) -> bool:
    runtime = getattr(request.app.state, "runtime", None)
    return bool(runtime is not None and runtime.settings.demo)


def interface_words(request: Request, user: Any = None) -> tuple[str, Words]:
    """The interface's language for this request (hers, else the browser's) and its words."""
    runtime = getattr(request.app.state, "runtime", None)
    words = ui_words(runtime.settings.locales_dir if runtime is not None else DEFAULT_LOCALES)
    own = getattr(user, "language", None)
    lang = words.choose(own, request.headers.get("accept-language", ""))
    return lang, words.words(lang)


def page(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    user: Any = None,
) -> Response:
    """Render a template with the session's CSRF token, flash messages, user, and the
    interface's words in her language (`_("msg-id")`)."""
    session = session_of(request)
    lang, t = interface_words(request, user)
    values: dict[str, Any] = {
        "csrf": session.csrf,
        "flash": session.pop_flash() if not name.split("/")[-1].startswith("_") else [],
        "user": user,
        # Every page of `sauti demo` says its cases are invented (bot.demo_data).
        "demo": is_demo(request),
        "_": t,
        "ui_lang": lang,
        "ui_dir": direction(lang),
    }
    values.update(context or {})
    return templates.TemplateResponse(request, name, values, status_code=status_code)
