"""One update to a whole group, delivered to each person on their own.

Each person gets a separate 1:1 message on their own channel through the outbox (stored
before it is sent, idempotent, paced per contact by the sender), so nobody learns who else
is in the group. A canned reply is rendered in each person's language; free text goes as
written and is flagged "not translated" for people whose language differs from the
caseworker's. Who is skipped, and why, is decided per person (eligibility.py) and stored.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.errors import BadRequest, ConsentRequired
from bot.cases.events import case_event, on_commit, queue_event
from bot.cases.host import CaseHost
from bot.cases.replies import default_flows_dir, load_replies, render_canned
from bot.consent import allows, required_by
from bot.groups import eligibility
from bot.groups.groups import load_group, members
from bot.messages import Reply
from bot.pipeline import replies
from bot.store.models import Case, Conversation, GroupDelivery, GroupUpdate, User, utcnow

_RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_DIGITS = re.compile(r"\d")
_NUMBER = re.compile(r"\d[\d\s().-]{4,}\d")  # a phone number as people write one


def base(lang: str | None) -> str:
    return (lang or "en").split("-")[0].lower()


async def send_update(
    session: AsyncSession,
    runtime: CaseHost,
    user: User,
    group_id: int,
    *,
    text: str | None = None,
    canned: str | None = None,
    client_key: str | None = None,
    now: datetime | None = None,
) -> tuple[GroupUpdate, list[GroupDelivery]]:
    """Queue the update for every member who may get it now; record the others as skipped.

    `client_key` (the request's Idempotency-Key) makes a retried request send nothing twice:
    the first update and its deliveries are returned again.
    """
    now = now or utcnow()
    if (text is None) == (canned is None):
        raise BadRequest("send exactly one of text or canned")
    group = await load_group(session, user, group_id)
    key = f"{group.id}:{user.id}:{client_key}" if client_key else None
    if key is not None:
        found = await _existing(session, key)
        if found is not None:
            return found
    people = await members(session, group.id)  # type: ignore[arg-type]
    if not people:
        raise BadRequest("the group has no members")
    settings = runtime.settings
    flows_dir = getattr(settings, "flows_dir", None) or default_flows_dir(runtime.catalogs)
    body = None
    if canned is not None:
        if canned not in load_replies(flows_dir, runtime.catalogs):
            raise BadRequest(f"unknown canned reply: {canned}")
        recipient = required_by(flows_dir, canned)
        if recipient and not all(allows(case.consent, recipient) for case, _ in people):
            raise ConsentRequired(
                f"not every person in the group agreed that we contact the {recipient}:"
                " ask each one on their case first"
            )
    else:
        body = _free_text(text or "", settings, people)
    update = GroupUpdate(
        group_id=group.id,  # type: ignore[arg-type]
        user_id=user.id,
        kind="canned" if canned else "text",
        canned=canned,
        text=body,
        lang=user.language,
        client_key=key,
        created_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(update)
    except IntegrityError:  # the same request, retried while the first was still running
        found = await _existing(session, key or "")
        if found is None:
            raise
        return found
    rows: list[GroupDelivery] = []
    seen: set[int] = set()
    for case, conv in people:
        row = await _deliver(session, runtime, user, update, case, conv, seen, flows_dir, now)
        rows.append(row)
    group.updated_at = now
    await session.flush()
    on_commit(session, runtime.kick_outbound)
    return update, rows


async def _existing(
    session: AsyncSession, key: str
) -> tuple[GroupUpdate, list[GroupDelivery]] | None:
    update = (
        await session.execute(select(GroupUpdate).where(GroupUpdate.client_key == key))
    ).scalar_one_or_none()
    if update is None:
        return None
    rows = await session.execute(
        select(GroupDelivery).where(GroupDelivery.update_id == update.id).order_by(GroupDelivery.id)
    )
    return update, list(rows.scalars().all())


def _free_text(text: str, settings: Any, people: list[tuple[Case, Conversation]]) -> str:
    body = text.strip()
    if not body:
        raise BadRequest("the message is empty")
    limit = getattr(settings, "max_text_chars", 4096)
    if len(body) > limit:
        raise BadRequest(f"the message is longer than {limit} characters")
    if _names_someone(body, people):
        raise BadRequest(
            "the message names a member of the group (a name, number or case id): everyone"
            " would read it; write it to that person on their case instead"
        )
    return body


def _names_someone(body: str, people: list[tuple[Case, Conversation]]) -> bool:
    """Whether the text holds a member's name, phone number, platform id or case id."""
    folded = body.casefold()
    numbers = ["".join(_DIGITS.findall(n)) for n in _NUMBER.findall(body)]
    for case, conv in people:
        if case.id.casefold() in folded:
            return True
        name = (conv.contact_name or "").strip().casefold()
        if len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            return True
        for ident in (conv.contact_phone, conv.contact_ref):
            ident_digits = "".join(_DIGITS.findall(ident or ""))
            if len(ident_digits) >= 6 and any(ident_digits[-6:] in n for n in numbers):
                return True
            if ident and len(ident) >= 6 and ident.casefold() in folded:
                return True
    return False


async def _deliver(
    session: AsyncSession,
    runtime: CaseHost,
    user: User,
    update: GroupUpdate,
    case: Case,
    conv: Conversation,
    seen: set[int],
    flows_dir: Any,
    now: datetime,
) -> GroupDelivery:
    lang = conv.language or case.language or "en"
    row = GroupDelivery(
        update_id=update.id,  # type: ignore[arg-type]
        case_id=case.id,
        conversation_id=conv.id,  # type: ignore[arg-type]
        status="skipped",
        lang=lang,
    )
    decision = eligibility.decide(case, conv, now)
    if conv.id in seen:
        decision = eligibility.skip(
            eligibility.SAME_PERSON, "Another of this person's cases is in the group: sent once."
        )
    seen.add(conv.id)  # type: ignore[arg-type]
    if not decision.send:
        row.reason, row.detail = decision.reason, decision.detail
        row.translated = update.kind == "canned" or base(lang) == base(update.lang)
        session.add(row)
        audit.record(session, user, "group_message", case.id, now=now, group_id=update.group_id,
                     update_id=update.id, skipped=decision.reason)  # fmt: skip
        return row
    if update.kind == "canned":
        reply = Reply(text=render_canned(runtime.catalogs, flows_dir, update.canned or "", lang))
        reply.lang = lang
        row.translated = True
    else:
        body = update.text or ""
        reply = Reply(text=body, lang=lang if _RTL_SCRIPT.search(body) else None)
        row.translated = base(lang) == base(update.lang)
    reply.human_agent = decision.human_agent
    msg = await replies.queue_reply(session, conv, reply, author="caseworker", user_id=user.id)
    # One message per person per update, whatever happens to the request.
    msg.dedupe_key = f"group:{update.id}:{conv.id}"
    row.status, row.message_id, row.human_agent = "queued", msg.id, decision.human_agent
    session.add(row)
    case.updated_at = now
    audit.record(session, user, "group_message", case.id, now=now, group_id=update.group_id,
                 update_id=update.id, message_id=msg.id, canned=update.canned,
                 human_agent=decision.human_agent or None)  # fmt: skip
    queue_event(session, case_event("message", case, message_id=msg.id, direction="out"))
    return row
