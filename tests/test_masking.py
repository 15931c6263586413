"""Masked ids: a phone number keeps its country code and its last two digits, one bullet per
hidden digit; a platform id keeps its last two characters; nothing shorter shows anything."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.masking import mask_contact, mask_id, mask_phone
from bot.messages import Inbound
from bot.pipeline.ingest_batch import conversation_row


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("218912345667", "+218•••••••67"),  # Libya: the example of architecture A6
        ("+212612345678", "+212•••••••78"),  # Morocco
        ("447700900123", "+44••••••••23"),  # United Kingdom: a two-digit code
        ("15551234567", "+1••••••••67"),  # North America: one digit
        ("254 711 222 333", "+254•••••••33"),  # spaces are not digits
    ],
)
def test_a_phone_number_keeps_its_country_code_and_last_two_digits(
    number: str, masked: str
) -> None:
    assert mask_phone(number) == masked
    digits = [c for c in number if c.isdigit()]
    assert masked.count("•") == len(digits) - len(masked.replace("•", "").lstrip("+"))


def test_a_number_too_short_to_hide_shows_only_its_country_code() -> None:
    assert mask_phone("2547") == "+254•••"
    assert mask_phone("") == "+•••"


def test_platform_ids_keep_only_their_last_two_characters() -> None:
    assert mask_id("7730016245589147") == "•••47"  # a Messenger page-scoped id
    assert mask_id("GB.7730016245589147") == "•••47"  # a WhatsApp business-scoped id
    assert mask_id("sim-1") == "•••"
    assert mask_id(None) == "•••"


def test_a_contact_shows_its_phone_when_known_and_its_platform_id_otherwise() -> None:
    assert mask_contact("whatsapp", "GB.7730016245589147", "218912345667") == "+218•••••••67"
    assert mask_contact("whatsapp", "218912345667") == "+218•••••••67"
    # Digits from Messenger or Instagram are an id, not a phone number.
    assert mask_contact("messenger", "7730016245589147") == "•••47"
    assert mask_contact("instagram", "17841400000000012") == "•••12"


@pytest.mark.parametrize(
    ("channel", "contact_id", "phone", "masked"),
    [
        ("whatsapp", "218912345667", "218912345667", "+218•••••••67"),
        ("whatsapp", "LY.1234567890", None, "•••90"),
        ("messenger", "7730016245589147", None, "•••47"),
    ],
)
def test_a_new_conversation_stores_the_masked_id(
    channel: str, contact_id: str, phone: str | None, masked: str
) -> None:
    item = Inbound(
        channel=channel,
        business_id="1",
        contact_id=contact_id,
        contact_phone=phone,
        kind="text",
        text="hi",
        dedupe_key="m1",
        timestamp=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert conversation_row(item, "hash", datetime(2026, 1, 1))["masked_id"] == masked
