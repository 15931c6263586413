"""Coordinates typed in a message are a position; counts and sizes are not."""

from __future__ import annotations

import pytest

from bot.engine.coordinates import parse


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("33.9, 13.2", (33.9, 13.2)),
        ("33.90 13.20", (33.9, 13.2)),
        ("N 33°54.123' E 013°12.456'", (33.90205, 13.2076)),  # a Thuraya's GPS screen
        ("33°54'N 13°12'E", (33.9, 13.2)),
        ("35° 12' 30\" N, 23° 5' E", (35.208333, 23.083333)),
        ("34.0N 15.0E", (34.0, 15.0)),
        ("N33.9 E13.2", (33.9, 13.2)),
        ("E 13.2 N 33.9", (33.9, 13.2)),  # longitude first, but said so
        ("33.9N 13.2W", (33.9, -13.2)),
        ("-33.5,-70.2", (-33.5, -70.2)),
        ("٣٣٫٩، ١٣٫٢", (33.9, 13.2)),  # Arabic-Indic digits and separators
        ("we are here 32.88,13.19 help", (32.88, 13.19)),
        ("https://maps.google.com/?q=33.9,13.2", (33.9, 13.2)),
    ],
)
def test_positions_in_the_ways_people_type_them(text: str, point: tuple[float, float]) -> None:
    assert parse(text) == point


@pytest.mark.parametrize(
    "text",
    [
        "we are 40, 3 children",
        "40",
        "33 54 13 12",  # no decimals, no degree sign: could be anything
        "1.5 2.5 litres",
        "12.5 litres 3.5 km",
        "we are 12 and 3 w 2 n",
        "91.0, 13.0",  # no such latitude
        "3la 7sab",
        "",
        None,
    ],
)
def test_counts_and_sizes_are_not_positions(text: str | None) -> None:
    assert parse(text) is None
