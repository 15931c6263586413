"""The NGO flow format (`schema_version: 1`) as pydantic models.

A flow is an ordered list of steps. Question steps (choice, language, text, number,
location) wait for the person; action steps (set, case, priority, say, emergency, handoff,
end) run at once and move on. `next:` names the following step, or lists branches with
`when:` conditions on answers; without it the next step in the list follows.

Message ids default from the step id (`<step>-prompt`, `<step>-<option>`), so the YAML
names words, never sentences: sentences live in `locales/<tag>/bot.ftl`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

SCHEMA_VERSION = 1
Priority = Literal["urgent", "high", "normal"]
GlobalWord = Literal["help", "restart", "language", "stop", "erase", "change"]
ALL_GLOBAL_WORDS: list[GlobalWord] = ["help", "restart", "language", "stop", "erase", "change"]

# Keys with a meaning of their own inside `when:`; answers cannot use these names.
COMBINATORS = ("any", "all", "not")
OPERATORS = ("in", "not_in", "not", "min", "max", "exists")
# Facts a condition can test besides answers.
FACTS = ("language", "country", "situation", "position")

ID_PATTERN = r"^[a-z](?:[a-z0-9_]*[a-z0-9])?$"  # no trailing "_": reserved for the engine
StepId = Annotated[str, Field(pattern=ID_PATTERN)]
MessageId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]

_DURATION = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


def parse_duration(value: Any) -> timedelta:
    """`30m`, `2h`, `7d`, `45s`, or a number of seconds."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return timedelta(seconds=value)
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(f"{value!r} is not a duration; write e.g. 30m, 2h or 7d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


Duration = Annotated[timedelta, BeforeValidator(parse_duration)]


def check_condition(cond: Any) -> dict[str, Any]:
    """Validate the shape of a `when:` mapping (evaluation lives in conditions.py)."""
    if not isinstance(cond, dict) or not cond:
        raise ValueError("a condition is a mapping such as {safety: danger_now}")
    for key, value in cond.items():
        if key in ("any", "all"):
            if not isinstance(value, list) or not value:
                raise ValueError(f"'{key}:' takes a list of conditions")
            for item in value:
                check_condition(item)
        elif key == "not":
            check_condition(value)
        elif isinstance(value, dict):
            unknown = [op for op in value if op not in OPERATORS]
            if unknown or not value:
                raise ValueError(
                    f"unknown test {unknown or '{}'} on '{key}'; use one of {', '.join(OPERATORS)}"
                )
            for op in ("in", "not_in"):
                if op in value and not isinstance(value[op], list):
                    raise ValueError(f"'{op}:' on '{key}' takes a list, e.g. [a, b]")
        elif isinstance(value, list):
            raise ValueError(f"to test '{key}' against a list write {{in: [...]}}")
    return cond


Condition = Annotated[dict[str, Any], AfterValidator(check_condition)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Branch(Strict):
    when: Condition | None = None
    goto: StepId


def _branches(value: Any) -> Any:
    return [{"goto": value}] if isinstance(value, str) else value


Next = Annotated[list[Branch] | None, BeforeValidator(_branches)]


class OptionSpec(Strict):
    id: StepId
    label: MessageId | None = None  # default: <step>-<option>
    words: dict[str, list[str]] = Field(default_factory=dict)  # typed synonyms per language
    # Other answers whose words also mean this one: at "Are you in danger right now?",
    # "yes" is danger_now (`means: ["yes"]`). The option's own words come first.
    means: list[StepId] = Field(default_factory=list)
    contact_prefs: dict[str, Any] | None = None  # e.g. {safe_to_message_first: true}


def _options(value: Any) -> Any:
    if isinstance(value, list):
        return [{"id": v} if isinstance(v, str | int) else v for v in value]
    return value


class TimeoutSpec(Strict):
    after: Duration
    action: Literal["reminder", "handoff", "expire"] = "reminder"


class StepBase(Strict):
    id: StepId
    next: Next = None
    say: MessageId | None = None  # said when the step is reached, before its question


class QuestionBase(StepBase):
    prompt: MessageId | None = None  # default: <step>-prompt
    answer: StepId | None = None  # stored as answers.<answer>; default: the step id
    skippable: bool = False
    timeout: TimeoutSpec | None = None


class ChoiceStep(QuestionBase):
    kind: Literal["choice"]
    options: Annotated[list[OptionSpec], BeforeValidator(_options), Field(min_length=1)]
    # A typed answer is also kept as written under this answer id, and one that is none of
    # the options moves on instead of being asked again (questions that must never block).
    free_text: StepId | None = None


class LanguageStep(QuestionBase):
    kind: Literal["language"]
    languages: list[str] | None = None  # default: every locale with a catalog


class TextStep(QuestionBase):
    kind: Literal["text"]
    max_length: int = Field(default=500, ge=1)


class NumberStep(QuestionBase):
    kind: Literal["number"]
    min: int | None = None
    max: int | None = None
    # Words in the same answer that also answer another question ("5, two children"):
    # {answer: {language: [words]}} records `answer: "yes"` when one of the words is there.
    also: dict[StepId, dict[str, list[str]]] = Field(default_factory=dict)


class LocationStep(QuestionBase):
    kind: Literal["location"]
    near_km: float = Field(default=10.0, ge=0)  # farther than this from a town: "near"


class SetStep(StepBase):
    kind: Literal["set"]
    answer: StepId
    value: Any


class CaseStep(StepBase):
    kind: Literal["case"]
    action: Literal["open", "update"] = "open"


class PriorityStep(StepBase):
    kind: Literal["priority"]
    level: Priority  # at least this priority from now on
    rule: StepId | None = None  # recorded in rules_fired; default: the step id


class SayStep(StepBase):
    kind: Literal["say"]
    say: MessageId


class EmergencyStep(StepBase):
    kind: Literal["emergency"]


class HandoffStep(StepBase):
    kind: Literal["handoff"]


class EndStep(StepBase):
    kind: Literal["end"]
    erase: bool = False  # nothing about the person is kept (e.g. consent declined)
    # When a caseworker hands the chat back after this end, the flow goes on at this step
    # (e.g. the questions left out of the danger path); without it the bot only says so.
    on_handback: StepId | None = None


QUESTION_KINDS = ("choice", "language", "text", "number", "location")
Step = Annotated[
    ChoiceStep
    | LanguageStep
    | TextStep
    | NumberStep
    | LocationStep
    | SetStep
    | CaseStep
    | PriorityStep
    | SayStep
    | EmergencyStep
    | HandoffStep
    | EndStep,
    Field(discriminator="kind"),
]
STEP_MODELS: dict[str, type[StepBase]] = {
    m.model_fields["kind"].annotation.__args__[0]: m  # type: ignore[union-attr]
    for m in (
        ChoiceStep,
        LanguageStep,
        TextStep,
        NumberStep,
        LocationStep,
        SetStep,
        CaseStep,
        PriorityStep,
        SayStep,
        EmergencyStep,
        HandoffStep,
        EndStep,
    )
}


class Rule(Strict):
    id: StepId
    priority: Priority
    when: Condition


class PrioritySpec(Strict):
    default: Priority = "normal"
    rules: list[Rule] = Field(default_factory=list)


class Indicator(Strict):
    """A sign (e.g. one of the ILO's forced-labour indicators) shown on the case when its
    condition holds; unlike a priority rule it does not change the priority."""

    id: StepId
    when: Condition


class Closing(Strict):
    """What happens when a caseworker resolves the case: the bot asks nothing more; the
    answers listed in `keep` start the person's next conversation (not asked again)."""

    keep: list[StepId] = Field(default_factory=list)


class Globals(Strict):
    words: list[GlobalWord] = Field(default_factory=lambda: list(ALL_GLOBAL_WORDS))
    max_misses: int = Field(default=2, ge=1)


class Timeouts(Strict):
    expire_after: Duration = timedelta(days=7)


def _schema_version(value: int) -> int:
    if value > SCHEMA_VERSION:
        raise ValueError(
            f"schema_version {value} is newer than this Sauti supports ({SCHEMA_VERSION})"
        )
    if value < 1:
        raise ValueError("schema_version starts at 1")
    return value


class FlowSpec(Strict):
    schema_version: Annotated[int, AfterValidator(_schema_version)]
    id: StepId
    title: str | None = None
    description: str | None = None
    steps: list[Step] = Field(min_length=1)
    priority: PrioritySpec = Field(default_factory=PrioritySpec)
    indicators: list[Indicator] = Field(default_factory=list)
    closing: Closing = Field(default_factory=Closing)
    globals: Globals = Field(default_factory=Globals)
    timeouts: Timeouts = Field(default_factory=Timeouts)


def prompt_id(step: QuestionBase) -> str:
    return step.prompt or f"{step.id}-prompt"


def answer_key(step: QuestionBase | SetStep) -> str:
    return step.answer or step.id


def option_label(step: StepBase, option: OptionSpec) -> str:
    return option.label or f"{step.id}-{option.id}"
