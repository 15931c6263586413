"""`sauti chat`: talk to a flow in the terminal, no server, no database.

Options are shown numbered (type the number, the option id or any answer); `/loc 32.88,13.19`
shares a pin, `/voice` and `/photo` send media, `/timeout reminder` fires a timer,
`/new` starts a new conversation, `/quit` leaves. The flow file is re-read when it
changes, so an edit shows in the next conversation (a running one finishes on its version).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.engine.context import Context, Timeout
from bot.engine.effects import Effects
from bot.engine.registry import FlowRegistry
from bot.engine.runner import step
from bot.engine.state import ConversationState
from bot.messages import Inbound, Location, Media

HELP = (
    "(/loc LAT,LON shares a pin, /voice, /photo, /timeout NAME, /state, "
    "/new starts over on the latest flow, /quit)"
)


def _event(line: str) -> Inbound | Timeout | str:
    base: dict[str, Any] = {
        "channel": "simulator",
        "dedupe_key": str(datetime.now(UTC).timestamp()),
        "business_id": "terminal",
        "contact_id": "terminal",
        "timestamp": datetime.now(UTC),
    }
    if line.startswith("/loc"):
        try:
            lat, lon = (float(x) for x in line[4:].replace(" ", "").split(","))
        except ValueError:
            return "usage: /loc 32.88,13.19"
        return Inbound(kind="location", location=Location(latitude=lat, longitude=lon), **base)
    if line in ("/voice", "/photo"):
        media = Media(kind="audio", voice=True) if line == "/voice" else Media(kind="image")
        return Inbound(kind="media", media=media, **base)
    if line.startswith("/timeout"):
        return Timeout(line.split(maxsplit=1)[1] if " " in line else "reminder")
    if line.startswith("/"):
        return HELP
    return Inbound(kind="text", text=line, **base)


def _show(fx: Effects, print_fn: Callable[[str], Any]) -> list[str]:
    """Print the replies; the option ids of the last menu, in order."""
    options: list[str] = []
    for reply in fx.replies:
        print_fn(f"bot> {reply.text}")
        if reply.request_location:
            print_fn("     (share your location: /loc LAT,LON)")
        for number, option in enumerate(reply.options, start=1):
            print_fn(f"     {number}. {option.title}")
        options = [o.id for o in reply.options] or options
    notes = []
    if fx.open_case:
        notes.append("case opened")
    if fx.priority:
        notes.append(f"priority {fx.priority} ({', '.join(fx.rules_fired) or 'no rule'})")
    if fx.handoff:
        notes.append(f"handoff: {fx.handoff}")
    for flag in ("erase", "stop", "finished"):
        if getattr(fx, flag):
            notes.append(flag)
    if notes:
        print_fn(f"     [{'; '.join(notes)}]")
    return options


def chat(
    flow_path: Path | str,
    locales_dir: Path | str,
    lang: str | None = None,
    input_fn: Callable[[str], str] = input,
    print_fn: Callable[[str], Any] = print,
    context: Context | None = None,
) -> None:
    """A REPL on one flow file until end of input or /quit."""
    from bot.i18n.catalog import Catalogs

    flow_path = Path(flow_path)
    registry = FlowRegistry(flow_path.parent)
    flow_id = flow_path.stem
    if context is None:
        from bot.i18n.words import Lexicon

        context = Context(
            now=datetime.now(UTC),
            catalogs=Catalogs(Path(locales_dir)),
            lexicon=Lexicon(Path(locales_dir)),
            case_ref="TERMINAL-1",
        )
    state: ConversationState | None = None
    print_fn(f"Chatting with flow '{flow_id}' {HELP}")
    if lang:
        state, fx = _first(registry, flow_id, lang, context)
        _show(fx, print_fn)
    while True:
        try:
            line = input_fn("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if line == "/quit":
            break
        if line == "/state":
            print_fn(repr(state.stored() if state else None))
            continue
        if line == "/new":
            state = None  # the next message opens a conversation on the current file
            print_fn("(new conversation)")
            continue
        event = _event(line)
        if isinstance(event, str):
            print_fn(event)
            continue
        context.now = datetime.now(UTC)
        flow = registry.for_state(state, flow_id)
        state, fx = step(flow, state, event, context)
        _show(fx, print_fn)


def _first(
    registry: FlowRegistry, flow_id: str, lang: str, context: Context
) -> tuple[ConversationState | None, Effects]:
    """Start in a given language: open the conversation and pick it from the menu."""
    flow = registry.latest(flow_id)
    base: dict[str, Any] = {
        "channel": "simulator",
        "dedupe_key": "first",
        "business_id": "t",
        "contact_id": "t",
        "timestamp": datetime.now(UTC),
    }
    state, _ = step(flow, None, Inbound(kind="text", text="", **base), context)
    return step(flow, state, Inbound(kind="choice", choice_id=lang, **base), context)
