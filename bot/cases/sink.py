"""Applies the engine's case effects: open, update, prioritise, route to a team, hand off.

Called inside the pipeline's transaction, so everything here (the case, its team
notification, a pending media download) is stored together with the message that caused
it. Screens learn of changes through events published after that commit.

- One open case per conversation; new answers update it; a resolved case is never reopened:
  a person who writes again afterwards gets a new case linked to the old one.
- Routing: the team whose countries include the person's country, else the default team (not
  routed yet: every caseworker sees it, see bot.cases.routing); a claimed case, or one a
  caseworker routed by hand, stays with its team.
- Urgent cases and requests for a human notify the team at once (bot.cases.notify).

A conversation's case and the team list are read once per transaction (see `_Known`): the
pipeline asks for the case several times per message, and every change to it inside the
transaction goes through this module.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, select
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, aliased
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.events import case_event, queue_event
from bot.cases.notify import queue_notice
from bot.cases.positions import with_position
from bot.consent import merged
from bot.engine.effects import Effects
from bot.erasure import erase_conversation
from bot.media import queue_media
from bot.store.models import Case, Conversation, Message, Team, new_case_id, utcnow

RANK = {"normal": 0, "high": 1, "urgent": 2}
_MAX_RESERVED = 10_000
_KNOWN_KEY = "sauti.cases.known"

# Built once: constructing a statement costs more than running it on a small table.
_CASES_OF = Case.conversation_id == bindparam("conv_id")


def _open_first(c: Any) -> tuple[Any, ...]:
    """Cases not yet resolved first, newest first: the first row is the open case, or when
    there is none the latest (resolved) one, which a new case links back to."""
    return case((c.status == "resolved", 1), else_=0), c.created_at.desc()


# The current case: the open one if there is one, else the newest (resolved) one.
_CURRENT_CASE = select(Case).where(_CASES_OF).order_by(*_open_first(Case)).limit(1)
_other = aliased(Case)


def current_case_id(conversation_id: Any) -> Any:
    """The same, as an id to join on (the pipeline reads it with the pending messages), for
    a conversation id: a bound parameter, or a column of the enclosing query."""
    return (
        select(_other.id)
        .where(_other.conversation_id == conversation_id)
        .order_by(*_open_first(_other))
        .limit(1)
        .scalar_subquery()
    )


_TEAMS = select(Team).order_by(Team.id)
_ALL_CASES_FRESH = select(Case).where(_CASES_OF).execution_options(populate_existing=True)


def _route(teams: list[Team], country_code: str | None) -> tuple[str | None, str]:
    """(team, routing): the team covering the country ("country"), else the default team or
    none, "unrouted" (every caseworker sees the case, see bot.cases.routing)."""
    if country_code:
        wanted = country_code.upper()
        for team in teams:
            if wanted in {c.upper() for c in team.countries}:
                return team.name, "country"
    default = next((t for t in teams if t.is_default), None)
    return (default.name if default else None), "unrouted"


class _Known:
    """What this transaction already read: each conversation's current case (the open one,
    else the newest) and the teams. Dropped at commit and at any rollback (a savepoint's
    included), so nothing outlives the transaction that read it."""

    def __init__(self) -> None:
        self.cases: dict[int, Case | None] = {}
        self.teams: list[Team] | None = None


def _known(session: AsyncSession) -> _Known:
    known = session.info.get(_KNOWN_KEY)
    if known is None:
        known = session.info[_KNOWN_KEY] = _Known()
    return known


@sa_event.listens_for(Session, "after_commit")
@sa_event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_KNOWN_KEY, None)


def know_case(session: AsyncSession, conv_id: int, current: Case | None) -> None:
    """The conversation's current case (see `current_case_id`), read by the caller in this
    transaction before anything changed it: the sink need not read it again."""
    _known(session).cases[conv_id] = current


async def _current(session: AsyncSession, conv: Conversation) -> Case | None:
    """The open case, else the newest case (resolved), else None."""
    known, key = _known(session), conv.id or 0
    if key not in known.cases:
        result = await session.execute(_CURRENT_CASE, {"conv_id": conv.id})
        known.cases[key] = result.scalar_one_or_none()
    return known.cases[key]


async def _open(session: AsyncSession, conv: Conversation) -> Case | None:
    case_ = await _current(session, conv)
    return case_ if case_ is not None and case_.status != "resolved" else None


async def _teams(session: AsyncSession) -> list[Team]:
    known = _known(session)
    if known.teams is None:
        known.teams = list((await session.execute(_TEAMS)).scalars().all())
    return known.teams


class CaseSink:
    """The pipeline's EffectsSink. `listeners` are extra async hooks called as
    `listener(session, kind, conv, case, message)` for every case event."""

    def __init__(self) -> None:
        self._reserved: OrderedDict[int, str] = OrderedDict()
        self.listeners: list[Any] = []

    async def case_ref(self, session: AsyncSession, conv: Conversation) -> str:
        """The case number to tell the person: the open case's, or the one it will get."""
        case_ = await _open(session, conv)
        if case_ is not None:
            return case_.id
        key = conv.id or 0
        if key not in self._reserved:
            self._reserved[key] = new_case_id()
            while len(self._reserved) > _MAX_RESERVED:
                self._reserved.popitem(last=False)
        return self._reserved[key]

    async def person_wrote(
        self, session: AsyncSession, conv: Conversation, message: Message
    ) -> None:
        """Every applied inbound message: files are queued for download, a caseworker's
        screen hears of it at once, and a message after a resolved case opens a new one."""
        if message.kind == "media":
            await queue_media(session, message)
        now = utcnow()
        case_ = await _open(session, conv)
        if case_ is None:
            # No open case: the current one, if any, is the newest (resolved) case.
            previous = await _current(session, conv)
            if previous is not None and previous.erased_at is None and message.author == "person":
                case_ = self._new_case(session, conv, previous, now)
                case_.team, case_.language = previous.team, conv.language or previous.language
                case_.routing = previous.routing
                await self._emit(session, "case_opened", conv, case_, None)
        if case_ is not None:
            case_.updated_at = now
        await self._emit(session, "message", conv, case_, message)

    def _new_case(
        self, session: AsyncSession, conv: Conversation, previous: Case | None, now: datetime
    ) -> Case:
        # Every field given: SQLModel otherwise calls each default factory the slow way.
        created = Case(
            id=self._reserved.pop(conv.id or 0, None) or new_case_id(),
            conversation_id=conv.id,  # type: ignore[arg-type]
            status="open",
            priority="normal",
            rules_fired=[],
            indicators=None,
            channel=conv.channel,
            language=None,
            team=None,
            routing="unrouted",
            assignee_id=None,
            location=None,
            answers={},
            consent=None,
            outcome=None,
            previous_case_id=previous.id if previous else None,
            handoff=None,
            erased_at=None,
            claimed_at=None,
            resolved_at=None,
            notified_at=None,
            escalated_at=None,
            created_at=now,
            updated_at=now,
        )
        session.add(created)
        _known(session).cases[conv.id or 0] = created
        return created

    async def apply(
        self, session: AsyncSession, conv: Conversation, effects: Effects, now: datetime
    ) -> None:
        if effects.erase:
            await erase_conversation(session, conv)
            self._reserved.pop(conv.id or 0, None)
            _known(session).cases.pop(conv.id or 0, None)  # erasure changed them behind us
            erased = await session.execute(_ALL_CASES_FRESH, {"conv_id": conv.id})
            for gone in erased.scalars():  # open screens drop what they show
                await self._emit(session, "case_updated", conv, gone, None)
            return
        case_ = await _open(session, conv)
        wants_case = effects.open_case or effects.handoff is not None
        if case_ is None and not wants_case:
            return
        created = case_ is None
        if case_ is None:
            case_ = self._new_case(session, conv, await _current(session, conv), now)
        before = (case_.priority, case_.handoff, case_.team)
        self._merge(case_, effects, created, now)
        case_.language = conv.language or case_.language
        country = (case_.location or {}).get("country_code")
        teams: list[Team] | None = None
        # A case a caseworker routed by hand stays where she sent it.
        if created or (country and case_.status == "open" and case_.routing != "caseworker"):
            teams = await _teams(session)
            case_.team, case_.routing = _route(teams, country)
        case_.updated_at = now
        became_urgent = case_.priority == "urgent" and (created or before[0] != "urgent")
        moved = not created and case_.team != before[2]
        if became_urgent:
            case_.notified_at = now
        if case_.priority == "urgent" and (became_urgent or moved):
            url = _url(teams or await _teams(session), case_)
            await queue_notice(session, case_, "urgent", now=now, url=url)
        if case_.handoff and (case_.handoff != before[1] or moved):
            url = _url(teams or await _teams(session), case_)
            await queue_notice(session, case_, "handoff", now=now, url=url)
        kind = "case_opened" if created else "case_updated"
        if became_urgent and not created:
            kind = "case_urgent"
        await self._emit(session, kind, conv, case_, None)

    @staticmethod
    def _merge(case: Case, effects: Effects, created: bool, now: datetime) -> None:
        if effects.answers:
            case.answers = {**(case.answers or {}), **effects.answers}
        if effects.share_consent:
            case.consent = merged(case.consent, effects.share_consent)
        if effects.location is not None:
            new = effects.location.model_dump(exclude_none=True)
            case.location = with_position(case.location, new, now)  # and her earlier ones
        # Never lowered automatically: a person may be made to say they are safe.
        if effects.priority and (created or RANK[effects.priority] > RANK[case.priority]):
            case.priority = effects.priority
        if effects.rules_fired:
            case.rules_fired = sorted(set(case.rules_fired or []) | set(effects.rules_fired))
        if effects.indicators:
            case.indicators = sorted(set(case.indicators or []) | set(effects.indicators))
        if effects.handoff:
            case.handoff = effects.handoff

    async def _emit(
        self,
        session: AsyncSession,
        kind: str,
        conv: Conversation,
        case: Case | None,
        message: Message | None,
    ) -> None:
        if case is not None:
            extra: dict[str, Any] = {}
            if message is not None:
                extra = {"message_id": message.id, "direction": message.direction}
            queue_event(session, case_event(kind, case, **extra))
        for listener in self.listeners:
            await listener(session, kind, conv, case, message)


def _url(teams: list[Team], case: Case) -> str:
    """The notify URL of the case's team, "" for none (queue_notice then queues nothing)."""
    team = next((t for t in teams if case.team and t.name == case.team), None)
    return (team.notify_url or "") if team else ""
