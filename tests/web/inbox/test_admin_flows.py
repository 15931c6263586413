"""The admin area's flow page (/inbox/admin/flows): the default flow drawn on the server as
SVG, `sauti flows check`'s result and each language's completeness, for admins only."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.flowtools.draw import load
from bot.flowtools.draw_svg import svg
from bot.i18n.language_names import language_name
from bot.i18n.source_text import source_texts
from bot.store.db import Database
from tests.conftest import running_app, runtime
from tests.web.inbox.support import Web, login, seed
from tests.web.inbox.test_security import assert_strict

PAGE = "/inbox/admin/flows"
ROOT = Path(__file__).resolve().parents[3]


async def test_the_default_flow_is_drawn_in_the_page(web: Web) -> None:
    await login(web.client, "root")
    response = await web.client.get(PAGE)
    assert response.status_code == 200
    assert_strict(response.headers)
    page = response.text
    # The same picture as `sauti flows draw --format svg`, inline: no script, no CDN.
    texts = source_texts(ROOT / "locales")
    drawing = svg(load("distress", ROOT / "flows"), element_id="flow-diagram", texts=texts)
    assert drawing.split("\n", 1)[1] in page
    assert "<script" not in page.split("</head>", 1)[1]
    assert 'role="region"' in page and 'tabindex="0"' in page  # keyboard can scroll it
    # Beside it, the steps in words for those who cannot see the picture.
    assert re.search(r"<strong>safety</strong>.*?then urgent.*?if safety = danger_now", page, re.S)
    assert "Are you in danger right now?" in page  # what the step says, in words


async def test_the_flow_check_and_every_language_are_shown(web: Web) -> None:
    await login(web.client, "root")
    page = (await web.client.get(PAGE)).text
    assert "No errors: the bot can run these flows." in page
    assert "checked: 0 error(s)" in page
    for tag in ("en", "fr", "ar", "ary", "ary-Latn", "sw", "am", "ti", "so"):
        row = re.search(rf'<tr data-locale="{tag}">.*?</tr>', page, re.S)
        assert row, tag
        assert language_name(tag) in row.group(0)
        assert "complete" in row.group(0)
    sw = re.search(r'<tr data-locale="sw">.*?</tr>', page, re.S)
    assert sw and "draft, for a native speaker to review" in sw.group(0)
    fr = re.search(r'<tr data-locale="fr">.*?</tr>', page, re.S)
    assert fr and "reviewed" in fr.group(0)


@pytest.fixture
async def broken(settings: Settings, db: Database, tmp_path: Path) -> AsyncIterator[Web]:
    """A copy of the flows and locales where the flow is broken and Swahili lacks a message."""
    flows, locales = tmp_path / "flows", tmp_path / "locales"
    shutil.copytree(ROOT / "flows", flows)
    shutil.copytree(ROOT / "locales", locales)
    text = (flows / "distress.yaml").read_text(encoding="utf-8")
    (flows / "distress.yaml").write_text(text.replace("goto: urgent", "goto: nowhere"), "utf-8")
    sw = locales / "sw" / "bot.ftl"
    sw.write_text(re.sub(r"(?m)^done-prompt =.*\n(?:[ \t]+.*\n)*", "", sw.read_text("utf-8")))
    demo = settings.model_copy(update={"demo": True, "flows_dir": flows, "locales_dir": locales})
    async with running_app(demo) as client:
        rt = runtime(client)
        yield Web(client=client, rt=rt, users=await seed(rt))


async def test_a_broken_flow_and_an_incomplete_language_are_explained_not_a_500(
    broken: Web,
) -> None:
    await login(broken.client, "root")
    response = await broken.client.get(PAGE)
    assert response.status_code == 200
    page = response.text
    assert "cannot be read, so it cannot be drawn" in page
    assert "The check found errors" in page and "nowhere" in page
    sw = re.search(r'<tr data-locale="sw">.*?</tr>', page, re.S)
    assert sw and "problem" in sw.group(0) and "done-prompt" in sw.group(0)


async def test_caseworkers_are_refused(web: Web) -> None:
    await login(web.client, "amina")
    response = await web.client.get(PAGE)
    assert response.status_code == 403 and "for admins only" in response.text.lower()
