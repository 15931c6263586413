"""The emergency numbers page in a real browser: an admin reaches it from the top bar, reads
which of the team's countries have no checked number, at desk and phone width, with the
strict CSP (a blocked inline style is a console error here)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bot.geo.countries import country_name
from tests.browser.support import CHROMIUM, LiveServer, horizontal_overflow, shoot, sign_in
from tests.browser.test_groups_browser import NewContext, watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]


@pytest.mark.parametrize("width", [1280, 360])
def test_an_admin_reads_the_numbers_check(
    new_context: NewContext, live: LiveServer, width: int
) -> None:
    ctx = new_context(viewport={"width": width, "height": 800}, is_mobile=width < 600)
    inbox = ctx.new_page()
    errors = watch(inbox)
    sign_in(inbox, live.url)
    inbox.get_by_role("link", name="Numbers").click()
    expect(inbox.get_by_role("heading", name="Emergency numbers")).to_be_visible()
    # Libya has no known number at all (the demo team covers it): flagged, and named.
    expect(inbox.locator(".numbers-summary")).to_contain_text("no checked number")
    expect(inbox.locator(".numbers-summary")).to_contain_text(country_name("LY", "en"))
    expect(inbox.locator("#country-LY.numbers-flagged")).to_contain_text("No usable number")
    badge = inbox.locator("#country-LY .badge.urgent")
    assert badge.evaluate("el => getComputedStyle(el).color") == "rgb(255, 255, 255)"  # CSS
    assert horizontal_overflow(inbox) <= 0
    shoot(inbox, "numbers.png" if width > 600 else "numbers-phone.png")
    assert errors == [], errors
