"""Masking for logs and screens: never show a whole phone number or platform id."""

from __future__ import annotations


def mask_id(value: str | None) -> str:
    """'+212612345678' → '+2126•••5678'; short or missing values are masked entirely."""
    if not value:
        return "•••"
    plus = "+" if value.isdigit() else ""
    if len(value) <= 6:
        return plus + "•••"
    return f"{plus}{value[:4]}•••{value[-4:]}"
