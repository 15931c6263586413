"""`sauti understand`: what a phrase would do at a question, and why."""

from __future__ import annotations

from bot.engine.compile import CompiledFlow
from bot.engine.understand import explain
from bot.flowtools.scripts import real_context_factory
from tests.engine.fakes import ROOT


def _explain(flow: CompiledFlow, text: str, lang: str, step: str) -> list[str]:
    return explain(flow, real_context_factory(ROOT / "locales")(), lang, step, text)


def test_a_sure_answer_is_recorded_with_the_words_it_came_from(flow: CompiledFlow) -> None:
    lines = _explain(flow, "the madam keeps it", "en", "passport")
    assert "held_by_employer (score 1.00, sure; inside: 'madam')" in lines[1]
    assert lines[-1] == "would: record passport = 'held_by_employer'"


def test_a_doubtful_answer_is_asked_back(flow: CompiledFlow) -> None:
    lines = _explain(flow, "talk to agent", "en", "passport")
    assert "not sure: asks back" in lines[1]
    assert lines[-1] == "would: ask back: did you mean held_by_agent?"


def test_a_count_says_what_it_added_up(flow: CompiledFlow) -> None:
    lines = _explain(flow, "5 women and 2 children", "en", "people")
    assert lines[1] == "counts: 7, children mentioned"
    assert lines[-1] == "would: record people = 7 (also {'children': 'yes'})"


def test_a_keyword_and_an_unknown_question(flow: CompiledFlow) -> None:
    assert "keyword: erase" in _explain(flow, "delete my messages", "en", "passport")
    assert _explain(flow, "hi", "en", "nope")[0].startswith("unknown question 'nope'")
