"""Groups in a real browser: a caseworker confirms a linked case, sends one update to a
house of women in their own languages, and an admin reads the patterns; at desk and phone
width, with the keyboard, and with the strict CSP (a blocked inline style is a console
error here). Saves docs/screenshots/groups.png and patterns.png."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlalchemy import select

from bot.config import DEMO_DATA_KEY
from bot.demo import DEMO_TEAM, DEMO_USER
from bot.groups import groups
from bot.masking import mask_contact
from bot.store import crypto
from bot.store.db import Database
from bot.store.models import Case, Conversation, User, utcnow
from tests.browser.support import (
    CHROMIUM,
    WAIT,
    LiveServer,
    horizontal_overflow,
    shoot,
    sign_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium"),
]
NewContext = Callable[..., BrowserContext]
ANY_TIME = {"safe_to_message_first": True, "safe_hours": "any"}
NEVER = {"safe_to_message_first": False, "safe_hours": None}
MISRATA = {"place": "Misrata", "country_code": "LY"}

# One house in Misrata: (language, channel, hours since she wrote, prefs, agency spelling).
HOUSE: list[tuple[str, str, float, dict[str, Any] | None, str]] = [
    ("sw", "whatsapp", 1, None, "Al Amal Recruitment"),
    ("ar", "messenger", 2, None, "الأمل للتوظيف"),
    ("fr", "instagram", 3, None, "alamal recruitment"),
    ("am", "whatsapp", 50, ANY_TIME, "Al-Amal Recruitment"),
    ("so", "messenger", 72, NEVER, "al amal"),
    ("en", "whatsapp", 0.5, None, "Al Amal Recruitment"),
]
# Other cases, for the patterns: (agency, place, how many people).
OTHERS = [
    ("Sahara Jobs", {"place": "Tripoli", "country_code": "LY"}, 4),
    ("Golden Gate Manpower", {"place": "Benghazi", "country_code": "LY"}, 3),
]


async def _people(url: str) -> tuple[list[str], int]:
    """The house (in a group named by the demo caseworker) and the other cases."""
    crypto.configure([DEMO_DATA_KEY])
    db = Database(url)
    now = utcnow()
    ids: list[str] = []
    n = 0

    async def one(s: Any, lang: str, channel: str, hours: float, prefs: Any, agency: str,
                  place: dict[str, Any], age: timedelta) -> str:  # fmt: skip
        nonlocal n
        n += 1
        phone = f"2547{n:08d}" if channel == "whatsapp" else None
        conv = Conversation(
            channel=channel,
            business_id="1202" if phone else "page-1",
            contact_hash=secrets.token_hex(8),
            contact_ref=phone or f"ps-{secrets.token_hex(6)}",
            contact_phone=phone,
            contact_name=f"Woman {n}",
            masked_id=mask_contact(channel, phone or f"ps-{n:06d}", phone),
            language=lang,
            last_inbound_at=now - timedelta(hours=hours),
            contact_prefs=prefs,
        )
        s.add(conv)
        await s.flush()
        case = Case(
            conversation_id=conv.id,  # type: ignore[arg-type]
            status="open",
            priority="high",
            channel=channel,
            language=lang,
            team=DEMO_TEAM,
            answers={"consent": "yes", "agency": agency, "safety": "not_safe",
                     "passport": "held_by_employer", "employer_town": place["place"]},
            location=place,
            created_at=now - age,
            updated_at=now - age,
        )  # fmt: skip
        s.add(case)
        await s.flush()
        return case.id

    try:
        async with db.session() as s, s.begin():
            for i, (lang, channel, hours, prefs, agency) in enumerate(HOUSE):
                age = timedelta(hours=6 - i)
                ids.append(await one(s, lang, channel, hours, prefs, agency, MISRATA, age))
            for agency, place, count in OTHERS:
                for i in range(count):
                    await one(s, "en", "whatsapp", 30, None, agency, place, timedelta(days=i + 2))
            user = (await s.execute(select(User).where(User.name == DEMO_USER))).scalar_one()
            group = await groups.create_group(s, user, "Misrata house", ids[1:])
            group_id = int(group.id or 0)
    finally:
        await db.dispose()
    return ids, group_id


def seed(tmp_path: Path) -> tuple[list[str], int]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'sauti.db'}"  # the live server's database
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _people(url)).result()


def watch(page: Page) -> list[str]:
    """Script errors, anything the CSP refused, and our own requests that failed (the
    browser's own favicon request is not one of them)."""
    errors: list[str] = []

    def console(msg: Any) -> None:
        if msg.type == "error" and ("Content Security Policy" in msg.text or "Refused" in msg.text):
            errors.append(msg.text)

    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", console)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


def test_a_caseworker_links_cases_and_writes_to_a_whole_house(
    new_context: NewContext, live: LiveServer, tmp_path: Path
) -> None:
    ids, group_id = seed(tmp_path)
    desk = new_context(viewport={"width": 1280, "height": 1000})
    inbox = desk.new_page()
    errors = watch(inbox)
    sign_in(inbox, live.url)
    expect(inbox.get_by_role("link", name="Groups")).to_be_visible()

    # The first woman's case: the panel loads by itself and suggests the others.
    inbox.goto(f"{live.url}/inbox/cases/{ids[0]}")
    panel = inbox.locator("#linked")
    expect(panel.locator(".link-item").first).to_be_visible(timeout=WAIT)
    expect(panel).to_contain_text("same agency")
    expect(panel).to_contain_text("same employer town: Misrata")
    first = panel.locator(".link-item").first
    other = first.get_attribute("data-suggested")
    # With the keyboard: focus "Confirm" and press Enter.
    first.get_by_role("button", name="Confirm").focus()
    inbox.keyboard.press("Enter")
    expect(inbox.locator(".flash-ok")).to_contain_text("marked as linked", timeout=WAIT)
    expect(panel.locator(f'[data-confirmed="{other}"]')).to_be_visible(timeout=WAIT)
    panel.scroll_into_view_if_needed()
    shoot(inbox, "linked.png")

    # Into the existing group, from the panel.
    panel.get_by_label("Add to a group").select_option(label="Misrata house (5)")
    panel.get_by_role("button", name="Add to group").click()
    expect(inbox.get_by_role("heading", name="Misrata house")).to_be_visible(timeout=WAIT)
    expect(inbox.locator("#group-members tbody tr")).to_have_count(6)

    # One canned update to everyone.
    inbox.locator("#canned-updates > summary").click()
    inbox.locator('button[data-canned="stay-put"]').click()
    expect(inbox.locator(".flash-ok")).to_contain_text("2 people skipped", timeout=WAIT)
    result = inbox.locator("details.update.just-sent")
    expect(result).to_contain_text("outside the window")
    expect(result).to_contain_text("asked not to be messaged first")
    inbox.get_by_role("button", name="Refresh statuses").or_(
        inbox.get_by_role("link", name="Refresh statuses")
    ).click()
    inbox.evaluate("() => window.scrollTo(0, 0)")
    shoot(inbox, "groups.png", readme=True)

    # Patterns, for an admin (the demo caseworker is one).
    inbox.get_by_role("link", name="Patterns").click()
    expect(inbox.get_by_role("heading", name="Patterns")).to_be_visible()
    expect(inbox.locator("svg.chart").first).to_be_visible()
    expect(inbox.locator("svg.chart .chart-bar")).not_to_have_count(0)
    inbox.get_by_label("Period").select_option("365")
    inbox.get_by_role("button", name="Show").click()
    expect(inbox.get_by_label("Period")).to_have_value("365")
    shoot(inbox, "patterns.png", readme=True)
    bar = inbox.locator("svg.chart .chart-bar").first
    assert bar.evaluate("el => getComputedStyle(el).fill") != "rgb(0, 0, 0)"  # CSS applies
    assert errors == [], errors


def test_group_and_pattern_pages_fit_a_phone(
    new_context: NewContext, live: LiveServer, tmp_path: Path
) -> None:
    ids, group_id = seed(tmp_path)
    ctx = new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    inbox = ctx.new_page()
    errors = watch(inbox)
    sign_in(inbox, live.url)
    for path in (
        f"/inbox/groups/{group_id}",
        "/inbox/groups",
        "/inbox/patterns",
        f"/inbox/cases/{ids[0]}",
        f"/inbox/cases/{ids[0]}/links",
    ):
        inbox.goto(f"{live.url}{path}")
        expect(inbox.locator("main h1, main h2").first).to_be_visible()
        inbox.wait_for_timeout(300)  # the linked panel comes with htmx
        assert horizontal_overflow(inbox) <= 0, path
    inbox.goto(f"{live.url}/inbox/groups/{group_id}")
    expect(inbox.locator("#group-members tbody tr")).to_have_count(5)
    shoot(inbox, "groups-phone.png")
    inbox.goto(f"{live.url}/inbox/cases/{ids[0]}")
    inbox.locator("#linked .link-item").first.scroll_into_view_if_needed()
    shoot(inbox, "linked-phone.png")
    inbox.goto(f"{live.url}/inbox/patterns")
    shoot(inbox, "patterns-phone.png")
    assert errors == [], errors
