"""Messenger and Instagram webhook payloads parse into Inbound, case by case."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.channels import messenger

from .cases import check, load_cases

MESSENGER = load_cases("messenger")
INSTAGRAM = load_cases("instagram")

PAGE = "104455667788990"
PSID = "6543210987654321"
MID = "m_AbCdEf0123456789ghIJklMNopQRstUVwxYZ_exampleMid"
OURS = "m_ZyXwVu9876543210tsRQpoNMlkJIhgFEdcBA_outboundMid"
WHEN = datetime(2026, 1, 5, 11, 25, 45, 678000, tzinfo=UTC)  # 1767612345678 ms
IG_ACCOUNT = "17841400000000001"
IGSID = "1122334455667788"

EXPECTED_MESSENGER: dict[str, list[dict[str, Any]]] = {
    "text": [
        {
            "kind": "text",
            "text": "Hi, is the shop open on Sunday?",
            "dedupe_key": MID,
            "contact_id": PSID,
            "business_id": PAGE,
            "timestamp": WHEN,
            "contact_phone": None,
        }
    ],
    "quick_reply": [{"kind": "choice", "choice_id": "SVC_REPAIR", "text": "Repairs"}],
    "quick_reply_phone_number": [{"kind": "choice", "choice_id": "+218910000001"}],
    "reply_to": [{"kind": "text", "text": "this one", "reply_to": OURS}],
    "image": [{"kind": "media", "media.kind": "image", "media.media_id": None}],
    "audio": [{"kind": "media", "media.kind": "audio"}],
    "sticker_double": [{"kind": "media", "media.kind": "sticker", "dedupe_key": MID}],
    "sticker_only_after_2026_08": [{"kind": "media", "media.kind": "sticker"}],
    "fallback_link": [{"kind": "text", "text": "Where is this? https://example.org/p/123"}],
    "fallback_link_without_text": [
        {"kind": "other", "raw_type": "fallback", "text": "https://example.org/p/123"}
    ],
    "fallback_map_link": [
        {"kind": "location", "location.latitude": 32.8872, "location.longitude": 13.1913}
    ],
    "fallback_legacy_top_level_url": [
        {"kind": "location", "location.latitude": -1.2921, "location.longitude": 36.8219}
    ],
    "location_legacy": [
        {
            "kind": "location",
            "location.latitude": 51.5007,
            "location.longitude": -0.1246,
            "location.name": "Ada's Location",
        }
    ],
    "postback_get_started": [{"kind": "choice", "choice_id": "GET_STARTED", "dedupe_key": MID}],
    "postback_button": [{"kind": "choice", "choice_id": "BOOK_REPAIR", "text": "Book a repair"}],
    "postback_referral": [{"kind": "choice", "choice_id": "GET_STARTED"}],
    "postback_seconds_timestamp": [
        {
            "kind": "choice",
            "choice_id": "help",
            # Old postbacks have no mid: the key is built from who, when and what.
            "dedupe_key": f"postback:{PSID}:1767612345:help",
            "timestamp": datetime(2026, 1, 5, 11, 25, 45, tzinfo=UTC),
        }
    ],
    "referral": [{"kind": "other", "raw_type": "referral", "text": "spring-campaign"}],
    "read": [
        {
            "kind": "status",
            "status.status": "read",
            "status.message_id": None,
            "status.watermark": datetime(2026, 1, 5, 11, 25, 40, 678000, tzinfo=UTC),
            "dedupe_key": f"read:{PSID}:1767612340678",
        }
    ],
    "delivery": [
        {
            "kind": "status",
            "status.status": "delivered",
            "status.message_id": OURS,
            "dedupe_key": f"delivered:{PSID}:1767612341678",
        }
    ],
    "delivery_without_mids": [{"kind": "status", "status.message_id": None}],
    "echo": [
        {
            "kind": "echo",
            "contact_id": PSID,  # the recipient of an echo is the person
            "business_id": PAGE,
            "choice_id": "881122334455667",  # the app that sent it
            "text": "We open at 10:00 on Sundays.",
        }
    ],
    "reaction": [{"kind": "reaction", "text": "❤️", "reply_to": OURS}],
    "reaction_removed": [{"kind": "reaction", "text": None, "raw_type": "reaction.unreact"}],
    "standby_text": [
        {"kind": "standby", "text": "hello? anyone there", "raw_type": "standby.text"}
    ],
    "standby_postback_without_payload": [
        {"kind": "standby", "choice_id": None, "raw_type": "standby.postback"}
    ],
    "pass_thread_control": [
        {
            "kind": "other",
            "raw_type": "pass_thread_control",
            "choice_id": "881122334455667",
            "text": "agent closed the ticket",
        }
    ],
    "message_edit": [{"kind": "other", "text": "edited", "reply_to": "m_EDIT"}],
    "several_events_one_post": [
        {"dedupe_key": "m_MULTI1", "text": "one"},
        {"dedupe_key": "m_MULTI2", "text": "two"},
        {"dedupe_key": "m_MULTI3", "contact_id": "7000000000000001"},
    ],
    "two_images": [
        {"dedupe_key": "m_TWOIMG", "media.url": "https://scontent.xx.fbcdn.net/a.jpg"},
        {"dedupe_key": "m_TWOIMG:1", "media.url": "https://scontent.xx.fbcdn.net/b.jpg"},
    ],
    "image_with_text": [{"kind": "media", "text": "my passport"}],
    "video_and_file": [
        {"media.kind": "video"},
        {"media.kind": "file", "media.url": "https://cdn.fbsbx.com/contract.pdf"},
    ],
    "unknown_event_ignored": [],
    "user_ref_sender_ignored": [],
    "message_without_mid_ignored": [],
    "malformed_items_mixed_with_good": [
        {"dedupe_key": "m_BAD3", "kind": "text"},
        {"dedupe_key": "m_GOOD", "text": "still here"},
    ],
    "unknown_object_ignored": [],
}

EXPECTED_INSTAGRAM: dict[str, list[dict[str, Any]]] = {
    "text": [
        {
            "kind": "text",
            "text": "do you ship to Ireland?",
            "contact_id": IGSID,
            "business_id": IG_ACCOUNT,
        }
    ],
    "story_mention": [{"kind": "other", "raw_type": "story_mention"}],
    "echo": [{"kind": "echo", "contact_id": IGSID, "business_id": IG_ACCOUNT}],
    "seen": [
        {
            "kind": "status",
            "status.status": "read",
            "status.message_id": "aWdfZAG1faXRlbTpPVVRCT1VORA",
            "status.watermark": None,
        }
    ],
    "quick_reply": [{"kind": "choice", "choice_id": "yes"}],
    "icebreaker_postback": [{"kind": "choice", "choice_id": "help", "text": "I need help"}],
    "like_heart": [{"kind": "media", "media.kind": "sticker"}],
    "share": [{"kind": "other", "raw_type": "share"}],
    "unsupported_attachment": [{"kind": "unsupported"}],
    "deleted": [{"kind": "other", "raw_type": "deleted", "dedupe_key": "aWdfDEL:deleted"}],
    "image": [{"kind": "media", "media.kind": "image"}],
    "changes_wrapped_event": [{"kind": "text", "text": "from the dashboard test"}],
    "standby_text": [{"kind": "standby", "text": "anyone?"}],
}


def test_every_fixture_has_expectations() -> None:
    assert set(EXPECTED_MESSENGER) == set(MESSENGER)
    assert set(EXPECTED_INSTAGRAM) == set(INSTAGRAM)


@pytest.mark.parametrize("case", sorted(MESSENGER))
def test_messenger_case(case: str) -> None:
    parsed = messenger.parse(MESSENGER[case], "messenger")
    check(parsed, EXPECTED_MESSENGER[case])
    assert all(item.channel == "messenger" for item in parsed)


@pytest.mark.parametrize("case", sorted(INSTAGRAM))
def test_instagram_case(case: str) -> None:
    parsed = messenger.parse(INSTAGRAM[case], "instagram")
    check(parsed, EXPECTED_INSTAGRAM[case])
    assert all(item.channel == "instagram" for item in parsed)


def test_a_sticker_sent_as_sticker_and_image_is_one_inbound() -> None:
    attachments = MESSENGER["sticker_double"]["entry"][0]["messaging"][0]["message"]["attachments"]
    assert [a["type"] for a in attachments] == ["sticker", "image"]
    assert len(messenger.parse(MESSENGER["sticker_double"], "messenger")) == 1


def test_numbers_in_an_ordinary_shared_link_are_not_a_location() -> None:
    payload = {
        "object": "page",
        "entry": [
            {
                "id": PAGE,
                "messaging": [
                    {
                        "sender": {"id": PSID},
                        "recipient": {"id": PAGE},
                        "timestamp": 1767612345678,
                        "message": {
                            "mid": "m_X",
                            "attachments": [
                                {
                                    "type": "fallback",
                                    "payload": {"url": "https://shop.example/12.5,3.25"},
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }
    (item,) = messenger.parse(payload, "messenger")
    assert item.kind == "other"
    assert item.location is None
