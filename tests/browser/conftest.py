"""Browser fixtures: Debian's chromium through Playwright, and a live server per test.

Skipped cleanly where /usr/bin/chromium is not installed (`apt-get install chromium`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

from tests.browser import support
from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, LiveServer


@pytest.fixture(scope="session", autouse=True)
def _screenshots_target(pytestconfig: pytest.Config) -> None:
    support.UPDATE_SCREENSHOTS = bool(pytestconfig.getoption("update_screenshots"))


# Module scope, not session: the sync API keeps an event loop running in this thread while it
# is open, which would break every async test that runs after the browser tests.
@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "demo_data: the live server holds the sample cases, group and patterns of "
        "`sauti demo` (bot.demo_data)",
    )


@pytest.fixture
def live(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    demo_data = request.node.get_closest_marker("demo_data") is not None
    server = LiveServer.start(tmp_path, demo_data=demo_data)
    yield server
    server.stop()


@pytest.fixture
def new_context(browser: Browser, live: LiveServer) -> Iterator[Callable[..., BrowserContext]]:
    """Browser contexts, closed before the server stops (their live streams with them)."""
    made: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        context = browser.new_context(**options)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
