"""Pins: at sea is at sea (never "near <town>"), the desert is the desert, Western Sahara
has its own code (Moroccan services answer there), and the land mask itself."""

from __future__ import annotations

import pytest

from bot.geo.gazetteer import Gazetteer
from bot.geo.land import LandMask, get_land_mask


@pytest.mark.parametrize(
    ("lat", "lon", "coast"),
    [
        (33.9, 13.2, "LY"),  # 126 km off Tripoli (the pin)
        (34.0, 15.0, "LY"),  # the central Mediterranean, between Libya and Malta
        (35.2, 12.9, "IT"),  # 20 km off Lampedusa
        (36.0, -3.5, None),  # the Alboran Sea
        (28.5, -14.5, None),  # the Atlantic between Tarfaya and the Canaries
        (20.0, 38.5, None),  # the Red Sea
        (26.5, 51.5, None),  # the Gulf
        (32.95, 13.19, "LY"),  # 7 km off Tripoli's shore
    ],
)
def test_a_pin_at_sea_is_at_sea(gazetteer: Gazetteer, lat: float, lon: float, coast) -> None:
    pin = gazetteer.resolve_pin(lat, lon)
    assert pin is not None and pin.situation == "at_sea"
    if coast:
        assert pin.country_code == coast


@pytest.mark.parametrize(
    ("lat", "lon", "cc"),
    [
        (32.8872, 13.1913, "LY"),  # Tripoli
        (32.883, 13.35, "LY"),  # Tajoura's beach
        (35.505, 12.60, "IT"),  # Lampedusa
        (35.90, 14.45, "MT"),  # Malta
        (26.22, 50.58, "BH"),  # Manama
        (36.80, 10.18, "TN"),  # Tunis, by the lake
    ],
)
def test_a_pin_on_land_or_on_the_shore_is_not_at_sea(
    gazetteer: Gazetteer, lat: float, lon: float, cc: str
) -> None:
    pin = gazetteer.resolve_pin(lat, lon)
    assert pin is not None and pin.situation is None and pin.country_code == cc


@pytest.mark.parametrize(("lat", "lon"), [(23.70, -15.93), (27.15, -13.20)])
def test_dakhla_and_laayoune_pins_are_western_sahara(
    gazetteer: Gazetteer, lat: float, lon: float
) -> None:
    pin = gazetteer.resolve_pin(lat, lon)
    assert pin is not None and pin.country_code == "EH" and pin.situation is None


@pytest.mark.parametrize(("lat", "lon"), [(26.0, 16.5), (21.0, 8.0), (20.5, 47.0)])
def test_a_pin_deep_in_the_desert_is_in_the_desert(
    gazetteer: Gazetteer, lat: float, lon: float
) -> None:
    pin = gazetteer.resolve_pin(lat, lon)
    assert pin is not None and pin.situation == "in_desert" and pin.distance_km > 50


def test_a_pin_near_assamaka_names_it(gazetteer: Gazetteer) -> None:
    pin = gazetteer.resolve_pin(19.40, 5.80)
    assert pin is not None and pin.name == "Assamaka" and pin.situation is None


def test_outside_the_land_extract_nothing_is_judged() -> None:
    mask = get_land_mask()
    assert mask.at_sea(0.0, -30.0) is None  # mid-Atlantic: the nearest town, as before
    assert mask.at_sea(34.0, 15.0) is True


def test_land_mask_on_a_square_island() -> None:
    island = [0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0]
    lake = [0.4, 0.4, 0.6, 0.4, 0.6, 0.6, 0.4, 0.6, 0.4, 0.4]
    mask = LandMask([island, lake], (-5.0, -5.0, 5.0, 5.0))
    assert mask.on_land(0.2, 0.2) and not mask.on_land(0.5, 0.5)  # the lake is a hole
    assert mask.at_sea(0.5, 1.5) is True  # ~55 km off the north shore
    assert mask.at_sea(0.5, 1.01) is False  # 1 km off: the shore
    assert mask.coast_km(0.5, 1.01) == pytest.approx(1.1, abs=0.1)
