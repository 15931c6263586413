"""Stored bodies are bounded in size and depth before `json.loads`: a hostile body is refused
with a reason, never a RecursionError; brackets inside strings are text, not nesting."""

from __future__ import annotations

import json

import pytest

from bot.bounded_json import MAX_DEPTH, Refused, loads, too_deep


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_meta_payloads_are_far_from_the_bound() -> None:
    assert not too_deep(nested(MAX_DEPTH))
    assert too_deep(nested(MAX_DEPTH + 1))


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (nested(10_000), "too_deep"),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "too_deep"),
        (b'{"entry": ' + b"[" * 5_000, "too_deep"),  # unbalanced, and deep all the same
        (b'{"object": "page"', "not_json"),
        (b"\xff\xfe{}", "not_json"),
        (b'{"n": ' + b"9" * 5_000 + b"}", "not_json"),  # past Python's integer digits limit
        (b" " * 11 + b"{}", "too_large"),
    ],
)
def test_bodies_that_cannot_be_read_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(Refused) as refused:
        loads(body, max_bytes=10 if reason == "too_large" else 1 << 20)
    assert refused.value.reason == reason


def test_brackets_in_strings_and_escaped_quotes_do_not_count() -> None:
    text = '[[[{{{ \\" ]]] "' * 200
    body = json.dumps({"entry": [{"text": text, "more": ["[" * 500]}]}).encode()
    assert loads(body, max_bytes=1 << 20)["entry"][0]["text"] == text
