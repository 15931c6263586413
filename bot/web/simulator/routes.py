"""`/simulator`: chat as a person through the real pipeline, no Meta account needed.

Every message is stored as a WebhookEvent(source="simulator") and the workers are kicked:
ingest, engine, cases and outbox handle it exactly as a Meta webhook. Forms work without
JavaScript (post, then redirect); with htmx they post in the background and get the
transcript back, and server-sent events bring the replies as the outbox delivers them.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from bot.cases.views import conversation_messages
from bot.demo import DEMO_USER
from bot.messages import Inbound, Location, Media
from bot.platform_ids import inbound_key
from bot.runtime import Runtime
from bot.store.models import Message
from bot.web.deps import AppStateDep, row_id
from bot.web.inbox.sse import event_stream
from bot.web.render import page
from bot.web.session import SessionRoute, require_csrf, session_of
from bot.web.simulator import people, transcript
from bot.web.simulator.presets import BY_KEY, PRESETS

router = APIRouter(prefix="/simulator", route_class=SessionRoute, include_in_schema=False)
CSRF = [Depends(require_csrf)]
HOME = "/simulator"
INGEST_WAIT = 1.5  # seconds an htmx post waits to show the person's own message
STREAM_SECONDS = 25.0  # then the browser reconnects (see bot/web/inbox/sse.py)


async def _screen(request: Request, app: Runtime, name: str) -> Response:
    session = session_of(request)
    person = people.current(session)
    async with app.db.session() as s:
        conv = await transcript.conversation(s, person.id)
        if conv is not None and conv.id is not None:
            bubbles = transcript.bubbles(await conversation_messages(s, conv.id))
            people.remember_chat(session, person, conv.id, conv.language)
        else:  # no chat on the server: maybe one the person erased, whose goodbye stays
            last = people.last_chat(session, person)
            bubbles = await transcript.erased_goodbye(s, app.catalogs, last)
    context = {
        "person": person,
        "people": people.people(session),
        "current": people.current_index(session),
        "bubbles": bubbles,
        "presets": PRESETS,
        "demo_user": DEMO_USER,
        "demo": app.settings.demo,
        "max_chars": app.settings.max_text_chars,
        # WhatsApp labels its location button in the phone's language, not ours.
        "send_location": app.catalogs.format(
            (conv.language if conv else None) or "en", "simulator-send-location"
        ),
    }
    return page(request, name, context)


@router.get("")
async def simulator_page(request: Request, app: AppStateDep) -> Response:
    return await _screen(request, app, "simulator/page.html")


@router.get("/transcript")
async def transcript_fragment(request: Request, app: AppStateDep) -> Response:
    return await _screen(request, app, "simulator/_transcript.html")


@router.get("/events")
async def events(request: Request, app: AppStateDep) -> Response:
    person = people.current(session_of(request))

    async def probe() -> dict[str, object]:
        async with app.db.session() as s:
            return {"transcript": await transcript.fingerprint(s, person.id)}

    return event_stream(request, probe, interval=0.5, lifetime=STREAM_SECONDS)


async def _deliver(request: Request, app: Runtime, item: Inbound) -> Response:
    async with app.db.session() as s, s.begin():
        s.add(people.webhook_event([item]))
    app.kick()
    if request.headers.get("HX-Request") != "true":
        return RedirectResponse(HOME, status_code=303)
    key = inbound_key("simulator", item.dedupe_key)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + INGEST_WAIT
    while loop.time() < deadline:
        async with app.db.session() as s:
            if await transcript.arrived(s, key):
                break
        await asyncio.sleep(0.05)
    return await _screen(request, app, "simulator/_transcript.html")


def _back_with(request: Request, message: str) -> Response:
    session_of(request).add_flash("error", message)
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": HOME})
    return RedirectResponse(HOME, status_code=303)


@router.post("/send", dependencies=CSRF)
async def send_text(
    request: Request, app: AppStateDep, text: Annotated[str, Form()] = ""
) -> Response:
    text = text.strip()[: app.settings.max_text_chars]
    if not text:
        return _back_with(request, "Write something first.")
    person = people.current(session_of(request))
    return await _deliver(request, app, people.inbound(person, "text", raw_type="text", text=text))


@router.post("/choose", dependencies=CSRF)
async def choose(request: Request, app: AppStateDep, choice: Annotated[str, Form()]) -> Response:
    """A tapped button or list row: `choice` is "<our message id>:<option id>"."""
    person = people.current(session_of(request))
    msg_id, _, option_id = choice.partition(":")
    title = None
    async with app.db.session() as s:
        conv = await transcript.conversation(s, person.id)
        msg = await s.get(Message, key) if (key := row_id(msg_id)) is not None else None
        if conv is not None and msg is not None and msg.conversation_id == conv.id:
            title = transcript.option_title(msg, option_id)
    if title is None:
        return _back_with(request, "That option is not in this chat.")
    raw = "list_reply" if len((msg.data or {}).get("reply", {}).get("options", [])) > 3 else ""
    item = people.inbound(
        person, "choice", raw_type=raw or "button_reply", text=title, choice_id=option_id
    )
    return await _deliver(request, app, item)


@router.post("/location", dependencies=CSRF)
async def share_location(
    request: Request,
    app: AppStateDep,
    preset: Annotated[str, Form()] = "",
    latitude: Annotated[str, Form()] = "",
    longitude: Annotated[str, Form()] = "",
) -> Response:
    if preset:
        place = BY_KEY.get(preset)
        if place is None:
            return _back_with(request, "Unknown place.")
        lat, lon = place.latitude, place.longitude
    else:
        try:
            lat, lon = float(latitude.replace(",", ".")), float(longitude.replace(",", "."))
        except ValueError:
            return _back_with(request, "Latitude and longitude must be numbers.")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return _back_with(request, "Latitude is -90…90 and longitude -180…180.")
    person = people.current(session_of(request))
    pin = Location(latitude=lat, longitude=lon)
    item = people.inbound(person, "location", raw_type="location", location=pin)
    return await _deliver(request, app, item)


@router.post("/voice", dependencies=CSRF)
async def voice_note(request: Request, app: AppStateDep) -> Response:
    person = people.current(session_of(request))
    note = Media(kind="audio", voice=True, mime_type="audio/ogg; codecs=opus", media_id="sim")
    item = people.inbound(person, "media", raw_type="audio", media=note)
    return await _deliver(request, app, item)


@router.post("/people", dependencies=CSRF)
async def new_person(request: Request, name: Annotated[str, Form()] = "") -> Response:
    people.add_person(session_of(request), name)
    return RedirectResponse(HOME, status_code=303)


@router.post("/people/switch", dependencies=CSRF)
async def switch_person(request: Request, index: Annotated[int, Form()]) -> Response:
    people.switch(session_of(request), index)
    return RedirectResponse(HOME, status_code=303)
