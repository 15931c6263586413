"""The pipeline end to end on the simulator channel: stored event → conversation → engine →
outbox → delivered; duplicates change nothing; order follows the platform timestamps."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bot.engine.effects import Effects
from bot.engine.state import ConversationState
from bot.messages import Inbound, Reply
from bot.store.models import Conversation, Message, Outbox
from tests.conftest import runtime
from tests.helpers import sim_message, store_events


async def transcript(client: httpx.AsyncClient, contact: str = "sim-1") -> list[Message]:
    async with runtime(client).db.session() as session:
        conv_ids = select(Conversation.id).where(Conversation.channel == "simulator")
        rows = await session.execute(
            select(Message).where(Message.conversation_id.in_(conv_ids)).order_by(Message.id)
        )
        return list(rows.scalars())


async def count(client: httpx.AsyncClient, model: type) -> int:
    async with runtime(client).db.session() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_a_message_is_answered_and_the_reply_delivered(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    await store_events(rt.db, sim_message("hello"))
    await rt.workers.run_until_idle()
    messages = await transcript(app_client)
    assert [(m.direction, m.author) for m in messages][:2] == [("in", "person"), ("out", "bot")]
    assert messages[0].state == "done"
    assert all(m.state == "delivered" for m in messages if m.direction == "out")
    assert messages[1].text  # the bot said something from the catalog


async def test_a_redelivered_message_is_applied_once(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    item = sim_message("hello", key="sim.dup.1")
    await store_events(rt.db, item)
    await store_events(rt.db, item)
    await store_events(rt.db, item, item)
    await rt.workers.run_until_idle()
    inbound = [m for m in await transcript(app_client) if m.direction == "in"]
    assert len(inbound) == 1


async def test_concurrent_duplicate_deliveries_give_one_processing(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    item = sim_message("hello", key="sim.race.1")
    await asyncio.gather(*(store_events(rt.db, item) for _ in range(8)))
    await asyncio.gather(*(rt.workers.inbound_once() for _ in range(4)))
    await rt.workers.run_until_idle()
    messages = await transcript(app_client)
    assert len([m for m in messages if m.direction == "in"]) == 1
    replies_before = len([m for m in messages if m.direction == "out"])
    assert replies_before >= 1
    assert await count(app_client, Outbox) == replies_before


async def test_messages_are_applied_in_platform_timestamp_order(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    late = sim_message("second", ts=1_767_700_010)
    early = sim_message("first", ts=1_767_700_000)
    await store_events(rt.db, late, early)  # arrive out of order in one POST
    await rt.workers.inbound_once()
    inbound = [m for m in await transcript(app_client) if m.direction == "in"]
    async with rt.db.session() as session:
        done = (
            (
                await session.execute(
                    select(Message.text)
                    .where(Message.direction == "in")
                    .order_by(Message.platform_ts)
                )
            )
            .scalars()
            .all()
        )
    assert done == ["first", "second"]
    assert {m.state for m in inbound} == {"done"}


async def test_each_contact_gets_its_own_conversation(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    await store_events(rt.db, sim_message("a", contact="p1"), sim_message("b", contact="p2"))
    await rt.workers.run_until_idle()
    assert await count(app_client, Conversation) == 2


class BrokenBrain:
    def respond(self, *args: object, **kwargs: object) -> object:
        raise RuntimeError("flow bug")


async def test_a_flow_error_hands_the_person_to_a_caseworker_instead_of_looping(
    app_client: httpx.AsyncClient,
) -> None:
    from bot.store.models import Case

    rt = runtime(app_client)
    rt.pipeline.brain = BrokenBrain()
    await store_events(rt.db, sim_message("hello"))
    await rt.workers.run_until_idle()
    messages = await transcript(app_client)
    assert messages[0].state == "error"
    assert [m.author for m in messages if m.direction == "out"] == ["bot"]
    async with rt.db.session() as session:
        case = (await session.execute(select(Case))).scalar_one()
    assert case.handoff == "error"
    assert await rt.workers.inbound_once() == 0  # not retried forever


class ScriptedBrain:
    """Answers each message with its text and the case number, and puts it in the case;
    a message "boom" breaks the flow."""

    def respond(
        self, conv: object, event: object, *, case_ref: str, now: object
    ) -> tuple[ConversationState, Effects]:
        text = event.text if isinstance(event, Inbound) else str(event)
        if text == "boom":
            raise RuntimeError("flow bug")
        reply = Reply(text=f"re {text} {case_ref}", lang="en")
        effects = Effects(replies=[reply], open_case=True, answers={text: True})
        return ConversationState(step=text), effects


async def bot_replies(client: httpx.AsyncClient) -> list[str]:
    return [m.text or "" for m in await transcript(client) if m.author == "bot"]


async def test_messages_applied_together_update_one_case_and_are_answered_in_order(
    app_client: httpx.AsyncClient,
) -> None:
    from bot.store.models import Case

    rt = runtime(app_client)
    rt.pipeline.brain = ScriptedBrain()
    await store_events(rt.db, sim_message("a"), sim_message("b"), sim_message("c"))
    await rt.workers.run_until_idle()
    async with rt.db.session() as session:
        case = (await session.execute(select(Case))).scalar_one()
    assert case.answers == {"a": True, "b": True, "c": True}
    assert await bot_replies(app_client) == [f"re {t} {case.id}" for t in "abc"]
    assert await count(app_client, Outbox) == 3
    assert {m.state for m in await transcript(app_client) if m.direction == "in"} == {"done"}


async def test_a_step_that_fails_among_others_hands_over_and_repeats_nothing(
    app_client: httpx.AsyncClient,
) -> None:
    from bot.store.models import Case

    rt = runtime(app_client)
    rt.pipeline.brain = ScriptedBrain()
    await store_events(rt.db, sim_message("a"), sim_message("boom"), sim_message("c"))
    await rt.workers.run_until_idle()
    inbound = [m for m in await transcript(app_client) if m.direction == "in"]
    assert [(m.text, m.state) for m in inbound] == [("a", "done"), ("boom", "error"), ("c", "done")]
    async with rt.db.session() as session:
        case = (await session.execute(select(Case))).scalar_one()
    assert (case.handoff, case.answers) == ("error", {"a": True, "c": True})
    replies = await bot_replies(app_client)
    assert replies[0] == f"re a {case.id}" and replies[2] == f"re c {case.id}"
    assert len(replies) == 3 and replies[1]  # the hand-over message, once
    assert await count(app_client, Outbox) == 3


async def test_a_failure_while_writing_the_answers_is_redone_without_loss(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.pipeline import replies

    async def broken(self: object, session: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(replies.Batch, "write", broken)
    rt = runtime(app_client)
    rt.pipeline.brain = ScriptedBrain()
    await store_events(rt.db, sim_message("a"), sim_message("b"))
    await rt.workers.run_until_idle()
    assert [r.split()[:2] for r in await bot_replies(app_client)] == [["re", "a"], ["re", "b"]]
    assert {m.state for m in await transcript(app_client) if m.direction == "in"} == {"done"}
    assert await count(app_client, Outbox) == 2


async def stored_from_several(client: httpx.AsyncClient, *items: Inbound) -> dict[str, int]:
    """Store and ingest `items` for the scripted flow; each text's conversation id."""
    from bot.pipeline import ingest

    rt = runtime(client)
    rt.pipeline.brain = ScriptedBrain()
    await store_events(rt.db, *items)
    await ingest.ingest_pending(rt.db, batch=50, max_chars=4096)
    return await conversation_ids(client)


async def cases_by_conversation(client: httpx.AsyncClient) -> dict[int, Any]:
    from bot.store.models import Case

    async with runtime(client).db.session() as session:
        return {c.conversation_id: c for c in (await session.execute(select(Case))).scalars()}


async def conversation_ids(client: httpx.AsyncClient) -> dict[str, int]:
    from bot.pipeline import conversations

    rt = runtime(client)
    ids = await conversations.pending_conversations(rt.db)
    async with rt.db.session() as session:
        rows = await session.execute(
            select(Message.text, Message.conversation_id).where(Message.direction == "in")
        )
        by_text: dict[str, int] = dict(rows.tuples().all())
    assert sorted(set(by_text.values())) == sorted(ids)
    return by_text


async def test_several_conversations_are_applied_in_one_transaction_each_with_its_own_answers(
    app_client: httpx.AsyncClient,
) -> None:
    from sqlalchemy import event

    from bot.pipeline import conversations

    rt = runtime(app_client)
    by_text = await stored_from_several(
        app_client,
        *(sim_message(f"{who}{n}", contact=who) for who in ("x", "y", "z") for n in (1, 2)),
    )
    commits: list[object] = []

    def committed(connection: object) -> None:
        commits.append(connection)

    event.listen(rt.db.engine.sync_engine, "commit", committed)
    try:
        done = await conversations.process_conversations(rt.pipeline, sorted(set(by_text.values())))
    finally:
        event.remove(rt.db.engine.sync_engine, "commit", committed)
    assert done == 6
    assert len(commits) == 1
    cases = await cases_by_conversation(app_client)
    for who in "xyz":
        case = cases[by_text[f"{who}1"]]
        assert case.answers == {f"{who}1": True, f"{who}2": True}
    replies = await bot_replies(app_client)
    for who in "xyz":  # each person's answers, in the order they wrote
        case_id = cases[by_text[f"{who}1"]].id
        mine = [r for r in replies if r.startswith(f"re {who}")]
        assert mine == [f"re {who}1 {case_id}", f"re {who}2 {case_id}"]
    assert await count(app_client, Outbox) == 6


async def test_a_conversation_failing_among_several_costs_the_others_nothing(
    app_client: httpx.AsyncClient,
) -> None:
    from bot.pipeline import conversations

    rt = runtime(app_client)
    by_text = await stored_from_several(
        app_client,
        sim_message("x1", contact="x"),
        sim_message("boom", contact="y"),
        sim_message("z1", contact="z"),
    )
    done = await conversations.process_conversations(rt.pipeline, sorted(set(by_text.values())))
    assert done == 3
    inbound = {m.text: m.state for m in await transcript(app_client) if m.direction == "in"}
    assert inbound == {"x1": "done", "boom": "error", "z1": "done"}
    cases = await cases_by_conversation(app_client)
    assert cases[by_text["boom"]].handoff == "error"
    assert cases[by_text["x1"]].answers == {"x1": True}
    assert cases[by_text["z1"]].answers == {"z1": True}
    replies = await bot_replies(app_client)
    assert f"re x1 {cases[by_text['x1']].id}" in replies
    assert f"re z1 {cases[by_text['z1']].id}" in replies
    assert await count(app_client, Outbox) == 3  # x1, z1, and y's hand-over: nothing twice
