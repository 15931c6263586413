"""Through the real pipeline: a boat's pin opens the sea path, and the positions sent later,
while a caseworker has the chat, reach the case without a word from the bot."""

from __future__ import annotations

import httpx

from bot.cases import actions
from bot.cases.views import case_json
from bot.store.models import Conversation
from tests.cases.support import seed_staff
from tests.cases.test_takeover import bot_lines, say, the_case
from tests.conftest import runtime


async def test_positions_sent_while_claimed_reach_the_case(app_client: httpx.AsyncClient) -> None:
    rt = runtime(app_client)
    staff = await seed_staff(rt)
    for step in ({"text": "hello"}, {"choice": "en"}, {"choice": "yes"}, {"choice": "not_safe"}):
        await say(rt, **step)  # type: ignore[arg-type]
    await say(rt, location=(33.9, 13.2))  # 110 km off Libya
    case = await the_case(rt)
    assert (case.priority, case.location["situation"]) == ("urgent", "at_sea")
    async with rt.db.session() as session, session.begin():
        await actions.claim(session, staff.amina, case.id)  # the Libya team
    before = await bot_lines(rt)
    await say(rt, location=(33.8, 13.0))
    await say(rt, "N 33°40' E 12°54'")  # read off a Thuraya
    assert await bot_lines(rt) == before  # the bot stays silent
    case = await the_case(rt)
    async with rt.db.session() as session:
        conv = await session.get(Conversation, case.conversation_id)
    shown = case_json(case, conv, now=case.updated_at)["location"]  # type: ignore[arg-type]
    assert (shown["latitude"], shown["longitude"]) == (33.666667, 12.9)
    assert [(p["latitude"], p["longitude"]) for p in shown["positions"]] == [
        (33.666667, 12.9),
        (33.8, 13.0),
        (33.9, 13.2),
    ]
    assert all(p["coast_km"] > 50 for p in shown["positions"])
