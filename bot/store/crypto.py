"""Encryption at rest and keyed hashes.

What a person said (message texts, answers, media, raw webhook bodies, their platform ids) is
stored encrypted with Fernet keys from `SAUTI_DATA_KEY` (newest first: old keys still decrypt,
so keys can be rotated). Lookups use a keyed hash (HMAC-SHA256) so the database alone never
reveals a phone number. Column types here encrypt on write and decrypt on read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import LargeBinary, Text
from sqlalchemy.types import TypeDecorator

from bot.config import DEMO_DATA_KEY


class Keyring:
    def __init__(self, keys: list[str], hash_key: str = "") -> None:
        if not keys:
            raise ValueError("at least one data key is needed")
        try:
            self.fernets = [Fernet(k.encode()) for k in keys]
        except ValueError as exc:
            raise ValueError(
                "SAUTI_DATA_KEY must be Fernet keys (32 url-safe base64 bytes); "
                "make one with `sauti keys new`"
            ) from exc
        self.multi = MultiFernet(self.fernets)
        # The hash key must not change when data keys rotate: derive it from the oldest key.
        seed = hash_key.encode() if hash_key else base64.urlsafe_b64decode(keys[-1])
        self.hash_key = hashlib.sha256(b"sauti-lookup-hash|" + seed).digest()

    def encrypt(self, data: bytes) -> bytes:
        return self.multi.encrypt(data)

    def decrypt(self, token: bytes) -> bytes:
        return self.multi.decrypt(token)

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt `token` with the newest key."""
        return self.multi.rotate(token)

    def lookup_hash(self, value: str) -> str:
        return hmac.new(self.hash_key, value.encode(), hashlib.sha256).hexdigest()


_keyring = Keyring([DEMO_DATA_KEY])


def configure(keys: list[str], hash_key: str = "") -> Keyring:
    """Install the process-wide keyring (called once at start-up)."""
    global _keyring
    _keyring = Keyring(keys, hash_key)
    return _keyring


def keyring() -> Keyring:
    return _keyring


def lookup_hash(value: str) -> str:
    return _keyring.lookup_hash(value)


def new_key() -> str:
    return Fernet.generate_key().decode()


class EncryptedBytes(TypeDecorator[bytes]):
    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | None, dialect: Any) -> bytes | None:
        return None if value is None else _keyring.encrypt(value)

    def process_result_value(self, value: bytes | None, dialect: Any) -> bytes | None:
        return None if value is None else _keyring.decrypt(value)


class EncryptedText(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else _keyring.encrypt(value.encode()).decode()

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        try:
            return _keyring.decrypt(value.encode()).decode()
        except InvalidToken:
            # A row we cannot read must not crash a caseworker's page; say so instead.
            return "[unreadable: encrypted with an unknown key]"


class EncryptedJSON(TypeDecorator[Any]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
        return _keyring.encrypt(raw.encode()).decode()

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        if value is None:
            return None
        try:
            return json.loads(_keyring.decrypt(value.encode()))
        except InvalidToken:
            return None
