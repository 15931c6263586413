"""The inbox pages of groups (issue #10): the "Probably linked" panel of a case, groups at a
glance, one update to everyone in their own language, and patterns for admins."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import timedelta

import httpx
from sqlalchemy import select

from bot.groups.patterns import CSV_COLUMNS
from bot.store.models import (
    Case,
    CaseLink,
    Conversation,
    GroupDelivery,
    GroupMember,
    GroupUpdate,
    Outbox,
    utcnow,
)
from bot.web.inbox.groups.chart import bar_chart
from tests.groups.support import person
from tests.web.inbox.support import HOSTILE, Web, csrf_of, login, make_case

ANY_TIME = {"safe_to_message_first": True, "safe_hours": "any"}
NEVER = {"safe_to_message_first": False, "safe_hours": None}
HX = {"HX-Request": "true"}


def text_of(response: httpx.Response) -> str:
    """The page as a reader sees it (entities decoded), for sentences with quotes."""
    return html.unescape(response.text)


async def csrf(web: Web, path: str = "/inbox/groups") -> str:
    page = await web.client.get(path)
    assert page.status_code == 200, page.text
    return csrf_of(page.text)


async def new_group(web: Web, name: str, case_ids: list[str]) -> int:
    """Create a group through the form on /inbox/groups; returns its id."""
    made = await web.client.post(
        "/inbox/groups",
        data={"csrf": await csrf(web), "name": name, "case_ids": ", ".join(case_ids)},
    )
    assert made.status_code == 303, made.text
    found = re.fullmatch(r"/inbox/groups/(\d+)", made.headers["location"])
    assert found, made.headers["location"]
    return int(found.group(1))


async def house(web: Web) -> dict[str, Case]:
    """Women of one house in six languages on three platforms; three cannot be reached now."""
    now = utcnow()
    rt = web.rt
    stopped = await person(rt, language="ti", last_inbound=now - timedelta(minutes=5))
    async with rt.db.session() as s, s.begin():
        conv = await s.get(Conversation, stopped.conversation_id)
        assert conv is not None
        conv.state = {"ended": "stopped"}  # she wrote STOP
    return {
        "ti": stopped,
        "sw": await person(
            rt, language="sw", name="Achieng", last_inbound=now - timedelta(hours=1)
        ),
        "ar": await person(rt, channel="messenger", language="ar", name="Fatma", last_inbound=now),
        "fr": await person(rt, channel="instagram", language="fr", name="Mariam", last_inbound=now),
        # WhatsApp, three days since she wrote: only a template could reach her.
        "am": await person(
            rt, language="am", name="Tigist", last_inbound=now - timedelta(days=3), prefs=ANY_TIME
        ),
        # Asked not to be written to first, and has not written for three days.
        "so": await person(
            rt,
            channel="messenger",
            language="so",
            name="Hodan",
            last_inbound=now - timedelta(days=3),
            prefs=NEVER,
        ),
    }


async def outbox_text(web: Web, case: Case) -> str:
    """Everything queued for this person, as one string."""
    async with web.rt.db.session() as s:
        rows = (
            await s.execute(select(Outbox).where(Outbox.conversation_id == case.conversation_id))
        ).scalars()
        return json.dumps([row.body for row in rows], ensure_ascii=False)


# --- who sees what ----------------------------------------------------------------------


async def test_group_pages_show_to_the_team_and_admins_and_are_not_found_for_others(
    web: Web,
) -> None:
    now = utcnow()
    a = await person(
        web.rt,
        answers={"safety": "not_safe", "passport": "held_by_employer"},
        created_at=now - timedelta(hours=3),
    )
    b = await person(web.rt, language="sw", created_at=now - timedelta(hours=2))
    await login(web.client, "amina")
    group_id = await new_group(web, "Tripoli house", [a.id, b.id.lower()])

    listed = await web.client.get("/inbox/groups")
    assert f'href="/inbox/groups/{group_id}"' in listed.text and "Tripoli house" in listed.text
    page = await web.client.get(f"/inbox/groups/{group_id}")
    assert page.status_code == 200
    assert re.findall(r'data-member="([A-Z0-9-]+)"', page.text) == [a.id, b.id]
    # At a glance: masked id, channel, language, safety and passport; never a name.
    assert "+254•••••••" in page.text and "whatsapp" in page.text and "Swahili" in page.text
    assert "not safe" in page.text and "held by employer" in page.text
    assert not re.search(r"Person\d", page.text)  # the names person() gives
    fragment = await web.client.get(f"/inbox/groups/{group_id}/members", headers=HX)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'data-member="' + a.id in fragment.text

    # A caseworker of another team: not found, on every page and form, and not listed.
    await login(web.client, "omar")
    token = await csrf(web)
    assert f"/inbox/groups/{group_id}" not in (await web.client.get("/inbox/groups")).text
    assert (await web.client.get(f"/inbox/groups/{group_id}")).status_code == 404
    assert (
        await web.client.get(f"/inbox/groups/{group_id}/members", headers=HX)
    ).status_code == 404
    for path, data in (
        (f"/inbox/groups/{group_id}/members", {"case_ids": a.id}),
        (f"/inbox/groups/{group_id}/members/{a.id}/remove", {}),
        (f"/inbox/groups/{group_id}/updates", {"canned": "stay-put"}),
    ):
        response = await web.client.post(path, data={"csrf": token, **data})
        assert response.status_code == 404, path
    assert (await web.client.get(f"/inbox/cases/{a.id}/links", headers=HX)).status_code == 404
    assert (await web.client.get(f"/inbox/cases/{a.id}/links")).status_code == 404
    async with web.rt.db.session() as s:
        assert (await s.execute(select(GroupUpdate))).first() is None
        count = len((await s.execute(select(GroupMember))).all())
    assert count == 2

    # An admin sees every group.
    await login(web.client, "root")
    assert (await web.client.get(f"/inbox/groups/{group_id}")).status_code == 200


async def test_the_header_links_groups_for_everyone_and_patterns_for_admins(web: Web) -> None:
    await login(web.client, "amina")
    page = (await web.client.get("/inbox")).text
    assert 'href="/inbox/groups"' in page and 'href="/inbox/patterns"' not in page
    await login(web.client, "root")
    page = (await web.client.get("/inbox")).text
    assert 'href="/inbox/groups"' in page and 'href="/inbox/patterns"' in page


async def test_forms_need_the_session_s_csrf_token(web: Web) -> None:
    a = await person(web.rt)
    b = await person(web.rt, answers={"agency": "x"})
    await login(web.client, "amina")
    group_id = await new_group(web, "house", [a.id])
    for path, data in (
        ("/inbox/groups", {"name": "x", "case_ids": a.id}),
        (f"/inbox/groups/{group_id}/members", {"case_ids": b.id}),
        (f"/inbox/groups/{group_id}/members/{a.id}/remove", {}),
        (f"/inbox/groups/{group_id}/updates", {"canned": "stay-put"}),
        (f"/inbox/cases/{a.id}/links", {"other_case_id": b.id, "decision": "confirm"}),
        (f"/inbox/cases/{a.id}/group", {"name": "y"}),
    ):
        for token in (None, "forged"):
            sent = dict(data) if token is None else {**data, "csrf": token}
            response = await web.client.post(path, data=sent)
            assert response.status_code == 403, (path, token)
    async with web.rt.db.session() as s:
        assert (await s.execute(select(GroupUpdate))).first() is None
        assert (await s.execute(select(CaseLink))).first() is None
        members = (await s.execute(select(GroupMember.case_id))).scalars().all()
    assert members == [a.id]


# --- probably linked --------------------------------------------------------------------


async def test_the_case_page_suggests_linked_cases_with_reasons_to_confirm_or_reject(
    web: Web,
) -> None:
    rt = web.rt
    now = utcnow()
    pin = {"latitude": 32.3754, "longitude": 15.0925, "place": "Misrata", "country_code": "LY"}
    mine = await person(
        rt, name="Achieng", answers={"agency": "Al Amal Recruitment"}, location=pin,
        created_at=now - timedelta(hours=3),
    )  # fmt: skip
    same_agency = await person(
        rt, name="Wanjiru", answers={"agency": "alamal recruitment"},
        created_at=now - timedelta(hours=2),
    )  # fmt: skip
    near = await person(
        rt, location={**pin, "latitude": 32.3862}, created_at=now - timedelta(hours=1)
    )
    other_team = await person(
        rt, team="morocco", answers={"agency": "Al Amal Recruitment"}, created_at=now
    )
    await login(web.client, "amina")

    case_page = await web.client.get(f"/inbox/cases/{mine.id}")
    assert f'hx-get="/inbox/cases/{mine.id}/links"' in case_page.text
    assert f'href="/inbox/cases/{mine.id}/links"' in case_page.text  # without JavaScript
    panel = await web.client.get(f"/inbox/cases/{mine.id}/links", headers=HX)
    assert panel.status_code == 200 and "<html" not in panel.text
    shown = text_of(panel)
    assert re.findall(r'data-suggested="([A-Z0-9-]+)"', panel.text) == [same_agency.id, near.id]
    assert "same agency: 'Al Amal Recruitment' ≈ 'alamal recruitment'" in shown
    assert "1.2 km apart" in shown
    assert other_team.id not in panel.text
    assert "Wanjiru" not in panel.text and "+254•••••••" in panel.text  # masked ids, no names
    whole = await web.client.get(f"/inbox/cases/{mine.id}/links")
    assert "<html" in whole.text and "Al Amal Recruitment" in text_of(whole)

    token = csrf_of(case_page.text)
    confirmed = await web.client.post(
        f"/inbox/cases/{mine.id}/links",
        data={"csrf": token, "other_case_id": same_agency.id, "decision": "confirm"},
    )
    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == f"/inbox/cases/{mine.id}#linked"
    rejected = await web.client.post(
        f"/inbox/cases/{mine.id}/links",
        data={"csrf": token, "other_case_id": near.id, "decision": "reject", "where": "links"},
    )
    assert rejected.headers["location"] == f"/inbox/cases/{mine.id}/links"
    async with rt.db.session() as s:
        decided = {
            (link.case_a, link.case_b): link.decision
            for link in (await s.execute(select(CaseLink))).scalars()
        }
    assert decided == {
        tuple(sorted((mine.id, same_agency.id))): "confirmed",
        tuple(sorted((mine.id, near.id))): "rejected",
    }
    panel = await web.client.get(f"/inbox/cases/{mine.id}/links", headers=HX)
    assert re.findall(r'data-suggested="([A-Z0-9-]+)"', panel.text) == []
    assert re.findall(r'data-confirmed="([A-Z0-9-]+)"', panel.text) == [same_agency.id]
    flash = (await web.client.get(f"/inbox/cases/{mine.id}")).text
    assert "marked as not linked" in flash

    # Another team's case cannot be linked, nor even named.
    refused = await web.client.post(
        f"/inbox/cases/{mine.id}/links",
        data={"csrf": token, "other_case_id": other_team.id, "decision": "confirm"},
    )
    assert refused.status_code == 404


async def test_a_case_and_its_confirmed_links_go_into_a_new_or_existing_group(web: Web) -> None:
    a = await person(web.rt, answers={"agency": "Al Amal Recruitment"})
    b = await person(web.rt, answers={"agency": "alamal recruitment"})
    c = await person(web.rt)
    await login(web.client, "amina")
    token = await csrf(web, f"/inbox/cases/{a.id}")
    await web.client.post(
        f"/inbox/cases/{a.id}/links",
        data={"csrf": token, "other_case_id": b.id, "decision": "confirm"},
    )
    panel = await web.client.get(f"/inbox/cases/{a.id}/links", headers=HX)
    assert f'name="also" value="{b.id}" checked' in panel.text

    made = await web.client.post(
        f"/inbox/cases/{a.id}/group", data={"csrf": token, "name": "Misrata house", "also": b.id}
    )
    assert made.status_code == 303
    group_id = int(made.headers["location"].rsplit("/", 1)[1])
    existing = await new_group(web, "Al Amal", [c.id])
    panel = await web.client.get(f"/inbox/cases/{a.id}/links", headers=HX)
    assert f'href="/inbox/groups/{group_id}"' in panel.text  # "In Misrata house"
    assert f'<option value="{existing}">' in panel.text
    added = await web.client.post(
        f"/inbox/cases/{a.id}/group", data={"csrf": token, "group_id": str(existing)}
    )
    assert added.headers["location"] == f"/inbox/groups/{existing}"
    async with web.rt.db.session() as s:
        rows = (await s.execute(select(GroupMember.group_id, GroupMember.case_id))).all()
    assert sorted(rows) == sorted(
        [(group_id, a.id), (group_id, b.id), (existing, c.id), (existing, a.id)]
    )
    # A group needs a name: said on the case page, nothing made.
    nameless = await web.client.post(f"/inbox/cases/{a.id}/group", data={"csrf": token})
    assert nameless.headers["location"] == f"/inbox/cases/{a.id}#linked"
    assert "A group needs a name." in (await web.client.get(f"/inbox/cases/{a.id}")).text


async def test_a_long_list_of_suggestions_shows_the_surest_first_and_folds_the_rest(
    web: Web,
) -> None:
    now = utcnow()
    mine = await person(web.rt, answers={"agency": "Al Amal Recruitment"}, created_at=now)
    for i in range(11):
        await person(
            web.rt, answers={"agency": "alamal recruitment"}, created_at=now - timedelta(hours=i)
        )
    await login(web.client, "amina")
    panel = (await web.client.get(f"/inbox/cases/{mine.id}/links", headers=HX)).text
    shown, folded = panel.split('class="more-links"')
    assert len(re.findall(r"data-suggested=", shown)) == 8
    assert len(re.findall(r"data-suggested=", folded)) == 3 and "3 more suggestions" in folded
    assert len(re.findall(r'name="csrf" value="[^"]+"', shown)) >= 8  # every form can post


# --- one update to everyone -------------------------------------------------------------


async def test_a_canned_update_reaches_each_member_in_their_language_and_shows_who_was_skipped(
    web: Web,
) -> None:
    people = await house(web)
    ids = [c.id for c in people.values()]
    await login(web.client, "amina")
    group_id = await new_group(web, "Tripoli house, 31 women", ids[:2])
    page = await web.client.get(f"/inbox/groups/{group_id}")
    added = await web.client.post(
        f"/inbox/groups/{group_id}/members",
        data={"csrf": csrf_of(page.text), "case_ids": " ".join(ids[2:])},
    )
    assert added.status_code == 303
    page = await web.client.get(f"/inbox/groups/{group_id}")
    assert "Added 4 cases." in page.text
    assert "<strong>3 of 6</strong>" in page.text  # who can get an update right now
    # The canned reply, as each member will read it.
    catalogs = web.rt.catalogs
    for lang in ("sw", "ar", "fr", "so"):
        assert catalogs.format(lang, "canned-stay-put") in text_of(page)

    sent = await web.client.post(
        f"/inbox/groups/{group_id}/updates",
        data={"csrf": csrf_of(page.text), "canned": "stay-put", "client_key": "k1"},
    )
    assert sent.status_code == 303
    update_id = int(re.search(r"sent=(\d+)", sent.headers["location"]).group(1))  # type: ignore[union-attr]
    for lang in ("sw", "ar", "fr"):
        queued = await outbox_text(web, people[lang])
        assert catalogs.format(lang, "canned-stay-put") in queued, lang
    for lang in ("am", "so", "ti"):
        assert await outbox_text(web, people[lang]) == "[]", lang

    result = await web.client.get(sent.headers["location"])
    assert "Update queued for 3 people, each on their own. 3 people skipped" in result.text
    block = result.text.split(f'id="update-{update_id}"', 1)[1].split("</details>", 1)[0]
    reaching = re.findall(r'data-recipient="([A-Z0-9-]+)"', block)
    assert sorted(reaching) == sorted(people[lang].id for lang in ("sw", "ar", "fr"))
    skipped = dict(re.findall(r'data-skipped="([A-Z0-9-]+)" data-reason="([a-z_]+)"', block))
    assert skipped == {
        people["am"].id: "window_closed",
        people["so"].id: "not_safe_to_write_first",
        people["ti"].id: "stopped",
    }
    assert "outside the window" in block and "asked not to be messaged first" in block
    assert "wrote STOP" in block
    assert "WhatsApp delivers only an approved template" in block
    assert "untranslated" not in block  # a canned reply is in everyone's language
    members = result.text.split('id="group-members"', 1)[1].split("</table>", 1)[0]
    assert members.count("status-queued") == 3 and members.count("status-skipped") == 3

    # The same form posted twice (a double click) sends once.
    again = await web.client.post(
        f"/inbox/groups/{group_id}/updates",
        data={"csrf": csrf_of(page.text), "canned": "stay-put", "client_key": "k1"},
    )
    assert f"sent={update_id}" in again.headers["location"]
    async with web.rt.db.session() as s:
        assert len((await s.execute(select(GroupUpdate))).all()) == 1
        assert len((await s.execute(select(GroupDelivery))).all()) == 6


async def test_free_text_shows_who_gets_it_untranslated_and_a_member_can_be_removed(
    web: Web,
) -> None:
    now = utcnow()
    en = await person(web.rt, language="en", last_inbound=now, created_at=now - timedelta(hours=2))
    sw = await person(web.rt, language="sw", last_inbound=now, created_at=now - timedelta(hours=1))
    await login(web.client, "amina")
    group_id = await new_group(web, "house", [en.id, sw.id])
    page = await web.client.get(f"/inbox/groups/{group_id}")
    assert "Free text is not translated" in page.text and "(Swahili)" in page.text
    token = csrf_of(page.text)
    sent = await web.client.post(
        f"/inbox/groups/{group_id}/updates",
        data={"csrf": token, "text": "Stay where you are.", "client_key": "t1"},
    )
    result = await web.client.get(sent.headers["location"])
    assert re.findall(r'data-untranslated="([A-Z0-9-]+)"', result.text) == [sw.id]
    assert "Stay where you are." in result.text
    await web.client.post(
        f"/inbox/groups/{group_id}/updates",
        data={"csrf": token, "canned": "received", "client_key": "t3"},
    )
    history = (await web.client.get(f"/inbox/groups/{group_id}")).text.split('id="history"')[1]
    opened = re.findall(r'<details class="update[^"]*" id="update-(\d+)"( open)?>', history)
    assert [bool(is_open) for _id, is_open in opened] == [True, False]  # the newest is open
    assert "canned “received”" in history

    # A message naming a member is refused: everyone would read it.
    refused = await web.client.post(
        f"/inbox/groups/{group_id}/updates",
        data={"csrf": token, "text": f"Case {en.id} is safe", "client_key": "t2"},
    )
    assert refused.headers["location"] == f"/inbox/groups/{group_id}#send"
    assert "names a member of the group" in (await web.client.get(f"/inbox/groups/{group_id}")).text

    removed = await web.client.post(
        f"/inbox/groups/{group_id}/members/{sw.id}/remove", data={"csrf": token}
    )
    assert removed.headers["location"] == f"/inbox/groups/{group_id}"
    page = await web.client.get(f"/inbox/groups/{group_id}")
    assert re.findall(r'data-member="([A-Z0-9-]+)"', page.text) == [en.id]
    assert f"Case {sw.id} left the group." in page.text
    assert sw.id not in page.text.split('id="history"', 1)[1]  # not in the history either


# --- hostile text -----------------------------------------------------------------------


def assert_escaped(response: httpx.Response) -> None:
    assert "<script>alert(1)" not in response.text
    assert "<img src=x" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


async def test_hostile_agency_and_group_names_are_shown_as_text(web: Web) -> None:
    now = utcnow()
    agency = f"Al Amal {HOSTILE}"
    cases = [
        await person(
            web.rt,
            answers={"agency": agency},
            location={"place": HOSTILE, "country_code": "LY"},
            created_at=now - timedelta(hours=i + 1),
        )
        for i in range(3)
    ]
    await login(web.client, "amina")
    group_id = await new_group(web, HOSTILE, [cases[0].id])
    assert_escaped(await web.client.get("/inbox/groups"))
    assert_escaped(await web.client.get(f"/inbox/groups/{group_id}"))  # the flash, the name
    assert_escaped(await web.client.get(f"/inbox/cases/{cases[1].id}/links", headers=HX))
    assert_escaped(await web.client.get(f"/inbox/cases/{cases[1].id}/links"))
    await login(web.client, "root")
    patterns = await web.client.get("/inbox/patterns")
    assert_escaped(patterns)
    # Agency labels are folded spellings; places are shown as the gazetteer (here: the
    # person) wrote them, in the chart's text too.
    charts = "".join(part.split("</svg>", 1)[0] for part in patterns.text.split("<svg")[1:])
    assert "&lt;script&gt;" in charts and "<script" not in charts
    assert " style=" not in patterns.text  # the CSP forbids style attributes


# --- patterns ---------------------------------------------------------------------------


async def patterns_seed(web: Web) -> list[Case]:
    """Four people named one agency in three spellings, and three were in Misrata."""
    now = utcnow()
    misrata = {"place": "Misrata", "country_code": "LY", "latitude": 32.37, "longitude": 15.09}
    spellings = ["Al Amal Recruitment", "alamal recruitment", "Al-Amal Recruitment", "al amal"]
    made = []
    for i, spelling in enumerate(spellings):
        made.append(
            await person(
                web.rt,
                name=f"Wanjiru{i}",
                answers={"agency": spelling},
                location=misrata if i < 3 else None,
                created_at=now - timedelta(days=10 + i),
            )
        )
    # Long ago: only in the year's view.
    for i in range(3):
        await person(
            web.rt, answers={"agency": "Sahara Jobs"}, created_at=now - timedelta(days=200 + i)
        )
    return made


async def test_patterns_are_for_admins_with_a_table_a_chart_and_a_csv(web: Web) -> None:
    made = await patterns_seed(web)
    await login(web.client, "amina")
    assert (await web.client.get("/inbox/patterns")).status_code == 403
    assert (await web.client.get("/inbox/patterns.csv")).status_code == 403

    await login(web.client, "root")
    page = await web.client.get("/inbox/patterns?days=30")
    assert page.status_code == 200
    assert '<option value="30" selected>' in page.text
    assert "<svg" in page.text and 'class="chart-bar"' in page.text
    agencies = page.text.split('id="agencies-title"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"<th scope=\"row\" dir=\"auto\">[^<]*Amal[^<]*</th><td>LY</td>"
                     r"<td class=\"num\">4</td>", agencies)  # fmt: skip
    assert "Sahara" not in agencies
    assert "Misrata" in page.text.split('id="places-title"', 1)[1]
    assert 'href="/inbox/patterns.csv?days=30"' in page.text
    year = await web.client.get("/inbox/patterns?days=365")
    assert "Sahara Jobs" in year.text
    assert '<option value="90" selected>' in (await web.client.get("/inbox/patterns?days=7")).text

    exported = await web.client.get("/inbox/patterns.csv?days=365")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert exported.headers["content-disposition"].startswith("attachment;")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert {(r["kind"], r["count"]) for r in rows} >= {("agency", "4"), ("agency", "3")}
    async with web.rt.db.session() as s:
        convs = (await s.execute(select(Conversation))).scalars().all()
    personal = [c.contact_name for c in convs] + [c.contact_ref for c in convs]
    personal += [c.masked_id for c in convs] + [c.id for c in made]
    for value in personal:
        assert value and value not in exported.text, value
    # The same CSV as the API gives.
    assert exported.text.splitlines()[0] == ",".join(CSV_COLUMNS)


async def test_an_admin_without_team_cases_still_reaches_groups_pages(web: Web) -> None:
    """The list page works for anyone signed in, and asks anyone else to sign in."""
    web.client.cookies.clear()
    for path in ("/inbox/groups", "/inbox/patterns", "/inbox/patterns.csv"):
        response = await web.client.get(path)
        assert response.status_code == 303 and "/inbox/login" in response.headers["location"]
    case_id = await make_case(web.rt)
    await login(web.client, "root")
    assert (await web.client.get("/inbox/groups")).status_code == 200
    assert (await web.client.get(f"/inbox/cases/{case_id}/links", headers=HX)).status_code == 200


def test_the_chart_draws_the_largest_count_longest_and_shortens_long_names() -> None:
    chart = bar_chart([("Al Amal Recruitment " * 5, 8), ("Sahara Jobs", 4), ("Tiny", 0)])
    big, half, none = chart.bars
    assert big.length == 600 - 64 and half.length == big.length / 2
    assert none.length > 0  # still visible
    assert len(big.label) <= 44 and big.label.endswith("…") and big.full.startswith("Al Amal")
    assert big.bar_y < half.label_y < half.bar_y < none.label_y
    assert chart.height >= none.bar_y + chart.bar_height
    assert bar_chart([]).bars == [] and len(bar_chart([("x", 1)] * 30).bars) == 10
