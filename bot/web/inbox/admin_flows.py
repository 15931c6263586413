"""`/inbox/admin/flows`: the conversation as a diagram, the flow check and each language's
completeness, so an admin sees what the bot will do without a terminal.

The diagram is bot/flowtools/draw_svg.py's SVG, drawn on the server (no script, no CDN: the
page works offline and under the strict CSP), the same picture as `sauti flows draw
--format svg`; the check is `sauti flows check`'s (bot.flow_checks); the languages are
`sauti locales check`'s catalogs (bot.i18n.coverage).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup

from bot.engine.compile import CompiledFlow
from bot.flow_checks import check_all
from bot.flowtools.draw import END, Edge, edges, label, load, message_id
from bot.flowtools.draw_svg import svg
from bot.i18n.coverage import coverage
from bot.i18n.source_text import source_texts
from bot.web.deps import AppStateDep
from bot.web.inbox.admin_common import AreaAdmin
from bot.web.inbox.groups.common import topbar
from bot.web.render import page
from bot.web.session import SessionRoute

router = APIRouter(prefix="/inbox/admin", route_class=SessionRoute, include_in_schema=False)
DEFAULT_FLOW = "distress"


@dataclass(frozen=True)
class StepWays:
    """One step in words, for the list that stands beside the picture."""

    id: str
    what: str
    says: str  # in English
    ways: list[Edge]


def steps_in_words(flow: CompiledFlow, texts: Mapping[str, str]) -> list[StepWays]:
    ways = edges(flow)
    return [
        StepWays(
            s.id,
            label(s),
            texts.get(message_id(s) or "", ""),
            [e for e in ways if e.source == s.id and e.target != END],
        )
        for s in flow.spec.steps
    ]


def flow_check(flows_dir: Path, locales_dir: Path) -> tuple[int, list[str]]:
    lines: list[str] = []
    status = check_all(flows_dir, locales_dir, echo=lines.append)
    return status, lines


@router.get("/flows")
async def flows_page(request: Request, app: AppStateDep, user: AreaAdmin) -> Response:
    settings = app.settings
    context: dict[str, object] = {"flow_id": DEFAULT_FLOW}
    texts = source_texts(settings.locales_dir)
    try:
        flow = load(DEFAULT_FLOW, settings.flows_dir)
    except Exception as exc:  # noqa: BLE001 - a broken flow is shown, and the check says why
        context |= {"flow_error": f"{type(exc).__name__}: {exc}"}
    else:
        context |= {
            "flow": flow,
            # Our own markup: svg() escapes every text it writes (step ids, conditions).
            "diagram": Markup(svg(flow, element_id="flow-diagram", texts=texts)),
            "steps": steps_in_words(flow, texts),
        }
    status, lines = flow_check(settings.flows_dir, settings.locales_dir)
    context |= {"check_ok": status == 0, "check_lines": lines}
    context["languages"] = coverage(settings.locales_dir)
    async with app.db.session() as s:
        context |= await topbar(s, user)
    return page(request, "inbox/admin/flows.html", context, user=user)
