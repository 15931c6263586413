"""A caseworker writes to the person: typed text, a canned reply or an approved template.

Everything goes through the same outbox as the bot's replies (idempotent, retried, with
delivery statuses). The platform's window is checked before anything is queued, so a
caseworker learns at once that a message cannot go, and what can (see window.py).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases import audit
from bot.cases.access import load_case, require_holder
from bot.cases.errors import BadRequest, Conflict, ConsentRequired, WindowClosed
from bot.cases.events import case_event, on_commit, queue_event
from bot.cases.host import CaseHost
from bot.cases.replies import fitting_templates, load_templates, render_canned
from bot.cases.window import Window, iso, window_for
from bot.consent import SHARE_NO, SHARE_YES, allows, required_by
from bot.consent import prompt_id as consent_prompt
from bot.engine.runner import ask_share
from bot.engine.timers import may_write_first
from bot.messages import Option, Reply, TemplateCall
from bot.pipeline import replies
from bot.store.models import Case, Conversation, Message, User, utcnow

_RTL_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


async def send_text(
    session: AsyncSession,
    runtime: CaseHost,
    user: User,
    case_id: str,
    text: str | None = None,
    *,
    canned: str | None = None,
    template: str | None = None,
    params: list[str] | None = None,
    client_key: str | None = None,
    now: datetime | None = None,
) -> Message:
    """Queue a message from `user` to the person of the case; returns the transcript row.

    Exactly one of `text`, `canned` (a reply id from flows/replies.yaml) or `template` (a
    name from flows/templates.yaml, with `params` or filled from the case) is given.
    `client_key` makes a retried request (double click, network retry) send only once.
    """
    now = now or utcnow()
    if sum(x is not None for x in (text, canned, template)) != 1:
        raise BadRequest("send exactly one of text, canned or template")
    case, conv = await load_case(session, user, case_id, lock=True)
    require_holder(case, user)
    if conv.status == "erased" or not conv.contact_ref:
        raise Conflict("the person erased their data: there is no one to write to")
    if stopped(conv):
        raise Conflict("the person wrote STOP: wait until they write again")
    key = f"caseworker:{case.id}:{client_key}" if client_key else None
    if key:
        existing = (
            await session.execute(select(Message).where(Message.dedupe_key == key))
        ).scalar_one_or_none()
        if existing is not None:
            return existing
    settings = runtime.settings
    lang = conv.language or case.language or "en"
    window = window_for(conv, now)
    detail: dict[str, Any] = {}
    if template is not None:
        reply = _template_reply(settings, case, conv, window, template, params, lang, now)
        detail["template"] = template
    else:
        if canned is not None:
            _require_consent(settings.flows_dir, case, canned)
            body = render_canned(runtime.catalogs, settings.flows_dir, canned, lang)
            reply = Reply(text=body, lang=lang)
            detail["canned"] = canned
        else:
            body = (text or "").strip()
            if not body:
                raise BadRequest("the message is empty")
            if len(body) > settings.max_text_chars:
                raise BadRequest(f"the message is longer than {settings.max_text_chars} characters")
            reply = Reply(text=body, lang=lang if _RTL_SCRIPT.search(body) else None)
        reply.human_agent = _free_text_allowed(settings, case, conv, window, lang, now)
    msg = await replies.queue_reply(session, conv, reply, author="caseworker", user_id=user.id)
    if key:
        msg.dedupe_key = key
    case.updated_at = now
    await session.flush()
    audit.record(
        session,
        user,
        "message",
        case.id,
        now=now,
        message_id=msg.id,
        kind=msg.kind,
        human_agent=reply.human_agent or None,
        **detail,
    )
    queue_event(session, case_event("message", case, message_id=msg.id, direction="out"))
    on_commit(session, runtime.kick_outbound)
    return msg


def _require_consent(flows_dir: Any, case: Case, reply_id: str) -> None:
    recipient = required_by(flows_dir, reply_id)
    if not allows(case.consent, recipient):
        raise ConsentRequired(
            f"The person has not agreed that we contact the {recipient}. Ask her first"
            f' ("Ask consent: {recipient}"); for some people that contact is dangerous.'
        )


def stopped(conv: Conversation) -> bool:
    """The person said stop (and has not written since): nobody writes to them."""
    return (conv.state or {}).get("ended") == "stopped"


def _free_text_allowed(
    settings: Any, case: Case, conv: Conversation, window: Window, lang: str, now: datetime
) -> bool:
    """Whether free text may go now; True when it needs the HUMAN_AGENT tag to go."""
    if window.open:
        return False
    if conv.channel in ("messenger", "instagram") and window.human_agent_open(now):
        return True
    last = iso(window.closes_at)
    if conv.channel == "whatsapp":
        reason = (
            "More than 24 hours have passed since the person last wrote"
            + (f" (the window closed at {last})" if last else "")
            + ". WhatsApp delivers only an approved template now; once the person answers,"
            " you can write freely again."
        )
        templates = fitting_templates(settings.flows_dir, language=lang, priority=case.priority)
        raise WindowClosed(reason, window.closes_at, templates)
    if window.human_agent_until is not None:
        raise WindowClosed(
            "More than 7 days have passed since the person last wrote: the platform allows"
            " no message until they write again.",
            window.human_agent_until,
            [],
        )
    raise WindowClosed("The person has not written on this channel yet.", None, [])


def _template_reply(
    settings: Any,
    case: Case,
    conv: Conversation,
    window: Window,
    name: str,
    params: list[str] | None,
    lang: str,
    now: datetime,
) -> Reply:
    if conv.channel != "whatsapp":
        raise BadRequest("templates are for WhatsApp; on this channel send text")
    found = load_templates(settings.flows_dir).get(name)
    if found is None:
        raise BadRequest(f"unknown template: {name} (see flows/templates.yaml)")
    code = found.code_for(lang)
    if code is None:
        raise BadRequest(f"template {name} has no approved language for {lang}")
    if not window.open:
        _may_write_first(conv, case, window, now)
    values = (
        params if params is not None else found.fill({"case_id": case.id, "org": settings.org_name})
    )
    if values is None or len(values) != len(found.params):
        raise BadRequest(f"template {name} takes {len(found.params)} parameter(s)")
    if any(not v.strip() for v in values):
        raise BadRequest("template parameters must not be empty")
    return Reply(
        text=found.preview_text(values) or f"[template {name}]",
        template=TemplateCall(name=name, language=code, params=values),
        lang=lang,
    )


def _may_write_first(conv: Conversation, case: Case, window: Window, now: datetime) -> None:
    """A template after the window is writing first: respect what the person told us."""
    prefs = conv.contact_prefs or {}
    if prefs.get("safe_to_message_first") is False:
        raise WindowClosed(
            "The person said it is never safe to write to them first. Wait for them to write.",
            window.closes_at,
            [],
        )
    country = (case.location or {}).get("country_code")
    if prefs.get("safe_to_message_first") and not may_write_first(prefs, now, country):
        raise WindowClosed(
            "The person allowed messages only in the daytime, and it is night where they are.",
            window.closes_at,
            [],
        )


async def ask_consent(
    session: AsyncSession,
    runtime: CaseHost,
    user: User,
    case_id: str,
    recipient: str,
    *,
    now: datetime | None = None,
) -> Message:
    """Ask the person, in her language with yes/no buttons, whether we may contact
    `recipient` (message `share-<recipient>-prompt`). Her answer, tapped or typed, is
    recorded on the case as `consent` by the bot, even while the caseworker has the chat."""
    now = now or utcnow()
    catalogs = runtime.catalogs
    question = consent_prompt(recipient)
    if not catalogs.has(question):
        raise BadRequest(f"no question for {recipient!r}: add {question} to the catalogs")
    case, conv = await load_case(session, user, case_id, lock=True)
    require_holder(case, user)
    if conv.status == "erased" or not conv.contact_ref or stopped(conv):
        raise Conflict("the person cannot be written to (erased, or wrote STOP)")
    lang = conv.language or case.language or "en"
    reply = Reply(
        text=catalogs.format(lang, consent_prompt(recipient)),
        options=[Option(id=i, title=catalogs.format(lang, i)) for i in (SHARE_YES, SHARE_NO)],
        lang=lang,
    )
    reply.human_agent = _free_text_allowed(
        runtime.settings, case, conv, window_for(conv, now), lang, now
    )
    msg = await replies.queue_reply(session, conv, reply, author="caseworker", user_id=user.id)
    conv.state = ask_share(conv.state, recipient)
    case.updated_at = now
    await session.flush()
    audit.record(session, user, "ask_consent", case.id, now=now, recipient=recipient)
    queue_event(session, case_event("message", case, message_id=msg.id, direction="out"))
    on_commit(session, runtime.kick_outbound)
    return msg
