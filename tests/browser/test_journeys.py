"""A person and a caseworker, each in their own browser tab, against a real server."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.support import (
    CHROMIUM,
    WAIT,
    LiveServer,
    first_case,
    horizontal_overflow,
    in_first_screen,
    reach_urgent_case,
    say,
    share_place,
    shoot,
    sign_in,
    tap,
    whole_story,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]
HOSTILE = "<script>alert(1)</script>"
NewContext = Callable[..., BrowserContext]


def watch_dialogs(page: Page) -> list[str]:
    seen: list[str] = []

    def record(dialog) -> None:  # noqa: ANN001 - playwright's Dialog
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


def test_a_person_in_danger_reaches_a_caseworker_who_answers(
    new_context: NewContext, live: LiveServer
) -> None:
    desk = new_context(viewport={"width": 1280, "height": 900})
    phone_ctx = new_context(viewport={"width": 1100, "height": 900})
    inbox, phone = desk.new_page(), phone_ctx.new_page()
    errors: list[str] = []
    for page in (inbox, phone):
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    sign_in(inbox, live.url)
    expect(inbox.locator("#cases .empty")).to_be_visible()
    inbox.evaluate("() => { window.stillTheSamePage = true }")

    reach_urgent_case(phone, live.url)

    # The case appears in the open inbox by itself, urgent and unclaimed.
    case = first_case(inbox)
    expect(case).to_be_visible(timeout=WAIT)
    expect(case).to_have_class(re.compile("unclaimed-urgent"), timeout=WAIT)
    expect(inbox.locator("#counter")).to_contain_text("1 urgent unclaimed", timeout=WAIT)
    assert inbox.evaluate("() => window.stillTheSamePage === true"), "the inbox reloaded"

    # The person goes on answering while the caseworker looks.
    share_place(phone, "tripoli")
    tap(phone, "held_by_employer")
    tap(phone, "no")
    say(phone, "3")
    shoot(phone, "simulator.png", readme=True)
    # Two more people, so the list shows what "urgent first" means.
    whole_story(phone, safety="not_safe", place="oujda", passport="with_me", free="unsure")
    whole_story(phone, safety="safe", place="agadez", passport="with_me", free="yes")
    expect(inbox.locator("#cases .case-item")).to_have_count(3, timeout=WAIT)
    expect(inbox.locator("#cases .case-item .badge.high")).to_be_visible(timeout=WAIT)
    assert inbox.evaluate("() => window.stillTheSamePage === true"), "the inbox reloaded"
    shoot(inbox, "inbox.png", readme=True)
    phone.get_by_role("button", name="Person 1").click()

    case.locator("a.case-link").click()
    expect(inbox.get_by_role("heading", name="What we know")).to_be_visible()
    expect(inbox.locator("#case-summary")).to_contain_text("Tripoli", timeout=WAIT)
    expect(inbox.locator("#case-summary")).to_contain_text("held by employer")
    expect(inbox.locator("a.osm-link")).to_have_attribute(
        "href", re.compile(r"^https://www\.openstreetmap\.org/")
    )

    inbox.get_by_role("button", name="Claim this case").click()
    expect(inbox.locator(".flash-ok")).to_contain_text("You have the case")
    inbox.get_by_label("Message to the person").fill("We are here. Are you somewhere safe now?")
    inbox.get_by_role("button", name="Send", exact=True).click()
    expect(inbox.locator("#case-transcript .msg.caseworker").last).to_contain_text("We are here.")
    # Its tick moves from queued to delivered without a reload.
    expect(inbox.locator("#case-transcript .msg.caseworker .tick").last).to_have_attribute(
        "aria-label", "delivered", timeout=WAIT
    )
    inbox.evaluate("() => window.scrollTo(0, 0)")
    shoot(inbox, "case.png", readme=True)

    # The reply reaches the phone, from a caseworker.
    reply = phone.locator(".bubble.from-caseworker .bubble-text").last
    expect(reply).to_have_text("We are here. Are you somewhere safe now?", timeout=WAIT)
    # And the person's answer reaches the caseworker live.
    say(phone, "yes, in the kitchen")
    expect(inbox.locator("#case-transcript .msg.person").last).to_contain_text(
        "yes, in the kitchen", timeout=WAIT
    )
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


def test_hostile_text_stays_text_in_both_pages(new_context: NewContext, live: LiveServer) -> None:
    ctx = new_context()
    phone, inbox = ctx.new_page(), ctx.new_page()
    phone_dialogs, inbox_dialogs = watch_dialogs(phone), watch_dialogs(inbox)

    reach_urgent_case(phone, live.url)
    say(phone, HOSTILE)  # typed where the flow asks for the place
    expect(phone.locator(".bubble-row.out .bubble-text").last).to_have_text(HOSTILE)

    sign_in(inbox, live.url)
    first_case(inbox).locator("a.case-link").click()
    transcript = inbox.locator("#case-transcript")
    expect(transcript.get_by_text(HOSTILE, exact=True).first).to_be_visible(timeout=WAIT)
    assert inbox.locator("#case-transcript script").count() == 0
    assert phone.locator("#transcript script").count() == 0
    inbox.reload()
    phone.reload()
    inbox.wait_for_timeout(500)
    assert phone_dialogs == [] and inbox_dialogs == []


def test_on_a_phone_screen_nothing_scrolls_sideways(
    new_context: NewContext, live: LiveServer
) -> None:
    ctx = new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    phone, inbox = ctx.new_page(), ctx.new_page()
    reach_urgent_case(phone, live.url)
    share_place(phone, "sea")
    assert horizontal_overflow(phone) <= 0
    shoot(phone, "simulator-phone.png", readme=True)

    sign_in(inbox, live.url)
    expect(first_case(inbox)).to_be_visible(timeout=WAIT)
    shoot(inbox, "inbox-phone.png", readme=True)
    assert horizontal_overflow(inbox) <= 0
    assert in_first_screen(inbox, first_case(inbox).locator("a.case-link"))

    first_case(inbox).locator("a.case-link").click()
    claim = inbox.get_by_role("button", name="Claim this case")
    expect(claim).to_be_visible()
    assert in_first_screen(inbox, claim), "claiming is the first thing to do"
    assert horizontal_overflow(inbox) <= 0
    claim.click()
    for name in ("Reply", "Hand back to the bot", "Resolve"):
        control = inbox.get_by_role("button", name=name, exact=True).or_(
            inbox.get_by_role("link", name=name, exact=True)
        )
        expect(control.first).to_be_visible()
    assert in_first_screen(inbox, inbox.get_by_role("link", name="Reply", exact=True))
    # On a phone the conversation and the composer come before the case's facts.
    conversation = inbox.get_by_role("heading", name="Conversation").bounding_box()
    composer = inbox.locator("#composer").bounding_box()
    facts = inbox.locator("#case-summary").bounding_box()
    assert conversation and composer and facts
    assert conversation["y"] < composer["y"] < facts["y"]
    send = inbox.get_by_role("button", name="Send", exact=True)
    send.scroll_into_view_if_needed()
    expect(send).to_be_in_viewport()
    assert horizontal_overflow(inbox) <= 0
    inbox.evaluate("() => window.scrollTo(0, 0)")
    shoot(inbox, "case-phone.png", readme=True)

    # Keyboard: the skip link comes first and lands on the main content.
    inbox.keyboard.press("Tab")
    skip = inbox.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()


def test_arabic_reads_right_to_left(new_context: NewContext, live: LiveServer) -> None:
    phone = new_context().new_page()
    phone.goto(f"{live.url}/simulator")
    say(phone, "مرحبا")
    tap(phone, "ar")
    mine = phone.locator(".bubble-row.out .bubble-text").first
    theirs = phone.locator(".bubble-row.in .bubble-text").last
    expect(theirs).to_be_visible(timeout=WAIT)
    # expect() retries: htmx may swap the transcript between finding a bubble and reading
    # its style, and a detached element has no computed direction.
    expect(mine).to_have_css("direction", "rtl")
    expect(theirs).to_have_css("direction", "rtl")
    assert horizontal_overflow(phone) <= 0
