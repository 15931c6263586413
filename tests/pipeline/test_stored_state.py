"""A conversation stored before the engine's state had a schema version continues where it
was, through the whole pipeline; what is written back is the current shape."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from bot.engine.state import SCHEMA_VERSION
from bot.store.models import Conversation, Message
from tests.conftest import runtime
from tests.engine import stored_states as old
from tests.helpers import sim_message, store_events


async def test_which_tripoli_asked_before_the_upgrade_is_answered_after_it(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    assert rt.registry is not None
    flow = rt.registry.latest("distress")
    await store_events(rt.db, sim_message("hello", contact="sim-old"))
    await rt.workers.run_until_idle()
    async with rt.db.session() as session, session.begin():
        conv = (await session.execute(select(Conversation))).scalar_one()
        # As the engine before typed states left it: "Which Tripoli?" open.
        conv.state = {**old.WHICH_TRIPOLI, "version": flow.version}
        conv_id = conv.id

    await store_events(rt.db, sim_message(choice="place:2210247", contact="sim-old"))
    await rt.workers.run_until_idle()

    async with rt.db.session() as session:
        conv = await session.get(Conversation, conv_id)
        rows = await session.execute(
            select(Message).where(Message.conversation_id == conv_id).order_by(Message.id)
        )
        messages = list(rows.scalars())
    assert conv is not None and conv.state is not None
    assert conv.state["schema_version"] == SCHEMA_VERSION and "version" not in conv.state
    assert conv.state["flow_version"] == flow.version == conv.flow_version
    assert conv.state["step"] == "passport"
    assert conv.state["location"]["country_code"] == "LY"
    assert conv.state["answers"] == {"consent": "yes", "safety": "safe"}
    last_in = max(i for i, m in enumerate(messages) if m.direction == "in")
    assert messages[last_in].state == "done"
    assert [m.author for m in messages[last_in + 1 :]][:1] == ["bot"]  # answered, not set aside
