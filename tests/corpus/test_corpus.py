"""The corpus of realistic replies, in every language: at least 95% understood in each, and
never a wrong answer recorded at "Are you in danger right now?"."""

from __future__ import annotations

from bot.engine.compile import CompiledFlow
from bot.engine.registry import FlowRegistry
from tests.corpus.harness import ROOT, corpus_files, report, run

MIN_RATE = 0.95
LANGUAGES = {"en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"}


def test_every_language_has_a_corpus() -> None:
    assert set(corpus_files()) == LANGUAGES


def test_the_corpus_is_understood_in_every_language() -> None:
    flow: CompiledFlow = FlowRegistry(ROOT / "flows").latest("distress")
    rates = run(flow)
    print("\n" + report(rates))  # noqa: T201 - the rate per language (pytest -s)
    low = {lang: f"{r.rate:.1%}" for lang, r in rates.items() if r.rate < MIN_RATE}
    wrong = [r for rate in rates.values() for r in rate.results if r.confident_wrong]
    assert not wrong and not low, report(rates)
