"""Conversation states as older engines stored them (JSON, no `schema_version`), for the
tests that read them back. Each was produced by the engine of the commit named, on the
default flow; `FLOW_VERSION` stands for the flow version, which each test sets to the
current flow's so that the conversation continues on it."""

from __future__ import annotations

from typing import Any

FLOW_VERSION = "ed5d8fff51cf"

# ca07383 (before typed states): at the location step, "Tripoli" typed: which one?
WHICH_TRIPOLI: dict[str, Any] = {
    "misses": 0,
    "answers": {"consent": "yes", "safety": "safe"},
    "done": False,
    "ended": None,
    "pending": {
        "kind": "place",
        "typed": "Tripoli",
        "candidates": [
            {"id": "place:2210247", "title": "Tripoli, Libya", "place": "Tripoli",
             "shown": "Tripoli", "country": "Libya", "country_code": "LY",
             "latitude": 32.8872, "longitude": 13.1913},
            {"id": "place:266826", "title": "Tripoli, Lebanon", "place": "Tripoli",
             "shown": "Tripoli", "country": "Lebanon", "country_code": "LB",
             "latitude": 34.4367, "longitude": 35.8497},
        ],
        "situation": None,
    },
    "last": "safety",
    "menu_first": None,
    "location": None,
    "case_open": False,
    "emergency": None,
    "emergency_for": None,
    "forced": {},
    "reminded": None,
    "timers": [{"name": "expire", "at": "2025-01-13T10:00:00+00:00"}],
    "share_asked": None,
    "kept": [],
    "flow": "distress",
    "version": FLOW_VERSION,
    "step": "location",
    "lang": "en",
}  # fmt: skip

# ca07383: after a pin in Tripoli, at the passport question.
AFTER_PIN: dict[str, Any] = {
    **WHICH_TRIPOLI,
    "pending": None,
    "location": {"latitude": 32.8872, "longitude": 13.1913, "text": None, "place": "Tripoli",
                 "country_code": "LY", "distance_km": 0.0, "matched": True, "situation": None},
    "step": "passport",
}  # fmt: skip

# 4b853fc (places in their own module): fewer keys (no last, menu_first, emergency_for,
# share_asked, kept), and the places offered have no name in the person's script.
EARLY_WHICH_TRIPOLI: dict[str, Any] = {
    "flow": "distress",
    "version": FLOW_VERSION,
    "step": "location",
    "lang": "en",
    "misses": 0,
    "answers": {"consent": "yes", "safety": "safe"},
    "done": False,
    "ended": None,
    "pending": {
        "kind": "place",
        "typed": "Tripoli",
        "candidates": [
            {"id": "place:2210247", "title": "Tripoli, Libya", "place": "Tripoli",
             "country": "Libya", "country_code": "LY", "latitude": 32.8872, "longitude": 13.1913},
            {"id": "place:266826", "title": "Tripoli, Lebanon", "place": "Tripoli",
             "country": "Lebanon", "country_code": "LB", "latitude": 34.4367,
             "longitude": 35.8497},
        ],
        "situation": None,
    },
    "location": None,
    "case_open": False,
    "emergency": None,
    "forced": {},
    "reminded": None,
    "timers": [{"name": "expire", "at": "2025-01-13T10:00:00+00:00"}],
}  # fmt: skip

# ca07383: "did you mean: my agent has it?" open at the passport question.
ASK_BACK: dict[str, Any] = {
    **AFTER_PIN,
    "pending": {"kind": "confirm", "answer": "held_by_agent"},
}

# ca07383: the person wrote STOP (what `Turn.end` left).
STOPPED: dict[str, Any] = {
    **AFTER_PIN,
    "done": True,
    "ended": "stopped",
    "answers": {},
    "location": None,
    "timers": [],
}

# ca07383: a caseworker resolved the case (`runner.close`).
RESOLVED: dict[str, Any] = {
    **AFTER_PIN,
    "done": True,
    "ended": "resolved",
    "pending": None,
    "timers": [],
}

# The smallest states the hosts write: the script runner's language-only start, and a
# case fixture's running conversation without a flow version.
LANGUAGE_ONLY: dict[str, Any] = {"lang": "fr", "ended": "new"}
NO_VERSION: dict[str, Any] = {"flow": "distress", "step": "passport", "done": False}
