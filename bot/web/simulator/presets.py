"""Places the simulator can share as a location pin without a map."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    latitude: float
    longitude: float


PRESETS: tuple[Preset, ...] = (
    Preset("tripoli", "Tripoli, Libya", 32.8872, 13.1913),
    Preset("tangier", "Tangier, Morocco", 35.7595, -5.8340),
    Preset("oujda", "Oujda, Morocco", 34.6814, -1.9086),
    Preset("sabha", "Sabha, Libya", 27.0377, 14.4283),
    Preset("agadez", "Agadez, Niger", 16.9733, 7.9911),
    # Central Mediterranean, 120 km or more from Tripoli, Lampedusa and Malta.
    Preset("sea", "At sea (central Mediterranean)", 34.0000, 13.6000),
)
BY_KEY = {p.key: p for p in PRESETS}
