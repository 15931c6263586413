"""Action steps and flow features beyond the default flow: set, priority, handoff, say,
branches on country and language, per-language words, step timeouts, action loops."""

from __future__ import annotations

from datetime import timedelta

from bot.engine.compile import compile_flow
from bot.engine.runner import Timeout
from tests.engine.fakes import NOW, locales_with_french, msg

FLOW = """\
schema_version: 1
id: actions
priority:
  rules:
    - id: in_libya
      priority: high
      when: {country: LY}
steps:
  - id: consent
    kind: choice
    options: ["yes", "no"]
    timeout: {after: 2h, action: handoff}
  - id: where
    kind: location
    prompt: location-prompt
    timeout: {after: 1d, action: expire}
    next:
      - when: {country: LY}
        goto: mark
      - when: {language: fr}
        goto: french
  - id: passport
    kind: choice
    options:
      - with_me
      - id: held_by_employer
        words: {fr: [patronne], en: [the madam]}
    next: finish_case
  - id: french
    kind: say
    say: language-switched
    next: finish_case
  - id: mark
    kind: set
    answer: route
    value: libya
  - id: raise
    kind: priority
    level: urgent
    rule: manual
  - id: person
    kind: handoff
    say: help-handoff
    next: passport
  - id: finish_case
    kind: case
    action: open
  - id: bye
    kind: end
"""


def start(chat, flow, **ctx):
    c = chat(flow_=flow, **ctx)
    c.send(msg("hi"))  # no language step in this flow: the first question comes at once
    return c


def test_branch_on_the_country_then_set_priority_and_handoff(chat):
    flow = compile_flow(FLOW)
    c = start(chat, flow)
    assert c.ids() == ["consent-prompt"]
    c.send(msg("yes"))
    assert c.send(msg(location=(32.8872, 13.1913))) == [
        "location-found",
        "help-handoff",
        "passport-prompt",
    ]
    assert c.fx.handoff == "flow"
    assert c.state.answers["route"] == "libya"
    assert c.state.forced == {"manual": "urgent"}
    assert c.send(msg("the madam")) == ["answer-noted"]  # words of the flow; said back; it ends
    assert c.fx.open_case and c.fx.finished
    assert (c.fx.priority, c.fx.rules_fired) == ("urgent", ["in_libya", "manual"])
    assert c.fx.answers["route"] == "libya" and c.fx.answers["passport"] == "held_by_employer"


def test_branch_on_the_language_and_french_words(chat, tmp_path):
    flow = compile_flow(FLOW)
    c = start(chat, flow, locales=locales_with_french(tmp_path))
    c.state.lang = "fr"
    c.send(msg("oui"))
    assert c.send(msg("Paris")) == ["location-found", "language-switched"]
    assert c.fx.finished


def test_flow_words_in_the_persons_language(chat, tmp_path):
    flow = compile_flow(FLOW.replace("{country: LY}", "{country: XX}").replace("fr}", "sw}"))
    c = start(chat, flow, locales=locales_with_french(tmp_path))
    c.state.lang = "fr"
    c.send(msg("oui"))
    c.send(msg("Nowhere"))
    assert c.state.step == "passport"
    c.send(msg("patronne"))
    assert c.state.answers["passport"] == "held_by_employer"


def test_step_timeouts_handoff_and_expire(chat):
    flow = compile_flow(FLOW)
    c = start(chat, flow)
    assert [(t.name, t.at - NOW) for t in c.fx.timers] == [
        ("handoff", timedelta(hours=2)),
        ("expire", timedelta(days=7)),
    ]
    assert c.send(Timeout("handoff")) == [] and c.fx.handoff == "flow"
    c.send(msg("yes"))
    assert [(t.name, t.at - NOW) for t in c.fx.timers] == [("expire", timedelta(days=1))]


def test_a_loop_of_actions_stops_and_asks_a_person(chat):
    looping = """\
schema_version: 1
id: loop
steps:
  - id: ask
    kind: choice
    options: ["yes", "no"]
    prompt: consent-prompt
  - id: a
    kind: set
    answer: x
    value: 1
    next: b
  - id: b
    kind: set
    answer: y
    value: 2
    next: a
"""
    c = start(chat, compile_flow(looping))
    c.send(msg("yes"))
    assert c.fx.handoff == "flow"
