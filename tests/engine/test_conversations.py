"""Every conversation script in tests/conversations, on the real catalogs, word lists,
gazetteer and emergency numbers (one test per script, named after the file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine.loader import load_yaml
from bot.engine.registry import FlowRegistry
from bot.engine.runner import step
from bot.flowtools.scripts import inbound, real_context_factory, run_script
from tests.engine.fakes import ROOT

SCRIPTS = sorted((ROOT / "tests" / "conversations").glob("*.yaml"))
LOCALES = ROOT / "locales"
# The language menu's order (architecture A5, plus Arabizi): locales without a catalog yet
# are left out, and any other locale with a catalog comes at the end.
MENU = ["en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"]


@pytest.fixture(scope="module")
def registry() -> FlowRegistry:
    return FlowRegistry(ROOT / "flows")


@pytest.fixture(scope="module")
def make_context():
    return real_context_factory(LOCALES)


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_script(path: Path, registry, make_context):
    script = load_yaml(path.read_text(encoding="utf-8")).data
    failures = run_script(script, registry, make_context)
    assert not failures, f"{path.name}: {script.get('description', '')}\n  " + "\n  ".join(failures)


def test_there_are_scripts_for_every_path():
    names = {p.stem for p in SCRIPTS}
    required = {
        "en_buttons_normal", "en_typed_answers", "en_misses", "en_keywords", "en_stop",
        "en_urgent_eu", "en_urgent_libya", "en_ambiguous_place", "en_unknown_place",
        "en_consent_declined", "en_contact_prefs", "en_media", "en_claimed_resume",
        "en_reminder", "en_finished",
    }  # fmt: skip
    assert required <= names


def test_the_language_menu_lists_every_locale_with_a_catalog(registry, make_context):
    ctx = make_context()
    _state, fx = step(registry.latest("distress"), None, inbound("hi", 1, ctx.now), ctx)
    offered = [o.id for o in fx.replies[0].options]
    available = ctx.catalogs.languages
    assert offered == [t for t in MENU if t in available] + [t for t in available if t not in MENU]
    titles = [o.title for o in fx.replies[0].options]
    assert titles == [ctx.catalogs.format(t, "language-name") for t in offered]
