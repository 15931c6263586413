"""The simulated people of one browser: kept in its signed session, one contact id each.

Only the ids in this browser's (signed) session can be read back through the simulator,
so one visitor never sees another visitor's simulated chats.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.messages import Inbound, Location, Media
from bot.store.models import WebhookEvent
from bot.web.session import Session

BUSINESS_ID = "sauti-simulator"
MAX_PEOPLE = 8
MAX_NAME = 40


@dataclass(frozen=True)
class Person:
    id: str  # the contact id: fake phone digits, so the inbox shows a masked number
    name: str


def _new_id() -> str:
    # 218 = Libya; random digits. Not a real number: only a key for this simulator.
    return "2189" + "".join(secrets.choice("0123456789") for _ in range(8))


def people(session: Session) -> list[Person]:
    raw = session.data.get("sim", {}).get("people", [])
    return [Person(id=str(p["id"]), name=str(p["name"])) for p in raw]


def current_index(session: Session) -> int:
    return int(session.data.get("sim", {}).get("cur", 0))


def current(session: Session) -> Person:
    """The person this browser is playing; the first one is created on first use."""
    found = people(session)
    if not found:
        return add_person(session)
    index = current_index(session)
    return found[index] if 0 <= index < len(found) else found[-1]


def add_person(session: Session, name: str = "") -> Person:
    found = people(session)
    if len(found) >= MAX_PEOPLE:
        found = found[1:]  # forget the oldest rather than grow the cookie without end
    name = " ".join(name.split())[:MAX_NAME] or f"Person {_next_number(found)}"
    person = Person(id=_new_id(), name=name)
    found.append(person)
    _store(session, found, len(found) - 1)
    return person


def switch(session: Session, index: int) -> None:
    found = people(session)
    if 0 <= index < len(found):
        _store(session, found, index)


def _next_number(found: list[Person]) -> int:
    numbers = [int(p.name.split()[-1]) for p in found if p.name.split()[-1].isdigit()]
    return max(numbers, default=0) + 1


def _store(session: Session, found: list[Person], index: int) -> None:
    chats = session.data.get("sim", {}).get("chats", {})
    session.data["sim"] = {
        "people": [{"id": p.id, "name": p.name} for p in found],
        "cur": index,
        "chats": {p.id: chats[p.id] for p in found if p.id in chats},
    }
    session.changed = True


def remember_chat(session: Session, person: Person, conv_id: int, language: str | None) -> None:
    """The conversation this person's phone shows, and its language: a phone keeps the
    last words of a chat the server has erased ("everything you told us is deleted")."""
    sim = session.data.setdefault("sim", {})
    chats = sim.setdefault("chats", {})
    if chats.get(person.id) != [conv_id, language]:
        chats[person.id] = [conv_id, language]
        session.changed = True


def last_chat(session: Session, person: Person) -> tuple[int, str | None] | None:
    found = session.data.get("sim", {}).get("chats", {}).get(person.id)
    return (int(found[0]), found[1]) if found else None


def inbound(
    person: Person,
    kind: str,
    *,
    raw_type: str,
    text: str | None = None,
    choice_id: str | None = None,
    location: Location | None = None,
    media: Media | None = None,
) -> Inbound:
    return Inbound(
        channel="simulator",
        kind=kind,  # type: ignore[arg-type]
        dedupe_key="sim." + secrets.token_hex(12),
        business_id=BUSINESS_ID,
        contact_id=person.id,
        contact_name=person.name,
        timestamp=datetime.now(UTC),
        raw_type=raw_type,
        text=text,
        choice_id=choice_id,
        location=location,
        media=media,
    )


def webhook_event(items: list[Inbound]) -> WebhookEvent:
    """The stored form: parsed by ingest exactly like a Meta webhook."""
    body = json.dumps([item.model_dump(mode="json", exclude_none=True) for item in items])
    return WebhookEvent(source="simulator", body=body.encode())
