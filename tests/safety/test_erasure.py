"""Erase: after "erase" and one confirmation, nothing about the person remains anywhere in the
database (every table is searched, decrypted), the goodbye still reaches them and then keeps
no recipient, and another person's data is untouched."""

from __future__ import annotations

import json

import httpx
from sqlalchemy import select

from bot.accounts import add_team, add_user
from bot.config import Settings
from bot.erasure import ERASED_OUTCOME, forget_receipts
from bot.store.models import (
    AuditLog,
    Case,
    CaseGroup,
    CaseLink,
    Conversation,
    GroupDelivery,
    GroupMember,
    GroupUpdate,
    MediaBlob,
    Message,
    Note,
    Outbox,
    Receipt,
    WebhookEvent,
)
from tests.conftest import runtime
from tests.fakes.graph_server import FakeGraph
from tests.safety.people import Person, converse, dump_database, found, post

ADA_SECRET = "Karim Haddad locks the seven of us in the villa at night"
ADA_PLACE = "Zawiya behind the blue pharmacy"
ADA_CAPTION = "photo of my contract with Al Noor agency"
ADA_MEDIA = b"\xff\xd8JPEG-ADA-PASSPORT-SCAN"
ADA_NOTE = "Ada's sister in Nairobi is +254700111222"
ADA_LINK = "both name the agency 'Sahara Stars Recruiting' in Zawiya"
BEN_SECRET = "my madam took my passport in Benghazi last week"
BEN_NOTE = "Ben wants the embassy contacted on Monday"


def ada() -> Person:
    return Person(phone="447700900123", name="Ada Lopez", bsuid="GB.7730016245589147")


def ben() -> Person:
    return Person(phone="254711222333", name="Ben Otieno")


async def conversation_of(client: httpx.AsyncClient, person: Person) -> Conversation:
    async with runtime(client).db.session() as session:
        convs = (await session.execute(select(Conversation))).scalars().all()
        return next(c for c in convs if c.contact_phone == person.phone)


async def full_story(client: httpx.AsyncClient, secret: str, person: Person, *texts: str) -> None:
    """A person goes through the default flow and tells us things."""
    await converse(
        client,
        secret,
        person.text("hello"),
        person.text("1"),  # English
        person.text("yes"),  # consent
        person.text("not safe"),
        *[person.text(t) for t in texts],
        person.location(32.7571, 12.7276, name="Villa"),
        person.text("my employer"),
        person.text("no"),
        person.text("7"),
    )


async def add_casework(
    client: httpx.AsyncClient, person: Person, note: str, media: bytes, worker: str
) -> str:
    """What caseworkers and the media fetcher add: a note, a stored file, audit rows."""
    rt = runtime(client)
    conv = await conversation_of(client, person)
    async with rt.db.session() as session, session.begin():
        case = (
            await session.execute(select(Case).where(Case.conversation_id == conv.id))
        ).scalar_one()
        await add_team(session, f"team-{worker}", ["LY"])
        user = (await add_user(session, worker, [f"team-{worker}"])).user
        session.add(Note(case_id=case.id, user_id=user.id, text=note))  # type: ignore[arg-type]
        media_msg = (
            await session.execute(
                select(Message).where(Message.conversation_id == conv.id, Message.kind == "media")
            )
        ).scalar_one()
        blob = await session.get(MediaBlob, media_msg.id)
        if blob is None:
            blob = MediaBlob(message_id=media_msg.id)  # type: ignore[arg-type]
            session.add(blob)
        blob.content, blob.size, blob.state = media, len(media), "stored"
        # An audit detail that (wrongly) quotes the person: erasure must not keep it.
        session.add(AuditLog(user_id=user.id, action="note", case_id=case.id, detail={"q": note}))
        # A raw body that failed to parse and still holds their number.
        raw = json.dumps({"broken": True, "from": person.phone, "text": note}).encode()
        session.add(WebhookEvent(body=raw, state="failed", attempts=5))
        return case.id


def said(graph: FakeGraph) -> list[dict]:
    """Messages we sent (not the read receipts that turn their ticks blue)."""
    return [m for m in graph.sent if m.get("status") != "read"]


async def group_them(client: httpx.AsyncClient, ada_case: str, conv_a: int, ben_case: str) -> None:
    """A caseworker linked the two cases (the reason quotes Ada) and wrote to both as a group."""
    async with runtime(client).db.session() as session, session.begin():
        group = CaseGroup(name="Zawiya house")
        session.add(group)
        await session.flush()
        session.add_all([GroupMember(group_id=group.id, case_id=c) for c in (ada_case, ben_case)])  # type: ignore[arg-type]
        first, second = sorted([ada_case, ben_case])
        session.add(CaseLink(case_a=first, case_b=second, decision="confirmed", reasons=[ADA_LINK]))
        update = GroupUpdate(group_id=group.id, kind="text", text="we are working on it")  # type: ignore[arg-type]
        session.add(update)
        await session.flush()
        ben_conv = (await session.get(Case, ben_case)).conversation_id  # type: ignore[union-attr]
        for case_id, conv_id in ((ada_case, conv_a), (ben_case, ben_conv)):
            session.add(
                GroupDelivery(
                    update_id=update.id,  # type: ignore[arg-type]
                    case_id=case_id,
                    conversation_id=conv_id,
                    status="queued",
                )
            )


async def sent_ids(client: httpx.AsyncClient, conv_id: int) -> list[str]:
    async with runtime(client).db.session() as session:
        rows = await session.execute(
            select(Outbox.platform_message_id).where(
                Outbox.conversation_id == conv_id, Outbox.platform_message_id.is_not(None)
            )
        )
        return [r for r in rows.scalars() if r]


async def test_erase_leaves_nothing_about_the_person_and_keeps_everyone_else(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    secret = wa_settings.app_secret
    a, b = ada(), ben()
    await full_story(wa_client, secret, a, ADA_PLACE, ADA_SECRET)
    await converse(wa_client, secret, a.image("MEDIA-ADA-1", ADA_CAPTION))
    await full_story(wa_client, secret, b, "Benghazi", BEN_SECRET)
    await converse(wa_client, secret, b.image("MEDIA-BEN-1", "ben's photo"))
    ada_case = await add_casework(wa_client, a, ADA_NOTE, ADA_MEDIA, "amina")
    ben_case = await add_casework(wa_client, b, BEN_NOTE, b"BEN-MEDIA", "bashir")
    conv_a = await conversation_of(wa_client, a)
    conv_b = await conversation_of(wa_client, b)
    await group_them(wa_client, ada_case, conv_a.id, ben_case)  # type: ignore[arg-type]
    ours_to_ada = await sent_ids(wa_client, conv_a.id)  # type: ignore[arg-type]
    await converse(wa_client, secret, a.statuses(ours_to_ada, "delivered"))
    await converse(wa_client, secret, b.statuses(await sent_ids(wa_client, conv_b.id), "read"))  # type: ignore[arg-type]
    db = runtime(wa_client).db
    before = await dump_database(db)
    ada_needles = [
        a.phone, a.bsuid, a.name, ADA_SECRET, ADA_PLACE, ADA_CAPTION, ADA_NOTE, ADA_LINK,
        *a.sent_ids, *ours_to_ada,
    ]  # fmt: skip
    for needle in ada_needles:
        assert found(before, needle), f"the set-up should have stored {needle!r}"

    await converse(wa_client, secret, a.text("erase"), a.text("yes"))

    # The goodbye reached Ada's phone, and reminded her to delete the chat.
    goodbye = [m for m in graph.sent if m.get("to") == a.phone and m.get("type") == "text"][-1]
    assert "delete this chat" in goodbye["text"]["body"]
    after = await dump_database(db)
    for needle in [*ada_needles, ADA_MEDIA.decode("latin-1")]:
        assert not found(after, needle), f"{needle!r} survived erasure: {found(after, needle)}"
    async with db.session() as session:
        case = await session.get(Case, ada_case)
        assert case is not None
        assert case.outcome == ERASED_OUTCOME and case.erased_at is not None
        assert case.answers == {} and case.location is None and case.rules_fired == []
        rows = (
            await session.execute(select(Outbox).where(Outbox.conversation_id == conv_a.id))
        ).scalars()
        assert all(row.body == {} for row in rows), "a sent goodbye keeps no recipient"
        erased = (
            await session.execute(select(AuditLog).where(AuditLog.action == "erase"))
        ).scalar_one()
        assert erased.case_id == ada_case
    async with db.session() as session:
        members = (await session.execute(select(GroupMember.case_id))).scalars().all()
        assert members == [ben_case], "Ada left the group; Ben stays in it"
        assert (await session.execute(select(CaseLink))).first() is None
        deliveries = (await session.execute(select(GroupDelivery.case_id))).scalars().all()
        assert deliveries == [ben_case]
    # Ben: everything still there, readable.
    for needle in [b.phone, b.name, BEN_SECRET, BEN_NOTE, *b.sent_ids]:
        assert found(after, needle), f"Ben's {needle!r} was lost when Ada erased"
    ben_rows = [r for rows in before.values() for r in rows if b.phone in r or BEN_SECRET in r]
    assert ben_rows and all(any(r in rows for rows in after.values()) for r in ben_rows)


async def test_erase_asks_once_and_no_keeps_everything(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    a = ada()
    await full_story(wa_client, wa_settings.app_secret, a, ADA_PLACE)
    await converse(wa_client, wa_settings.app_secret, a.text("erase"), a.text("no"))
    dump = await dump_database(runtime(wa_client).db)
    assert found(dump, ADA_PLACE) and found(dump, a.phone)


async def test_after_erasing_a_new_message_starts_a_fresh_unlinked_conversation(
    wa_client: httpx.AsyncClient, wa_settings: Settings
) -> None:
    a = ada()
    secret = wa_settings.app_secret
    await full_story(wa_client, secret, a, ADA_PLACE)
    await converse(wa_client, secret, a.text("erase"), a.text("yes"), a.text("hello again"))
    async with runtime(wa_client).db.session() as session:
        convs = (await session.execute(select(Conversation))).scalars().all()
    assert sorted(c.status for c in convs) == ["active", "erased"]
    fresh = next(c for c in convs if c.status == "active")
    old = next(c for c in convs if c.status == "erased")
    assert fresh.contact_phone == a.phone and old.contact_phone is None
    assert old.contact_hash != fresh.contact_hash and old.contact_ref == ""


async def test_a_goodbye_that_fails_is_forgotten_by_the_next_purge(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    from bot.retention import purge

    a = ada()
    secret = wa_settings.app_secret
    await full_story(wa_client, secret, a, ADA_PLACE)
    await converse(wa_client, secret, a.text("erase"))
    graph.fail_next(1, status=400, code=131026)  # undeliverable: a permanent failure
    await converse(wa_client, secret, a.text("yes"))
    db = runtime(wa_client).db
    await purge(db, wa_settings)
    assert not found(await dump_database(db), a.phone)


async def test_a_stopped_conversation_gets_no_follow_up(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    a = ada()
    await converse(wa_client, wa_settings.app_secret, a.text("hello"), a.text("1"))
    replies_before = len(said(graph))
    await converse(wa_client, wa_settings.app_secret, a.text("stop"))
    conv = await conversation_of(wa_client, a)
    assert conv.status == "ended" and conv.wake_at is None
    assert len(said(graph)) == replies_before, "stop ends silently"
    # Not even much later: no timer is left to wake the conversation.
    from datetime import timedelta

    from bot.pipeline import conversations
    from bot.store.models import utcnow

    later = utcnow() + timedelta(days=30)
    assert await conversations.due_timers(runtime(wa_client).db, later) == []


async def test_erase_confirmed_in_one_batch_drops_the_messages_behind_it(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    """'yes' and another message arrive together: what follows the erasure is not applied to
    the erased conversation (it must not come back to life with the person's words)."""
    a = ada()
    secret = wa_settings.app_secret
    await full_story(wa_client, secret, a, ADA_PLACE)
    await converse(wa_client, secret, a.text("erase"))
    await post(wa_client, secret, a.texts(["yes", ADA_SECRET]))
    await runtime(wa_client).workers.run_until_idle(rounds=50)
    dump = await dump_database(runtime(wa_client).db)
    assert not found(dump, ADA_PLACE)
    async with runtime(wa_client).db.session() as session:
        erased = (
            await session.execute(select(Conversation).where(Conversation.masked_id == "erased"))
        ).scalar_one()
        assert erased.status == "erased"
        count = await session.execute(select(Message).where(Message.conversation_id == erased.id))
        assert count.scalars().all() == []


async def test_forget_receipts_deletes_exactly_the_named_messages_receipts(db) -> None:  # type: ignore[no-untyped-def]
    """Every status of every named message, whatever the channel's name length; nothing of
    a message not named, even one whose id begins the same way."""
    keys = [
        "whatsapp:aaa:sent", "whatsapp:aaa:delivered", "whatsapp:aaa:read",
        "messenger:bbb:read", "instagram:ccc:delivered",
        "whatsapp:aaab:read", "whatsapp:zzz:read", "messenger:aaa:read",
    ]  # fmt: skip
    async with db.session() as session:
        session.add_all(Receipt(dedupe_key=k) for k in keys)
        await session.commit()
        await forget_receipts(
            session, ["whatsapp:aaa:", "messenger:bbb:", "instagram:ccc:"], chunk=2
        )
        await session.commit()
        left = set((await session.execute(select(Receipt.dedupe_key))).scalars())
    assert left == {"whatsapp:aaab:read", "whatsapp:zzz:read", "messenger:aaa:read"}


async def test_meta_redelivering_erased_messages_brings_nobody_back(
    wa_client: httpx.AsyncClient, wa_settings: Settings, graph: FakeGraph
) -> None:
    """Meta redelivers a webhook for up to 7 days: after "erase", the same signed bodies are
    acknowledged and dropped (nothing stored, nothing sent, no new conversation); a new
    message starts afresh; the tombstones go once the redelivery period is over."""
    from datetime import timedelta

    from bot.retention import purge
    from bot.store.models import ErasedMessage, utcnow

    a = ada()
    secret = wa_settings.app_secret
    story = [a.text("hello"), a.text("1"), a.text("yes"), a.text(ADA_SECRET), a.text("erase")]
    await converse(wa_client, secret, *story, a.text("yes"))
    rt = runtime(wa_client)
    before = await dump_database(rt.db)
    sent_before, said_before = len(graph.sent), len(said(graph))
    assert not found(before, ADA_SECRET)

    for payload in story:  # the same bodies again, as Meta redelivers them
        assert (await post(wa_client, secret, payload)).status_code == 200
    await rt.workers.run_until_idle(rounds=50)

    after = await dump_database(rt.db)
    assert not found(after, ADA_SECRET) and not found(after, a.phone)
    assert len(after["conversation"]) == len(before["conversation"]) == 1
    assert after["message"] == [] and after["webhook_event"] == []
    assert len(graph.sent) == sent_before, "nothing was sent to the person"

    await converse(wa_client, secret, a.text("hello again"))  # a new message: afresh
    async with rt.db.session() as session:
        convs = (await session.execute(select(Conversation))).scalars().all()
        assert sorted(c.status for c in convs) == ["active", "erased"]
        assert (await session.execute(select(ErasedMessage))).scalars().all()
    assert len(said(graph)) > said_before, "and is answered"

    report = await purge(rt.db, wa_settings, now=utcnow() + timedelta(days=9))
    assert report.tombstones == 6  # the five messages of the story and the "yes"
    async with rt.db.session() as session:
        assert (await session.execute(select(ErasedMessage))).scalars().all() == []
