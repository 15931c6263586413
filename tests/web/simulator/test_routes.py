"""The phone simulator: messages go through the real pipeline and the replies come back."""

from __future__ import annotations

import json
import re

import httpx
from sqlalchemy import select

from bot.config import Settings
from bot.messages import Inbound
from bot.store.db import Database
from bot.store.models import Conversation, Message, WebhookEvent
from bot.web.simulator import routes
from tests.conftest import running_app
from tests.web.inbox.support import HOSTILE, Web, csrf_of


async def open_phone(client: httpx.AsyncClient) -> str:
    page = await client.get("/simulator")
    assert page.status_code == 200
    return csrf_of(page.text)


async def stored_events(web: Web) -> list[Inbound]:
    async with web.rt.db.session() as s:
        rows = (await s.execute(select(WebhookEvent).order_by(WebhookEvent.id))).scalars()
        return [Inbound.model_validate(i) for r in rows for i in json.loads(r.body)]


async def test_the_page_tells_a_newcomer_what_to_do(web: Web) -> None:
    page = await web.client.get("/simulator")
    assert page.status_code == 200
    assert 'href="/inbox"' in page.text
    assert "sign in as <strong>demo</strong>" in page.text
    assert "Person 1" in page.text
    for place in ("Tripoli", "Tangier", "Oujda", "Sabha", "Agadez", "At sea"):
        assert place in page.text


async def test_a_message_is_stored_as_a_simulator_webhook_event(web: Web) -> None:
    csrf = await open_phone(web.client)
    response = await web.client.post("/simulator/send", data={"csrf": csrf, "text": "salam"})
    assert response.status_code == 303
    [item] = await stored_events(web)
    assert (item.channel, item.kind, item.text) == ("simulator", "text", "salam")
    assert item.contact_name == "Person 1"


async def test_the_bot_answers_in_the_transcript(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "hello " + HOSTILE})
    await web.rt.workers.run_until_idle()
    page = await web.client.get("/simulator/transcript")
    assert page.status_code == 200
    assert "<html" not in page.text  # a fragment
    bubbles = re.findall(r'<div class="bubble-row (in|out)">', page.text)
    assert bubbles[0] == "out"  # the person's own message, on the right
    assert "in" in bubbles  # and the bot's answer, on the left
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert(1)" not in page.text
    assert 'dir="auto"' in page.text


async def test_tapping_a_button_sends_its_id_and_title(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "hi"})
    await web.rt.workers.run_until_idle()
    page = await web.client.get("/simulator/transcript")
    choice = re.search(r'name="choice" value="(\d+):([^"]+)" data-choice="[^"]+"', page.text)
    assert choice, "the bot offers options first"
    response = await web.client.post(
        "/simulator/choose", data={"csrf": csrf, "choice": f"{choice[1]}:{choice[2]}"}
    )
    assert response.status_code == 303
    items = await stored_events(web)
    assert items[-1].kind == "choice" and items[-1].choice_id == choice[2]
    assert items[-1].text


async def test_an_option_that_was_never_offered_is_refused(web: Web) -> None:
    csrf = await open_phone(web.client)
    response = await web.client.post("/simulator/choose", data={"csrf": csrf, "choice": "1:yes"})
    assert response.status_code == 303
    assert await stored_events(web) == []
    assert "That option is not in this chat." in (await web.client.get("/simulator")).text


async def test_locations_from_a_preset_or_typed_coordinates(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/location", data={"csrf": csrf, "preset": "oujda"})
    await web.client.post(
        "/simulator/location", data={"csrf": csrf, "latitude": "27,0377", "longitude": "14.4283"}
    )
    first, second = await stored_events(web)
    assert first.kind == "location" and first.location is not None
    assert (first.location.latitude, first.location.longitude) == (34.6814, -1.9086)
    assert second.location is not None and second.location.latitude == 27.0377


async def test_impossible_coordinates_are_refused(web: Web) -> None:
    csrf = await open_phone(web.client)
    for lat, lon in (("95", "10"), ("north", "10"), ("10", "-181")):
        await web.client.post(
            "/simulator/location", data={"csrf": csrf, "latitude": lat, "longitude": lon}
        )
    assert await stored_events(web) == []


async def test_a_voice_note_is_an_audio_message(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/voice", data={"csrf": csrf})
    [item] = await stored_events(web)
    assert item.kind == "media" and item.media is not None
    assert item.media.kind == "audio" and item.media.voice


async def test_each_simulated_person_is_a_separate_contact(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "one"})
    await web.client.post("/simulator/people", data={"csrf": csrf, "name": "Amina"})
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "two"})
    first, second = await stored_events(web)
    assert first.contact_id != second.contact_id
    assert second.contact_name == "Amina"
    await web.rt.workers.run_until_idle()
    assert "two" in (await web.client.get("/simulator/transcript")).text
    await web.client.post("/simulator/people/switch", data={"csrf": csrf, "index": "0"})
    transcript = (await web.client.get("/simulator/transcript")).text
    assert "one" in transcript and "two" not in transcript
    async with web.rt.db.session() as s:
        convs = (await s.execute(select(Conversation))).scalars().all()
    assert len(convs) == 2


async def test_another_browser_never_sees_these_chats(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "private words"})
    await web.rt.workers.run_until_idle()
    transport = web.client._transport  # the same app, a browser without our cookie
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
        assert "private words" not in (await other.get("/simulator")).text


async def test_forms_without_the_csrf_token_are_refused(web: Web) -> None:
    await open_phone(web.client)
    for path, data in (
        ("/simulator/send", {"text": "hi"}),
        ("/simulator/voice", {}),
        ("/simulator/people", {}),
        ("/simulator/location", {"preset": "sea"}),
    ):
        assert (await web.client.post(path, data=data)).status_code == 403, path
    assert await stored_events(web) == []


async def test_signing_in_to_the_inbox_does_not_break_the_simulator(web: Web) -> None:
    csrf = await open_phone(web.client)
    from tests.web.inbox.support import login

    await login(web.client, "amina")
    response = await web.client.post("/simulator/send", data={"csrf": csrf, "text": "still here"})
    assert response.status_code == 303


async def test_with_htmx_the_post_returns_the_transcript(web: Web, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(routes, "INGEST_WAIT", 0.2)
    csrf = await open_phone(web.client)
    response = await web.client.post(
        "/simulator/send",
        data={"text": "typed"},
        headers={"HX-Request": "true", "X-CSRF-Token": csrf},
    )
    assert response.status_code == 200
    assert "<html" not in response.text


async def test_the_stream_names_the_transcript(web: Web, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(routes, "STREAM_SECONDS", 0.3)
    response = await web.client.get("/simulator/events")
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "event: transcript" in response.text


async def test_the_simulator_is_off_in_production(settings: Settings, db: Database) -> None:
    production = settings.model_copy(update={"demo": False, "simulator": False})
    async with running_app(production) as client:
        assert (await client.get("/simulator")).status_code == 404


async def test_only_delivered_replies_show(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "hi"})
    await web.rt.workers.inbound_once()  # the bot has answered, the outbox has not run
    async with web.rt.db.session() as s:
        queued = (await s.execute(select(Message).where(Message.direction == "out"))).scalars()
        assert {m.state for m in queued} == {"queued"}
    assert 'class="bubble-row in"' not in (await web.client.get("/simulator/transcript")).text
    await web.rt.workers.outbound_once()
    assert 'class="bubble-row in"' in (await web.client.get("/simulator/transcript")).text


async def tap(web: Web, csrf: str, option: str) -> None:
    """Tap the newest button or list row with this option id, as a thumb would."""
    page = (await web.client.get("/simulator/transcript")).text
    values = re.findall(rf'name="choice" value="(\d+:{re.escape(option)})"', page)
    assert values, f"no {option} on the screen"
    await web.client.post("/simulator/choose", data={"csrf": csrf, "choice": values[-1]})
    await web.rt.workers.run_until_idle()


async def test_the_location_button_speaks_the_persons_language(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "bonjour"})
    await web.rt.workers.run_until_idle()
    for option in ("fr", "yes", "not_safe"):
        await tap(web, csrf, option)
    page = (await web.client.get("/simulator/transcript")).text
    assert 'data-open="share-location">📍 Envoyer la position</button>' in page
    assert "Send location" not in page


async def test_after_erase_the_phone_still_shows_the_goodbye_in_her_language(web: Web) -> None:
    csrf = await open_phone(web.client)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "habari"})
    await web.rt.workers.run_until_idle()
    for option in ("sw", "yes"):
        await tap(web, csrf, option)
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "futa"})
    await web.rt.workers.run_until_idle()
    await tap(web, csrf, "erase-yes")  # "Delete everything?" yes
    async with web.rt.db.session() as s:
        assert (await s.execute(select(Message))).scalars().all() == []  # nothing kept
    page = (await web.client.get("/simulator/transcript")).text
    goodbye = web.rt.catalogs.format("sw", "erase-done")
    assert goodbye in page and page.count('<div class="bubble-row') == 1
    # Writing again starts a new chat: the goodbye gives way to it.
    await web.client.post("/simulator/send", data={"csrf": csrf, "text": "habari"})
    await web.rt.workers.run_until_idle()
    assert goodbye not in (await web.client.get("/simulator/transcript")).text
