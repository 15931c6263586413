"""The NGO's place file (`flows/places.yaml`): preferred countries, ignored words, aliases.

Loading validates the file and reports problems as `path:line: message`, so
`sauti flows check` can point an NGO editor at the exact line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from bot.geo._yaml import read_yaml, validation_message

_ISO2 = re.compile(r"^[A-Z]{2}$")


class PlacesFileError(ValueError):
    """The place file is missing, not YAML, or breaks the format; the message has file:line."""


def _country(value: object) -> str:
    code = str(value).strip().upper()
    if not _ISO2.match(code):
        raise ValueError(f"{value!r} is not a two-letter ISO country code such as LY or MA")
    return code


CountryCode = Annotated[str, BeforeValidator(_country)]


class Alias(BaseModel):
    """Names people type for one place."""

    model_config = ConfigDict(extra="forbid")

    place: str  # the place's name in the gazetteer (English/GeoNames spelling)
    country: CountryCode  # ISO 3166-1 alpha-2
    names: list[str] = Field(min_length=1)
    # Only used when the gazetteer does not have the place (a camp, a small town).
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    population: int | None = Field(default=None, ge=0)
    geonameid: int | None = None  # picks one place when the country has several of that name
    # True: other places with the same name stay as alternatives (the bot asks which one).
    ambiguous: bool = False
    # True: the names are of parts of the place (districts, camps), not the place itself,
    # so the bot never calls the place by one of them.
    district: bool = False
    note: str | None = None
    _line: int = PrivateAttr(default=0)

    @property
    def line(self) -> int:
        return self._line


SITUATIONS = ("at_sea", "in_desert", "in_vehicle", "detained")


class PlacesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prefer_countries: list[CountryCode] = Field(default_factory=list)
    ignore_words: list[str] = Field(default_factory=list)
    # "I don't know" in every language: the location is unknown, never a fuzzy town.
    dont_know: list[str] = Field(default_factory=list)
    # Where a person is when it is not a town: at sea, in the desert, in a truck, detained.
    situations: dict[str, list[str]] = Field(default_factory=dict)
    # Country names and abbreviations people type besides the CLDR names (KSA, lmghrib).
    countries: dict[CountryCode, list[str]] = Field(default_factory=dict)
    aliases: list[Alias] = Field(default_factory=list)

    @field_validator("situations")
    @classmethod
    def _known_situations(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name in value:
            if name not in SITUATIONS:
                raise ValueError(f"unknown situation {name!r}; use one of: {', '.join(SITUATIONS)}")
        return value


def load_places(path: Path) -> PlacesFile:
    """Read and validate a place file. Raises PlacesFileError (with file:line) on any problem."""
    data, node = read_yaml(path, PlacesFileError)
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise PlacesFileError(f"{path}:1: expected keys such as prefer_countries, aliases")
    try:
        places = PlacesFile.model_validate(data)
    except ValidationError as exc:
        raise PlacesFileError(validation_message(path, node, exc)) from exc
    alias_nodes = _aliases_node(node)
    for i, alias in enumerate(places.aliases):
        if i < len(alias_nodes):
            alias._line = alias_nodes[i].start_mark.line + 1
    return places


def _aliases_node(node: yaml.Node | None) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == "aliases" and isinstance(v, yaml.SequenceNode):
                return list(v.value)
    return []
