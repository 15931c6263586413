"""Database tables (SQLModel). Anything a person said is stored encrypted (see crypto.py)."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.crypto import EncryptedBytes, EncryptedJSON, EncryptedText
from bot.store.utc_datetime import UtcDateTime

# Case ids are shown to people ("your case number is …"): short, unambiguous letters/digits.
_CASE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_case_id() -> str:
    raw = "".join(secrets.choice(_CASE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class WebhookEvent(SQLModel, table=True):
    """A raw webhook body, stored before we answer 200; parsed by the ingest worker."""

    __tablename__ = "webhook_event"
    __table_args__ = (Index("ix_webhook_event_state_id", "state", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    source: str = "meta"  # meta | simulator
    body: bytes = Field(sa_type=EncryptedBytes)
    state: str = "pending"  # pending | done | failed
    attempts: int = 0
    error: str | None = None


class FlowSource(SQLModel, table=True):
    """Every flow version a conversation ever started on, so it can finish on it."""

    __tablename__ = "flow_source"

    flow_id: str = Field(primary_key=True)
    version: str = Field(primary_key=True)
    source: str
    path: str = ""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class Conversation(SQLModel, table=True):
    """One person on one channel and business number; locked while an event is applied."""

    __tablename__ = "conversation"
    __table_args__ = (
        UniqueConstraint("channel", "business_id", "contact_hash", name="uq_conversation_contact"),
        Index("ix_conversation_wake", "wake_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    channel: str
    business_id: str
    contact_hash: str = Field(index=True)  # keyed hash of the platform contact id
    contact_ref: str = Field(sa_type=EncryptedText)  # where replies go: BSUID/phone/PSID
    contact_phone: str | None = Field(default=None, sa_type=EncryptedText)
    contact_name: str | None = Field(default=None, sa_type=EncryptedText)
    masked_id: str = ""
    language: str | None = None
    flow_id: str | None = None
    flow_version: str | None = None
    state: dict[str, Any] | None = Field(default=None, sa_type=EncryptedJSON)
    status: str = "active"  # active | ended | erased
    claimed: bool = False  # a caseworker has the chat: the bot stays silent
    contact_prefs: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    # Platform time of the last message: the window.
    last_inbound_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # Next timer (reminder, expiry).
    wake_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    wake_name: str | None = None
    flood_started_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    flood_count: int = 0
    flood_noticed: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class Message(SQLModel, table=True):
    """The transcript, and the queue of inbound messages not yet applied (state=pending)."""

    __tablename__ = "message"
    __table_args__ = (
        Index("ix_message_pending", "state", "conversation_id", "platform_ts"),
        Index("ix_message_conversation", "conversation_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id")
    direction: str  # in | out
    author: str  # person | bot | caseworker
    kind: str  # text | choice | location | media | ...
    text: str | None = Field(default=None, sa_type=EncryptedText)
    data: dict[str, Any] | None = Field(default=None, sa_type=EncryptedJSON)
    # Inbound: "<channel>:<platform id>", unique, so a redelivered message is applied once.
    dedupe_key: str | None = Field(default=None, unique=True)
    platform_ts: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # Inbound: pending | done; outbound: queued | sent | delivered | read | failed
    state: str = "pending"
    error: str | None = None
    user_id: int | None = None  # the caseworker who wrote it
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class MediaBlob(SQLModel, table=True):
    __tablename__ = "media_blob"

    message_id: int = Field(primary_key=True, foreign_key="message.id")
    mime_type: str = ""
    size: int = 0
    content: bytes | None = Field(default=None, sa_type=EncryptedBytes)
    state: str = "pending"  # pending | stored | failed | too_large
    error: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    # Added for cases: fetch retries (platform media ids expire after 7 days).
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class Outbox(SQLModel, table=True):
    """One Graph API request to make, stored with an idempotency key before it is sent."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    message_id: int | None = Field(default=None, foreign_key="message.id")
    idempotency_key: str = Field(unique=True)
    channel: str
    path: str  # Graph path, e.g. "<phone_number_id>/messages" or "me/messages"
    body: dict[str, Any] = Field(sa_type=EncryptedJSON)
    state: str = "pending"  # pending | sending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    claimed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    platform_message_id: str | None = Field(default=None, index=True)
    error_code: int | None = None
    error: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class SendCircuit(SQLModel, table=True):
    """One business number's send path (bot.pipeline.circuits): open while its sends fail
    transiently; then one probe at a time, and everything held goes at the first success."""

    __tablename__ = "send_circuit"

    path: str = Field(primary_key=True)  # Graph send path, e.g. "<phone_number_id>/messages"
    state: str = "closed"  # closed | open
    failures: int = 0  # failed probes in a row (the backoff between probes)
    opened_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    next_probe_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    # A probe is on the wire until then.
    probe_until: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_error: str | None = None
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class PaceBucket(SQLModel, table=True):
    """A token bucket shared by every process (PostgreSQL): per business number, per contact."""

    __tablename__ = "pace_bucket"

    key: str = Field(primary_key=True)  # "b:<path>" or "c:<conversation id>"
    tokens: float  # below zero: slots already promised to senders waiting for them
    stamp: float  # the database clock, epoch seconds, when `tokens` was counted
    # The last take, read back by its RETURNING: whether it got a token, and when to use it.
    taken: bool = False
    slot_at: float = 0.0


class Receipt(SQLModel, table=True):
    """Delivery receipts already applied ("<wamid>:<status>"), so a duplicate changes nothing."""

    __tablename__ = "receipt"

    dedupe_key: str = Field(primary_key=True)
    applied_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class ErasedMessage(SQLModel, table=True):
    """A tombstone: the keyed hash (Message.dedupe_key) of an inbound message that was
    erased, kept for Meta's redelivery period so a redelivered copy is dropped."""

    __tablename__ = "erased_message"

    dedupe_key: str = Field(primary_key=True)
    erased_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UtcDateTime)


class Team(SQLModel, table=True):
    __tablename__ = "team"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    countries: list[str] = Field(default_factory=list, sa_type=JSON)
    is_default: bool = False
    notify_url: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class User(SQLModel, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    password_hash: str
    role: str = "caseworker"  # caseworker | admin
    language: str = "en"  # the caseworker's own language, for previews
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    # Her last sign-in to the inbox (admin area).
    last_login_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class TeamMember(SQLModel, table=True):
    __tablename__ = "team_member"

    team_id: int = Field(foreign_key="team.id", primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", primary_key=True)


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    token_hash: str = Field(unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class UserSession(SQLModel, table=True):
    """A signed-in inbox session, checked on every request so that signing out, disabling
    a user, resetting her password or changing her teams ends it in every process at once.

    Only a hash of the session id is stored: a copy of this table opens no inbox.
    """

    __tablename__ = "user_session"

    id: int | None = Field(default=None, primary_key=True)
    id_hash: str = Field(unique=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    last_seen_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    idle_expires_at: datetime = Field(sa_type=UtcDateTime)
    expires_at: datetime = Field(index=True, sa_type=UtcDateTime)


class LoginThrottle(SQLModel, table=True):
    """Failed sign-ins per key (a keyed hash of name and address, or of the address alone):
    shared by every process, so more workers do not mean more guesses."""

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True)
    failures: int = 0
    last_failure_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UtcDateTime)
    wait_until: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class Case(SQLModel, table=True):
    __tablename__ = "case_file"
    __table_args__ = (
        Index("ix_case_team_created", "team", "created_at"),
        Index("ix_case_routing_status", "routing", "status"),
    )

    id: str = Field(default_factory=new_case_id, primary_key=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    status: str = "open"  # open | claimed | resolved
    priority: str = "normal"  # urgent | high | normal
    rules_fired: list[str] = Field(default_factory=list, sa_type=JSON)
    # The flow's indicators that held (the ILO's signs of forced labour in the default flow).
    indicators: list[str] | None = Field(default=None, sa_type=JSON)
    channel: str = ""
    language: str | None = None
    team: str | None = None
    # How the team was chosen: "country" (a team covers the person's country), "caseworker"
    # (routed by hand), or "unrouted" (no team, or the default team as a fallback): every
    # caseworker sees an unrouted case until someone routes it (bot.cases.routing).
    routing: str = "country"
    assignee_id: int | None = Field(default=None, foreign_key="user_account.id")
    location: dict[str, Any] | None = Field(default=None, sa_type=EncryptedJSON)
    answers: dict[str, Any] = Field(default_factory=dict, sa_type=EncryptedJSON)
    # Whom outside the NGO the person agreed we may contact: {share_with: [...], refused: [...]}.
    consent: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    outcome: str | None = None
    previous_case_id: str | None = None
    handoff: str | None = None  # why the bot asked for a person, if it did
    # No reply has reached the person yet (all failed, or still undelivered): bot.unreached.
    not_reached: bool = False
    erased_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    claimed_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    resolved_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    notified_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    escalated_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class Note(SQLModel, table=True):
    __tablename__ = "case_note"

    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    user_id: int = Field(foreign_key="user_account.id")
    text: str = Field(sa_type=EncryptedText)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class AuditLog(SQLModel, table=True):
    """Append-only: who did what to which case, and when."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True, sa_type=UtcDateTime)
    user_id: int | None = Field(default=None)
    action: str
    case_id: str | None = Field(default=None, index=True)
    detail: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class CaseNotification(SQLModel, table=True):
    """An outgoing team notification (signed webhook), retried with backoff until delivered.

    Holds no personal data: the body is built at send time from the case id and priority.
    """

    __tablename__ = "case_notification"
    __table_args__ = (Index("ix_case_notification_due", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    kind: str  # urgent | handoff | reminder | escalated
    team: str | None = None
    url: str
    dedupe_key: str = Field(unique=True)  # "<case id>:<kind>:<team>": queued once each
    state: str = "pending"  # pending | sent | failed
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    last_status: int | None = None
    error: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


# --- Groups of people in one situation (bot/groups/) -------------------------------------


class CaseLink(SQLModel, table=True):
    """A caseworker's decision that two cases are (or are not) people in one situation.

    The pair is stored once, smaller id first. A rejected pair is never suggested again.
    Nothing is merged: each case keeps its own answers.
    """

    __tablename__ = "case_link"
    __table_args__ = (UniqueConstraint("case_a", "case_b", name="uq_case_link_pair"),)

    id: int | None = Field(default=None, primary_key=True)
    case_a: str = Field(foreign_key="case_file.id", index=True)
    case_b: str = Field(foreign_key="case_file.id", index=True)
    decision: str  # confirmed | rejected
    # Why it was suggested, as shown then (may quote the agency names the people typed).
    reasons: list[str] | None = Field(default=None, sa_type=EncryptedJSON)
    user_id: int | None = Field(default=None, foreign_key="user_account.id")
    decided_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class CaseGroup(SQLModel, table=True):
    """A named set of cases a caseworker writes to at once ("Tripoli house, 31 women")."""

    __tablename__ = "case_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=EncryptedText)
    # Every team whose case was ever in the group: an emptied group stays with those teams.
    teams: list[str] = Field(default_factory=list, sa_type=JSON)
    created_by: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class GroupMember(SQLModel, table=True):
    __tablename__ = "case_group_member"

    group_id: int = Field(foreign_key="case_group.id", primary_key=True)
    case_id: str = Field(foreign_key="case_file.id", primary_key=True, index=True)
    added_by: int | None = Field(default=None, foreign_key="user_account.id")
    added_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class GroupUpdate(SQLModel, table=True):
    """One update a caseworker sent to a whole group; each person gets their own message."""

    __tablename__ = "group_update"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="case_group.id", index=True)
    user_id: int | None = Field(default=None, foreign_key="user_account.id")
    kind: str  # text | canned
    canned: str | None = None  # the canned reply id
    text: str | None = Field(default=None, sa_type=EncryptedText)  # free text, as written
    lang: str | None = None  # the caseworker's language when it was written
    # "<group>:<user>:<Idempotency-Key>": a retried request sends nothing twice.
    client_key: str | None = Field(default=None, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UtcDateTime)


class GroupDelivery(SQLModel, table=True):
    """What became of one group update for one person: queued (see its message) or skipped."""

    __tablename__ = "group_delivery"
    __table_args__ = (UniqueConstraint("update_id", "case_id", name="uq_group_delivery_case"),)

    id: int | None = Field(default=None, primary_key=True)
    update_id: int = Field(foreign_key="group_update.id", index=True)
    case_id: str = Field(foreign_key="case_file.id", index=True)
    conversation_id: int = Field(foreign_key="conversation.id", index=True)
    # No foreign key: retention and erasure delete transcripts independently.
    message_id: int | None = Field(default=None, index=True)
    status: str  # queued | skipped
    reason: str | None = None  # skipped: a stable code (window_closed, not_safe_first, ...)
    detail: str | None = None  # skipped: an English sentence for caseworkers
    lang: str | None = None  # the language the person got it in
    translated: bool = True  # False: free text sent as written in another language
    human_agent: bool = False  # sent with Messenger/Instagram HUMAN_AGENT tag
