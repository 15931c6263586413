"""Signed session tokens and the login limiter, without a server."""

from __future__ import annotations

from bot.store.models import User
from bot.web.session import IDLE, MAX_AGE, LoginLimiter, Session, Sessions, password_fingerprint


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_token_round_trips_and_keeps_its_data() -> None:
    clock = Clock()
    codec = Sessions("secret", secure=False, clock=clock)
    session = Session(uid=7, iat=int(clock.now), seen=int(clock.now), data={"sim": {"cur": 0}})
    back = codec.decode(codec.encode(session))
    assert back is not None
    assert (back.uid, back.csrf, back.data) == (7, session.csrf, {"sim": {"cur": 0}})


def test_a_token_signed_with_another_secret_or_purpose_is_refused() -> None:
    clock = Clock()
    session = Session(uid=7, iat=int(clock.now), seen=int(clock.now))
    token = Sessions("secret", secure=False, clock=clock).encode(session)
    assert Sessions("other", secure=False, clock=clock).decode(token) is None
    simulator = Sessions("secret", secure=False, purpose="simulator", clock=clock)
    assert simulator.decode(token) is None
    assert Sessions("secret", secure=False, clock=clock).decode(token + "x") is None
    assert Sessions("secret", secure=False, clock=clock).decode("garbage") is None


def test_tokens_expire_after_the_shift_and_after_idling() -> None:
    clock = Clock()
    codec = Sessions("secret", secure=False, clock=clock)
    start = int(clock.now)
    old = codec.encode(Session(uid=1, iat=start - MAX_AGE - 1, seen=start))
    idle = codec.encode(Session(uid=1, iat=start, seen=start - IDLE - 1))
    assert codec.decode(old) is None
    assert codec.decode(idle) is None


def test_a_revoked_session_is_refused() -> None:
    clock = Clock()
    codec = Sessions("secret", secure=False, clock=clock)
    session = Session(uid=1, iat=int(clock.now), seen=int(clock.now))
    token = codec.encode(session)
    codec.revoke(session)
    assert codec.decode(token) is None


def test_the_password_fingerprint_binds_a_session_to_the_password() -> None:
    codec = Sessions("secret", secure=False)
    user = User(id=1, name="amina", password_hash="$argon2id$one")
    session = Session(uid=1, pwf=password_fingerprint(codec.key, user.password_hash))
    assert codec.valid_for(session, user)
    user.password_hash = "$argon2id$two"
    assert not codec.valid_for(session, user)
    user.password_hash, user.active = "$argon2id$one", False
    assert not codec.valid_for(session, user)
    assert not codec.valid_for(session, None)


def test_the_limiter_counts_failures_in_a_sliding_window() -> None:
    clock = Clock()
    limiter = LoginLimiter(per_user=5, per_ip=20, window=900, clock=clock)
    for _ in range(5):
        assert limiter.retry_after("Amina", "10.0.0.1") == 0
        limiter.failed("Amina", "10.0.0.1")
    assert limiter.retry_after(" amina ", "10.0.0.2") == 900  # names compare loosely
    clock.now += 600
    assert 0 < limiter.retry_after("amina", "10.0.0.2") <= 300
    clock.now += 301
    assert limiter.retry_after("amina", "10.0.0.2") == 0


def test_a_successful_login_clears_the_name_but_not_the_address() -> None:
    limiter = LoginLimiter(per_user=2, per_ip=3, window=900, clock=Clock())
    limiter.failed("amina", "10.0.0.1")
    limiter.failed("amina", "10.0.0.1")
    limiter.succeeded("amina")
    assert limiter.retry_after("amina", "10.0.0.9") == 0
    limiter.failed("omar", "10.0.0.1")
    assert limiter.retry_after("someone", "10.0.0.1") > 0


def test_the_limiter_forgets_the_oldest_keys_when_full() -> None:
    limiter = LoginLimiter(max_keys=10, clock=Clock())
    for n in range(50):
        limiter.failed(f"user-{n}", f"10.0.0.{n}")
    assert len(limiter._fails) <= 12
