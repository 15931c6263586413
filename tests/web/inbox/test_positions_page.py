"""The case page at sea: the situation, and every position she sent, newest first, each with
its time, a map link and the distance to the coast."""

from __future__ import annotations

from tests.web.inbox.support import Web, login, make_case


async def test_the_case_page_lists_her_positions_newest_first(web: Web) -> None:
    case_id = await make_case(
        web.rt,
        priority="urgent",
        answers={"people": 40, "sea_condition": "engine_stopped", "sea_boat": "grey rubber"},
        location={
            "latitude": 33.7,
            "longitude": 13.0,
            "country_code": "LY",
            "situation": "at_sea",
            "positions": [
                {
                    "at": "2026-04-11T09:00:00+00:00",
                    "latitude": 33.9,
                    "longitude": 13.2,
                    "situation": "at_sea",
                    "coast_km": 109.3,
                },
                {
                    "at": "2026-04-11T09:30:00+00:00",
                    "latitude": 33.7,
                    "longitude": 13.0,
                    "situation": "at_sea",
                    "coast_km": 96.8,
                },
            ],
        },  # fmt: skip
    )
    await login(web.client, "amina")
    html = (await web.client.get(f"/inbox/cases/{case_id}")).text
    assert "at sea" in html and "engine stopped" in html and "grey rubber" in html
    table = html.split('<table class="positions">', 1)[1].split("</table>", 1)[0]
    assert "newest first" in table
    assert table.index("33.70000, 13.00000") < table.index("33.90000, 13.20000")
    assert "97 km" in table and "109 km" in table
    assert "9:30 UTC" in table and 'datetime="2026-04-11T09:00:00+00:00"' in table
