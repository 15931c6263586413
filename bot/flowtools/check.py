"""`sauti flows check`: everything wrong with a flow file, as file:line, before it goes live.

Errors: YAML syntax, YAML 1.1 boolean keys (on/off/yes/no), schema errors, unknown or
unreachable steps, an option id used twice in a step, a message id missing from the
English catalog. Warnings: a message missing in another locale (English is shown there),
and default texts that promise rescue or an outcome.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bot.engine.schema import (
    ChoiceStep,
    FlowSpec,
    LanguageStep,
    LocationStep,
    QuestionBase,
    option_label,
    prompt_id,
)
from bot.engine.validate import Problem, parse_flow
from bot.flowtools.check_replies import check_replies
from bot.i18n.catalog import Catalogs

REPLIES_FILE = "replies.yaml"

# Messages the engine itself may say in any flow.
ENGINE_MESSAGES = (
    "menu-button", "reask-choice", "reask-number", "reask-text", "offer-human",
    "received-ack", "help-handoff", "restart-done", "erase-confirm", "erase-yes", "erase-no",
    "erase-done", "erase-cancelled", "voice-note", "media-received", "unsupported-message",
    "handback-done", "handback-resume", "language-prompt", "language-menu-button",
    "language-switched", "language-name", "reminder",
)  # fmt: skip
LOCATION_MESSAGES = (
    "location-found", "location-near", "location-unknown", "location-ambiguous",
    "location-option", "location-other", "location-reask", "location-dont-know",
    "location-situation", "location-at-sea", "location-remote", "location-country",
    "location-town-prompt", "location-confirm", "location-yes",
)  # fmt: skip
EMERGENCY_MESSAGES = (
    "emergency-number", "emergency-none", "emergency-unknown-country", "emergency-number-sea",
    "emergency-none-sea", "emergency-hotline",
)  # fmt: skip

# Words that promise what no helpline can keep (WHO: make no promises you cannot keep).
PROMISES = re.compile(
    r"\b(rescue\w*|save you|guarantee\w*|promise\w*|we will get you out|get you out|"
    r"we will free you|you will be safe|we will bring you home)\b",
    re.IGNORECASE,
)
NEGATIONS = {"not", "cannot", "can't", "cant", "never", "no", "don't", "won't", "nor"}
DUMMY_ARGS: dict[str, Any] = {
    "org": "",
    "days": 0,
    "case": "",
    "hotline": 0,
    "country": "",
    "number": "",
    "place": "",
    "km": 0,
    "name": "",
    "numbers": "",
    "situation": "",
}


def _situation_messages() -> list[str]:
    """A name for every situation the place file knows (at sea, in the desert...)."""
    from bot.geo.places_file import SITUATIONS

    return [f"situation-{s}-name" for s in SITUATIONS]


def _number_messages() -> list[str]:
    """A name for every service and a line for every risk in the emergency number file."""
    from bot.geo.emergency import RISKS, SERVICES

    return [f"service-{s}-name" for s in SERVICES] + [f"risk-{r}-why" for r in RISKS]


def used_messages(spec: FlowSpec) -> Iterator[tuple[str, tuple]]:
    """(message id, YAML path where it is used) for every message the flow can say."""
    for i, step in enumerate(spec.steps):
        at = ("steps", i)
        if step.say:
            yield step.say, (*at, "say")
        if isinstance(step, QuestionBase):
            yield prompt_id(step), (*at, "prompt") if step.prompt else (*at, "id")
            if step.skippable:
                yield "option-skip", (*at, "skippable")
        if isinstance(step, ChoiceStep):
            for j, option in enumerate(step.options):
                yield option_label(step, option), (*at, "options", j)
        if isinstance(step, LocationStep):
            for msg_id in (*LOCATION_MESSAGES, *_situation_messages()):
                yield msg_id, (*at, "kind")
        if step.kind == "emergency" or isinstance(step, LocationStep):
            for msg_id in (*EMERGENCY_MESSAGES, *_number_messages()):
                yield msg_id, (*at, "kind")
        if isinstance(step, LanguageStep):
            yield "language-name", (*at, "kind")
    for msg_id in ENGINE_MESSAGES:
        yield msg_id, ()


def promise_words(text: str) -> list[str]:
    """Promising phrases in `text` that are not negated ("we cannot promise" is fine)."""
    found = []
    for match in PROMISES.finditer(text):
        before = re.findall(r"[\w']+", text[: match.start()].casefold())[-3:]
        if not NEGATIONS & set(before):
            found.append(match.group(0))
    return found


def check_flow(path: Path | str, locales_dir: Path | str) -> list[Problem]:
    """Every problem in one flow file, errors and warnings, with file:line."""
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(file, None, f"cannot read: {exc}")]
    spec, doc, problems = parse_flow(text, file)
    if spec is None or doc is None:
        return problems
    catalogs = Catalogs(Path(locales_dir))
    others = [t for t in catalogs.languages if t != "en"]
    seen: set[str] = set()
    for msg_id, where in used_messages(spec):
        if msg_id in seen:
            continue
        seen.add(msg_id)
        line = doc.line_of(where) if where else None
        if not catalogs.has(msg_id, "en"):
            source = "the engine" if not where else "this flow"
            problems.append(
                Problem(
                    file,
                    line,
                    f"message '{msg_id}' (used by {source}) is not in "
                    f"{Path(locales_dir) / 'en' / 'bot.ftl'}",
                )
            )
            continue
        missing = [t for t in others if not catalogs.has(msg_id, t)]
        if missing and where:
            problems.append(
                Problem(
                    file,
                    line,
                    f"message '{msg_id}' has no translation in "
                    f"{', '.join(missing)} (English is shown there)",
                    "warning",
                )
            )
        for words in promise_words(catalogs.format("en", msg_id, **DUMMY_ARGS)):
            problems.append(
                Problem(
                    file,
                    line,
                    f"message '{msg_id}' says '{words}': do not promise rescue "
                    "or outcomes; say what really happens next",
                    "warning",
                )
            )
    return problems


def is_flow_file(path: Path) -> bool:
    """A YAML file with a top-level `schema_version:` or `steps:` (the flows folder also
    holds teams, place aliases, emergency numbers and canned replies)."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except OSError:
        return True  # let check_flow report it
    return re.search(r"^(schema_version|steps)\s*:", head, re.MULTILINE) is not None


def flow_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(flow files, other YAML files) among `paths`; folders are searched recursively."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
    flows = [p for p in found if is_flow_file(p)]
    return flows, [p for p in found if p not in flows]


def run_check(
    paths: list[Path] | list[str],
    locales_dir: Path | str,
    echo: Callable[[str], Any] = print,
) -> int:
    """Check flows and print the problems; 1 if there is any error."""
    files, skipped = flow_files([Path(p) for p in paths] or [Path("flows")])
    replies = [p for p in skipped if p.name == REPLIES_FILE]
    for other in skipped:
        if other not in replies:
            echo(f"{other}: skipped, not a flow (no schema_version: or steps:)")
    errors = warnings = 0
    for file in [*files, *replies]:
        check = check_replies if file in replies else check_flow
        problems = check(file, locales_dir)
        for problem in sorted(problems, key=lambda p: (p.line or 0, p.severity)):
            echo(str(problem))
        errors += sum(p.severity == "error" for p in problems)
        warnings += sum(p.severity == "warning" for p in problems)
    also = f" and {REPLIES_FILE}" if replies else ""
    echo(f"{len(files)} flow(s){also} checked: {errors} error(s), {warnings} warning(s)")
    return 1 if errors or not files else 0


__all__ = ["Problem", "check_flow", "flow_files", "is_flow_file", "promise_words", "run_check"]
