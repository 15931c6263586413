"""Canned replies (flows/replies.yaml) and approved WhatsApp templates (flows/templates.yaml).

Both are NGO-edited YAML next to the flows. A canned reply is a message id from the
catalogs, so it is sent in the person's language; a template is sent as approved in
WhatsApp Manager, under the language code mapped from the person's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from fluent.syntax import FluentParser, ast

from bot.cases.errors import BadRequest
from bot.consent import required_by
from bot.i18n.catalog import Catalogs

REPLIES_FILE = "replies.yaml"
TEMPLATES_FILE = "templates.yaml"
CANNED_PREFIX = "canned-"

_cache: dict[tuple[Path, float], Any] = {}


def _load(path: Path) -> Any:
    """Parsed YAML, re-read when the file changes (staff edit these while Sauti runs)."""
    if not path.is_file():
        return None
    key = (path.resolve(), path.stat().st_mtime)
    if key not in _cache:
        _cache[key] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _cache[key]


def default_flows_dir(catalogs: Catalogs) -> Path:
    # flows/ and locales/ sit side by side by default (SAUTI_FLOWS_DIR, SAUTI_LOCALES_DIR).
    return catalogs.locales_dir.parent / "flows"


def load_replies(flows_dir: Path, catalogs: Catalogs) -> dict[str, str]:
    """Canned reply id → message id, in file order; every `canned-*` message without a file."""
    data = _load(Path(flows_dir) / REPLIES_FILE)
    if isinstance(data, dict) and isinstance(data.get("replies"), dict):
        # `id: message` or `id: {message: ..., requires_consent: embassy}`
        return {
            str(k): str(v.get("message", "")) if isinstance(v, dict) else str(v)
            for k, v in data["replies"].items()
        }
    return {msg_id[len(CANNED_PREFIX) :]: msg_id for msg_id in _canned_ids(catalogs)}


def _canned_ids(catalogs: Catalogs) -> list[str]:
    """The `canned-*` message ids of the source (English) catalog, in file order."""
    path = catalogs.locales_dir / "en" / "bot.ftl"
    if not path.is_file():
        return []
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    ids = [e.id.name for e in resource.body if isinstance(e, ast.Message)]
    return [i for i in ids if i.startswith(CANNED_PREFIX)]


def canned_replies(
    catalogs: Catalogs,
    person_lang: str | None,
    caseworker_lang: str | None,
    *,
    flows_dir: Path | None = None,
) -> list[dict[str, Any]]:
    """What a caseworker can send with one click: the text the person will get, in their
    language, and a preview in the caseworker's own language."""
    folder = flows_dir or default_flows_dir(catalogs)
    replies = load_replies(folder, catalogs)
    person, worker = person_lang or "en", caseworker_lang or "en"
    return [
        {
            "id": reply_id,
            "message_id": msg_id,
            "text": catalogs.format(person, msg_id),
            "preview": catalogs.format(worker, msg_id),
            "lang": person,
            "requires_consent": required_by(folder, reply_id),
        }
        for reply_id, msg_id in replies.items()
    ]


def render_canned(catalogs: Catalogs, flows_dir: Path | None, reply_id: str, lang: str) -> str:
    replies = load_replies(flows_dir or default_flows_dir(catalogs), catalogs)
    if reply_id not in replies:
        raise BadRequest(f"unknown canned reply: {reply_id}")
    text = catalogs.format(lang, replies[reply_id])
    if not text:
        raise BadRequest(f"canned reply {reply_id} has no text in any language")
    return text


@dataclass(frozen=True)
class Template:
    name: str
    category: str = "utility"
    languages: dict[str, str] = field(default_factory=dict)  # our tag → WhatsApp code
    fallback: str | None = "en"  # our tag whose code is used for other languages
    params: list[dict[str, str]] = field(default_factory=list)  # {name, fill?, about?}
    fits: list[str] = field(default_factory=list)  # situations: window_closed, urgent, ...
    preview: str = ""  # the approved English text, with {{1}}... (transcript, previews)
    about: str = ""

    def code_for(self, lang: str | None) -> str | None:
        lang = lang or "en"
        for tag in (lang, lang.split("-")[0], self.fallback):
            if tag and tag in self.languages:
                return self.languages[tag]
        return None

    def fill(self, values: dict[str, str]) -> list[str] | None:
        """Parameters filled from the case, or None if one has no automatic value."""
        out = [values.get(p.get("fill", "")) for p in self.params]
        return None if any(v is None for v in out) else [str(v) for v in out]

    def preview_text(self, params: list[str]) -> str:
        text = self.preview
        for i, value in enumerate(params, start=1):
            text = text.replace("{{" + str(i) + "}}", value)
        return text

    def as_json(self, lang: str | None) -> dict[str, Any]:
        return {
            "name": self.name,
            "language": self.code_for(lang),
            "category": self.category,
            "params": [p.get("name", f"param{i}") for i, p in enumerate(self.params, 1)],
            "fits": list(self.fits),
            "preview": self.preview,
            "about": self.about,
        }


def load_templates(flows_dir: Path) -> dict[str, Template]:
    data = _load(Path(flows_dir) / TEMPLATES_FILE)
    items = data.get("templates") if isinstance(data, dict) else None
    out: dict[str, Template] = {}
    for item in items or []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        out[str(item["name"])] = Template(
            name=str(item["name"]),
            category=str(item.get("category", "utility")),
            languages={str(k): str(v) for k, v in (item.get("languages") or {}).items()},
            fallback=item.get("fallback", "en"),
            params=[
                p if isinstance(p, dict) else {"name": str(p)} for p in item.get("params") or []
            ],
            fits=[str(f) for f in item.get("fits") or []],
            preview=str(item.get("preview", "")).strip(),
            about=str(item.get("about", "")).strip(),
        )
    return out


def fitting_templates(
    flows_dir: Path, *, language: str | None, priority: str, situation: str = "window_closed"
) -> list[dict[str, Any]]:
    """Templates for this situation that exist in a language the person can read; the ones
    meant for this priority first."""
    found = [
        t
        for t in load_templates(flows_dir).values()
        if situation in t.fits and t.code_for(language) is not None
    ]
    found.sort(key=lambda t: priority not in t.fits)
    return [t.as_json(language) for t in found]
