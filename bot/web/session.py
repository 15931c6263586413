"""Browser sessions of the inbox and the simulator: signed cookies, CSRF tokens.

Every visitor gets a signed cookie (anonymous until login) so that the login form and the
simulator's forms carry a CSRF token too: base64(JSON) + "." + HMAC-SHA256 over it with
`settings.session_secret` (a random per-process secret when unset). The cookie also carries
flash messages and the simulator's people.

Signing in is not a matter of the cookie alone: a signed-in cookie names a session id whose
hash must be a live row of `user_session` (bot/user_sessions.py), checked on every request
by `bot.web.deps.signed_in`. Signing out deletes the row, so a copy of the cookie is
refused by every process, also after a restart. Logging in issues a fresh session id and
CSRF token (no fixation).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request, Response

from bot.runtime import Runtime
from bot.store.models import User
from bot.user_sessions import IDLE as _IDLE
from bot.user_sessions import MAX_AGE as _MAX_AGE
from bot.web.security import SecureRoute

# One cookie for the inbox, another for the simulator: signing in (which rotates the CSRF
# token) in one tab must not break the simulator's forms in the next tab.
INBOX, SIMULATOR = "inbox", "simulator"
COOKIES = {INBOX: "sauti_session", SIMULATOR: "sauti_sim"}
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
MAX_AGE = int(_MAX_AGE.total_seconds())
IDLE = int(_IDLE.total_seconds())
_SEEN_GRANULARITY = 60  # re-issue the cookie at most once a minute to record activity


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Session:
    sid: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    uid: int | None = None  # signed in as this user, if the database agrees
    iat: int = field(default_factory=lambda: int(time.time()))
    seen: int = field(default_factory=lambda: int(time.time()))
    flash: list[list[str]] = field(default_factory=list)  # [kind, text]; our text only
    data: dict[str, Any] = field(default_factory=dict)  # e.g. the simulator's people
    changed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "sid": self.sid,
            "csrf": self.csrf,
            "uid": self.uid,
            "iat": self.iat,
            "seen": self.seen,
            "flash": self.flash,
            "data": self.data,
        }

    def add_flash(self, kind: str, text: str) -> None:
        self.flash.append([kind, text])
        self.changed = True

    def pop_flash(self) -> list[list[str]]:
        out, self.flash = self.flash, []
        if out:
            self.changed = True
        return out


class Sessions:
    """Encodes, verifies and stores sessions in a cookie."""

    def __init__(
        self,
        secret: str,
        *,
        secure: bool,
        purpose: str = INBOX,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # A key per purpose: a simulator cookie is never a valid inbox session.
        self.key = hashlib.sha256(f"sauti-session:{purpose}:{secret}".encode()).digest()
        self.secure = secure
        # "__Host-" makes browsers insist on Secure, Path=/ and no Domain.
        self.cookie = ("__Host-" if secure else "") + COOKIES[purpose]
        self.clock = clock

    def sign(self, payload: str) -> str:
        return _b64(hmac.new(self.key, payload.encode(), hashlib.sha256).digest())

    def encode(self, session: Session) -> str:
        payload = _b64(json.dumps(session.to_json(), separators=(",", ":")).encode())
        return f"{payload}.{self.sign(payload)}"

    def decode(self, token: str | None) -> Session | None:
        if not token or token.count(".") != 1:
            return None
        payload, sig = token.split(".")
        if not hmac.compare_digest(sig, self.sign(payload)):
            return None
        try:
            raw = json.loads(_unb64(payload))
            session = Session(**{k: raw[k] for k in Session().to_json()})
        except (ValueError, KeyError, TypeError):
            return None
        now = self.clock()
        if now - session.iat > MAX_AGE or now - session.seen > IDLE:
            return None
        return session

    def load(self, request: Request) -> Session:
        """The request's session (cached on request.state); a fresh anonymous one if none."""
        cached = _cache(request).get(self.cookie)
        if cached is not None:
            return cached
        session = self.decode(request.cookies.get(self.cookie))
        if session is None:
            session = Session(changed=True)
        elif self.clock() - session.seen > _SEEN_GRANULARITY:
            session.seen = int(self.clock())
            session.changed = True
        _cache(request)[self.cookie] = session
        return session

    def save(self, response: Response, session: Session) -> None:
        response.set_cookie(
            self.cookie,
            self.encode(session),
            max_age=MAX_AGE,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )

    def login(self, request: Request, user: User, *, data: dict[str, Any] | None = None) -> Session:
        """A new session for `user` (new id and CSRF token), replacing the current one. The
        caller records it in the database (bot.user_sessions.start)."""
        old = self.load(request)
        session = Session(
            uid=user.id, data=data if data is not None else dict(old.data), changed=True
        )
        _cache(request)[self.cookie] = session
        return session

    def logout(self, request: Request) -> Session:
        """A fresh anonymous session in place of the current one (whose database row, if
        any, the caller ends)."""
        session = Session(changed=True)
        _cache(request)[self.cookie] = session
        return session


def _cache(request: Request) -> dict[str, Session]:
    if not hasattr(request.state, "sessions"):
        request.state.sessions = {}
    return request.state.sessions  # type: ignore[no-any-return]


def sessions_for(runtime: Runtime, purpose: str = INBOX) -> Sessions:
    """The process's session codec for this part of the site (inbox or simulator)."""
    return _codec(runtime.session_secret, not runtime.settings.demo, purpose)


@functools.cache
def _codec(secret: str, secure: bool, purpose: str) -> Sessions:
    return Sessions(secret, secure=secure, purpose=purpose)


def purpose_of(request: Request) -> str:
    return SIMULATOR if request.url.path.startswith("/simulator") else INBOX


def session_of(request: Request) -> Session:
    """The session of the part of the site this request is for (inbox or simulator)."""
    return sessions_for(request.app.state.runtime, purpose_of(request)).load(request)


async def require_csrf(request: Request) -> None:
    """A dependency for every state-changing route: the session's token, from the form's
    hidden field or htmx's header, or 403."""
    session = session_of(request)
    sent = request.headers.get(CSRF_HEADER)
    if not sent:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not hmac.compare_digest(sent.encode(), session.csrf.encode()):
        raise HTTPException(status_code=403, detail="invalid or missing CSRF token")


class SessionRoute(SecureRoute):
    """Security headers, and the session cookie written back whenever the session changed."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def with_session(request: Request) -> Response:
            response = await handler(request)
            runtime = request.app.state.runtime
            for purpose in (INBOX, SIMULATOR):
                sessions = sessions_for(runtime, purpose)
                session = _cache(request).get(sessions.cookie)
                if session is not None and session.changed:
                    sessions.save(response, session)
            return response

        return with_session
