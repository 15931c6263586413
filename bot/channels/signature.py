"""The `X-Hub-Signature-256` check on Meta webhook POSTs.

Meta signs the exact request body bytes with HMAC-SHA256 keyed by the App Secret and sends
`sha256=<64 lowercase hex>`. Verify the raw bytes before parsing; never re-serialise JSON.
"""

from __future__ import annotations

import hashlib
import hmac
import re

__all__ = ["sign", "verify"]

PREFIX = "sha256="
_HEADER = re.compile(r"sha256=[0-9a-f]{64}")


def sign(secret: str, body: bytes) -> str:
    """The header value Meta would send for `body` (also used to sign test fixtures)."""
    return PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """True when `header` is exactly `sha256=` + the lowercase hex HMAC of `body`.

    The comparison is constant time. An empty secret never verifies, so a missing
    configuration cannot accept unsigned posts.
    """
    if not secret or not isinstance(header, str) or not _HEADER.fullmatch(header):
        return False
    return hmac.compare_digest(sign(secret, body), header)
