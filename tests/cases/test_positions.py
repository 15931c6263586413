"""The positions a person sends are kept on the case, newest first for the caseworker, each
with its time and, at sea, the distance to the coast (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx

from bot.cases.positions import MAX_POSITIONS, newest_first, with_position
from bot.cases.sink import CaseSink
from bot.cases.views import case_json
from bot.engine.effects import Effects, PlaceMatch
from bot.store.models import Conversation
from tests.cases.support import NOW, seed_staff
from tests.cases.test_sink import cases_of, make_conv
from tests.conftest import runtime


def at_sea(lat: float, lon: float) -> PlaceMatch:
    return PlaceMatch(latitude=lat, longitude=lon, country_code="LY", situation="at_sea",
                      distance_km=110.0, matched=True)  # fmt: skip


async def apply_at(rt, conv_id: int, effects: Effects, at: datetime) -> None:
    async with rt.db.session() as session, session.begin():
        conv = await session.get(Conversation, conv_id)
        await CaseSink().apply(session, conv, effects, at)  # type: ignore[arg-type]


async def test_every_pin_is_kept_with_its_time_and_distance_to_the_coast(
    app_client: httpx.AsyncClient,
) -> None:
    rt = runtime(app_client)
    await seed_staff(rt)
    conv = await make_conv(rt)
    first, later = NOW, NOW + timedelta(minutes=30)
    await apply_at(rt, conv, Effects(open_case=True, priority="urgent",
                                     location=at_sea(33.9, 13.2)), first)  # fmt: skip
    # The flow sends the same position again with an update: listed once.
    await apply_at(rt, conv, Effects(answers={"people": 40}, location=at_sea(33.9, 13.2)), first)
    await apply_at(rt, conv, Effects(location=at_sea(33.7, 13.0)), later)
    # A town she typed is no position of hers: the case shows it, the list stays.
    typed = PlaceMatch(text="near Zuwara", place="Zuwara", country_code="LY",
                       latitude=32.93, longitude=12.08, situation="at_sea")  # fmt: skip
    await apply_at(rt, conv, Effects(location=typed), later + timedelta(minutes=5))

    [case] = await cases_of(rt, conv)
    assert case.location["place"] == "Zuwara" and case.location["situation"] == "at_sea"
    kept = case.location["positions"]
    assert [(p["latitude"], p["longitude"]) for p in kept] == [(33.9, 13.2), (33.7, 13.0)]
    assert datetime.fromisoformat(kept[1]["at"]) == later
    assert 100 < kept[0]["coast_km"] < 120  # off Tajoura, from the shipped coastline

    async with rt.db.session() as session:
        conversation = await session.get(Conversation, conv)
    shown = case_json(case, conversation, now=later)["location"]  # type: ignore[arg-type]
    assert shown["situation"] == "at_sea"
    assert [p["latitude"] for p in shown["positions"]] == [33.7, 33.9]  # newest first


def test_a_pin_on_land_has_no_distance_to_the_coast_and_the_list_is_capped() -> None:
    land = {"latitude": 21.0, "longitude": 8.0, "country_code": "NE", "situation": "in_desert"}
    location = with_position(None, land, NOW)
    assert location["positions"] == [
        {"at": NOW.isoformat(), "latitude": 21.0, "longitude": 8.0, "situation": "in_desert"}
    ]
    for i in range(MAX_POSITIONS + 5):
        pin = {"latitude": 21.0 + i / 1000, "longitude": 8.0}
        location = with_position(location, pin, NOW + timedelta(minutes=i))
    assert len(location["positions"]) == MAX_POSITIONS
    assert newest_first(location)[0]["latitude"] == 21.0 + (MAX_POSITIONS + 4) / 1000
    assert newest_first(None) == []
