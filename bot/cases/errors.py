"""Why a caseworker action was refused; the API maps each class onto an HTTP status.

NotFound (404) also covers cases outside the caller's teams, so a caseworker cannot learn
that another team's case exists.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any


class CaseError(Exception):
    """Base class: `status` is the HTTP status, `code` a stable machine-readable name."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.code.replace("_", " "))
        self.message = message or self.code.replace("_", " ")

    def as_json(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message}


class NotFound(CaseError):
    status = 404
    code = "not_found"


class Conflict(CaseError):
    """The case is not in a state that allows this (claimed by someone else, resolved...)."""

    status = 409
    code = "conflict"


class ConsentRequired(Conflict):
    """The message implies contacting someone outside the NGO the person did not agree to."""

    code = "consent_required"


class BadRequest(CaseError):
    """The request itself is wrong (unknown canned reply or template, empty text...)."""

    status = 422
    code = "bad_request"


class WindowClosed(CaseError):
    """The platform does not allow a free-form message now; `templates` are what fits."""

    status = 409
    code = "window_closed"

    def __init__(
        self, reason: str, closes_at: datetime | None, templates: list[dict[str, Any]]
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.closes_at = closes_at
        self.templates = templates

    def as_json(self) -> dict[str, Any]:
        return {
            **super().as_json(),
            "reason": self.reason,
            "closes_at": self.closes_at.isoformat() if self.closes_at else None,
            "templates": self.templates,
        }
