"""`/inbox/patterns` (and `.csv`): the recruitment agencies and places that come up most
often across cases in a period, for task forces. Admins only (403 otherwise, as the API).

bot.groups.patterns builds the table without personal data (small counts left out); this
page shows it as a table and a server-drawn SVG bar chart, and `/inbox/patterns.csv` gives
the same CSV as `/api/patterns.csv`, with the browser session instead of a bearer token.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from bot.groups import patterns
from bot.web.deps import AppStateDep, CurrentAdmin
from bot.web.inbox.groups.chart import bar_chart
from bot.web.inbox.groups.common import topbar
from bot.web.render import page
from bot.web.session import SessionRoute

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)
PERIODS = (30, 90, 365)
DEFAULT_DAYS = 90


def _days(request: Request) -> int:
    raw = request.query_params.get("days", "")
    return int(raw) if raw.isdigit() and int(raw) in PERIODS else DEFAULT_DAYS


@router.get("/patterns")
async def pattern_page(request: Request, app: AppStateDep, user: CurrentAdmin) -> Response:
    days = _days(request)
    async with app.db.session() as s:
        table = await patterns.pattern_table(s, days=days)
        context = {
            "table": table,
            "days": days,
            "periods": PERIODS,
            "agency_chart": bar_chart([(a["agency"], a["count"]) for a in table["agencies"]]),
            "place_chart": bar_chart(
                [(f"{p['place']}, {p['country']}", p["count"]) for p in table["places"]]
            ),
            **await topbar(s, user),
        }
    return page(request, "inbox/groups/patterns.html", context, user=user)


@router.get("/patterns.csv")
async def pattern_csv(request: Request, app: AppStateDep, _admin: CurrentAdmin) -> Response:
    async with app.db.session() as s:
        table = await patterns.pattern_table(s, days=_days(request))
    name = f"sauti-patterns-{table['period']['start']}-{table['period']['end']}.csv"
    return Response(
        patterns.to_csv(table),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
