"""Pydantic models of the exercise pack format, format 1 (DESIGN.md section 4).

The models hold every rule of the format, so a ``Pack`` that exists is a valid pack. Rules that
span several keys raise a ``pack_rule`` error whose context lists each problem with the key path
it belongs to, so the loader can point at the exact line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from workbook.packs.rules import (
    BY_MODE,
    ONE,
    KindRules,
    RuleProblem,
    cross_step_problems,
    mode_problems,
    placeholder_problems,
    repeats,
    score_problems,
)
from workbook.packs.said import VALUE, Change, Said
from workbook.packs.texts import Body, Id, LanguageTag, Line, Markdown, Options, Plain, Text

FORMAT = 1
# A scale's gap when it gives none (DESIGN.md section 4).
DEFAULT_GAP = 2


AnswerMode = Literal["each-private", "each-open", "together", "each-sealed"]

ANSWER_MODES: tuple[str, ...] = get_args(AnswerMode)
PLACEHOLDER_KEYS = ("prompt", "help")


def said(key: str, message: str, fix: str, value: str | None = None) -> RuleProblem:
    """A rule's problem with ``key``: its message, the fix in words, and the value that makes
    it, when that is certain."""
    return (key,), Said(message, fix, Change(VALUE, value) if value is not None else None)


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
    # What the format's rules know of each kind, declared by the kind (see ``KindRules``).
    rules: ClassVar[KindRules] = KindRules()

    id: Id
    title: Line | None = None

    @model_validator(mode="after")
    def _check_rules(self) -> _Step:
        texts = {key: getattr(self, key, None) for key in PLACEHOLDER_KEYS}
        answer = getattr(self, "answer", None)
        problems = placeholder_problems(self.kind_name(), self.rules, answer, texts)
        problems += mode_problems(self.kind_name(), self.rules, answer)
        raise_rules(problems + self.rule_problems())
        return self

    def rule_problems(self, unsure: frozenset[str] = frozenset()) -> list[RuleProblem]:
        """Problems that span several keys of this step; kinds add their own.

        ``unsure`` names keys whose values are missing or wrong: a rule that reads one of them
        says nothing, so that one mistake never shows up as another.
        """
        return []

    @classmethod
    def kind_name(cls) -> str:
        return str(get_args(cls.model_fields["kind"].annotation)[0])


class ReadStep(_Step):
    """Markdown shown to both partners."""

    kind: Literal["read"]
    body: Body


class _Prompted(_Step):
    prompt: Plain
    help: Markdown | None = None


class _Answered(_Prompted):
    rules: ClassVar[KindRules] = KindRules(speaks=BY_MODE, has_outcome=True, phases=BY_MODE)

    answer: AnswerMode = "each-private"
    optional: bool = False


class TextStep(_Answered):
    """A written answer."""

    rules: ClassVar[KindRules] = KindRules(
        speaks=BY_MODE, has_outcome=True, sealable=True, phases=BY_MODE
    )

    kind: Literal["text"]
    max_chars: Annotated[int, Field(ge=1, le=100_000)] | None = None
    # Who would do what is written, when an agreement step offers it as a draft term: the
    # partner who wrote it, the other partner, or both. A together answer is done by both.
    done_by: Literal["writer", "partner", "both"] = "writer"


class ScaleStep(_Answered):
    """A number on a scale, for the prompt itself or for each item."""

    rules: ClassVar[KindRules] = KindRules(
        speaks=BY_MODE, has_outcome=True, rated=True, sealable=True, phases=BY_MODE
    )

    kind: Literal["scale"]
    items: Annotated[list[Line], Field(min_length=1, max_length=50)] = []
    min: int = 1
    max: int = 5
    low: Line | None = None
    high: Line | None = None
    # At the reveal, items whose two answers are this far apart or more are flagged.
    gap: Annotated[int, Field(ge=1)] = DEFAULT_GAP
    # A label for every point, min to max (a published measure's wording for each answer).
    labels: Annotated[list[Line], Field(min_length=2, max_length=11)] | None = None

    def rule_problems(self, unsure: frozenset[str] = frozenset()) -> list[RuleProblem]:
        problems = [] if "items" in unsure else repeats(self.items, ("items",), "item")
        if "labels" not in unsure and self.labels is not None:
            problems += repeats(self.labels, ("labels",), "label")
        if unsure & {"min", "max"}:
            return problems
        span = self.max - self.min
        if span < 1:
            why = f"max ({self.max}) must be greater than min ({self.min})"
            return [*problems, said("max", why, "make max greater than min")]
        if span > 10:
            why = f"max - min must be at most 10; it is {span}"
            return [*problems, said("max", why, "use a shorter scale")]
        if "labels" not in unsure and self.labels is not None and len(self.labels) != span + 1:
            points = span + 1
            why = (
                f"labels has {len(self.labels)} label{'s' if len(self.labels) != 1 else ''}, but "
                f"the scale from {self.min} to {self.max} has {points} points"
            )
            fix = f"give one label per point: {points} labels, the first for {self.min}"
            problems.append(said("labels", why, fix))
        # Only a gap that is written can be too large: by default, a two-point scale flags
        # nothing (a warning, when an agreement counts on it).
        written = "gap" in self.model_fields_set
        if "gap" not in unsure and written and self.gap > span:
            why = f"gap ({self.gap}) is larger than the scale ({span})"
            problems.append(said("gap", why, f"make gap {span} or less", str(span)))
        return problems


def point_label(step: ScaleStep, value: int) -> str | None:
    """The label of ``value`` on ``step``'s scale: its own from ``labels``, else ``low`` or
    ``high`` at the ends, else None."""
    if step.labels is not None and step.min <= value <= step.max:
        return step.labels[value - step.min]
    if value == step.min:
        return step.low
    return step.high if value == step.max else None


class ChoiceStep(_Answered):
    """Pick one or more options."""

    rules: ClassVar[KindRules] = KindRules(
        speaks=BY_MODE, has_outcome=True, sealable=True, phases=BY_MODE
    )

    kind: Literal["choice"]
    options: Options
    pick_min: Annotated[int, Field(ge=0)] = 1
    pick_max: Annotated[int, Field(ge=1)] = 1
    other: bool = False

    def rule_problems(self, unsure: frozenset[str] = frozenset()) -> list[RuleProblem]:
        if "options" in unsure:
            return []
        problems = repeats(self.options, ("options",), "option")
        if unsure & {"pick_min", "pick_max", "other"}:
            return problems
        available = len(self.options) + (1 if self.other else 0)
        if self.pick_min > self.pick_max:
            why = f"pick_min ({self.pick_min}) is more than pick_max ({self.pick_max})"
            problems.append(said("pick_min", why, "make pick_min at most pick_max"))
        elif self.pick_max > available:
            extra = " plus one written in" if self.other else ""
            why = f"pick_max ({self.pick_max}) is more than the {len(self.options)} options{extra}"
            fix = f"make pick_max {available} or less, or add options"
            problems.append(said("pick_max", why, fix, str(available)))
        return problems


class RankStep(_Answered):
    """Put options in order, most important first."""

    rules: ClassVar[KindRules] = KindRules(
        speaks=BY_MODE,
        has_outcome=True,
        references={"options_from": ("choice", False)},
        phases=BY_MODE,
    )

    kind: Literal["rank"]
    options: Options | None = None
    options_from: Id | None = None

    def rule_problems(self, unsure: frozenset[str] = frozenset()) -> list[RuleProblem]:
        if unsure & {"options", "options_from"}:
            return []
        if (self.options is None) == (self.options_from is None):
            why = "give exactly one of options or options_from"
            return [said("options", why, "keep options (a list) or options_from (a choice step)")]
        return repeats(self.options or [], ("options",), "option")


class Task(_Model):
    """A household task in a chores step's starter list."""

    name: Line
    minutes: Annotated[int, Field(ge=0, le=10_080)] = 0


class GuessStep(_Prompted):
    """How well you know each other's world: each partner privately answers each question about
    themselves, then guesses the other's answers; the reveal shows every answer beside its guess,
    and the one it is about marks the guess."""

    rules: ClassVar[KindRules] = KindRules(speaks=ONE, has_outcome=True, phases="always private")

    kind: Literal["guess"]
    questions: Annotated[list[Line], Field(min_length=1, max_length=20)]

    def rule_problems(self, unsure: frozenset[str] = frozenset()) -> list[RuleProblem]:
        if "questions" in unsure:
            return []
        return repeats(self.questions, ("questions",), "question")


class ChoresStep(_Prompted):
    """The work that keeps a home running, shared fairly."""

    rules: ClassVar[KindRules] = KindRules(has_outcome=True, phases="chores")

    kind: Literal["chores"]
    tasks: Annotated[list[Task], Field(max_length=200)] = []

    def rule_problems(self, unsure: frozenset[str] = frozenset()) -> list[RuleProblem]:
        if "tasks" in unsure:
            return []
        # Raw tables when the loader checks a step whose tasks did not validate.
        names = [task.get("name") if isinstance(task, dict) else task.name for task in self.tasks]
        return [((*path, "name"), message) for path, message in repeats(names, ("tasks",), "task")]


class RequestsStep(_Prompted):
    """Each partner asks for something; the other weighs it."""

    rules: ClassVar[KindRules] = KindRules(speaks=ONE, has_outcome=True, takes_turns=True)

    kind: Literal["requests"]
    max_per_partner: Annotated[int, Field(ge=1, le=10)] = 3


class ListenStep(_Prompted):
    """The speaker-listener practice."""

    rules: ClassVar[KindRules] = KindRules(speaks=ONE, has_outcome=True, takes_turns=True)

    kind: Literal["listen"]
    turn_minutes: Annotated[int, Field(ge=1, le=60)] | None = None
    rounds: Annotated[int, Field(ge=1, le=5)] = 1


class AgreementStep(_Prompted):
    """Terms the couple agrees to try, each confirmed by both."""

    rules: ClassVar[KindRules] = KindRules(references={"from": (None, True)})

    kind: Literal["agreement"]
    from_: Annotated[list[Id], Field(alias="from", max_length=20)] = []
    review_days: Annotated[int, Field(ge=1, le=366)] = 28


Step = Annotated[
    ReadStep
    | TextStep
    | ScaleStep
    | ChoiceStep
    | RankStep
    | GuessStep
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
        GuessStep,
        ChoresStep,
        RequestsStep,
        ListenStep,
        AgreementStep,
    )
}
KINDS: tuple[str, ...] = tuple(STEP_MODELS)
KIND_RULES: dict[str, KindRules] = {kind: model.rules for kind, model in STEP_MODELS.items()}


class Band(_Model):
    """A band of a score: from ``min`` up, it reads ``label``."""

    # A whole number or a decimal: a strict float takes both, and one type gives one message
    # for a wrong value (a union would give one per member, at paths that run on past it).
    min: Annotated[float, Field(allow_inf_nan=False)]
    label: Line


class Score(_Model):
    """A score per partner from the scale answers of some steps: a measure over time."""

    id: Id
    title: Line
    from_: Annotated[list[Id], Field(alias="from", min_length=1, max_length=20)]
    method: Literal["sum", "mean"] = "sum"
    # "step" or "step.item": counted as min + max - answer.
    reverse: Annotated[list[str], Field(max_length=200)] = []
    bands: Annotated[list[Band], Field(max_length=20)] = []


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
    summary: Text
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    topics: Annotated[list[Line], Field(max_length=20)] = []
    credits: Text | None = None
    recurring: bool = False
    language: LanguageTag = "en"
    steps: Annotated[list[Step], Field(min_length=1, max_length=200)]
    scores: Annotated[list[Score], Field(max_length=20)] = []

    @model_validator(mode="after")
    def _check_rules(self) -> Pack:
        steps = [step.model_dump(by_alias=True) for step in self.steps]
        scores = [score.model_dump(by_alias=True) for score in self.scores]
        raise_rules(
            cross_step_problems(steps, KIND_RULES) + score_problems(scores, steps, KIND_RULES)
        )
        return self

    def step(self, step_id: str) -> Step:
        """The step with id ``step_id``."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)
