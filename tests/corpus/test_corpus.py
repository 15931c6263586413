"""The corpus of realistic replies, in every language: at least 95% understood in each, and
never a wrong answer recorded at "Are you in danger right now?"."""

from __future__ import annotations

from bot.engine.compile import CompiledFlow
from bot.engine.registry import FlowRegistry
from tests.corpus.harness import QUESTIONS, ROOT, corpus_files, items, report, run

MIN_RATE = 0.95
MIN_REPLIES = 60  # distinct replies per language and question: a rate on fewer says little
LANGUAGES = {"en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"}
COVERED = (*QUESTIONS, "keywords")


def test_every_language_has_a_corpus() -> None:
    assert set(corpus_files()) == LANGUAGES


def test_every_question_has_enough_replies_in_every_language() -> None:
    short = {}
    for lang, path in corpus_files().items():
        said: dict[str, set[str]] = {question: set() for question in COVERED}
        for question, reply, _ in items(path):
            said.setdefault(question, set()).add(reply.strip().casefold())
        short.update({f"{lang}/{q}": len(s) for q, s in said.items() if len(s) < MIN_REPLIES})
    assert not short, f"fewer than {MIN_REPLIES} distinct replies: {short}"


def test_the_corpus_is_understood_in_every_language() -> None:
    flow: CompiledFlow = FlowRegistry(ROOT / "flows").latest("distress")
    rates = run(flow)
    print("\n" + report(rates))  # noqa: T201 - the rate per language (pytest -s)
    low = {lang: f"{r.rate:.1%}" for lang, r in rates.items() if r.rate < MIN_RATE}
    wrong = [r for rate in rates.values() for r in rate.results if r.confident_wrong]
    assert not wrong and not low, report(rates)
