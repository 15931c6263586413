"""X-Hub-Signature-256: HMAC-SHA256 of the exact body bytes with the App Secret."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.signature import sign, verify

SECRET = "app-secret-123"
BODY = json.dumps({"object": "page", "text": "äöå https://x"}, ensure_ascii=True).encode()


def test_sign_is_sha256_prefix_and_lowercase_hex() -> None:
    expected = hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, BODY) == "sha256=" + expected
    assert len(sign(SECRET, BODY)) == 71


def test_verify_accepts_the_matching_signature() -> None:
    assert verify(SECRET, BODY, sign(SECRET, BODY))


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "sha256=",
        sign("other-secret", BODY),
        sign(SECRET, BODY).upper().replace("SHA256=", "sha256="),  # uppercase hex
        sign(SECRET, BODY)[7:],  # no prefix
        "sha1=" + sign(SECRET, BODY)[7:],
        sign(SECRET, BODY) + "\n",
        " " + sign(SECRET, BODY),
        sign(SECRET, BODY)[:-1],
    ],
)
def test_verify_rejects(header: str | None) -> None:
    assert not verify(SECRET, BODY, header)


def test_a_re_serialised_body_does_not_verify() -> None:
    # Meta escapes non-ASCII; json.dumps default would not: always verify the raw bytes.
    reserialised = json.dumps(json.loads(BODY), ensure_ascii=False).encode()
    assert not verify(SECRET, reserialised, sign(SECRET, BODY))


def test_an_empty_secret_never_verifies() -> None:
    assert not verify("", BODY, sign("", BODY))


@given(body=st.binary(), header=st.text(max_size=80))
def test_verify_never_raises(body: bytes, header: str) -> None:
    assert verify(SECRET, body, header) == (header == sign(SECRET, body))
