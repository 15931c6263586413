"""Signed session cookies, without a server (what makes a session signed in is its
database row: see test_server_sessions.py)."""

from __future__ import annotations

from bot.web.session import IDLE, MAX_AGE, Session, Sessions


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
