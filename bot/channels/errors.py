"""Why a Graph API send failed, as exception classes the outbox can act on.

Hierarchy:

* SendError - any failed send; `.code`, `.subcode`, `.title`, `.retry_after`, `.status_code`
  + TransientError - try again with backoff: HTTP 5xx without a code, network errors,
  |                  timeouts, codes 1, 2, 131000, 131016, 131053, 133004, 131057
  + RateLimitError - too fast: back off (`.retry_after` is a minimum) and retry; codes 4,
  |                  17, 32, 613, 80007, 130429, 131048, 133016, and 131056 (pair rate:
  |                  `.per_contact` is True, only this person's messages must wait)
  + WindowClosedError - outside the 24 h window: do not retry free-form text; send a
  |                     template (WhatsApp 131047) or wait for the person (Messenger 10 with
  |                     subcode 2018278/2534022, 551, 1545041)
  + PermanentError - retrying will not help; everything else
      + AuthError - our token or permissions: alert an operator (0, 190, 10, 200-299)
      + MediaTooLargeError - a download over the caller's size limit

Classify by Meta's `error.code` (plus `error_subcode`), never by HTTP status when a code is
present: Meta's HTTP statuses disagree with its own tables.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AuthError",
    "MediaTooLargeError",
    "PermanentError",
    "RateLimitError",
    "SendError",
    "TransientError",
    "WindowClosedError",
    "classify",
    "reason",
]


class SendError(Exception):
    """A send (or media fetch) that the platform did not accept."""

    retryable = False

    def __init__(
        self,
        message: str = "",
        *,
        code: int | None = None,
        subcode: int | None = None,
        title: str | None = None,
        retry_after: float | None = None,
        status_code: int | None = None,
        per_contact: bool = False,
    ) -> None:
        super().__init__(message or title or type(self).__name__)
        self.code = code
        self.subcode = subcode
        self.title = title
        self.retry_after = retry_after
        self.status_code = status_code
        self.per_contact = per_contact


class TransientError(SendError):
    retryable = True


class RateLimitError(SendError):
    retryable = True


class WindowClosedError(SendError):
    pass


class PermanentError(SendError):
    pass


class AuthError(PermanentError):
    pass


class MediaTooLargeError(PermanentError):
    pass


TRANSIENT_CODES = frozenset({1, 2, 131000, 131016, 131053, 133004, 131057})
# 17 and 32: user and Page request limits (Messenger); 133016: registration rate limit.
RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, 80007, 130429, 131048, 131056, 133016})
PER_CONTACT_CODES = frozenset({131056})
WINDOW_CODES = frozenset({131047, 551, 1545041})
# Messenger code 10 with these subcodes means "outside the allowed window", not permissions.
WINDOW_SUBCODES = frozenset({2018278, 2534022})
AUTH_CODES = frozenset({0, 190, 10, *range(200, 300)})


def classify(
    status_code: int, body: dict[str, Any] | None, *, retry_after: float | None = None
) -> SendError:
    """The SendError for a failed Graph response.

    Args:
        status_code: the HTTP status (used only when the body carries no error code).
        body: the parsed JSON body, if any; Meta puts `{"error": {"code": ...}}` there.
        retry_after: seconds from a `Retry-After` header, if the server sent one.
    """
    error = body.get("error") if isinstance(body, dict) else None
    error = error if isinstance(error, dict) else {}
    code, subcode = _int(error.get("code")), _int(error.get("error_subcode"))
    title = _title(error)
    kwargs: dict[str, Any] = {
        "code": code,
        "subcode": subcode,
        "title": title,
        "retry_after": retry_after,
        "status_code": status_code,
    }
    message = f"Graph error {code}" + (f"/{subcode}" if subcode else "") + f" (HTTP {status_code})"
    if title:
        message += f": {title}"
    cls = _class_for(status_code, code, subcode)
    return cls(message, per_contact=code in PER_CONTACT_CODES, **kwargs)


def _class_for(status_code: int, code: int | None, subcode: int | None) -> type[SendError]:
    if code is None:
        # No code (an empty 502 from a proxy, an HTML error page): fall back on the status.
        if status_code >= 500 or status_code == 408:
            return TransientError
        if status_code == 429:
            return RateLimitError
        return PermanentError
    if code in WINDOW_CODES or (code == 10 and subcode in WINDOW_SUBCODES):
        return WindowClosedError
    if code in RATE_LIMIT_CODES:
        return RateLimitError
    if code in TRANSIENT_CODES:
        return TransientError
    if code in AUTH_CODES:
        return AuthError
    return PermanentError


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        value = value.strip()
        if value.isascii() and value.isdigit() and len(value) < 19:
            return int(value)
    return None


def _title(error: dict[str, Any]) -> str | None:
    for key in ("error_user_title", "message", "type"):
        value = error.get(key)
        if isinstance(value, str) and value:
            return value[:300]
    return None


# What a caseworker reads when a reply did not reach the person (English, like the
# platform's own titles; stored on the outbox row and its transcript message).
_REASONS = {
    131026: "not reachable on WhatsApp (not a WhatsApp user, an old app, or terms not accepted)",
    131047: "window closed: the person has not written within the platform's 24-hour window",
    131049: "not delivered by WhatsApp to keep the ecosystem healthy",
    131050: "the person stopped messages from this business",
    131021: "the recipient is this business's own number",
    368: "blocked by the platform for a policy violation",
    551: "the person is not available (they may have blocked the page)",
    1545041: "window closed: the person has not written within the platform's window",
}


def reason(err: SendError) -> str:
    """Why a send failed, in words a caseworker can act on (with Meta's code)."""
    code = f" (code {err.code})" if err.code is not None else ""
    if err.code in _REASONS:
        return _REASONS[err.code] + code
    if isinstance(err, WindowClosedError):
        return _REASONS[131047] + code
    if isinstance(err, AuthError):
        return "our access token or permissions were refused: an operator must fix it" + code
    if isinstance(err, RateLimitError):
        return "the platform asked us to slow down" + code
    if isinstance(err, TransientError):
        return f"the platform did not answer ({err.title or 'server error'})" + code
    if err.code in (100, 131008, 131009) or (err.code or 0) // 1000 == 132:
        return "the platform refused the message as invalid" + code
    return f"refused by the platform{code}"
