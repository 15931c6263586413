"""The admin area in a real browser, at desk and phone width: an admin adds a team and a
caseworker, the caseworker signs in, the admin disables her (her open session ends at her
next click), and the flow diagram is drawn in the page; no sideways scrolling, nothing the
strict CSP refuses, and the controls reachable by their labels and the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bot.geo.countries import country_name
from tests.browser.support import (
    CHROMIUM,
    WAIT,
    LiveServer,
    horizontal_overflow,
    shoot,
    sign_in,
)
from tests.browser.test_groups_browser import NewContext, watch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]


def fits(page: Page, name: str) -> None:
    assert horizontal_overflow(page) <= 0, page.url
    shoot(page, f"{name}{'-phone' if page.viewport_size['width'] < 600 else ''}.png")  # type: ignore[index]


@pytest.mark.parametrize("width", [1280, 360])
def test_an_admin_runs_the_line_from_the_inbox(
    new_context: NewContext, live: LiveServer, width: int
) -> None:
    options = {"viewport": {"width": width, "height": 800}, "is_mobile": width < 600}
    admin = new_context(**options).new_page()
    errors = watch(admin)
    sign_in(admin, live.url)
    admin.get_by_role("navigation", name="Inbox").get_by_role("link", name="Admin").click()
    expect(admin.get_by_role("heading", name="Admin", exact=True)).to_be_visible()
    expect(admin.get_by_role("heading", name="Recent changes")).to_be_visible()
    fits(admin, "admin")

    # A team, by its ISO code; shown by name.
    admin.get_by_role("navigation", name="Admin area").get_by_role("link", name="Teams").click()
    admin.get_by_label("Team name").fill("tunisia")
    admin.get_by_label("Countries it covers (names or ISO codes, e.g. Libya, TN)").fill("Tunisia")
    admin.get_by_role("button", name="Add team").click()
    expect(admin.get_by_text("Team tunisia added.")).to_be_visible()
    expect(admin.locator('[data-team="tunisia"]')).to_contain_text(country_name("TN", "en"))
    fits(admin, "admin-teams")

    # A caseworker in it: her password is shown once, labelled.
    admin.get_by_role("navigation", name="Admin area").get_by_role("link", name="Users").click()
    admin.get_by_label("User name").fill("sara")
    admin.get_by_label("Role").select_option("caseworker")
    admin.locator("form[action='/inbox/admin/users/add']").get_by_label("tunisia").check()
    admin.get_by_role("button", name="Add user").click()
    expect(admin.get_by_text("Shown only this once.")).to_be_visible()
    expect(admin.get_by_text("Password for sara")).to_be_visible()
    password = admin.locator('[data-secret="Password"]').inner_text().strip()
    fits(admin, "admin-secret")

    # She signs in in her own browser.
    sara = new_context(**options).new_page()
    sara.goto(f"{live.url}/inbox")
    sara.get_by_label("User name").fill("sara")
    sara.get_by_label("Password").fill(password)
    sara.get_by_role("button", name="Sign in").click()
    expect(sara.get_by_role("heading", name="Cases")).to_be_visible(timeout=WAIT)

    # The admin disables her, with the keyboard: her open session ends at once.
    admin.get_by_role("link", name="Back to the users").click()
    card = admin.locator('[data-user="sara"]')
    expect(card).to_contain_text("Last sign-in")
    card.locator("summary").focus()
    admin.keyboard.press("Enter")
    card.get_by_role("button", name="Disable sara").focus()
    admin.keyboard.press("Enter")
    expect(admin.get_by_text("sara is disabled: 1 session ended")).to_be_visible()
    expect(admin.locator('[data-user="sara"]')).to_contain_text("Disabled")
    fits(admin, "admin-users")
    sara.reload()
    expect(sara.get_by_role("button", name="Sign in")).to_be_visible(timeout=WAIT)

    # The change is in the audit list, with who did it.
    admin.get_by_role("navigation", name="Admin area").get_by_role("link", name="Overview").click()
    expect(admin.locator(".audit-list")).to_contain_text("disabled sara")
    expect(admin.locator(".audit-list")).to_contain_text("added team tunisia")

    # The flow, drawn in the page (server-side SVG: nothing loaded from elsewhere).
    admin.get_by_role("navigation", name="Admin area").get_by_role("link", name="Flows").click()
    diagram = admin.get_by_role("img", name="Flow distress", exact=False)
    expect(diagram).to_be_visible()
    assert diagram.bounding_box()["height"] > 500  # type: ignore[index]
    expect(admin.get_by_text("No errors: the bot can run these flows.")).to_be_visible()
    expect(admin.locator('tr[data-locale="sw"]')).to_contain_text("complete")
    fits(admin, "admin-flows")
    assert errors == [], errors
