"""Replaying the corpus: each reply sent at its question of the default flow, and what the
bot made of it (an answer recorded, a number, a global keyword, or "ask": it asked back).

A corpus file is `tests/corpus/<lang>.yaml`:

```yaml
safety:                        # a question of the default flow, or `keywords`
  - [ana khayfa, not_safe]     # the reply, what must come of it
  - [from the beginning, ask]  # "ask": nothing recorded; the bot asks again or asks back
people:
  - [about twenty, 20]
keywords:                      # sent at the passport question
  - [i want to talk to a person, help]
```

A batch written elsewhere (`<lang>-<n>.yaml`, the language is the name before the last
dash) is scored on its own, per question, without joining the corpus:

    uv run python -m tests.corpus.harness ../blind/batches/ary-Latn-1.yaml [more files]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.engine.compile import CompiledFlow
from bot.engine.context import Context
from bot.engine.registry import FlowRegistry
from bot.engine.runner import step
from bot.engine.state import ConversationState, load_state
from bot.engine.turn import new_state
from bot.flowtools.scripts import START, RecordingCatalogs, real_context_factory
from bot.i18n.wordlists import read_yaml
from bot.messages import Inbound

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = Path(__file__).resolve().parent
QUESTIONS = ("consent", "safety", "passport", "free_to_leave", "people")
KEYWORD_AT = "passport"  # where sentences that mean a keyword are tried
ASK = "ask"
# Answers given before each question, as a person would have.
BEFORE = {"consent": {}, "safety": {"consent": "yes"}}
EARLIER = {"consent": "yes", "safety": "not_safe"}


@dataclass
class Result:
    lang: str
    question: str
    said: str
    want: Any
    got: Any

    @property
    def ok(self) -> bool:
        return self.got == self.want

    @property
    def confident_wrong(self) -> bool:
        """A wrong answer recorded (not asked back) at the safety question."""
        return self.question == "safety" and not self.ok and self.got != ASK


@dataclass
class Rate:
    lang: str
    results: list[Result] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return sum(r.ok for r in self.results) / max(1, len(self.results))

    def misses(self) -> list[Result]:
        return [r for r in self.results if not r.ok]


def corpus_files(directory: Path = CORPUS_DIR) -> dict[str, Path]:
    return {p.stem: p for p in sorted(directory.glob("*.yaml"))}


def items(path: Path) -> Iterator[tuple[str, str, Any]]:
    data = read_yaml(path) or {}
    for question, pairs in data.items():
        for said, want in pairs or []:
            yield question, str(said), want


def _state(flow: CompiledFlow, lang: str, question: str) -> ConversationState:
    """The conversation as it stands when `question` is asked, stored and read back."""
    state = new_state(flow, lang).stored()
    at = KEYWORD_AT if question == "keywords" else question
    order = list(QUESTIONS)
    earlier = order[: order.index(at)]
    state.update(step=at, answers={q: EARLIER.get(q, "yes") for q in earlier if q in EARLIER})
    if at in ("passport", "free_to_leave", "people"):
        state["location"] = {"text": "Sabha", "place": "Sabha", "country_code": "LY",
                             "matched": True, "latitude": 27.0, "longitude": 14.4}  # fmt: skip
        state["answers"].pop("location", None)
    if at in ("free_to_leave", "people"):
        state["answers"]["passport"] = "with_me"
    if at == "people":
        state["answers"]["free_to_leave"] = "yes"
    loaded = load_state(state)
    assert loaded is not None
    return loaded


def outcome(flow: CompiledFlow, ctx: Context, lang: str, question: str, said: str) -> Any:
    """What the bot made of `said` at `question`."""
    recorder = RecordingCatalogs(ctx.catalogs)
    ctx.catalogs = recorder
    state = _state(flow, lang, question)
    at = state.step
    event = Inbound(
        kind="text", text=said, channel="simulator", dedupe_key="corpus",
        business_id="corpus", contact_id="corpus", timestamp=START,
    )  # fmt: skip
    new, fx = step(flow, state, event, ctx)
    ids = [recorder.ids_by_text.get(r.text) for r in fx.replies]
    if fx.stop:
        return "stop"
    assert new is not None
    pending = new.pending.kind if new.pending is not None else None
    if new.ended == "declined":
        return "no"  # consent refused: the conversation ends and nothing is kept
    if pending == "erase":
        return "erase"
    if pending == "language" or fx.language:
        return "language"
    if "restart-done" in ids:
        return "restart"
    if fx.handoff == "help":
        return "help"
    if at in new.answers and new.answers.get(at) != state.answers.get(at):
        return new.answers[at]
    return ASK


def score(flow: CompiledFlow, files: dict[str, Path]) -> dict[str, Rate]:
    """Each file's replies in the language it is named for."""
    make = real_context_factory(ROOT / "locales")
    rates: dict[str, Rate] = {}
    for name, path in files.items():
        lang = batch_language(name)
        rate = rates[name] = Rate(lang)
        for question, said, want in items(path):
            got = outcome(flow, make(), lang, question, said)
            rate.results.append(Result(lang, question, said, want, got))
    return rates


def run(flow: CompiledFlow, directory: Path = CORPUS_DIR) -> dict[str, Rate]:
    return score(flow, corpus_files(directory))


def batch_language(name: str) -> str:
    """ "ary-Latn-2" → "ary-Latn"; "en" → "en"."""
    head, _, tail = name.rpartition("-")
    return head if head and tail.isdigit() else name


def by_question(rate: Rate) -> dict[str, tuple[int, int]]:
    """Question → (understood, replies)."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rate.results:
        counts[r.question][0] += r.ok
        counts[r.question][1] += 1
    return {q: (ok, n) for q, (ok, n) in counts.items()}


def report(rates: dict[str, Rate]) -> str:
    lines = []
    for lang, rate in rates.items():
        lines.append(f"{lang:9} {rate.rate:6.1%}  ({len(rate.results)} replies)")
        per = by_question(rate)
        lines.append("    " + "  ".join(f"{q} {ok / n:.0%} ({n})" for q, (ok, n) in per.items()))
        for r in rate.misses():
            flag = " CONFIDENT WRONG" if r.confident_wrong else ""
            lines.append(f"    {r.question:13} {r.said!r}: want {r.want!r}, got {r.got!r}{flag}")
    return "\n".join(lines)


def main(paths: list[str]) -> int:
    """Score the given batch files (or the corpus); 1 when any is under 95% or has a
    confident wrong answer at the safety question."""
    flow = FlowRegistry(ROOT / "flows").latest("distress")
    files = {Path(p).stem: Path(p) for p in paths} if paths else corpus_files()
    rates = score(flow, files)
    print(report(rates))  # noqa: T201 - a command-line report
    wrong = any(r.confident_wrong for rate in rates.values() for r in rate.results)
    return 1 if wrong or any(rate.rate < 0.95 for rate in rates.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
