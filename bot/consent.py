"""Consent to share: whom outside the NGO a person agreed we may contact about her case.

Stored on the case as `consent = {"share_with": [...], "refused": [...]}` (the case JSON's
`consent.share_with`). Pure functions: the engine records answers, the inbox and the API
refuse a message that needs a consent the person has not given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SHARE_YES, SHARE_NO = "share-yes", "share-no"  # the buttons of the consent question


def prompt_id(recipient: str) -> str:
    """The question asked in the person's language: `share-<recipient>-prompt`."""
    return f"share-{recipient}-prompt"


def merged(consent: dict[str, Any] | None, answers: dict[str, bool]) -> dict[str, Any]:
    """The case's consent after the person answered (the latest answer per recipient wins)."""
    given = set((consent or {}).get("share_with") or [])
    refused = set((consent or {}).get("refused") or [])
    for recipient, yes in answers.items():
        (given.add if yes else given.discard)(recipient)
        (refused.discard if yes else refused.add)(recipient)
    return {"share_with": sorted(given), "refused": sorted(refused)}


def allows(consent: dict[str, Any] | None, recipient: str | None) -> bool:
    """Whether a message that implies contacting `recipient` may go (None: no one outside)."""
    return recipient is None or recipient in ((consent or {}).get("share_with") or [])


def required_by(flows_dir: Path, reply_id: str) -> str | None:
    """The recipient a canned reply implies contacting (`requires_consent:` in
    flows/replies.yaml), or None."""
    path = Path(flows_dir) / "replies.yaml"
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entry = (data.get("replies") or {}).get(reply_id) if isinstance(data, dict) else None
    return (
        str(entry["requires_consent"])
        if isinstance(entry, dict) and entry.get("requires_consent")
        else None
    )
