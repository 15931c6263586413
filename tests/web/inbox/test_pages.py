"""The case list and the case page: what a caseworker sees, and what they never see."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from bot.store.models import Case, Message, Note
from tests.web.inbox.support import HOSTILE, Web, csrf_of, login, make_case


def order_of_cases(html: str) -> list[str]:
    return re.findall(r'data-case="([A-Z0-9-]+)"', html)


async def test_the_list_shows_the_team_s_cases_urgent_first(web: Web) -> None:
    normal = await make_case(web.rt, priority="normal", minutes_ago=1)
    urgent = await make_case(web.rt, priority="urgent", minutes_ago=50)
    high = await make_case(web.rt, priority="high", minutes_ago=5)
    other_team = await make_case(web.rt, team="morocco", priority="urgent")
    await login(web.client, "amina")
    page = await web.client.get("/inbox")
    assert order_of_cases(page.text) == [urgent, high, normal]
    assert other_team not in page.text
    # The unclaimed urgent case stands out, and the counter says so.
    item = re.search(rf'<li class="([^"]+)" data-case="{urgent}"', page.text)
    assert item and "unclaimed-urgent" in item.group(1)
    assert "3 open" in page.text and "1 urgent unclaimed" in page.text


async def test_filters_narrow_the_list(web: Web) -> None:
    urgent = await make_case(web.rt, priority="urgent")
    normal = await make_case(web.rt, priority="normal")
    resolved = await make_case(web.rt, priority="high", status="resolved")
    await login(web.client, "amina")
    page = await web.client.get("/inbox?priority=normal")
    assert order_of_cases(page.text) == [normal]
    page = await web.client.get("/inbox?status=resolved")
    assert order_of_cases(page.text) == [resolved]
    fragment = await web.client.get("/inbox/fragments/cases?status=all")
    assert set(order_of_cases(fragment.text)) == {urgent, normal, resolved}
    assert "<html" not in fragment.text


async def test_the_case_page_shows_what_we_know(web: Web) -> None:
    case_id = await make_case(
        web.rt,
        answers={"consent": "yes", "safety": "danger_now", "passport": "held_by_employer"},
        location={
            "latitude": 32.8872,
            "longitude": 13.1913,
            "place": "Tripoli",
            "country_code": "LY",
            "text": "trablus",
        },
    )
    await login(web.client, "amina")
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert page.status_code == 200
    html = page.text
    assert "held by employer" in html
    assert "Tripoli" in html and "LY" in html and "32.88720, 13.19130" in html
    assert "https://www.openstreetmap.org/?mlat=32.88720&amp;mlon=13.19130" in html
    assert "danger now" in html  # the rule that fired
    assert "safe to message first" in html
    assert "help me please" in html
    assert "Open: you can write freely" in html
    assert 'id="claim"' in html


async def test_a_resolved_case_says_so_where_the_actions_were(web: Web) -> None:
    case_id = await make_case(web.rt, status="resolved")
    await login(web.client, "amina")
    page = (await web.client.get(f"/inbox/cases/{case_id}")).text
    actions = page.split('aria-label="Actions">', 1)[1].split("</section>", 1)[0]
    assert "Resolved" in actions and "a new case opens" in actions  # not an empty card
    assert 'id="claim"' not in page


async def test_languages_are_shown_by_name_not_by_code(web: Web) -> None:
    case_id = await make_case(web.rt, language="ary-Latn")
    await login(web.client, "amina")
    listed = (await web.client.get("/inbox")).text
    page = (await web.client.get(f"/inbox/cases/{case_id}")).text
    for html in (listed, page):
        assert "Moroccan Darija (Latin letters)" in html
        assert "· ary-Latn" not in html


async def test_another_team_s_case_is_not_found_anywhere(web: Web) -> None:
    case_id = await make_case(web.rt, team="morocco")
    await login(web.client, "amina")
    assert (await web.client.get(f"/inbox/cases/{case_id}")).status_code == 404
    for part in ("summary", "transcript"):
        response = await web.client.get(f"/inbox/cases/{case_id}/{part}")
        assert response.status_code == 404, part
    csrf = csrf_of((await web.client.get("/inbox")).text)
    for action in ("claim", "release", "notes", "reply", "resolve"):
        response = await web.client.post(
            f"/inbox/cases/{case_id}/{action}",
            data={"csrf": csrf, "text": "x", "outcome": "referred"},
        )
        assert response.status_code == 404, action
    async with web.rt.db.session() as s:
        case = await s.get(Case, case_id)
    assert case is not None and case.status == "open"
    # An admin sees every team's cases.
    await login(web.client, "root")
    assert (await web.client.get(f"/inbox/cases/{case_id}")).status_code == 200


async def test_hostile_text_is_shown_as_text(web: Web) -> None:
    case_id = await make_case(
        web.rt,
        name=HOSTILE,
        text=HOSTILE,
        answers={"agency": HOSTILE},
        location={"text": HOSTILE, "place": HOSTILE},
    )
    await login(web.client, "amina")
    pages = [
        await web.client.get("/inbox"),
        await web.client.get(f"/inbox/cases/{case_id}"),
        await web.client.get(f"/inbox/cases/{case_id}/transcript"),
        await web.client.get(f"/inbox/cases/{case_id}/summary"),
    ]
    for page in pages:
        assert "<script>alert(1)" not in page.text
        assert "<img src=x" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


async def claim(web: Web, case_id: str) -> str:
    page = await web.client.get(f"/inbox/cases/{case_id}")
    csrf = csrf_of(page.text)
    response = await web.client.post(f"/inbox/cases/{case_id}/claim", data={"csrf": csrf})
    assert response.status_code == 303
    return csrf


async def test_claim_reply_note_and_resolve(web: Web) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "You have the case" in page.text
    assert 'id="reply-text"' in page.text and "Hand back to the bot" in page.text

    reply = await web.client.post(
        f"/inbox/cases/{case_id}/reply",
        data={"csrf": csrf, "text": "We are here. Are you safe? " + HOSTILE, "client_key": "k1"},
    )
    assert reply.status_code == 303
    assert reply.headers["location"].endswith("#composer")
    note = await web.client.post(
        f"/inbox/cases/{case_id}/notes", data={"csrf": csrf, "text": "Called the embassy"}
    )
    assert note.status_code == 303

    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "We are here. Are you safe?" in page.text
    assert "<script>alert(1)" not in page.text
    assert 'aria-label="queued"' in page.text  # the delivery tick of a message not sent yet
    assert "Called the embassy" in page.text

    await web.client.post(
        f"/inbox/cases/{case_id}/resolve", data={"csrf": csrf, "outcome": "referred"}
    )
    async with web.rt.db.session() as s:
        case = await s.get(Case, case_id)
        sent = (await s.execute(select(Message).where(Message.author == "caseworker"))).scalars()
        notes = (await s.execute(select(Note))).scalars().all()
    assert case is not None and (case.status, case.outcome) == ("resolved", "referred")
    assert len(list(sent)) == 1 and len(notes) == 1


async def test_a_double_submitted_reply_is_sent_once(web: Web) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    for _ in range(2):
        await web.client.post(
            f"/inbox/cases/{case_id}/reply",
            data={"csrf": csrf, "text": "hello", "client_key": "same"},
        )
    async with web.rt.db.session() as s:
        rows = (await s.execute(select(Message).where(Message.author == "caseworker"))).all()
    assert len(rows) == 1


async def test_refusals_come_back_as_a_message_on_the_page(web: Web) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    csrf = csrf_of((await web.client.get(f"/inbox/cases/{case_id}")).text)
    response = await web.client.post(
        f"/inbox/cases/{case_id}/reply", data={"csrf": csrf, "text": "hi"}
    )
    assert response.status_code == 303
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "Claim the case first." in page.text
    # Shown once only.
    assert "Claim the case first." not in (await web.client.get(f"/inbox/cases/{case_id}")).text


async def test_the_window_closed_reason_is_explained(web: Web) -> None:
    case_id = await make_case(web.rt, minutes_ago=60 * 30)
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "Closed: only an approved template" in page.text
    await web.client.post(f"/inbox/cases/{case_id}/reply", data={"csrf": csrf, "text": "hi"})
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "More than 24 hours have passed" in page.text


async def test_canned_replies_are_previewed_in_both_languages(web: Web) -> None:
    case_id = await make_case(web.rt)
    async with web.rt.db.session() as s, s.begin():
        case = await s.get(Case, case_id)
        assert case is not None
        from bot.store.models import Conversation

        conv = await s.get(Conversation, case.conversation_id)
        assert conv is not None
        conv.language = "fr"
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    page = await web.client.get(f"/inbox/cases/{case_id}")
    canned = re.findall(r'data-canned="([^"]+)"', page.text)
    assert canned, "flows/replies.yaml offers canned replies"
    assert "In your language:" in page.text
    response = await web.client.post(
        f"/inbox/cases/{case_id}/reply",
        data={"csrf": csrf, "canned": canned[0], "client_key": "c1"},
    )
    assert response.status_code == 303
    async with web.rt.db.session() as s:
        sent = (await s.execute(select(Message).where(Message.author == "caseworker"))).scalars()
        assert len(list(sent)) == 1


async def test_release_hands_the_chat_back(web: Web) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    response = await web.client.post(f"/inbox/cases/{case_id}/release", data={"csrf": csrf})
    assert response.status_code == 303
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "Handed back to the bot." in page.text and 'id="claim"' in page.text


async def test_someone_else_s_claim_is_respected(web: Web) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    await claim(web, case_id)
    async with web.rt.db.session() as s, s.begin():
        from bot.accounts import add_user

        await add_user(s, "bilal", ["libya"], password="bilal password 1")
    await login(web.client, "bilal", "bilal password 1")
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "Claimed by amina." in page.text
    assert 'id="reply-text"' not in page.text


async def test_delivery_ticks_and_failure_reasons(web: Web) -> None:
    case_id = await make_case(web.rt)
    async with web.rt.db.session() as s, s.begin():
        case = await s.get(Case, case_id)
        assert case is not None
        for n, (state, error) in enumerate(
            [
                ("queued", None),
                ("sent", None),
                ("delivered", None),
                ("read", None),
                ("failed", "window closed: more than 24 hours since the person last wrote"),
            ]
        ):
            s.add(
                Message(
                    conversation_id=case.conversation_id,
                    direction="out",
                    author="bot",
                    kind="text",
                    text=f"message {n}",
                    state=state,
                    error=error,
                )
            )
    await login(web.client, "amina")
    html = (await web.client.get(f"/inbox/cases/{case_id}/transcript")).text
    ticks = re.findall(
        r'<span class="tick (tick-[a-z]+)" title="[a-z]+" aria-label="([a-z]+)">'
        r"([^<]+)</span>",
        html,
    )
    assert ticks == [
        ("tick-queued", "queued", "⏱"),
        ("tick-sent", "sent", "✓"),
        ("tick-delivered", "delivered", "✓✓"),
        ("tick-read", "read", "✓✓"),
        ("tick-failed", "failed", "✗"),
    ]
    assert "window closed: more than 24 hours" in html


async def caseworker_texts_and_conversation(web: Web, case_id: str) -> tuple[list[str], Any]:
    """What caseworkers sent in the case, and its conversation as stored now."""
    from bot.store.models import Conversation

    async with web.rt.db.session() as s:
        sent = (await s.execute(select(Message).where(Message.author == "caseworker"))).scalars()
        case = await s.get(Case, case_id)
        assert case is not None
        return [m.text for m in sent], await s.get(Conversation, case.conversation_id)


async def test_the_embassy_reply_waits_for_her_consent_and_the_inbox_asks_for_it(
    web: Web,
) -> None:
    case_id = await make_case(web.rt)
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert 'data-canned="contacting-embassy"' not in page.text  # no send button for it
    assert 'data-consent="embassy"' in page.text
    assert "Nothing may be shared with anyone outside the team" in page.text
    # Posted anyway (an old page): refused with a clear reason, nothing sent.
    await web.client.post(
        f"/inbox/cases/{case_id}/reply",
        data={"csrf": csrf, "canned": "contacting-embassy", "client_key": "e1"},
    )
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "has not agreed that we contact the embassy" in page.text
    response = await web.client.post(
        f"/inbox/cases/{case_id}/consent", data={"csrf": csrf, "recipient": "embassy"}
    )
    assert response.status_code == 303
    texts, conv = await caseworker_texts_and_conversation(web, case_id)
    assert texts == [web.rt.catalogs.format("en", "share-embassy-prompt")]
    assert conv is not None and conv.state["share_asked"] == "embassy"


async def test_resolve_can_send_a_closing_reply_and_the_bot_asks_nothing_more(web: Web) -> None:
    case_id = await make_case(web.rt)
    async with web.rt.db.session() as s, s.begin():
        from bot.store.models import Conversation

        made = await s.get(Case, case_id)
        assert made is not None
        asking = await s.get(Conversation, made.conversation_id)
        assert asking is not None
        asking.state = {"flow": "distress", "step": "passport", "lang": "en", "answers": {}}
    await login(web.client, "amina")
    csrf = await claim(web, case_id)
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert 'name="closing"' in page.text
    assert '<option value="contacting-embassy">' not in page.text  # needs consent: not offered
    await web.client.post(
        f"/inbox/cases/{case_id}/resolve",
        data={"csrf": csrf, "outcome": "assisted", "closing": "call-later"},
    )
    page = await web.client.get(f"/inbox/cases/{case_id}")
    assert "Case resolved: the bot asks nothing more." in page.text
    texts, conv = await caseworker_texts_and_conversation(web, case_id)
    assert texts == [web.rt.catalogs.format("en", "canned-call-later")]
    assert conv is not None and conv.state["ended"] == "resolved"
