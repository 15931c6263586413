"""How long one engine step takes (target: well under 1 ms), and that it stays flat.

    uv run python bench/engine_step.py [--n 2000]

Runs the default flow on the real catalogs, word lists and gazetteer. Each row is one
call of `bot.engine.runner.step` (bind a fresh machine, match, render the replies), timed
with perf_counter over N calls on a prepared state. "conversations" rows step one of many
live states chosen at random; "history" rows step a conversation that already had that
many turns.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine.registry import FlowRegistry  # noqa: E402
from bot.engine.runner import step  # noqa: E402
from bot.flowtools.scripts import inbound, real_context_factory  # noqa: E402

TO_PASSPORT = ["hi", {"choice": "en"}, {"choice": "yes"}, {"choice": "safe"},
               {"location": [32.8872, 13.1913]}]  # fmt: skip
TO_PEOPLE = [*TO_PASSPORT, {"choice": "with_me"}, {"choice": "yes"}]


def timed(fn: Callable[[], Any], n: int) -> tuple[float, float, float]:
    """(min, median, p95) in microseconds."""
    fn()  # warm caches (catalog bundles, lexicon tables, gazetteer)
    samples = []
    for _ in range(n):
        start = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return samples[0], statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n
    flow = FlowRegistry(ROOT / "flows").latest("distress")
    ctx = real_context_factory(ROOT / "locales")()

    def play(sends: list[Any]) -> dict[str, Any] | None:
        state = None
        for i, send in enumerate(sends):
            state, _ = step(flow, state, inbound(send, i, ctx.now), ctx)
        return state

    at_passport, at_people = play(TO_PASSPORT), play(TO_PEOPLE)

    def one(state: dict[str, Any] | None, send: Any) -> Callable[[], Any]:
        event = inbound(send, 0, ctx.now)
        return lambda: step(flow, state, event, ctx)

    rows: list[tuple[str, float, float, float]] = []
    scenarios = [
        ("new conversation → language menu", None, "hi"),
        ("tap an option (passport)", at_passport, {"choice": "held_by_employer"}),
        ("typed answer: 'my boss has it'", at_passport, "my boss has it"),
        ("typed number, opens the case", at_people, "we are 16"),
        ("not understood → hint + question", at_passport, "banana"),
        ("global word 'help'", at_passport, "help"),
        ("voice note", at_passport, {"media": "voice"}),
        ("shared pin at the location step", play(TO_PASSPORT[:4]), {"location": [32.9, 13.2]}),
    ]
    for label, state, send in scenarios:
        rows.append((label, *timed(one(state, send), n)))

    # Flat in the number of live conversations: the engine keeps nothing between calls.
    for count in (1, 1_000, 10_000):
        states = [at_passport] * count  # the host's rows; the engine only sees one at a time
        event = inbound({"choice": "lost"}, 0, ctx.now)

        def pick_one(s: list = states, e: Any = event) -> Any:
            return step(flow, random.choice(s), e, ctx)

        rows.append((f"{count:>6} conversations, random one", *timed(pick_one, n)))

    # Flat in history length: the state holds answers, not the transcript.
    for turns in (10, 100, 1_000):
        state = at_passport
        for i in range(turns):
            state, _ = step(flow, state, inbound("help", i, ctx.now), ctx)
        rows.append((f"{turns:>6} turns of history", *timed(one(state, {"choice": "lost"}), n)))

    # Where the time goes: the machine and the helpers the engine calls.
    candidates = {"with_me": ["I have it"], "held_by_employer": ["My employer"],
                  "held_by_agent": ["An agent"], "lost": ["Lost or stolen"],
                  "never_had": ["I never had one"]}  # fmt: skip
    parts = [
        ("  part: bind machine + advance", lambda: flow.advance("passport", {})),
        ("  part: Lexicon.keyword", lambda: ctx.lexicon.keyword("my boss has it", "en")),
        ("  part: Lexicon.ordinal", lambda: ctx.lexicon.ordinal("my boss has it", "en", 5)),
        ("  part: Lexicon.match", lambda: ctx.lexicon.match("my boss has it", "en", candidates)),
        ("  part: render one question", lambda: ctx.catalogs.format("en", "passport-prompt")),
    ]
    for label, fn in parts:
        rows.append((label, *timed(fn, n)))

    width = max(len(r[0]) for r in rows)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"engine step, {n} calls each (Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load average {load})")  # fmt: skip
    print(f"{'scenario':<{width}}  {'min µs':>7}  {'median µs':>10}  {'p95 µs':>7}")
    print("-" * (width + 32))
    for label, low, median, p95 in rows:
        print(f"{label:<{width}}  {low:>7.0f}  {median:>10.0f}  {p95:>7.0f}")


if __name__ == "__main__":
    main()
