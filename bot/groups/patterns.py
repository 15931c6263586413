"""Patterns across cases: which recruitment agencies and places come up most in a period.

Counts people (conversations), not cases, so a person who wrote twice counts once. Nothing
personal leaves here: agency names are clusters of spellings labelled with a spelling at
least two people typed alike (else the folded name), places are gazetteer names, and any
count below `MIN_COUNT` is left out so nobody can be picked out of a small number. Erased
cases (their answers are empty anyway), duplicates and "not a case" are not counted.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.groups import agency
from bot.groups.agency import AgencyName
from bot.i18n.normalize import normalize
from bot.store.models import Case, utcnow

MIN_COUNT = 3
MAX_DAYS = 3650
NOT_COUNTED = ("duplicate", "not_a_case")
CSV_COLUMNS = ("kind", "agency", "place", "country", "count", "period_start", "period_end")


@dataclass
class _Cluster:
    anchor: AgencyName
    people: set[int] = field(default_factory=set)
    spellings: Counter[str] = field(default_factory=Counter)  # folded spelling → people
    countries: Counter[str] = field(default_factory=Counter)

    def label(self) -> str:
        common = [(n, s) for s, n in self.spellings.items() if n >= 2]
        if common:
            _n, spelling = max(common, key=lambda item: (item[0], -len(item[1]), item[1]))
            return spelling.title() if spelling.isascii() else spelling
        return self.anchor.key.title()


def _cluster(names: list[tuple[int, AgencyName, str | None]]) -> list[_Cluster]:
    """Greedy: the most common spellings anchor clusters; others join the first that fits."""
    by_key: dict[str, list[tuple[int, AgencyName, str | None]]] = {}
    for item in names:
        by_key.setdefault(item[1].key, []).append(item)
    clusters: list[_Cluster] = []
    for _key, items in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        name = items[0][1]
        home = next((c for c in clusters if agency.same_agency(c.anchor, name)), None)
        if home is None:
            home = _Cluster(anchor=name)
            clusters.append(home)
        for person, parsed, country in items:
            if person not in home.people:
                home.spellings[normalize(parsed.raw)] += 1
                if country:
                    home.countries[country] += 1
            home.people.add(person)
    return clusters


async def pattern_table(
    session: AsyncSession,
    *,
    days: int = 90,
    now: datetime | None = None,
    min_count: int = MIN_COUNT,
) -> dict[str, Any]:
    """{period, min_count, agencies: [...], places: [...], suppressed, rows} (rows = CSV)."""
    now = now or utcnow()
    days = max(1, min(int(days), MAX_DAYS))
    since = now - timedelta(days=days)
    query = select(Case.conversation_id, Case.answers, Case.location).where(
        Case.created_at >= since,
        Case.created_at <= now,
        Case.erased_at.is_(None),
        or_(Case.outcome.is_(None), Case.outcome.not_in(NOT_COUNTED)),
    )
    names: list[tuple[int, AgencyName, str | None]] = []
    places: dict[tuple[str, str], set[int]] = {}
    answered: dict[tuple[str, str], set[int]] = {}
    for person, answers, location in (await session.execute(query)).all():
        for key, value in (answers or {}).items():
            if (key, value) in SIGNS:
                answered.setdefault((key, value), set()).add(person)
        loc = location or {}
        country = (loc.get("country_code") or "").upper() or None
        parsed = agency.parse((answers or {}).get("agency"))
        if parsed is not None:
            names.append((person, parsed, country))
        if loc.get("place") and country:
            places.setdefault((str(loc["place"]), country), set()).add(person)
    signs = _sign_rows(answered, min_count)
    clusters = _cluster(names)
    agencies = [
        {
            "agency": c.label(),
            "country": c.countries.most_common(1)[0][0] if c.countries else "",
            "count": len(c.people),
            "spellings": len(c.spellings),
        }
        for c in clusters
    ]
    place_rows = [
        {"place": place, "country": country, "count": len(people)}
        for (place, country), people in places.items()
    ]
    shown_agencies = _top([a for a in agencies if a["count"] >= min_count], "agency")
    shown_places = _top([p for p in place_rows if p["count"] >= min_count], "place")
    period = {"days": days, "start": since.date().isoformat(), "end": now.date().isoformat()}
    return {
        "period": period,
        "min_count": min_count,
        "agencies": shown_agencies,
        "places": shown_places,
        "signs": signs["shown"],
        "suppressed": {
            "signs": signs["suppressed"],
            "agencies": len(agencies) - len(shown_agencies),
            "places": len(place_rows) - len(shown_places),
        },
        "rows": _rows(shown_agencies, shown_places, period),
    }


# Answers counted on the patterns page (people, never who): the caseworkers' questions.
SIGNS: dict[tuple[str, str], str] = {
    ("children", "yes"): "children present",
    ("injured", "yes"): "injured or needs a doctor",
    ("threats", "yes"): "threats to them or their family",
    ("wages", "unpaid"): "not paid",
    ("wages", "partly"): "paid only in part",
    ("debt", "yes"): "owes money to an agent or employer",
    ("phone_private", "watched"): "someone reads their phone",
    ("wants", "go_home"): "wants to go home",
    ("wants", "leave_employer"): "wants to leave the employer",
    ("wants", "information"): "wants information",
}


def _sign_rows(answered: dict[tuple[str, str], set[int]], min_count: int) -> dict[str, Any]:
    rows = [
        {"sign": label, "answer": f"{key}: {value}", "count": len(answered[(key, value)])}
        for (key, value), label in SIGNS.items()
        if (key, value) in answered
    ]
    shown = [r for r in rows if r["count"] >= min_count]
    shown.sort(key=lambda r: -r["count"])
    return {"shown": shown, "suppressed": len(rows) - len(shown)}


def _top(items: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return sorted(items, key=lambda item: (-item["count"], item[name]))


def _rows(
    agencies: list[dict[str, Any]], places: list[dict[str, Any]], period: dict[str, Any]
) -> list[dict[str, Any]]:
    span = {"period_start": period["start"], "period_end": period["end"]}
    out = [
        {"kind": "agency", "agency": a["agency"], "place": "", "country": a["country"],
         "count": a["count"], **span}
        for a in agencies
    ]  # fmt: skip
    out += [
        {"kind": "place", "agency": "", "place": p["place"], "country": p["country"],
         "count": p["count"], **span}
        for p in places
    ]  # fmt: skip
    return out


def to_csv(table: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in table["rows"]:
        writer.writerow({k: _cell(row[k]) for k in CSV_COLUMNS})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    # A cell starting with = + - @ runs as a formula in spreadsheets: quote it as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
