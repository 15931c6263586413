"""YAML with lines: every node knows its line, and on/off/yes/no stay words."""

from __future__ import annotations

import pytest

from bot.engine.loader import YamlError, load_yaml

TEXT = """\
id: demo
steps:
  - id: consent
    options: [yes, no, on, off]
    yes: 1
  - id: safety
    kind: choice
"""


def test_every_node_has_its_line():
    doc = load_yaml(TEXT)
    assert doc.lines[("steps", 1, "kind")] == 7
    assert doc.line_of(("steps", 0, "options", 2)) == 4
    assert doc.line_of(("steps", 1, "choice", "options")) == 6  # unknown parts are skipped


def test_yes_no_on_off_stay_strings_and_keys_are_reported():
    doc = load_yaml(TEXT)
    assert doc.data["steps"][0]["options"] == ["yes", "no", "on", "off"]
    assert doc.data["steps"][0]["yes"] == 1
    assert doc.boolean_keys == [(5, "yes")]


def test_quoted_keys_are_fine_and_true_stays_a_boolean():
    doc = load_yaml('"on": x\nflag: true\n')
    assert doc.boolean_keys == [] and doc.data == {"on": "x", "flag": True}


def test_duplicate_keys_are_reported():
    doc = load_yaml("id: a\nid: b\n")
    assert doc.duplicate_keys == [(2, "id")] and doc.data == {"id": "b"}


def test_syntax_errors_name_the_line():
    with pytest.raises(YamlError) as err:
        load_yaml("a: [1, 2\nb: 3\n")
    assert err.value.line == 2
