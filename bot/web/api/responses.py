"""Response shapes of the caseworker API, so `/openapi.json` documents what each route gives.

The routes build their JSON in bot.cases.views and bot.groups.views (the inbox shows the
same); these models describe it and change nothing: keys a route leaves out stay out
(routes use `response_model_exclude_unset`), keys not declared here pass through
(`extra="allow"`), and numbers keep their type. The case shape is architecture A5 plus what
a caseworker needs; do not rename a field here without changing the contract.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

Json = Any  # free-form: a person's answers, positions, the reasons of a link


class Shape(BaseModel):
    """Described, not filtered: the JSON a route builds is given as it is."""

    model_config = ConfigDict(extra="allow")


# --- Cases ---------------------------------------------------------------------------------


class Contact(Shape):
    name: str | None = None
    masked_id: str | None = None


class Location(Shape):
    latitude: Json = None
    longitude: Json = None
    text: str | None = None
    place: str | None = None
    country_code: str | None = None
    situation: str | None = Field(default=None, description="unknown, at_sea, in_desert, …")
    positions: list[Json] | None = Field(default=None, description="every pin, newest first")


class Consent(Shape):
    share_with: list[Json] = Field(description="recipients the person agreed to")


class Window(Shape):
    open: bool
    closes_at: str | None = None
    channel_rule: str | None = None
    human_agent_until: str | None = None


class Delivery(Shape):
    """Why the latest reply has not reached the person (null when every reply did)."""

    state: str = Field(description="retrying | failed")
    reason: str | None = None
    error_code: int | str | None = None
    attempts: int
    last_attempt_at: str | None = None
    next_attempt_at: str | None = None


class CaseOut(Shape):
    """A case (architecture A5, then the fields a caseworker needs)."""

    id: str
    status: str
    priority: str
    channel: str | None = None
    language: str | None = None
    team: str | None = None
    assignee: str | None = None
    contact: Contact
    location: Location | None = None
    answers: dict[str, Json]
    consent: Consent
    created_at: str | None = None
    updated_at: str | None = None
    assignee_id: int | None = None
    rules_fired: list[Json] = []
    indicators: list[Json] = []
    window: Window
    contact_prefs: Json = None
    handoff: Json = None
    outcome: str | None = None
    map_url: str | None = None
    erased: bool = False
    previous_case_id: str | None = None
    claimed_at: str | None = None
    resolved_at: str | None = None
    escalated_at: str | None = None
    bot_paused: bool | None = None
    routed: bool = True
    stopped: bool = False
    not_reached: bool | None = None
    delivery: Delivery | None = Field(
        default=None, description="on a single case only: why the latest reply has not arrived"
    )


class CasePage(Shape):
    cases: list[CaseOut]
    total: int
    limit: int
    offset: int
    next: str | None = Field(default=None, description="the URL of the next page, if any")


class MediaOut(Shape):
    kind: str | None = None
    mime_type: str | None = None
    caption: str | None = None
    filename: str | None = None
    voice: bool = False
    state: str | None = None
    url: str | None = None


class MessageOut(Shape):
    """One transcript entry; `choice_id`, `location`, `media`, `template` and `human_agent`
    appear only where they apply."""

    id: int | None = None
    direction: str = Field(description="in | out")
    author: str | None = Field(default=None, description="person | bot | caseworker")
    text: str | None = None
    kind: str | None = None
    at: str | None = None
    status: str | None = None
    error: str | None = None
    user_id: int | None = None
    choice_id: Json = None
    location: dict[str, Json] | None = None
    media: MediaOut | None = None
    template: str | None = None
    human_agent: bool | None = None


class NoteOut(Shape):
    id: int | None = None
    case_id: str
    text: str
    user_id: int | None = None
    author: str | None = None
    at: str | None = None


class CannedReply(Shape):
    id: str
    message_id: str
    text: str | None = None
    preview: str | None = None
    lang: str
    requires_consent: Json = None


class CaseReplies(Shape):
    case_id: str
    language: str
    replies: list[CannedReply]
    templates: list[dict[str, Json]]


class Me(Shape):
    name: str
    role: str
    language: str | None = None
    teams: list[str] | None = Field(description="null: every team (an admin)")


# --- Groups, links, patterns ----------------------------------------------------------------


class GroupOut(Shape):
    id: int | None = None
    name: str
    teams: list[str]
    member_count: int
    created_by: int | None = None
    created_at: str | None = None
    updated_at: str | None = None
    last_update_at: str | None = None


class GroupList(Shape):
    groups: list[GroupOut]


class Recipient(Shape):
    case_id: str
    masked_id: str | None = None
    language: str | None = None
    status: str = Field(description="queued | sent | delivered | read | failed | skipped")
    reason: str | None = None
    detail: Json = None
    not_translated: bool = False
    human_agent: bool | None = None


class UpdateOut(Shape):
    """One update to a group, with each person's status; `preview` for a canned reply."""

    id: int | None = None
    group_id: int | None = None
    kind: str | None = None
    canned: str | None = None
    text: str | None = None
    lang: str | None = None
    sent_by: int | None = None
    at: str | None = None
    counts: dict[str, int]
    skipped: list[Recipient]
    not_translated: list[str]
    recipients: list[Recipient]
    preview: str | None = None


class LastUpdate(Shape):
    status: str
    reason: str | None = None
    detail: Json = None


class Member(Shape):
    case_id: str
    masked_id: str | None = None
    channel: str | None = None
    language: str | None = None
    status: str
    priority: str
    place: str | None = None
    last_message_at: str | None = None
    safety: Json = None
    passport: Json = None
    last_update: LastUpdate | None = None


class GroupDetail(GroupOut):
    members: list[Member]
    last_update: UpdateOut | None = None


class MembersAdded(Shape):
    added: list[str]
    group: GroupDetail


class CaseBrief(Shape):
    id: str
    status: str
    priority: str
    team: str | None = None
    language: str | None = None
    masked_id: str | None = None
    place: str | None = None
    country_code: str | None = None
    created_at: str | None = None


class Reason(Shape):
    kind: str
    text: str


class LinkedCase(Shape):
    case: CaseBrief
    reasons: list[Reason]
    decided_at: str | None = None
    decided_by: int | None = None


class LinkRulesOut(Shape):
    km: float | int | None = None
    days: int | None = None


class CaseLinks(Shape):
    case_id: str
    rules: LinkRulesOut
    suggestions: list[LinkedCase]
    confirmed: list[LinkedCase]


class LinkDecision(Shape):
    case_id: str
    other_case_id: str
    decision: str = Field(description="confirmed | rejected")
    reasons: list[Json]
    decided_at: str | None = None


class PatternTable(Shape):
    """Agencies and places across cases; counts under `min_count` left out."""

    period: dict[str, Json]
    min_count: int
    agencies: list[dict[str, Json]]
    places: list[dict[str, Json]]
    signs: list[Json] = []
    suppressed: dict[str, Json] = {}
    rows: list[Json] = []
