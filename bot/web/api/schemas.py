"""Request bodies of the caseworker API (unknown fields are refused: 422)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Outcome = Literal["referred", "assisted", "unreachable", "duplicate", "not_a_case"]


class SendBody(BaseModel):
    """Exactly one of: {"text"}, {"canned": reply id}, {"template": name, "params": [...]}."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1, max_length=4096)
    canned: str | None = Field(default=None, min_length=1, max_length=100)
    template: str | None = Field(default=None, min_length=1, max_length=512)
    params: list[str] | None = Field(default=None, max_length=10)

    @model_validator(mode="after")
    def _one_kind(self) -> SendBody:
        if sum(x is not None for x in (self.text, self.canned, self.template)) != 1:
            raise ValueError("give exactly one of text, canned or template")
        if self.params is not None and self.template is None:
            raise ValueError("params go with a template")
        return self


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=10_000)


class ResolveBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Outcome
    closing: str | None = Field(default=None, min_length=1, max_length=100)  # a canned reply


class RouteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    team: str = Field(min_length=1, max_length=100)


class ConsentBody(BaseModel):
    """Ask the person whether we may contact this recipient (e.g. "embassy")."""

    model_config = ConfigDict(extra="forbid")

    recipient: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")
