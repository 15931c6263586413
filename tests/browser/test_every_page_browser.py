"""Every page of the inbox and the simulator, with the demo's sample cases, at phone (360 px)
and desk (1280 px) width: no sideways scrolling, its key element on screen, and no serious or
critical WCAG 2.1 AA violation as axe-core sees it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import select

from bot.config import DEMO_DATA_KEY
from bot.demo import DEMO_TEAM, DEMO_USER
from bot.demo_data import Seeded
from bot.store import crypto
from bot.store.db import Database
from bot.store.models import Case, Conversation, User, utcnow
from tests.browser.a11y import axe_violations, describe
from tests.browser.support import CHROMIUM, WAIT, LiveServer, horizontal_overflow, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.demo_data,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]
NewContext = Callable[..., BrowserContext]


async def _whatsapp_case_out_of_window(database_url: str) -> str:
    """A WhatsApp case the demo caseworker holds, whose person wrote 3 days ago: its reply
    card offers the approved templates (the demo's own chats never close their window)."""
    crypto.configure([DEMO_DATA_KEY])
    db = Database(database_url)
    long_ago = utcnow() - timedelta(days=3)
    try:
        async with db.session() as s, s.begin():
            user = (await s.execute(select(User).where(User.name == DEMO_USER))).scalar_one()
            conv = Conversation(
                channel="whatsapp",
                business_id="1202",
                contact_hash="a11y-template-case",
                contact_ref="254700000001",
                contact_phone="254700000001",
                contact_name="Neema",
                masked_id="+254•••••••01",
                language="sw",
                claimed=True,
                last_inbound_at=long_ago,
            )
            s.add(conv)
            await s.flush()
            case = Case(
                conversation_id=conv.id,  # type: ignore[arg-type]
                status="claimed",
                priority="high",
                channel="whatsapp",
                language="sw",
                team=DEMO_TEAM,
                assignee_id=user.id,
                answers={"consent": "yes"},
                created_at=long_ago,
            )
            s.add(case)
            await s.flush()
            return case.id
    finally:
        await db.dispose()


@dataclass(frozen=True)
class Screen:
    """One page: where it is, what must be on screen, and what to open before checking."""

    name: str
    path: Callable[[Seeded, str], str]
    key: str  # a CSS selector that must be visible
    open: str | None = None  # a <summary> to open first (canned replies)
    signed_in: bool = True


SCREENS = [
    Screen("login", lambda d, t: "/inbox/login", "#name", signed_in=False),
    Screen("case list", lambda d, t: "/inbox", "#cases .case-item"),
    Screen("case, open", lambda d, t: f"/inbox/cases/{d.cases['amal']}", "#claim"),
    Screen(
        "case, reply and canned replies",
        lambda d, t: f"/inbox/cases/{d.cases['selam']}",
        "#reply-text",
        open="details.canned > summary",
    ),
    Screen("case, templates", lambda d, t: f"/inbox/cases/{t}", "button:text('Send template')"),
    Screen("case, resolved", lambda d, t: f"/inbox/cases/{d.cases['nadia']}", ".case-head h1"),
    Screen("case links", lambda d, t: f"/inbox/cases/{d.cases['amal']}/links", "main h1"),
    Screen("groups", lambda d, t: "/inbox/groups", "main h1"),
    Screen("group", lambda d, t: f"/inbox/groups/{d.group_id}", "#group-members"),
    Screen("patterns", lambda d, t: "/inbox/patterns", "svg.chart"),
    Screen("numbers", lambda d, t: "/inbox/admin/numbers", ".numbers-summary"),
    Screen("admin", lambda d, t: "/inbox/admin", "main h1"),
    Screen("admin teams", lambda d, t: "/inbox/admin/teams", "main form"),
    Screen("admin users", lambda d, t: "/inbox/admin/users", "form[action$='/users/add']"),
    Screen("admin flows", lambda d, t: "/inbox/admin/flows", "main svg"),
    Screen("simulator", lambda d, t: "/simulator", "#message"),
    Screen("case not found", lambda d, t: "/inbox/cases/NOSUCH", "main h1"),
    Screen("group not found", lambda d, t: "/inbox/groups/99999", "main h1"),
    Screen("page not found", lambda d, t: "/inbox/no-such-page", "main h1"),
]


def templates_case(live: LiveServer) -> str:
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _whatsapp_case_out_of_window(live.database_url)).result()


def check(page: Page, screen: Screen) -> list[str]:
    problems: list[str] = []
    key = page.locator(screen.key).first
    try:
        expect(key).to_be_visible(timeout=WAIT)
    except AssertionError:
        problems.append(f"{screen.name}: {screen.key} is not visible")
    if screen.open:
        page.locator(screen.open).first.click()
    page.wait_for_timeout(300)  # panels that htmx loads after the page
    # Landmarks and headings a screen reader jumps by: one main, one h1 (axe calls their
    # absence only "moderate").
    landmarks = page.evaluate(
        "() => [document.querySelectorAll('main').length, document.querySelectorAll('h1').length]"
    )
    if landmarks != [1, 1]:
        problems.append(
            f"{screen.name}: {landmarks[0]} <main> and {landmarks[1]} <h1>, not 1 and 1"
        )
    if (over := horizontal_overflow(page)) > 0:
        problems.append(f"{screen.name}: {over} px wider than the screen")
    if violations := axe_violations(page):
        problems.append(f"{screen.name}:\n{describe(violations)}")
    return problems


@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_fits_the_screen_and_passes_axe(
    new_context: NewContext, live: LiveServer, width: int
) -> None:
    assert live.demo is not None
    template_case = templates_case(live)
    phone = width < 600
    options = {"viewport": {"width": width, "height": 800 if phone else 900}, "is_mobile": phone}
    visitor = new_context(**options).new_page()
    caseworker = new_context(**options).new_page()
    sign_in(caseworker, live.url)
    problems: list[str] = []
    for screen in SCREENS:
        page = caseworker if screen.signed_in else visitor
        page.goto(live.url + screen.path(live.demo, template_case))
        problems += check(page, screen)
    assert not problems, "\n".join(problems)
