"""`/inbox/admin/numbers`: which emergency numbers the bot may give, for admins before deploying.

The same report as `sauti numbers check` (bot.geo.numbers_policy.numbers_report), on the
numbers file the bot itself reads: per country (the teams' countries first, flagged when
none of their numbers may be given), every entry with its source, check date, confidence,
risks and status. Admins only (403 otherwise, as the patterns page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from bot.accounts import covered_countries
from bot.geo.countries import country_name
from bot.geo.emergency import SEA, EmergencyBook, EmergencyFileError, emergency_book_for
from bot.geo.numbers_policy import CheckedEntry, NumbersReport, numbers_report
from bot.store.models import User
from bot.web.deps import AdminOnly, AppStateDep
from bot.web.inbox.groups.common import topbar
from bot.web.render import page
from bot.web.session import SessionRoute

router = APIRouter(prefix="/inbox", route_class=SessionRoute, include_in_schema=False)
NumbersAdmin = Annotated[
    User, Depends(AdminOnly("The emergency numbers are shown to admins only."))
]
STATUS = {"unverified": "unverified", "stale": "stale", "low_confidence": "low confidence"}


@dataclass(frozen=True)
class CountryNumbers:
    code: str
    name: str
    covered: bool  # a team covers it
    usable: int  # how many of its numbers the bot may give
    entries: list[CheckedEntry] = field(default_factory=list)
    note: str = ""  # why it lists no number

    @property
    def flagged(self) -> bool:
        return self.covered and not self.usable


def _name(cc: str) -> str:
    return "At sea" if cc == SEA else country_name(cc, "en")


def by_country(book: EmergencyBook, report: NumbersReport) -> list[CountryNumbers]:
    """The teams' countries first (including those the file lacks), then the others by name,
    the sea last."""
    entries: dict[str, list[CheckedEntry]] = {}
    for entry in report.checked:
        entries.setdefault(entry.country_code, []).append(entry)
    covered = set(report.covered)
    rows = []
    for cc in sorted(covered | set(book.countries)):
        info = book.for_country(cc)
        mine = entries.get(cc, [])
        if info is None:
            note = "Not in the numbers file."
        elif not info.numbers:
            note = f"No number known ({info.source})." if info.source else "No number known."
        else:
            note = ""
        usable = sum(e.usable for e in mine)
        rows.append(CountryNumbers(cc, _name(cc), cc in covered, usable, mine, note))
    return sorted(rows, key=lambda r: (not r.covered, r.code == SEA, r.name.casefold()))


def words(value: str) -> str:
    """`police_may_detain_migrants` → `police may detain migrants`."""
    return value.replace("_", " ")


@router.get("/admin/numbers")
async def numbers_page(request: Request, app: AppStateDep, user: NumbersAdmin) -> Response:
    months = app.settings.numbers_max_age_months
    async with app.db.session() as s:
        countries = await covered_countries(s)
        context = {
            "months": months,
            "hotline": app.settings.hotline,
            "status_words": STATUS,
            "words": words,
            "name_of": _name,
            **await topbar(s, user),
        }
    try:
        book = emergency_book_for(app.settings.flows_dir)
    except EmergencyFileError as exc:
        # A broken file is what the admin must fix: say where, never a 500.
        context |= {"error": str(exc), "rows": [], "report": None}
        return page(request, "inbox/admin_numbers.html", context, user=user)
    report = numbers_report(book, datetime.now(UTC).date(), months, countries)
    context |= {"report": report, "rows": by_country(book, report), "source": book.source}
    return page(request, "inbox/admin_numbers.html", context, user=user)
