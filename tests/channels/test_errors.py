"""Graph failures are classified by Meta's error code (and subcode), not by HTTP status."""

from __future__ import annotations

import pytest

from bot.channels.errors import (
    AuthError,
    PermanentError,
    RateLimitError,
    SendError,
    TransientError,
    WindowClosedError,
    classify,
)


def body(code: int | str, subcode: int | None = None, **extra: object) -> dict:
    error: dict[str, object] = {"message": f"(#{code}) something", "type": "OAuthException"}
    error["code"] = code
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": {**error, **extra}}


@pytest.mark.parametrize(
    ("status", "payload", "expected"),
    [
        # Transient: retry with backoff.
        *[(400, body(code), TransientError) for code in (1, 2, 131000, 131016, 133004, 131057)],
        (500, None, TransientError),
        (503, {}, TransientError),
        (502, {"unexpected": True}, TransientError),
        (408, None, TransientError),
        # Rate limits.
        *[(429, body(code), RateLimitError) for code in (4, 80007, 130429, 613, 131048, 131056)],
        (400, body(131056), RateLimitError),  # some integrators see the pair rate as a 400
        (429, None, RateLimitError),
        # The 24 h window.
        (400, body(131047), WindowClosedError),
        (400, body(10, 2018278), WindowClosedError),
        (400, body(10, 2534022), WindowClosedError),
        (400, body(551), WindowClosedError),
        (400, body(1545041), WindowClosedError),
        # Auth and permissions.
        *[(401, body(code), AuthError) for code in (0, 190, 200, 230, 299)],
        (403, body(10), AuthError),
        (403, body(10, 1234), AuthError),
        # Everything else is permanent.
        *[(400, body(code), PermanentError) for code in (3, 100, 131026, 131051, 132001, 368)],
        (400, None, PermanentError),
        (404, None, PermanentError),
        # A code wins over the HTTP status: a 500 carrying a request error is not retried.
        (500, body(100), PermanentError),
        (200, body("131047"), WindowClosedError),  # a string code
    ],
)
def test_classify(status: int, payload: dict | None, expected: type[SendError]) -> None:
    error = classify(status, payload)
    assert type(error) is expected
    assert error.status_code == status


def test_auth_errors_are_permanent() -> None:
    assert isinstance(classify(401, body(190)), PermanentError)


def test_only_transient_and_rate_limit_errors_are_retryable() -> None:
    assert classify(500, None).retryable
    assert classify(429, body(4)).retryable
    assert not classify(400, body(131047)).retryable
    assert not classify(400, body(100)).retryable


def test_the_error_carries_code_subcode_title_and_retry_after() -> None:
    error = classify(400, body(10, 2018278, error_user_title="Outside window"), retry_after=30.0)
    assert (error.code, error.subcode, error.title, error.retry_after) == (
        10,
        2018278,
        "Outside window",
        30.0,
    )
    assert "10/2018278" in str(error)


def test_only_the_pair_rate_limit_is_per_contact() -> None:
    assert classify(429, body(131056)).per_contact is True
    assert classify(429, body(130429)).per_contact is False


@pytest.mark.parametrize(
    "payload",
    [
        {"error": "text"},
        {"error": {"code": None}},
        {"error": {"code": True}},
        {"error": {"code": "²"}},
    ],
)
def test_odd_error_bodies_fall_back_on_the_status(payload: dict) -> None:
    assert type(classify(503, payload)) is TransientError
    assert type(classify(400, payload)) is PermanentError


def test_send_errors_can_be_raised_with_just_a_message() -> None:
    error = TransientError("ConnectError")
    assert str(error) == "ConnectError"
    assert (error.code, error.retry_after, error.per_contact) == (None, None, False)
