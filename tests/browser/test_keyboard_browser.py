"""A caseworker with the keyboard alone (Tab, Shift+Tab, Enter and typing; no mouse): signs
in, opens a case, takes it over, replies and hands it back, and can always see where the
focus is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from bot.demo import DEMO_USER
from tests.browser.support import CHROMIUM, PASSWORD, WAIT, LiveServer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.demo_data,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]
NewContext = Callable[..., BrowserContext]
MAX_TABS = 120

# What the focused element looks like: the focus ring must be drawn, and on screen.
FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    visibleFocus: el.matches(':focus-visible')
      && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
  };
}"""


def focused(page: Page) -> dict[str, object]:
    return dict(page.evaluate(FOCUS))


def tab_to(page: Page, selector: str, *, back: bool = False) -> None:
    """Press Tab (Shift+Tab: `back`) until `selector` has the focus; every stop on the way
    shows its focus, on screen."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = focused(page)
        assert now["visibleFocus"], f"no visible focus on {now}"
        assert now["onScreen"], f"the focus is off screen: {now}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with Tab")


def test_a_caseworker_takes_over_replies_and_hands_back_with_the_keyboard_alone(
    new_context: NewContext, live: LiveServer
) -> None:
    assert live.demo is not None
    case_id = live.demo.cases["amal"]
    inbox = new_context(viewport={"width": 1280, "height": 900}).new_page()

    # Sign in: the name field has the focus as the page opens.
    inbox.goto(f"{live.url}/inbox")
    expect(inbox.locator("#name")).to_be_focused()
    inbox.keyboard.type(DEMO_USER)
    tab_to(inbox, "#password")
    inbox.keyboard.type(PASSWORD)
    inbox.keyboard.press("Enter")
    expect(inbox.get_by_role("heading", name="Cases")).to_be_visible(timeout=WAIT)

    # The first stop is the skip link, and it leads to the main content.
    inbox.keyboard.press("Tab")
    assert focused(inbox)["text"] == "Skip to main content"
    assert focused(inbox)["visibleFocus"]
    inbox.keyboard.press("Shift+Tab")

    # Open the urgent case from the list.
    tab_to(inbox, f'a.case-link[href="/inbox/cases/{case_id}"]')
    inbox.keyboard.press("Enter")
    expect(inbox.get_by_role("heading", name=f"Case {case_id}")).to_be_visible(timeout=WAIT)

    # Take it over.
    tab_to(inbox, "#claim")
    inbox.keyboard.press("Enter")
    expect(inbox.locator(".flash-ok")).to_contain_text("You have the case", timeout=WAIT)

    # Reply: the "Reply" link leads to the composer.
    tab_to(inbox, 'a.button[href="#composer"]')
    inbox.keyboard.press("Enter")
    tab_to(inbox, "#reply-text")
    inbox.keyboard.type("We are here. Are you somewhere safe right now?")
    tab_to(inbox, "#send-reply")
    inbox.keyboard.press("Enter")
    expect(inbox.locator(".flash-ok")).to_contain_text("Message queued", timeout=WAIT)
    expect(inbox.locator("#case-transcript .msg.caseworker").last).to_contain_text(
        "Are you somewhere safe right now?", timeout=WAIT
    )

    # Hand back to the bot: back up from the composer to the actions above the chat.
    tab_to(inbox, 'form[action$="/release"] button', back=True)
    inbox.keyboard.press("Enter")
    expect(inbox.locator(".flash-ok")).to_contain_text("Handed back to the bot", timeout=WAIT)
    expect(inbox.locator(".case-head .badge.status")).to_have_text("open", timeout=WAIT)
