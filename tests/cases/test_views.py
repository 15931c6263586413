"""The case and message JSON: the contract's shape (A5) plus what caseworkers need."""

from __future__ import annotations

from datetime import timedelta

from bot.cases.views import case_json, message_json
from bot.store.models import Case, Conversation, Message
from tests.cases.support import NOW

A5_KEYS = {
    "id", "status", "priority", "channel", "language", "team", "assignee", "contact",
    "location", "answers", "created_at", "updated_at",
}  # fmt: skip


def sample() -> tuple[Case, Conversation]:
    conv = Conversation(
        channel="whatsapp",
        business_id="1202",
        contact_hash="h",
        contact_ref="212612344567",
        contact_name="Khadija",
        masked_id="+212•••••••67",
        last_inbound_at=NOW - timedelta(hours=2),
        contact_prefs={"safe_to_message_first": True, "safe_hours": "day"},
    )
    case = Case(
        id="ABCD-2345",
        conversation_id=1,
        priority="urgent",
        channel="whatsapp",
        language="ary",
        team="libya",
        location={
            "latitude": 32.88,
            "longitude": 13.19,
            "text": "tripoli",
            "place": "Tripoli",
            "country_code": "LY",
            "distance_km": 1.2,
            "matched": True,
        },  # fmt: skip
        answers={"consent": "yes", "safety": "danger_now", "people": 16},
        rules_fired=["danger_now"],
        handoff="help",
        created_at=NOW,
        updated_at=NOW,
    )
    return case, conv


def test_the_case_has_exactly_the_contract_fields_and_the_extras() -> None:
    case, conv = sample()
    data = case_json(case, conv, now=NOW, assignee="amina")
    assert A5_KEYS <= set(data)
    assert data["contact"] == {"name": "Khadija", "masked_id": "+212•••••••67"}
    assert data["location"] == {
        "latitude": 32.88, "longitude": 13.19, "text": "tripoli", "place": "Tripoli",
        "country_code": "LY",
    }  # fmt: skip
    assert data["answers"]["people"] == 16
    assert data["assignee"] == "amina"
    assert data["created_at"] == NOW.isoformat()
    assert data["window"]["open"] is True
    assert data["window"]["closes_at"].startswith((NOW + timedelta(hours=22)).date().isoformat())
    assert data["map_url"].startswith("https://www.openstreetmap.org/?mlat=32.88000&mlon=13.19000")
    assert (data["rules_fired"], data["handoff"], data["erased"]) == (["danger_now"], "help", False)
    assert data["contact_prefs"]["safe_hours"] == "day"
    assert "212612344567" not in str(data)  # never the whole number


def test_a_case_without_location_has_no_map() -> None:
    case, conv = sample()
    case.location = None
    data = case_json(case, conv, now=NOW)
    assert data["location"] is None and data["map_url"] is None and data["assignee"] is None


def test_messages_show_who_wrote_and_what_became_of_them() -> None:
    out = Message(
        id=7, conversation_id=1, direction="out", author="caseworker", kind="text",
        text="We are here", state="played", user_id=3, created_at=NOW,
    )  # fmt: skip
    failed = Message(
        id=8, conversation_id=1, direction="out", author="bot", kind="text", text="x",
        state="failed", error="window closed", created_at=NOW,
    )  # fmt: skip
    voice = Message(
        id=9, conversation_id=1, direction="in", author="person", kind="media", state="done",
        data={"media": {"kind": "audio", "voice": True, "mime_type": "audio/ogg"}},
        platform_ts=NOW,
    )  # fmt: skip
    assert message_json(out)["status"] == "read"
    assert {k: message_json(failed)[k] for k in ("status", "error")} == {
        "status": "failed",
        "error": "window closed",
    }
    data = message_json(voice, case_id="ABCD-2345", media_state="stored")
    assert (data["direction"], data["author"], data["status"]) == ("in", "person", "received")
    assert data["media"]["url"] == "/api/cases/ABCD-2345/media/9"
    assert data["media"]["voice"] is True and data["media"]["state"] == "stored"
    assert data["at"] == NOW.isoformat()
