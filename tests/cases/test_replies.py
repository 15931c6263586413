"""Canned replies and WhatsApp templates, as NGO staff write them in flows/."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cases.errors import BadRequest
from bot.cases.replies import canned_replies, fitting_templates, load_templates, render_canned
from bot.i18n.catalog import Catalogs
from tests.conftest import ROOT

FLOWS = ROOT / "flows"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs(ROOT / "locales")


def test_every_canned_reply_has_a_text_in_english(catalogs: Catalogs) -> None:
    replies = canned_replies(catalogs, "en", "en", flows_dir=FLOWS)
    assert [r["id"] for r in replies][:2] == ["received", "safe-to-talk"]
    assert all(r["text"] and r["message_id"].startswith("canned-") for r in replies)


def test_the_person_reads_their_language_the_caseworker_theirs(catalogs: Catalogs) -> None:
    [first, *_] = canned_replies(catalogs, "fr", "en", flows_dir=FLOWS)
    assert first["text"] == catalogs.format("fr", "canned-received")
    assert first["preview"] == catalogs.format("en", "canned-received")
    assert first["lang"] == "fr"


def test_without_a_replies_file_every_canned_message_is_offered(
    catalogs: Catalogs, tmp_path: Path
) -> None:
    replies = canned_replies(catalogs, "en", "en", flows_dir=tmp_path)
    assert {"received", "call-later"} <= {r["id"] for r in replies}
    with pytest.raises(BadRequest):
        render_canned(catalogs, tmp_path, "unknown", "en")


def test_templates_map_our_languages_to_approved_codes() -> None:
    templates = load_templates(FLOWS)
    check_in = templates["sauti_check_in"]
    assert check_in.code_for("ary") == "ar_MA"
    assert check_in.code_for("ti") == "en"  # no Tigrinya template on WhatsApp: the fallback
    assert templates["sauti_case_update"].fill({"case_id": "ABCD-2345"}) == ["ABCD-2345"]
    for template in templates.values():
        assert template.category == "utility"  # never marketing to a person in danger
        assert template.preview.count("{{") == len(template.params)


def test_the_templates_meant_for_the_cases_priority_come_first() -> None:
    urgent = fitting_templates(FLOWS, language="sw", priority="urgent")
    normal = fitting_templates(FLOWS, language="sw", priority="normal")
    assert urgent[0]["name"] == "sauti_check_in"
    assert normal[0]["name"] != "sauti_check_in"
    assert all(t["language"] == "sw" for t in urgent)
