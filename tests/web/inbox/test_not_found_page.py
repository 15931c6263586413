"""A browser that opens an inbox or simulator address that does not exist gets a page in
words with the way back; API clients and htmx keep the JSON 404."""

from __future__ import annotations

import pytest

from tests.web.inbox.support import Web

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.mark.parametrize("path", ["/inbox/no-such-page", "/inbox/cases/X/nothing", "/simulator/x"])
async def test_a_browser_gets_a_page_that_says_not_found_and_leads_back(
    web: Web, path: str
) -> None:
    r = await web.client.get(path, headers=BROWSER)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>Page not found</h1>" in r.text
    assert 'href="/inbox"' in r.text
    assert '<html lang="en">' in r.text
    assert "Content-Security-Policy" in r.headers  # the same strict headers as every page


async def test_the_address_is_not_echoed_back(web: Web) -> None:
    r = await web.client.get("/inbox/%3Cscript%3Ealert(1)%3C%2Fscript%3E", headers=BROWSER)
    assert r.status_code == 404
    assert "<script>alert" not in r.text


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/no-such-thing", BROWSER),  # the API answers in JSON, even to a browser
        ("/inbox/no-such-page", {"Accept": "application/json"}),
        ("/inbox/no-such-page", {**BROWSER, "HX-Request": "true"}),
    ],
)
async def test_everything_else_keeps_the_json_404(
    web: Web, path: str, headers: dict[str, str]
) -> None:
    r = await web.client.get(path, headers=headers)
    assert r.status_code == 404
    assert r.json() == {"detail": "Not Found"}


async def test_a_wrong_method_is_still_405(web: Web) -> None:
    r = await web.client.get("/inbox/logout", headers=BROWSER)
    assert r.status_code == 405
