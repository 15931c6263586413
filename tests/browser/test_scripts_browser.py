"""Arabic and Ge'ez as a caseworker reads them: an Arabic message runs right to left, an
Amharic one left to right, each in its language (lang) and drawn with a font that has its
letters (Noto, from fonts-noto-core), never as empty boxes ("tofu")."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.support import CHROMIUM, WAIT, LiveServer, say, sign_in, tap

NOTO = Path("/usr/share/fonts/truetype/noto")
FONTS = [NOTO / "NotoSansArabic-Regular.ttf", NOTO / "NotoSansEthiopic-Regular.ttf"]
FONTS_MISSING = not all(f.exists() for f in FONTS)
if FONTS_MISSING and os.environ.get("CI"):
    # .ci/run installs them: a CI run without them must not pass by skipping.
    raise RuntimeError("fonts-noto-core is not installed (.ci/run installs it)")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.demo_data,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
    pytest.mark.skipif(FONTS_MISSING, reason="no Noto fonts (apt-get install fonts-noto-core)"),
]
NewContext = Callable[..., BrowserContext]
MEASURE_TRIES = 25

# Each character of the element's text, as the browser lays it out: its width; and the
# element's direction. null while the element is not in the page (a live update may swap the
# transcript between finding the element and measuring it).
MEASURE = """el => {
  if (!el.isConnected) return null;
  const node = el.firstChild, widths = [];
  for (let i = 0; i < node.length; i++) {
    if (/\\s/.test(node.data[i])) continue;
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    widths.push(range.getBoundingClientRect().width);
  }
  return {widths, direction: getComputedStyle(el).direction};
}"""


def platform_fonts(page: Page, selector: str) -> list[dict[str, Any]]:
    """The fonts Chromium really drew the element's text with, and how many glyphs each."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        return list(cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"])
    finally:
        cdp.detach()


def letters_in(text: str, first: int, last: int) -> int:
    return sum(first <= ord(ch) <= last for ch in text)


def mark_when_quiet(page: Page, element: Locator, probe: str) -> str:
    """Mark the element for the font report once the transcript has stopped changing: each
    new message swaps the whole transcript, which would drop a mark set during the burst."""
    selector = f'#transcript [data-probe="{probe}"]'
    for _ in range(MEASURE_TRIES):
        element.evaluate(f"el => {{ el.dataset.probe = '{probe}' }}")
        page.wait_for_timeout(1000)
        if page.locator(selector).count():
            return selector
    raise AssertionError("the transcript never stopped changing")


def check_script(page: Page, selector: str, family: str, block: tuple[int, int]) -> str:
    """The message shows, every letter has a width, and `family` drew all of its letters."""
    message = page.locator(selector).first
    expect(message).to_be_visible(timeout=WAIT)
    text = message.inner_text()
    letters = letters_in(text, *block)
    assert letters > 5, text
    measured = None
    for _ in range(MEASURE_TRIES):
        measured = message.evaluate(MEASURE)
        if measured is not None:
            break
        page.wait_for_timeout(200)
    assert measured is not None, "the message never stayed in the page long enough to measure"
    widths = measured["widths"]
    assert widths and min(widths) > 0, widths
    fonts = platform_fonts(page, selector)
    drawn = sum(f["glyphCount"] for f in fonts if family in f["familyName"])
    assert drawn >= letters, f"{letters} letters, fonts used: {fonts}"
    return str(measured["direction"])


@pytest.mark.parametrize("width", [1280, 360])
def test_arabic_reads_right_to_left_and_amharic_in_geez_letters(
    new_context: NewContext, live: LiveServer, width: int
) -> None:
    assert live.demo is not None
    page = new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600).new_page()
    sign_in(page, live.url)

    page.goto(f"{live.url}/inbox/cases/{live.demo.cases['amal']}")
    arabic = '#case-transcript .msg.person .msg-text[lang="ar"]'
    assert check_script(page, arabic, "Arabic", (0x0600, 0x06FF)) == "rtl"
    assert page.locator(arabic).first.evaluate("el => el.matches(':dir(rtl)')")

    page.goto(f"{live.url}/inbox/cases/{live.demo.cases['tigist']}")
    amharic = '#case-transcript .msg.person .msg-text[lang="am"]'
    assert check_script(page, amharic, "Ethiopic", (0x1200, 0x139F)) == "ltr"

    # The page around them stays English, left to right.
    assert page.evaluate("() => [document.documentElement.lang, document.dir]") == ["en", ""]


def test_the_simulator_writes_amharic_in_geez_letters(
    new_context: NewContext, live: LiveServer
) -> None:
    phone = new_context(viewport={"width": 360, "height": 800}, is_mobile=True).new_page()
    phone.goto(f"{live.url}/simulator")
    say(phone, "selam")
    tap(phone, "am")
    # The bot's answer after the choice, marked so the font report can find that element.
    answer = phone.locator("#transcript .bubble-row.in .bubble-text").last
    expect(answer).to_contain_text(re.compile("[\u1200-\u137f]"), timeout=WAIT)
    bot = mark_when_quiet(phone, answer, "amharic")
    assert check_script(phone, bot, "Ethiopic", (0x1200, 0x139F)) == "ltr"
