from __future__ import annotations

import subprocess
import sys
import time

import bot.geo
from bot.geo.gazetteer import Gazetteer


def test_public_api_is_pinned() -> None:
    assert sorted(bot.geo.__all__) == [
        "Candidate",
        "EmergencyBook",
        "EmergencyFileError",
        "EmergencyInfo",
        "EmergencyNumber",
        "Gazetteer",
        "NumbersAdvice",
        "NumbersReport",
        "PlaceReading",
        "PlacesFileError",
        "advice",
        "check_emergency_file",
        "check_places_file",
        "country_name",
        "find_country",
        "get_emergency_book",
        "get_gazetteer",
        "haversine_km",
        "is_ambiguous",
        "is_country_name",
        "numbers_report",
    ]
    for name in bot.geo.__all__:
        assert getattr(bot.geo, name) is not None


def test_geo_does_not_pull_in_the_web_or_the_database() -> None:
    code = (
        "import sys, bot.geo; "
        "bad = [m for m in ('fastapi', 'sqlmodel', 'sqlalchemy') if m in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_lookup_timings_report(gazetteer: Gazetteer) -> None:
    """Prints rough timings (run with -s); asserts only that the lookups answered."""
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        pin = gazetteer.resolve_pin(32.8872, 13.1913)
    pin_us = (time.perf_counter() - started) / rounds * 1e6
    started = time.perf_counter()
    for _ in range(rounds):
        typed = gazetteer.resolve_text("ana f tanja")
    text_us = (time.perf_counter() - started) / rounds * 1e6
    print(  # noqa: T201
        f"\ngazetteer {gazetteer.stats()}; pin {pin_us:.0f} µs; sentence {text_us:.0f} µs"
    )
    assert pin is not None and typed
