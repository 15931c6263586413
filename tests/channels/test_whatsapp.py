"""WhatsApp webhook payloads parse into the Inbound the engine expects, case by case."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.channels import whatsapp
from bot.messages import PlatformError

from .cases import check, load_cases

CASES = load_cases("whatsapp")

IN = "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMEQ3QTk2RjE5NUQxRjA2QjMA"  # the person's message
OURS = "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSNzI1QUIyRkM0RDBBRjQ5RkU1AA=="  # a message we sent
BSUID = "GB.7730016245589147"
PHONE = "447700900123"
NUMBER_ID = "120200300400501"
WHEN = datetime(2026, 1, 5, 11, 25, 45, tzinfo=UTC)  # "1767612345"

ADA = {"contact_id": BSUID, "contact_phone": PHONE, "contact_name": "Ada Lopez"}

EXPECTED: dict[str, list[dict[str, Any]]] = {
    "text": [{"kind": "text", "text": "Hi, is the shop open on Sunday?", "dedupe_key": IN, **ADA}],
    "text_bsuid_only": [
        {"kind": "text", "contact_id": BSUID, "contact_phone": None, "contact_name": "Ada Lopez"}
    ],
    "text_reply_context": [{"kind": "text", "text": "Yes, this one please", "reply_to": OURS}],
    "text_forwarded": [{"kind": "text", "text": "look at this", "reply_to": None}],
    "button_reply": [
        {"kind": "choice", "choice_id": "opt_yes", "text": "Yes", "reply_to": OURS, **ADA}
    ],
    "list_reply": [{"kind": "choice", "choice_id": "svc_repair", "text": "Repairs"}],
    "nfm_reply": [{"kind": "other", "raw_type": "interactive.nfm_reply", "choice_id": None}],
    "template_button": [
        {
            "kind": "choice",
            "choice_id": "STOP_PROMOS",
            "text": "Stop promotions",
            "raw_type": "button",
        }
    ],
    "location_named": [
        {
            "kind": "location",
            "location.latitude": 51.50073509,
            "location.longitude": -0.12462509,
            "location.name": "Westminster Pier",
            "location.address": "Victoria Embankment, London SW1A 2JH",
        }
    ],
    "location_pin_reply": [
        {"kind": "location", "location.latitude": 51.5007, "location.name": None, "reply_to": OURS}
    ],
    "image": [
        {
            "kind": "media",
            "media.kind": "image",
            "media.media_id": "1291734468451126",
            "media.mime_type": "image/jpeg",
            "media.caption": "Broken screen",
            "text": "Broken screen",
        }
    ],
    "voice_note": [{"kind": "media", "media.kind": "audio", "media.voice": True, "text": None}],
    "audio_file_not_voice": [{"kind": "media", "media.kind": "audio", "media.voice": False}],
    "voice_legacy_type": [
        {"kind": "media", "media.kind": "audio", "media.voice": True, "raw_type": "voice"}
    ],
    "video": [{"kind": "media", "media.kind": "video", "media.caption": "It makes this noise"}],
    "document": [{"kind": "media", "media.kind": "document", "media.filename": "invoice-0042.pdf"}],
    "sticker": [{"kind": "media", "media.kind": "sticker", "media.mime_type": "image/webp"}],
    "media_without_id": [{"kind": "unsupported", "raw_type": "image"}],
    "contacts_card": [{"kind": "contacts", "text": "Bob Stone: +44 7700 900456"}],
    "reaction": [{"kind": "reaction", "text": "👍", "reply_to": OURS}],
    "reaction_removed": [{"kind": "reaction", "text": None, "reply_to": OURS}],
    "unsupported": [
        {
            "kind": "unsupported",
            "raw_type": "unsupported.poll_creation",
            "errors": [
                PlatformError(
                    code=131051,
                    title="Message type unknown",
                    details="Message type is currently not supported.",
                )
            ],
        }
    ],
    "value_error_missing_type_object": [
        {
            "kind": "unsupported",
            "raw_type": "interactive",
            "errors": [
                PlatformError(
                    code=131000,
                    title="Something went wrong",
                    details="Unsupported webhook payload",
                )
            ],
        }
    ],
    "text_from_ad": [{"kind": "text", "text": "Can I get more info about this?"}],
    "system_changed_number": [
        {
            "kind": "system",
            "raw_type": "system.user_changed_number",
            "contact_id": PHONE,  # no BSUID and no contacts array on system messages
            "contact_name": None,
        }
    ],
    "system_user_changed_user_id": [
        {"kind": "system", "raw_type": "system.user_changed_user_id", "contact_id": BSUID}
    ],
    "status_sent": [
        {
            "kind": "status",
            "dedupe_key": f"{OURS}:sent",
            "status.message_id": OURS,
            "status.status": "sent",
            "contact_id": BSUID,
            "timestamp": WHEN,
        }
    ],
    "status_delivered": [{"kind": "status", "dedupe_key": f"{OURS}:delivered"}],
    "status_read": [{"kind": "status", "status.status": "read"}],
    "status_played": [{"kind": "status", "status.status": "played"}],
    "status_failed_window": [
        {
            "kind": "status",
            "status.status": "failed",
            "status.errors": [
                PlatformError(
                    code=131047,
                    title="Re-engagement message",
                    details="Message failed to send because more than 24 hours have passed "
                    "since the customer last replied to this number.",
                )
            ],
            "contact_id": PHONE,
        }
    ],
    "status_bsuid_only": [{"kind": "status", "contact_id": BSUID, "contact_phone": None}],
    "status_unknown_value_ignored": [],
    "text_no_contacts": [
        {"kind": "text", "contact_id": BSUID, "contact_phone": PHONE, "contact_name": None}
    ],
    "text_ms_timestamp": [{"timestamp": WHEN}],
    "text_int_timestamp": [{"timestamp": WHEN}],
    "text_phone_only_pre_2026": [
        {"contact_id": "218910000001", "contact_phone": "218910000001", "contact_name": "Amina"}
    ],
    "darija_arabizi_text": [{"kind": "text", "text": "3afak, l passport 3end lm3allem"}],
    "several_messages_one_post": [
        {"dedupe_key": "wamid.MULTI1", "contact_name": "Ada Lopez", "business_id": NUMBER_ID},
        {"dedupe_key": "wamid.MULTI2", "contact_id": "GB.1111", "contact_name": "Bob"},
        {"dedupe_key": "wamid.OUT1:delivered", "kind": "status"},
        {"dedupe_key": "wamid.MULTI3", "business_id": "120200300400777"},
    ],
    "unknown_field": [],
    "unknown_type": [{"kind": "unsupported", "raw_type": "poll"}],
    "missing_type": [{"kind": "unsupported", "dedupe_key": "wamid.NOTYPE"}],
    "malformed_items_mixed_with_good": [
        {"dedupe_key": "wamid.BADBODY", "kind": "unsupported"},
        # No `from`, but the only contact in the change is the sender.
        {"dedupe_key": "wamid.FROMSOLECONTACT", "contact_id": BSUID},
        {"dedupe_key": "wamid.GOOD", "kind": "text", "text": "still here"},
        {"dedupe_key": "wamid.OUT2:read", "kind": "status"},
    ],
    "no_sender_skipped": [],
    "malformed_envelope": [],
    "missing_metadata": [],
    "location_out_of_range": [{"kind": "unsupported", "raw_type": "location"}],
    "interactive_call_permission": [
        {"kind": "other", "raw_type": "interactive.call_permission_reply"}
    ],
    "request_welcome": [{"kind": "other", "raw_type": "request_welcome"}],
    "order": [{"kind": "other", "raw_type": "order"}],
    "group_message_ignored": [],
}


def test_every_fixture_has_expectations() -> None:
    assert set(EXPECTED) == set(CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_case(case: str) -> None:
    parsed = whatsapp.parse(CASES[case])
    check(parsed, EXPECTED[case])
    for item in parsed:
        assert item.channel == "whatsapp"


@pytest.mark.parametrize("case", ["text", "status_sent", "image", "button_reply"])
def test_routes_on_the_phone_number_id_at_the_platform_time(case: str) -> None:
    (item,) = whatsapp.parse(CASES[case])
    assert item.business_id == NUMBER_ID
    assert item.timestamp == WHEN


def test_a_bad_timestamp_falls_back_to_now_instead_of_dropping_the_message() -> None:
    before = datetime.now(tz=UTC)
    bad = next(
        i
        for i in whatsapp.parse(CASES["malformed_items_mixed_with_good"])
        if i.dedupe_key == "wamid.BADBODY"
    )
    assert before <= bad.timestamp <= datetime.now(tz=UTC)
