"""Files a person sends (bot/media.py): fetched from the platform in the background,
size-limited, type-checked, stored encrypted. (bot/media.py's tests live with the cases.)"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import text

from bot import media
from bot.channels.graph import GraphClient
from bot.runtime import Runtime
from bot.store.models import Case, MediaBlob, Message
from tests.cases.support import NOW, fresh, make_case, seed_staff
from tests.conftest import runtime
from tests.fakes.graph_server import FakeGraph

OGG = b"OggS" + b"\x00" * 60  # the start of a WhatsApp voice note
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60


@pytest.fixture
def fake() -> Iterator[FakeGraph]:
    with FakeGraph(token="test-wa-token") as graph:
        yield graph


async def media_message(rt: Runtime, case: Case, media_info: dict) -> int:
    async with rt.db.session() as session, session.begin():
        msg = Message(
            conversation_id=case.conversation_id,
            direction="in",
            author="person",
            kind="media",
            data={"media": media_info},
            state="done",
        )
        session.add(msg)
        await session.flush()
        await media.queue_media(session, msg)
        return msg.id  # type: ignore[return-value]


async def fetch(rt: Runtime, fake: FakeGraph, *, max_bytes: int = 1_000_000, now=NOW) -> int:  # type: ignore[no-untyped-def]
    async with httpx.AsyncClient() as http:
        graph = GraphClient(http, fake.url, "v25.0")
        return await media.fetch_pending(
            rt.db,
            graph,
            whatsapp_token="test-wa-token",
            messenger_token="test-page-token",
            max_bytes=max_bytes,
            now=now,
        )


async def test_a_voice_note_is_fetched_with_the_token_and_stored_encrypted(
    app_client: httpx.AsyncClient, fake: FakeGraph
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    case = await make_case(rt)
    fake.add_media("wa-media-1", OGG, "audio/ogg; codecs=opus")
    msg_id = await media_message(
        rt,
        case,
        {
            "kind": "audio",
            "media_id": "wa-media-1",
            "mime_type": "audio/ogg; codecs=opus",
            "voice": True,
        },
    )
    assert await fetch(rt, fake) == 1
    blob = await fresh(rt, MediaBlob, msg_id)
    assert (blob.state, blob.mime_type, blob.size, blob.content) == (
        "stored",
        "audio/ogg",
        len(OGG),
        OGG,
    )
    async with rt.db.session() as session:
        raw = (
            await session.execute(
                text("SELECT content FROM media_blob WHERE message_id = :m"), {"m": msg_id}
            )
        ).scalar_one()
    assert OGG not in bytes(raw)  # encrypted at rest
    assert await fetch(rt, fake) == 0  # nothing left to do


async def test_a_messenger_attachment_is_fetched_from_its_url(
    app_client: httpx.AsyncClient, fake: FakeGraph
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    case = await make_case(rt, channel="messenger")
    url = fake.add_media("cdn-1", JPEG, "image/jpeg")
    msg_id = await media_message(rt, case, {"kind": "image", "url": url})
    assert await fetch(rt, fake) == 1
    blob = await fresh(rt, MediaBlob, msg_id)
    assert (blob.state, blob.mime_type) == ("stored", "image/jpeg")


async def test_too_large_or_mislabelled_files_are_not_kept(
    app_client: httpx.AsyncClient, fake: FakeGraph
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    case = await make_case(rt)
    fake.add_media("big", OGG * 100, "audio/ogg")
    fake.add_media("fake-jpeg", b"<html><script>alert(1)</script></html>", "image/jpeg")
    fake.add_media("exe", b"MZ\x90\x00", "application/x-msdownload")
    big = await media_message(rt, case, {"kind": "audio", "media_id": "big"})
    html = await media_message(
        rt, case, {"kind": "image", "media_id": "fake-jpeg", "mime_type": "image/jpeg"}
    )
    exe = await media_message(rt, case, {"kind": "document", "media_id": "exe"})
    assert await fetch(rt, fake, max_bytes=1000) == 0
    states = {m: (await fresh(rt, MediaBlob, m)) for m in (big, html, exe)}
    assert states[big].state == "too_large"
    assert states[html].state == "failed" and states[html].content is None
    assert states[exe].state == "failed" and "not accepted" in (states[exe].error or "")


async def test_a_platform_hiccup_is_retried_later(
    app_client: httpx.AsyncClient, fake: FakeGraph
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    case = await make_case(rt)
    fake.add_media("flaky", OGG, "audio/ogg")
    msg_id = await media_message(rt, case, {"kind": "audio", "media_id": "flaky"})
    fake.fail_next(1, status=500)
    assert await fetch(rt, fake) == 0
    blob = await fresh(rt, MediaBlob, msg_id)
    assert (blob.state, blob.attempts) == ("pending", 1)
    assert await fetch(rt, fake) == 0  # not due again yet
    later = NOW.replace(hour=NOW.hour + 1)
    assert await fetch(rt, fake, now=later) == 1


def test_the_first_bytes_must_match_the_declared_type() -> None:
    assert media.content_ok("audio/ogg", OGG)
    assert media.content_ok("video/mp4", b"\x00\x00\x00\x18ftypmp42")
    assert not media.content_ok("image/png", JPEG)
    assert not media.content_ok("text/html", b"<html>")
    assert media.normalize("Audio/OGG; codecs=opus") == "audio/ogg"
    assert media.disposition("application/pdf") == "attachment"
    assert media.disposition("image/jpeg") == "inline"
