"""What every answer model shares: reading a step's table leniently, and writing it back.

A session file may be edited by hand or come from a newer version, so an answer table is read
with three rules: keys this version does not know are kept (and written back); a field of the
wrong type is read as if it were missing (its default), and a row of a list that cannot be read
is left out; and each such problem is reported, once, with where it is. Nothing raises.

Numbers are checked as numbers: a rating written as text ("3") is a wrong type, never coerced.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    PlainSerializer,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    WrapValidator,
    field_validator,
)
from pydantic_core import PydanticUseDefault

from workbook.data.models import PARTNER_KEYS, TOGETHER

Problems = list[str]
T = TypeVar("T")


def _report(info: ValidationInfo | None, where: str, error: ValidationError | str) -> None:
    context = (info.context if info is not None else None) or {}
    problems: Problems | None = context.get("problems")
    if problems is None:
        return
    message = error if isinstance(error, str) else error.errors()[0]["msg"]
    prefix = context.get("path", "")
    problems.append(f"{prefix}.{where}: {message}" if prefix else f"{where}: {message}")


def _within(info: ValidationInfo, more: str) -> dict[str, Any]:
    context = dict(info.context or {})
    context["path"] = f"{context['path']}.{more}" if context.get("path") else more
    return context


class Lenient(BaseModel):
    """A table read from a file: unknown keys kept, a field of the wrong type read as missing."""

    model_config = ConfigDict(extra="allow", strict=True, populate_by_name=True)

    @field_validator("*", mode="wrap")
    @classmethod
    def _or_default(cls, value: Any, handler: Callable[[Any], Any], info: ValidationInfo) -> Any:
        try:
            return handler(value)
        except ValidationError as error:
            _report(info, info.field_name or "?", error)
            raise PydanticUseDefault() from None

    def to_table(self) -> dict[str, Any]:
        """The table to write: unknown keys as they were, values not given left out."""
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)


def rows(model: type[T]) -> Any:
    """A list of ``model`` tables in which a row that cannot be read is left out (and reported),
    so one bad row never costs the others."""
    adapter = TypeAdapter(model)

    def validate(value: Any, handler: Any, info: ValidationInfo) -> list[T]:
        if not isinstance(value, list):
            raise ValueError("must be a list of tables")
        kept = []
        for index, item in enumerate(value):
            try:
                where = f"{info.field_name}[{index}]"
                kept.append(adapter.validate_python(item, context=_within(info, where)))
            except ValidationError as error:
                _report(info, f"{info.field_name}[{index}]", error)
        return kept

    return Annotated[
        list[model],  # type: ignore[valid-type]
        WrapValidator(validate),
        PlainSerializer(lambda items: [adapter.dump_python(i, exclude_none=True) for i in items]),
    ]


def _text_list(value: Any, handler: Any, info: ValidationInfo) -> list[str]:
    if not isinstance(value, list):
        raise ValueError("must be a list of text")
    kept = [item for item in value if isinstance(item, str)]
    if len(kept) != len(value):
        _report(info, info.field_name or "?", "only text is kept from this list")
    return kept


# A list of text in which anything that is not text is left out.
Texts = Annotated[list[str], WrapValidator(_text_list)]


def _whole_numbers(low: int, high: int) -> Any:
    def validate(value: Any, handler: Any, info: ValidationInfo) -> dict[str, int]:
        if not isinstance(value, dict):
            raise ValueError("must be a table of numbers")
        kept = {
            key: number
            for key, number in value.items()
            if isinstance(number, int) and not isinstance(number, bool) and low <= number <= high
        }
        if len(kept) != len(value):
            _report(
                info, info.field_name or "?", f"only whole numbers from {low} to {high} are kept"
            )
        return kept

    return Annotated[dict[str, int], WrapValidator(validate)]


def numbers_from(low: int, high: int) -> Any:
    """A table of whole numbers from ``low`` to ``high`` by name, leaving out any other value."""
    return _whole_numbers(low, high)


class StepAnswer(Lenient):
    """The answer table of one step, as a session file keeps it under answers.<pack>.<step>."""

    # True for kinds whose table is keyed by who answers (a, b, together); False for kinds
    # that keep a table of their own (chores, requests, listen, agreement).
    by_answerer: ClassVar[bool] = False
    # False for the kind that takes no answer (read): nothing of it shows in a document.
    has_answer: ClassVar[bool] = True

    @classmethod
    def read(cls, table: Any, problems: Problems | None = None, where: str = "") -> Self:
        """The answer in ``table`` (anything a file held); never raises."""
        context = {"problems": problems, "path": where}
        if not isinstance(table, Mapping):
            if table is not None and problems is not None:
                problems.append(f"{where}: must be a table; it is read as no answer")
            return cls.model_validate({}, context=context)
        return cls.model_validate(dict(table), context=context)

    def ratings(self, step: Any, key: str) -> dict[str | None, int]:
        """``key``'s ratings by item, for scores and trends: none, but for a kind whose pack
        model says it is rated (``KindRules.rated``)."""
        return {}


def answer_keys(mode: str | None) -> tuple[str, ...]:
    """The keys of an answer table in ``mode``: ``a`` and ``b``, or ``together``."""
    return (TOGETHER,) if mode == TOGETHER else PARTNER_KEYS
