"""Conversation scripts: a person's messages and what the bot must answer, as YAML.

```yaml
description: urgent, with a pin in Tripoli
flow: distress                 # flows/<flow>.yaml (or e.g. examples/sea)
lang: en                       # the person's language: used when the first message does
                               # not tell (scripts exist per language)
replies_lang: sw               # every reply of every step is in this language, unless the
                               # step says otherwise with its own `lang:` (optional)
context: {prefer_countries: [LY], hotline: "+000 111"}
numbers: tests/data/emergency_numbers_checked.yaml  # a numbers file instead of flows/'s
steps:
  - send: hi                   # typed text
    expect: [language-prompt]  # message ids of the replies, in order ([] = silence)
    options: [en, fr, ar]      # option ids of the last reply with options (optional)
  - send: {choice: en}         # a tapped option
  - send: {location: [32.88, 13.19]}
  - send: {media: voice}       # voice | audio | image | video | document | sticker
  - send: {timeout: reminder}  # also {resume: true}, {kind: unsupported}
    context: {claimed: true}   # from this step on
    effects: {handoff: help}   # a subset of the step's Effects
    state: {step: passport}    # a subset of the new state
    lang: fr                   # every reply of this step is in French
case: {priority: urgent, rules_fired: [danger_now], answers: {...}, location: {country_code: LY}}
```

`channel: whatsapp` (or messenger) sends every message as from that channel. What a
caseworker does between messages: `send: {resolve: true}` (the case is resolved: the bot
asks nothing more), `send: {ask_consent: embassy}` (the caseworker asked "may we contact the
embassy?"), and `canned: contacting-embassy` with `refused: true|false` checks whether the
inbox would refuse that reply with the consent recorded so far (`case.consent`).

An expect item is an id or `{msg: id, contains: "112"}`. The replies' ids are found by
recording which catalog messages rendered them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.consent import allows, merged, required_by
from bot.engine.context import Context, Resume, Timeout
from bot.engine.effects import CaseChange, Effects, Timer
from bot.engine.host import apply_effects
from bot.engine.loader import YamlError, load_yaml
from bot.engine.registry import FlowRegistry
from bot.engine.runner import ask_share, close
from bot.engine.runner import step as run_step
from bot.engine.schema import parse_duration
from bot.engine.state import ConversationState, load_state
from bot.messages import Inbound, Location, Media, Reply

_ROOT = Path(__file__).resolve().parents[2]
START = datetime(2025, 1, 6, 10, 0, tzinfo=UTC)  # a Monday morning: stable timers
ContextFactory = Callable[[], Context]


class RecordingCatalogs:
    """Catalogs that remember which message id produced each text."""

    def __init__(self, catalogs: Any) -> None:
        self._catalogs = catalogs
        self.ids_by_text: dict[str, str] = {}

    @property
    def languages(self) -> list[str]:
        return self._catalogs.languages

    def has(self, msg_id: str, lang: str = "en") -> bool:
        return self._catalogs.has(msg_id, lang)

    def format(self, lang: str, msg_id: str, **args: Any) -> str:
        text = self._catalogs.format(lang, msg_id, **args)
        self.ids_by_text[text] = msg_id
        return text


def real_context_factory(locales_dir: Path) -> ContextFactory:
    """Contexts on the real catalogs, word lists, gazetteer and emergency numbers."""
    from bot.i18n.catalog import Catalogs
    from bot.i18n.words import Lexicon

    catalogs, lexicon = Catalogs(locales_dir), Lexicon(locales_dir)
    return lambda: Context(now=START, catalogs=catalogs, lexicon=lexicon, case_ref="C-0001")


def inbound(
    send: Any, index: int, now: datetime, channel: str = "simulator"
) -> Inbound | Timeout | Resume:
    """A script's `send:` as an engine input."""
    base = {
        "channel": channel,
        "dedupe_key": f"script-{index}",
        "business_id": "script",
        "contact_id": "script",
        "timestamp": now,
    }
    if isinstance(send, str | int | float):
        return Inbound(kind="text", text=str(send), **base)
    if "timeout" in send:
        return Timeout(send["timeout"])
    if send.get("resume"):
        return Resume()
    if "choice" in send:
        return Inbound(kind="choice", choice_id=send["choice"], text=send.get("title"), **base)
    if "location" in send:
        lat, lon = send["location"]
        return Inbound(kind="location", location=Location(latitude=lat, longitude=lon), **base)
    if "media" in send:
        kind = send["media"]
        media = Media(kind="audio" if kind == "voice" else kind, voice=kind == "voice")
        return Inbound(kind="media", media=media, text=send.get("caption"), **base)
    if "text" in send:
        return Inbound(kind="text", text=str(send["text"]), **base)
    return Inbound(kind=send.get("kind", "other"), **base)


class CaseRecord:
    """What a host would have made of the effects so far (the case and the contact): the
    script runner's side of `apply_effects`."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {
            "opened": False, "priority": None, "rules_fired": [], "indicators": [], "answers": {},
            "location": None, "language": None, "contact_prefs": None, "handoffs": [],
            "erased": False, "stopped": False, "finished": False, "consent": {},
        }  # fmt: skip

    def keep_state(self, state: ConversationState) -> None:
        pass  # the runner holds the state itself

    def set_language(self, lang: str) -> None:
        self.data["language"] = lang

    def add_contact_prefs(self, prefs: dict[str, object]) -> None:
        self.data["contact_prefs"] = {**(self.data["contact_prefs"] or {}), **prefs}

    def wake(self, timer: Timer | None) -> None:
        pass  # scripts fire timers themselves (`send: {timeout: reminder}`)

    async def say(self, reply: Reply) -> None:
        pass  # each step's replies are checked from its effects

    async def update_case(self, change: CaseChange) -> None:
        d = self.data
        if change.erase:
            d.update(answers={}, location=None, erased=True, opened=False)
        d["opened"] = d["opened"] or change.open_case
        d["answers"].update(change.answers)
        if change.location is not None:
            d["location"] = change.location.model_dump()
        if change.priority is not None:
            d["priority"], d["rules_fired"] = change.priority, list(change.rules_fired)
            d["indicators"] = list(change.indicators)
        if change.handoff:
            d["handoffs"].append(change.handoff)
        if change.share_consent:
            d["consent"] = merged(d["consent"], change.share_consent)

    def stop(self) -> None:
        self.data["stopped"] = True

    def finish(self) -> None:
        self.data["finished"] = True


def _subset_problems(where: str, want: Any, got: Any) -> list[str]:
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for key, value in want.items():
            out += _subset_problems(f"{where}.{key}", value, got.get(key))
        return out
    if isinstance(want, float) and isinstance(got, float):
        return [] if abs(want - got) < 0.01 else [f"{where}: expected {want!r}, got {got!r}"]
    return [] if want == got else [f"{where}: expected {want!r}, got {got!r}"]


def _reply_problems(label: str, expect: list[Any], fx: Effects, ids: dict[str, str]) -> list[str]:
    got = [ids.get(r.text, f"<unknown text: {r.text[:40]!r}>") for r in fx.replies]
    want = [e if isinstance(e, str) else e["msg"] for e in expect]
    if got != want:
        texts = "; ".join(r.text.replace("\n", " ")[:60] for r in fx.replies)
        return [f"{label}: expected replies {want}, got {got} ({texts or 'silence'})"]
    problems = []
    for item, reply in zip(expect, fx.replies, strict=True):
        if isinstance(item, dict) and item.get("contains") is not None:
            if str(item["contains"]) not in reply.text:
                problems.append(
                    f"{label}: {item['msg']} should contain {item['contains']!r}: {reply.text!r}"
                )
    return problems


def run_script(
    script: dict[str, Any], registry: FlowRegistry, make_context: ContextFactory
) -> list[str]:
    """Play a script; the list of failures (empty when it passes)."""
    return asyncio.run(_play(script, registry, make_context))


async def _play(
    script: dict[str, Any], registry: FlowRegistry, make_context: ContextFactory
) -> list[str]:
    flow_ref = script.get("flow", "distress")  # a flow id, or a path under flows/
    ctx = replace(make_context(), **script.get("context", {}))
    if "numbers" in script:  # numbers a partner has checked (the shipped file has none yet)
        from bot.geo.emergency import EmergencyBook

        ctx.emergency = EmergencyBook.load(_ROOT / script["numbers"])
    recorder = RecordingCatalogs(ctx.catalogs)
    ctx.catalogs = recorder
    # A conversation in the script's language before: the language the bot falls back on
    # when it cannot tell from the first message.
    state: ConversationState | None = (
        ConversationState(lang=script["lang"], ended="new") if "lang" in script else None
    )
    case, failures = CaseRecord(), []
    for i, item in enumerate(script.get("steps") or [], start=1):
        if "context" in item:
            ctx = replace(ctx, **item["context"])
        if "wait" in item:
            ctx = replace(ctx, now=ctx.now + parse_duration(item["wait"]))
        label = f"step {i} (send {item.get('send')!r})"
        running = state and not state.ended and registry.get(state.flow, state.flow_version)
        flow = running or registry.latest(flow_ref)
        send = item.get("send", "")
        stored = state.stored() if state else None
        if isinstance(send, dict) and send.get("resolve"):
            state, fx = load_state(close(stored)), Effects()
        elif isinstance(send, dict) and send.get("ask_consent"):
            state, fx = load_state(ask_share(stored, str(send["ask_consent"]))), Effects()
        else:
            event = inbound(send, i, ctx.now, script.get("channel", "simulator"))
            # As a host stores it (JSON), so a state that would not survive storage fails here.
            kept = json.loads(json.dumps(stored)) if stored else None
            state, fx = run_step(flow, kept, event, ctx)
        await apply_effects(case, state, fx)
        if "canned" in item:
            recipient = required_by(registry.flows_dir, item["canned"])
            refused = not allows(case.data["consent"], recipient)
            if refused != bool(item.get("refused")):
                failures.append(f"{label}: canned {item['canned']} refused={refused}")
        if "expect" in item:
            failures += _reply_problems(label, item["expect"] or [], fx, recorder.ids_by_text)
        want_lang = item.get("lang", script.get("replies_lang"))
        if want_lang:
            wrong = [r.lang for r in fx.replies if r.lang != want_lang]
            if wrong:
                failures.append(f"{label}: expected replies in {want_lang}, got {wrong}")
        if "options" in item:
            with_options = [r for r in fx.replies if r.options]
            got = [o.id for o in with_options[-1].options] if with_options else []
            if got != item["options"]:
                failures.append(f"{label}: expected options {item['options']}, got {got}")
        for key in ("effects", "state"):
            if key in item:
                actual = (fx if key == "effects" else state or ConversationState()).model_dump(
                    mode="json"
                )
                failures += _subset_problems(f"{label} {key}", item[key], actual)
    if "case" in script:
        failures += _subset_problems("case", script["case"], case.data)
    return failures


def _script_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return files


def run_scripts(
    paths: list[Path] | list[str],
    flows_dir: Path | str,
    locales_dir: Path | str,
    echo: Callable[[str], Any] = print,
    make_context: ContextFactory | None = None,
) -> int:
    """`sauti flows test`: play every script; 1 if any fails."""
    registry = FlowRegistry(flows_dir)
    make_context = make_context or real_context_factory(Path(locales_dir))
    failed = 0
    files = _script_files([Path(p) for p in paths] or [Path("tests/conversations")])
    for file in files:
        try:
            failures = run_script(
                load_yaml(file.read_text(encoding="utf-8")).data, registry, make_context
            )
        except YamlError as exc:
            failures = [f"cannot run: line {exc.line}: {exc.message}"]
        except (OSError, KeyError, TypeError, ValueError) as exc:
            failures = [f"cannot run: {exc!r}"]
        failed += bool(failures)
        echo(f"{'FAIL' if failures else 'ok'}  {file}")
        for failure in failures:
            echo(f"      {failure}")
    echo(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


__all__ = ["START", "real_context_factory", "run_script", "run_scripts"]
