"""`sauti chat`: a conversation in the terminal, options numbered."""

from __future__ import annotations

from collections.abc import Iterator

from bot.flowtools.terminal_chat import chat
from tests.engine.fakes import ROOT, make_context


def run(lines: list[str], **kwargs) -> list[str]:
    feed: Iterator[str] = iter(lines)
    out: list[str] = []

    def read(_prompt: str) -> str:
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    chat(ROOT / "flows" / "distress.yaml", ROOT / "locales", input_fn=read, print_fn=out.append,
         context=make_context(), **kwargs)  # fmt: skip
    return out


def test_a_short_conversation_with_numbered_options_and_a_pin():
    out = run(["hi", "1", "yes", "1", "/loc 32.8872,13.1913", "/voice", "/quit", "never read"])
    text = "\n".join(out)
    assert "bot> Choose your language." in text
    assert "     1. English" in text
    assert "     1. Yes, continue\n     2. No" in text
    assert "[case opened; priority urgent (danger_now); handoff: help]" not in text
    assert "[case opened; priority urgent (danger_now)]" in text
    assert "(share your location: /loc LAT,LON)" in text
    assert "Thank you. We noted: Tripoli, Libya." in text
    assert "In Libya, numbers checked by our team:" in text and "emergency: 1515" in text
    assert "We cannot listen to voice messages" in text


def test_a_language_given_up_front_skips_the_menu():
    out = run([], lang="en")
    assert out[-3].startswith("bot> This chat is run by Sauti")


def test_unknown_commands_show_the_help():
    out = run(["/what", "/loc nowhere", "/state"])
    assert out[1].startswith("(/loc LAT,LON") and out[2] == "usage: /loc 32.88,13.19"
    assert out[3] == "None"


def test_an_edit_shows_in_the_next_conversation(tmp_path):
    import shutil

    flow = tmp_path / "distress.yaml"
    shutil.copy(ROOT / "flows" / "distress.yaml", flow)
    lines = iter(["hi", "EDIT", "hi", "/new", "hi"])
    out: list[str] = []

    def read(_prompt: str) -> str:
        line = next(lines, None)
        if line is None:
            raise EOFError
        if line == "EDIT":
            text = flow.read_text(encoding="utf-8")
            flow.write_text(
                text.replace(
                    "  - id: language\n    kind: language\n",
                    "  - id: language\n    kind: language\n    prompt: language-switched\n",
                ),
                encoding="utf-8",
            )
            return "/state"
        return line

    chat(flow, ROOT / "locales", input_fn=read, print_fn=out.append, context=make_context())
    asked = [line for line in out if line.startswith("bot> ")]
    assert asked[0].startswith("bot> Choose your language")
    assert asked[1].startswith("bot> ")  # the running conversation: still the old flow
    assert not asked[1].startswith("bot> We will write in English")
    assert asked[-1] == "bot> We will write in English."  # a new one: the edited flow
