"""A caseworker-readable record of one case, for a referral (`sauti export CASE`).

Markdown: case id, priority and why, language, location with a map link, the answers in
plain words, notes, and the transcript (times and texts). The person's phone number and
profile name are left out (only the masked id): share them only with the person's consent.
Every export is written to the audit log.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel import Locale
from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.positions import newest_first
from bot.i18n.catalog import Catalogs
from bot.store.models import AuditLog, Case, Conversation, Message, Note, User, utcnow

# Caseworker-facing labels for the default flow's answers (A5); other keys show as written.
QUESTIONS = {
    "consent": "Agreed to continue",
    "safety": "In danger right now",
    "passport": "Who has the passport",
    "free_to_leave": "Free to leave",
    "people": "People in the same situation",
    "nationality": "Nationality",
    "safe_to_call": "Safe to call or write first",
    "phone_private": "Whose phone",
    "injured": "Injured or needs a doctor",
    "children": "Children present",
    "wages": "Paid for the work",
    "debt": "Owes money to an agent or employer",
    "threats": "Threats to the person or family",
    "wants": "What the person wants",
    "agency": "Agency or person who brought them",
    "employer_town": "Town of the employer",
}
HANDOFFS = {
    "help": "the person asked to talk to a person",
    "misses": "the bot did not understand the person several times",
    "media": "the person sent a file or voice message",
    "flow": "the flow asks for a caseworker",
}
_EN = Locale("en")


def _when(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d %H:%M UTC")


def _language(tag: str | None) -> str:
    if not tag:
        return "unknown"
    name = _EN.languages.get(tag) or _EN.languages.get(tag.split("-")[0])
    return f"{name} ({tag})" if name else tag


def _answer(catalogs: Catalogs | None, key: str, value: Any) -> str:
    if catalogs is not None and isinstance(value, str) and catalogs.has(f"{key}-{value}"):
        return f"{catalogs.format('en', f'{key}-{value}')} ({value})"
    return str(value)


def _share_with(case: Case) -> str:
    agreed = (case.consent or {}).get("share_with") or []
    return ", ".join(agreed) if agreed else "no one outside the team"


def location_lines(location: dict[str, Any] | None) -> list[str]:
    if not location:
        return ["- Location: not given"]
    lines = []
    place = location.get("place")
    country = location.get("country_code")
    if place or country:
        name = _EN.territories.get(country or "", country or "")
        lines.append(f"- Location: {', '.join(p for p in (place, name) if p)}")
    if location.get("text"):
        lines.append(f"- Typed by the person: {location['text']}")
    lat, lon = location.get("latitude"), location.get("longitude")
    if lat is not None and lon is not None:
        link = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=15/{lat}/{lon}"
        lines.append(f"- Shared pin: {lat}, {lon} — {link}")
    if location.get("situation"):
        lines.append(f"- Situation: {location['situation'].replace('_', ' ')}")
    for p in newest_first(location):  # at sea or walking: every position she sent
        coast = f", {p['coast_km']:.0f} km from the coast" if p.get("coast_km") is not None else ""
        lines.append(f"- Position at {p['at']}: {p['latitude']}, {p['longitude']}{coast}")
    return lines or ["- Location: not given"]


def _transcript_line(msg: Message) -> str:
    who = {"person": "Person", "bot": "Bot", "caseworker": "Caseworker"}.get(msg.author, msg.author)
    data = msg.data or {}
    text = msg.text or ""
    if msg.kind == "location":
        loc = (data.get("inbound") or {}).get("location") or data.get("location") or {}
        text = f"[shared location {loc.get('latitude')}, {loc.get('longitude')}] {text}".strip()
    elif msg.kind == "media":
        media = data.get("media") or {}
        text = f"[{media.get('kind', 'file')}] {text}".strip()
    elif not text:
        text = f"[{msg.kind}]"
    return f"- {_when(msg.platform_ts or msg.created_at)} — {who}: {text}"


async def render_case(session: AsyncSession, case: Case, catalogs: Catalogs | None = None) -> str:
    conv = await session.get(Conversation, case.conversation_id)
    lines = [f"# Case {case.id}", ""]
    if case.erased_at is not None:
        lines += [f"Erased on {_when(case.erased_at)}: {case.outcome or 'erased'}.", ""]
    lines += [
        f"- Status: {case.status}" + (f" ({case.outcome})" if case.outcome else ""),
        f"- Priority: {case.priority}",
        f"- Why: {', '.join(case.rules_fired) if case.rules_fired else 'no rule fired'}",
        f"- ILO indicators: {', '.join(case.indicators) if case.indicators else 'none'}",
        f"- May contact (the person agreed): {_share_with(case)}",
    ]
    if case.handoff:
        lines.append(f"- Handed to a person because {HANDOFFS.get(case.handoff, case.handoff)}")
    lines += [
        f"- Language: {_language(case.language)}",
        f"- Channel: {case.channel}",
        f"- Contact: {conv.masked_id if conv else '—'}",
        f"- Team: {case.team or '—'}",
        f"- Opened: {_when(case.created_at)}; last update: {_when(case.updated_at)}",
        *location_lines(case.location),
        "",
        "## Answers",
        "",
    ]
    answers = case.answers or {}
    lines += [f"- {QUESTIONS.get(k, k)}: {_answer(catalogs, k, v)}" for k, v in answers.items()]
    lines += ["- none"] if not answers else []
    lines += ["", "## Notes", ""]
    notes = (
        await session.execute(
            select(Note, User.name)
            .join(User, User.id == Note.user_id, isouter=True)
            .where(Note.case_id == case.id)
            .order_by(Note.created_at, Note.id)
        )
    ).all()
    lines += [f"- {_when(n.created_at)} — {name or 'unknown'}: {n.text}" for n, name in notes]
    lines += ["- none"] if not notes else []
    lines += ["", "## Transcript", ""]
    messages = (
        (
            await session.execute(
                select(Message)
                .where(Message.conversation_id == case.conversation_id)
                .order_by(Message.id)
            )
        )
        .scalars()
        .all()
    )
    lines += [_transcript_line(m) for m in messages]
    lines += ["- none (deleted, or not kept)"] if not messages else []
    return "\n".join(lines) + "\n"


async def export_case(
    session: AsyncSession,
    case_id: str,
    *,
    catalogs: Catalogs | None = None,
    user_id: int | None = None,
    via: str = "cli",
    now: datetime | None = None,
) -> str | None:
    """The case as Markdown (None if there is no such case); records an "export" audit row."""
    case = await session.get(Case, case_id.strip().upper())
    if case is None:
        return None
    text = await render_case(session, case, catalogs)
    session.add(
        AuditLog(
            at=now or utcnow(),
            user_id=user_id,
            action="export",
            case_id=case.id,
            detail={"via": via, "format": "markdown"},
        )
    )
    return text
