"""Browser sessions of the inbox and the simulator: signed cookies, CSRF tokens, login limits.

A session is a signed token in a cookie, not a database row: base64(JSON) + "." +
HMAC-SHA256 over it with `settings.session_secret` (a random per-process secret when unset,
so sessions then end with the process). Every visitor gets one (anonymous until login) so
that the login form and the simulator's forms carry a CSRF token too. Logging in issues a
fresh session id and CSRF token (no fixation).

Because nothing is stored server side, a token is checked on every request against the
database: the user must still exist and be active, and the token carries a fingerprint of
the password hash, so resetting a password (`sauti users add` again) ends every session of
that user. Logout clears the cookie and remembers the session id as revoked in this process
until it would have expired. Sessions end after `MAX_AGE` and after `IDLE` without a request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request, Response

from bot.runtime import Runtime
from bot.store.models import User
from bot.web.security import SecureRoute

# One cookie for the inbox, another for the simulator: signing in (which rotates the CSRF
# token) in one tab must not break the simulator's forms in the next tab.
INBOX, SIMULATOR = "inbox", "simulator"
COOKIES = {INBOX: "sauti_session", SIMULATOR: "sauti_sim"}
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
MAX_AGE = 12 * 3600  # a long shift
IDLE = 2 * 3600
_SEEN_GRANULARITY = 60  # re-issue the cookie at most once a minute to record activity


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Session:
    sid: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    uid: int | None = None
    pwf: str | None = None  # fingerprint of the user's password hash at login
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
            "pwf": self.pwf,
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
        self._revoked: dict[str, float] = {}

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
        if session.sid in self._revoked:
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
        """A new session for `user` (new id and CSRF token), replacing the anonymous one."""
        old = self.load(request)
        self.revoke(old)
        session = Session(
            uid=user.id,
            pwf=password_fingerprint(self.key, user.password_hash),
            data=data if data is not None else dict(old.data),
            changed=True,
        )
        _cache(request)[self.cookie] = session
        return session

    def logout(self, request: Request) -> Session:
        self.revoke(self.load(request))
        session = Session(changed=True)
        _cache(request)[self.cookie] = session
        return session

    def revoke(self, session: Session) -> None:
        now = self.clock()
        self._revoked = {sid: t for sid, t in self._revoked.items() if t > now}
        self._revoked[session.sid] = session.iat + MAX_AGE

    def valid_for(self, session: Session, user: User | None) -> bool:
        return (
            user is not None
            and user.active
            and session.pwf is not None
            and hmac.compare_digest(session.pwf, password_fingerprint(self.key, user.password_hash))
        )


def _cache(request: Request) -> dict[str, Session]:
    if not hasattr(request.state, "sessions"):
        request.state.sessions = {}
    return request.state.sessions  # type: ignore[no-any-return]


def password_fingerprint(key: bytes, password_hash: str) -> str:
    return _b64(hmac.new(key, b"pw:" + password_hash.encode(), hashlib.sha256).digest()[:12])


class LoginLimiter:
    """Failed logins per user name and per client address, in a sliding window.

    In memory, per process: with N worker processes an attacker gets N times the budget,
    which argon2's cost and the per-name limit still keep far from useful.
    """

    def __init__(
        self,
        *,
        per_user: int = 5,
        per_ip: int = 20,
        window: float = 15 * 60,
        max_keys: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_user, self.per_ip, self.window = per_user, per_ip, window
        self.max_keys, self.clock = max_keys, clock
        self._fails: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        now = self.clock()
        fails = self._fails.get(key, deque())
        while fails and now - fails[0] > self.window:
            fails.popleft()
        if not fails:
            self._fails.pop(key, None)
        return fails

    def retry_after(self, name: str, ip: str) -> float:
        """Seconds until another attempt is allowed; 0 when it is allowed now."""
        waits = []
        for key, limit in ((_user_key(name), self.per_user), (f"ip:{ip}", self.per_ip)):
            fails = self._recent(key)
            if len(fails) >= limit:
                waits.append(self.window - (self.clock() - fails[-limit]))
        return max(waits, default=0.0)

    def failed(self, name: str, ip: str) -> None:
        while len(self._fails) > self.max_keys - 2:  # two keys per failure
            self._fails.pop(next(iter(self._fails)))  # the earliest added: memory stays bounded
        for key in (_user_key(name), f"ip:{ip}"):
            fails = self._recent(key)
            fails.append(self.clock())
            self._fails[key] = fails

    def succeeded(self, name: str) -> None:
        self._fails.pop(_user_key(name), None)


def _user_key(name: str) -> str:
    return "user:" + name.strip().casefold()


def sessions_for(runtime: Runtime, purpose: str = INBOX) -> Sessions:
    """The process's session codec (secret from settings, else random for this process)."""
    secret = runtime.extras.get("session_secret")
    if secret is None:
        secret = runtime.settings.session_secret or secrets.token_urlsafe(32)
        runtime.extras["session_secret"] = secret
    found = runtime.extras.get(f"web_sessions:{purpose}")
    if found is None:
        found = Sessions(secret, secure=not runtime.settings.demo, purpose=purpose)
        runtime.extras[f"web_sessions:{purpose}"] = found
    return found  # type: ignore[no-any-return]


def limiter_for(runtime: Runtime) -> LoginLimiter:
    return runtime.extras.setdefault("login_limiter", LoginLimiter())  # type: ignore[no-any-return]


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
