"""What every answer model shares: reading a step's table leniently, and writing it back.

A session file may be edited by hand or come from a newer version, so an answer table is read
with three rules: keys this version does not know are kept (and written back); a field of the
wrong type is read as if it were missing (its default), and a row of a list that cannot be read
is left out; and each such problem is reported, once, with where it is, in words any screen or
document can say in its own language (``unread.py``). Nothing raises.

Numbers are checked as numbers: a rating written as text ("3") is a wrong type, never coerced.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar, Self, TypeVar, get_args

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
from pydantic_core import ErrorDetails, PydanticUseDefault

from workbook.data.answers import unread
from workbook.data.models import PARTNER_KEYS, TOGETHER
from workbook.i18n.said import Words

# What could not be read, each said in English by ``str`` and in any language by ``said_in``.
Problems = list[Words]
T = TypeVar("T")


def _report(info: ValidationInfo | None, where: str, template: str, **fields: object) -> None:
    """Add the problem ``template`` (of ``unread.py``) at ``where`` to the problems asked for."""
    context = (info.context if info is not None else None) or {}
    problems: Problems | None = context.get("problems")
    if problems is None:
        return
    problems.append(Words(template, where=_place(context.get("path", ""), where), **fields))


def _wrong(
    info: ValidationInfo | None, where: str, error: ValidationError | ErrorDetails, done: str
) -> None:
    """Report pydantic's ``error`` at ``where`` in our words, and ``done``: what is done."""
    found = error.errors()[0] if isinstance(error, ValidationError) else error
    what, did = unread.what_is_wrong(found), Words(done)
    _report(info, where, unread.PROBLEM, what=what, done=did)


def _place(prefix: str, where: str) -> str:
    return f"{prefix}.{where}" if prefix else where


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
        inner, required = _field_facts(cls, info.field_name or "")
        try:
            if inner is not None and isinstance(value, dict) and info.context:
                # A table within the table: its problems are said at its own place in the file.
                return inner.model_validate(value, context=_within(info, info.field_name or "?"))
            return handler(value)
        except ValidationError as error:
            # A field a row cannot do without costs the row (``rows``); any other is read as
            # not given: its default.
            done = unread.ROW_LEFT_OUT if required else unread.NOT_GIVEN
            _wrong(info, info.field_name or "?", error, done)
            raise PydanticUseDefault() from None

    def to_table(self) -> dict[str, Any]:
        """The table to write: unknown keys as they were, values not given left out."""
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)


# By model and field name: the lenient model the field holds, if any, and whether it is required.
_FACTS: dict[tuple[type[Lenient], str], tuple[type[Lenient] | None, bool]] = {}


def _field_facts(model: type[Lenient], name: str) -> tuple[type[Lenient] | None, bool]:
    """The lenient model field ``name`` of ``model`` holds (``Split``, ``Split | None``), or
    None; and whether a table cannot do without it. Worked out once per model and field."""
    found = _FACTS.get((model, name))
    if found is None:
        field = model.model_fields.get(name)
        options = (field.annotation, *get_args(field.annotation)) if field else ()
        inner = next((o for o in options if isinstance(o, type) and issubclass(o, Lenient)), None)
        found = _FACTS[(model, name)] = (inner, bool(field and field.is_required()))
    return found


def rows(model: type[T]) -> Any:
    """A list of ``model`` tables in which a row that cannot be read is left out (and reported),
    so one bad row never costs the others."""
    adapter = TypeAdapter(model)

    def validate(value: Any, handler: Any, info: ValidationInfo) -> list[T]:
        if not isinstance(value, list):
            raise unread.wrong("list_of_tables")
        kept = []
        for index, item in enumerate(value):
            where = f"{info.field_name}[{index}]"
            try:
                kept.append(adapter.validate_python(item, context=_within(info, where)))
            except ValidationError as error:
                _left_out(info, where, item, error.errors()[0])
        return kept

    return Annotated[
        list[model],  # type: ignore[valid-type]
        WrapValidator(validate),
        PlainSerializer(lambda items: [adapter.dump_python(i, exclude_none=True) for i in items]),
    ]


def _left_out(info: ValidationInfo, where: str, item: Any, error: ErrorDetails) -> None:
    """Report a row left out: not a table, or without a field it cannot do without (said
    once: a field that was there but could not be read has been reported already)."""
    if error["type"] != "missing" or not error["loc"]:
        _wrong(info, where, error, unread.LEFT_OUT)
        return
    field = str(error["loc"][0])
    if not (isinstance(item, Mapping) and field in item):
        _wrong(info, f"{where}.{field}", error, unread.ROW_LEFT_OUT)


def _text_list(value: Any, handler: Any, info: ValidationInfo) -> list[str]:
    if not isinstance(value, list):
        raise unread.wrong("list_of_text")
    kept = [item for item in value if isinstance(item, str)]
    if len(kept) != len(value):
        _report(info, info.field_name or "?", unread.TEXT_ONLY)
    return kept


# A list of text in which anything that is not text is left out.
Texts = Annotated[list[str], WrapValidator(_text_list)]


def _whole_numbers(low: int, high: int) -> Any:
    def validate(value: Any, handler: Any, info: ValidationInfo) -> dict[str, int]:
        if not isinstance(value, dict):
            raise unread.wrong("table_of_numbers")
        kept = {
            key: number
            for key, number in value.items()
            if isinstance(number, int) and not isinstance(number, bool) and low <= number <= high
        }
        if len(kept) != len(value):
            low_, high_ = unread.Number(low), unread.Number(high)
            _report(info, info.field_name or "?", unread.NUMBERS_ONLY, low=low_, high=high_)
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
                what, done = Words(unread.TABLE), Words(unread.NO_ANSWER)
                problems.append(Words(unread.PROBLEM, where=where, what=what, done=done))
            return cls.model_validate({}, context=context)
        return cls.model_validate(dict(table), context=context)

    def ratings(self, step: Any, key: str) -> dict[str | None, int]:
        """``key``'s ratings by item, for scores and trends: none, but for a kind whose pack
        model says it is rated (``KindRules.rated``)."""
        return {}


def answer_keys(mode: str | None) -> tuple[str, ...]:
    """The keys of an answer table in ``mode``: ``a`` and ``b``, or ``together``."""
    return (TOGETHER,) if mode == TOGETHER else PARTNER_KEYS
