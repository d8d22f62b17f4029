"""Pydantic models of the exercise pack format, format 1 (DESIGN.md section 4).

The models hold every rule of the format, so a ``Pack`` that exists is a valid pack. Rules that
span several keys raise a ``pack_rule`` error whose context lists each problem with the key path
it belongs to, so the loader can point at the exact line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal, TypeAlias, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from workbook.packs import placeholders
from workbook.text import clean, clean_line

FORMAT = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

KeyPath: TypeAlias = tuple[str | int, ...]
RuleProblem: TypeAlias = tuple[KeyPath, str]


def _not_empty(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("empty", "must not be empty")
    return text


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError("duplicate", 'lists "{value}" twice', {"value": value})
        seen.add(value)
    return values


Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
# Plain text shown on one line (titles, options); never read as markup.
Line = Annotated[str, Field(min_length=1), AfterValidator(clean_line), AfterValidator(_not_empty)]
# Plain text that may run over several lines (prompts).
Plain = Annotated[str, Field(min_length=1), AfterValidator(clean), AfterValidator(_not_empty)]
# Markdown (read bodies and help).
Markdown = Annotated[str, Field(min_length=1), AfterValidator(clean), AfterValidator(_not_empty)]
Options = Annotated[list[Line], Field(min_length=2, max_length=50), AfterValidator(_unique)]
AnswerMode = Literal["each-private", "each-open", "together"]

ANSWER_MODES: tuple[str, ...] = ("each-private", "each-open", "together")
PLACEHOLDER_KEYS = ("prompt", "help")
_ANSWERED_KINDS = frozenset({"text", "scale", "choice", "rank"})
_ONE_AT_A_TIME_KINDS = frozenset({"requests", "listen"})


def speaks_to_one(kind: str, answer: object) -> bool:
    """True when a step of ``kind`` in ``answer`` mode addresses one partner at a time."""
    if kind in _ANSWERED_KINDS:
        return answer != "together"
    return kind in _ONE_AT_A_TIME_KINDS


def placeholder_problems(kind: str, answer: object, texts: dict[str, Any]) -> list[RuleProblem]:
    """What is wrong with the placeholders of a step's prompt and help.

    Takes raw values too, so the loader can report these beside a step's other problems.
    """
    problems: list[RuleProblem] = []
    for key, text in texts.items():
        if not isinstance(text, str):
            continue
        problems += [((key,), message) for message in placeholders.problems(text)]
        if placeholders.used(text) and not speaks_to_one(kind, answer):
            if kind in _ANSWERED_KINDS:
                reason = 'when answer = "together": one shared answer speaks for both of you'
            else:
                reason = f"in {article(kind)} {kind} step, which speaks to both of you at once"
            problems.append(((key,), f"{{me}} and {{partner}} are not allowed {reason}"))
    return problems


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def raise_rules(problems: Sequence[RuleProblem]) -> None:
    """Raise one ``pack_rule`` error that carries every problem with its key path."""
    if problems:
        summary = "; ".join(message for _, message in problems)
        raise PydanticCustomError(
            "pack_rule", "{summary}", {"summary": summary, "problems": list(problems)}
        )


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class _Step(_Model):
    id: Id
    title: Line | None = None

    @model_validator(mode="after")
    def _check_rules(self) -> _Step:
        texts = {key: getattr(self, key, None) for key in PLACEHOLDER_KEYS}
        problems = placeholder_problems(self.kind_name(), getattr(self, "answer", None), texts)
        raise_rules(problems + self.rule_problems())
        return self

    def rule_problems(self) -> list[RuleProblem]:
        """Problems that span several keys of this step; kinds add their own."""
        return []

    @classmethod
    def kind_name(cls) -> str:
        return str(get_args(cls.model_fields["kind"].annotation)[0])


class ReadStep(_Step):
    """Markdown shown to both partners."""

    kind: Literal["read"]
    body: Markdown


class _Prompted(_Step):
    prompt: Plain
    help: Markdown | None = None


class _Answered(_Prompted):
    answer: AnswerMode = "each-private"
    optional: bool = False


class TextStep(_Answered):
    """A written answer."""

    kind: Literal["text"]
    max_chars: Annotated[int, Field(ge=1, le=100_000)] | None = None


class ScaleStep(_Answered):
    """A number on a scale, for the prompt itself or for each item."""

    kind: Literal["scale"]
    items: Annotated[list[Line], Field(min_length=1, max_length=50), AfterValidator(_unique)] = []
    min: int = 1
    max: int = 5
    low: Line | None = None
    high: Line | None = None
    gap: Annotated[int, Field(ge=1)] | None = None

    def rule_problems(self) -> list[RuleProblem]:
        span = self.max - self.min
        if span < 1:
            return [(("max",), f"max ({self.max}) must be greater than min ({self.min})")]
        if span > 10:
            return [(("max",), f"max - min must be at most 10; it is {span}")]
        if self.gap is not None and self.gap > span:
            return [(("gap",), f"gap ({self.gap}) is larger than the scale ({span})")]
        return []


class ChoiceStep(_Answered):
    """Pick one or more options."""

    kind: Literal["choice"]
    options: Options
    pick_min: Annotated[int, Field(ge=0)] = 1
    pick_max: Annotated[int, Field(ge=1)] = 1
    other: bool = False

    def rule_problems(self) -> list[RuleProblem]:
        available = len(self.options) + (1 if self.other else 0)
        if self.pick_min > self.pick_max:
            return [
                (
                    ("pick_min",),
                    f"pick_min ({self.pick_min}) is more than pick_max ({self.pick_max})",
                )
            ]
        if self.pick_max > available:
            extra = " plus one written in" if self.other else ""
            return [
                (
                    ("pick_max",),
                    f"pick_max ({self.pick_max}) is more than the {len(self.options)} "
                    f"options{extra}",
                )
            ]
        return []


class RankStep(_Answered):
    """Put options in order, most important first."""

    kind: Literal["rank"]
    options: Options | None = None
    options_from: Id | None = None

    def rule_problems(self) -> list[RuleProblem]:
        if (self.options is None) == (self.options_from is None):
            return [(("options",), "give exactly one of options or options_from")]
        return []


class Task(_Model):
    """A household task in a chores step's starter list."""

    name: Line
    minutes: Annotated[int, Field(ge=0, le=10_080)] = 0


class ChoresStep(_Prompted):
    """The work that keeps a home running, shared fairly."""

    kind: Literal["chores"]
    tasks: Annotated[list[Task], Field(max_length=200)] = []

    def rule_problems(self) -> list[RuleProblem]:
        seen: set[str] = set()
        problems: list[RuleProblem] = []
        for index, task in enumerate(self.tasks):
            if task.name in seen:
                problems.append((("tasks", index, "name"), f'task "{task.name}" is listed twice'))
            seen.add(task.name)
        return problems


class RequestsStep(_Prompted):
    """Each partner asks for something; the other weighs it."""

    kind: Literal["requests"]
    max_per_partner: Annotated[int, Field(ge=1, le=10)] = 3


class ListenStep(_Prompted):
    """The speaker-listener practice."""

    kind: Literal["listen"]
    turn_minutes: Annotated[int, Field(ge=1, le=60)] | None = None
    rounds: Annotated[int, Field(ge=1, le=5)] = 1


class AgreementStep(_Prompted):
    """Terms the couple agrees to try, each confirmed by both."""

    kind: Literal["agreement"]
    from_: Annotated[list[Id], Field(alias="from", max_length=20)] = []
    review_days: Annotated[int, Field(ge=1, le=366)] = 28


Step = Annotated[
    ReadStep
    | TextStep
    | ScaleStep
    | ChoiceStep
    | RankStep
    | ChoresStep
    | RequestsStep
    | ListenStep
    | AgreementStep,
    Field(discriminator="kind"),
]

STEP_MODELS: dict[str, type[_Step]] = {
    model.kind_name(): model
    for model in (
        ReadStep,
        TextStep,
        ScaleStep,
        ChoiceStep,
        RankStep,
        ChoresStep,
        RequestsStep,
        ListenStep,
        AgreementStep,
    )
}
KINDS: tuple[str, ...] = tuple(STEP_MODELS)
# Kinds whose steps have an outcome that an agreement step can offer as a draft term.
OUTCOME_KINDS = frozenset({"text", "scale", "choice", "rank", "chores", "requests", "listen"})


def _format_version(value: int) -> int:
    if value > FORMAT:
        raise PydanticCustomError(
            "format_newer",
            "this pack needs a newer workbook: it is format {value}, and this workbook reads "
            "format {known}",
            {"value": value, "known": FORMAT},
        )
    if value < FORMAT:
        raise PydanticCustomError("format_older", "format must be 1")
    return value


class Pack(_Model):
    """One exercise pack: a titled sequence of steps."""

    format: Annotated[int, AfterValidator(_format_version), Field(json_schema_extra={"const": 1})]
    id: Id
    title: Line
    summary: Plain
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    topics: Annotated[list[Line], Field(max_length=20)] = []
    credits: Plain | None = None
    recurring: bool = False
    steps: Annotated[list[Step], Field(min_length=1, max_length=200)]

    @model_validator(mode="after")
    def _check_steps(self) -> Pack:
        raise_rules(cross_step_problems([step.model_dump(by_alias=True) for step in self.steps]))
        return self

    def step(self, step_id: str) -> Step:
        """The step with id ``step_id``."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)


def cross_step_problems(steps: Sequence[Any]) -> list[RuleProblem]:
    """Problems between steps: repeated ids and references to steps that do not come earlier.

    Takes raw tables too, so the loader can report these beside the problems inside a step.
    """
    problems: list[RuleProblem] = []
    earlier: dict[str, str] = {}
    for index, raw in enumerate(steps):
        if not isinstance(raw, dict):
            continue
        step_id, kind = raw.get("id"), raw.get("kind")
        if isinstance(step_id, str) and step_id in earlier:
            problems.append(((index, "id"), f'step id "{step_id}" is used by an earlier step'))
        ref = raw.get("options_from")
        if kind == "rank" and isinstance(ref, str) and earlier.get(ref) != "choice":
            problems.append(
                ((index, "options_from"), f'"{ref}" is not an earlier choice step of this pack')
            )
        refs = raw.get("from")
        if kind == "agreement" and isinstance(refs, list):
            for position, ref in enumerate(refs):
                if not isinstance(ref, str):
                    continue
                if ref not in earlier:
                    message = f'"{ref}" is not an earlier step of this pack'
                elif earlier[ref] not in OUTCOME_KINDS:
                    message = f'"{ref}" is a {earlier[ref]} step, which has no outcome to offer'
                else:
                    continue
                problems.append(((index, "from", position), message))
        if isinstance(step_id, str) and step_id not in earlier and isinstance(kind, str):
            earlier[step_id] = kind
    return [(("steps", *path), message) for path, message in problems]
