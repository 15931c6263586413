"""A real server for browser tests, and what a person and a caseworker do in the pages.

The server is uvicorn on 127.0.0.1 with a free port, in a thread, with demo settings, an
SQLite database in tmp_path, its tables created, and the demo team and caseworker seeded
through bot.accounts (as `sauti demo` does), with the demo's sample cases when asked.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from playwright.sync_api import Locator, Page, expect

from bot.accounts import add_team, add_user
from bot.config import DEMO_DATA_KEY, Settings
from bot.demo import DEMO_COUNTRIES, DEMO_TEAM, DEMO_USER
from bot.demo_data import Seeded, seed_demo_data
from bot.store import crypto
from bot.store.db import Database, create_all
from tests.conftest import make_settings

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "demo password for tests"
WAIT = 15_000  # ms: the pipeline, the outbox and the live updates, on a slow machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _seed(settings: Settings, demo_data: bool) -> Seeded | None:
    crypto.configure([DEMO_DATA_KEY])
    db = Database(settings.database_url)
    try:
        await create_all(db.engine)
        async with db.session() as session, session.begin():
            await add_team(session, DEMO_TEAM, DEMO_COUNTRIES, default=True)
            await add_user(session, DEMO_USER, [DEMO_TEAM], role="admin", password=PASSWORD)
            if demo_data:
                return await seed_demo_data(session, DEMO_TEAM, DEMO_USER)
            return None
    finally:
        await db.dispose()


@dataclass
class LiveServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread
    database_url: str
    demo: Seeded | None = None  # the sample cases and group, when started with demo_data

    @classmethod
    def start(cls, tmp_path: Path, *, demo_data: bool = False) -> LiveServer:
        """`demo_data`: with the sample cases, group and patterns of `sauti demo`."""
        from bot.app import create_app

        settings = make_settings(
            f"sqlite+aiosqlite:///{tmp_path / 'sauti.db'}", demo=True, simulator=True
        )
        # Playwright's sync API holds an event loop in this thread: seed from another one.
        with ThreadPoolExecutor(1) as pool:
            demo = pool.submit(asyncio.run, _seed(settings, demo_data)).result()
        port = free_port()
        config = uvicorn.Config(
            create_app(settings, create_tables=True),
            host="127.0.0.1",
            port=port,
            log_level="warning",
            lifespan="on",
            timeout_graceful_shutdown=2,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return cls(
            url=f"http://127.0.0.1:{port}",
            server=server,
            thread=thread,
            database_url=settings.database_url,
            demo=demo,
        )

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


# --- the person, in the simulator -----------------------------------------------------


def say(phone: Page, text: str) -> None:
    box = phone.locator("#message")
    box.fill(text)
    box.press("Enter")
    expect(phone.locator(".bubble-row.out .bubble-text").last).to_have_text(text, timeout=WAIT)


def tap(phone: Page, choice: str) -> None:
    """Tap the newest button or list row with this answer id (opening the list if needed)."""
    button = phone.locator(f'#transcript button[data-choice="{choice}"]').last
    expect(button).to_be_attached(timeout=WAIT)
    sheet = button.locator("xpath=ancestor::details[1]")
    if sheet.count() and not sheet.evaluate("d => d.open"):
        sheet.locator("summary").click()
    before = phone.locator(".bubble-row.out").count()
    button.click()
    expect(phone.locator(".bubble-row.out")).to_have_count(before + 1, timeout=WAIT)


def share_place(phone: Page, preset: str) -> None:
    phone.locator("#share-location > summary").click()
    before = phone.locator(".bubble-row.out").count()
    phone.locator(f'button[data-preset="{preset}"]').click()
    expect(phone.locator(".bubble-row.out")).to_have_count(before + 1, timeout=WAIT)


def reach_urgent_case(phone: Page, base: str) -> None:
    """Language → consent → "danger now": the flow opens an urgent case at once."""
    phone.goto(f"{base}/simulator")
    say(phone, "hi")
    tap(phone, "en")
    tap(phone, "yes")
    tap(phone, "danger_now")
    expect(phone.locator(".bubble-row.in").last).to_be_visible(timeout=WAIT)


def whole_story(phone: Page, *, safety: str, place: str, passport: str, free: str) -> None:
    """A new person answers every question; the flow opens their case at the end."""
    phone.get_by_role("button", name="New person").click()
    say(phone, "salam")
    tap(phone, "en")
    tap(phone, "yes")
    tap(phone, safety)
    share_place(phone, place)
    tap(phone, passport)
    tap(phone, free)
    say(phone, "2")


# --- the caseworker, in the inbox -----------------------------------------------------


def sign_in(inbox: Page, base: str) -> None:
    inbox.goto(f"{base}/inbox")
    inbox.get_by_label("User name").fill(DEMO_USER)
    inbox.get_by_label("Password").fill(PASSWORD)
    inbox.get_by_role("button", name="Sign in").click()
    expect(inbox.get_by_role("heading", name="Cases")).to_be_visible(timeout=WAIT)


def first_case(inbox: Page) -> Locator:
    return inbox.locator("#cases .case-item").first


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the screen (0: no sideways scrolling).

    Against the screen's width, not `innerWidth`: a mobile browser zooms out to fit a page
    that is too wide, and its `innerWidth` grows with it."""
    size = page.viewport_size
    assert size is not None
    width = int(
        page.evaluate(
            "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        )
    )
    return width - size["width"]


def in_first_screen(page: Page, locator: Locator, tries: int = 20) -> bool:
    """Whether the element shows whole without scrolling (retried: live updates re-render)."""
    size = page.viewport_size
    assert size is not None
    for _ in range(tries):
        box = locator.bounding_box()
        if box is not None:
            return (
                box["x"] >= 0
                and box["x"] + box["width"] <= size["width"]
                and box["y"] >= 0
                and box["y"] + box["height"] <= size["height"]
            )
        page.wait_for_timeout(100)
    return False


# The README's screenshots are tracked: a test run only rewrites them when asked to
# (`uv run pytest tests/browser --update-screenshots`); otherwise they go to ARTIFACTS too.
UPDATE_SCREENSHOTS = False


def shoot(page: Page, name: str, *, readme: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    if readme:
        folder = SCREENSHOTS if UPDATE_SCREENSHOTS else ARTIFACTS / "readme"
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / name), full_page=False)
