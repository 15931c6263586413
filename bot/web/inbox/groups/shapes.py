"""Display shapes for the group pages, built on the groups API's JSON (bot.groups.views).

Pure: no database, no web. Adds what a caseworker reads at a glance: who can be written to
right now and why not, each canned reply in every member's language, and an update's
result split into who gets it, who was skipped (and why) and who gets it untranslated.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.cases.replies import default_flows_dir
from bot.groups import eligibility
from bot.groups.send import base
from bot.i18n.catalog import Catalogs
from bot.i18n.language_names import language_name
from bot.store.models import Case, Conversation

# Skipped people, in a caseworker's words (the sentence in `detail` says more).
SKIP_WORDS = {
    eligibility.WINDOW_CLOSED: "outside the window",
    eligibility.NOT_SAFE_FIRST: "asked not to be messaged first",
    eligibility.STOPPED: "wrote STOP",
    eligibility.ERASED: "erased their data",
    eligibility.SAME_PERSON: "same person, sent once",
}


def skip_words(reason: str | None) -> str:
    return SKIP_WORDS.get(reason or "", (reason or "skipped").replace("_", " "))


def person_lang(case: Case, conv: Conversation) -> str:
    """The language an update reaches this person in (as bot.groups.send decides it)."""
    return conv.language or case.language or "en"


def reachable(case: Case, conv: Conversation, now: datetime) -> dict[str, Any]:
    """May an update reach this person now; if not, why, in words."""
    decision = eligibility.decide(case, conv, now)
    return {
        "send": decision.send,
        "human_agent": decision.human_agent,
        "reason": decision.reason,
        "words": "" if decision.send else skip_words(decision.reason),
        "detail": decision.detail or "",
    }


def canned_options(
    catalogs: Catalogs, replies: dict[str, str], worker_lang: str, langs: list[str]
) -> list[dict[str, Any]]:
    """Each canned reply with a preview in the caseworker's language and its text in every
    member language (how many people read it, and which language stands in if the reply
    has no translation yet)."""
    people = Counter(langs)
    out = []
    for reply_id, msg_id in replies.items():
        texts = []
        for lang, n in sorted(people.items()):
            used = catalogs.resolve(lang, msg_id)
            texts.append(
                {
                    "lang": lang,
                    "name": language_name(lang),
                    "people": n,
                    "text": catalogs.format(lang, msg_id),
                    "falls_back_to": language_name(used) if used and used != lang else "",
                }
            )
        out.append(
            {"id": reply_id, "preview": catalogs.format(worker_lang, msg_id), "texts": texts}
        )
    return out


def untranslated(worker_lang: str, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Members who would get free text in a language other than the caseworker's."""
    return [m for m in members if base(m.get("language")) != base(worker_lang)]


def update_result(update: dict[str, Any], sent_by: str | None) -> dict[str, Any]:
    """views.update_json, split for reading: who gets it, who was skipped, untranslated."""
    recipients = [
        {**r, "language_name": language_name(r.get("language"))}
        for r in update.get("recipients", [])
    ]
    reaching = [r for r in recipients if r["status"] != "skipped"]
    skipped = [
        {**r, "words": skip_words(r.get("reason"))} for r in recipients if r["status"] == "skipped"
    ]
    return {
        **update,
        "sent_by_name": sent_by or "someone",
        "reaching": reaching,
        "skipped_people": skipped,
        "untranslated_people": [r for r in reaching if r.get("not_translated")],
    }


def flows_dir_of(settings: Any, catalogs: Catalogs) -> Path:
    return Path(settings.flows_dir) if settings.flows_dir else default_flows_dir(catalogs)
