"""What cannot be read of an answer table, in words any screen or document can say (issue 25).

Each problem is ``Words`` (``i18n/said.py``): ``str(problem)`` is the English the command line
prints, ``said_in(problem, tr)`` the same in ``tr``'s language. A problem names its place in
the session file (``{where}``, a key path such as ``answers.pack.step.a``, the same in every
language), what is wrong with it, and what the workbook does about it. What is wrong is said in
our own words, chosen by the type of pydantic's error (``what_is_wrong``), never in pydantic's,
which are English only; a type we have no words for is said as "cannot be read".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticCustomError

from workbook.i18n.catalog import N_
from workbook.i18n.said import Words

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

# TRANSLATORS: a problem of a session file. {where} is a place in the file, as the file names
# it (answers.pack.step.a): keep it as it is. {what} says what is wrong ("must be text"),
# {done} what the workbook does about it ("it is read as not given").
PROBLEM = N_("{where}: {what}; {done}")
# TRANSLATORS: {where} is a place in a session file (answers.pack.step.a): keep it as it is.
TEXT_ONLY = N_("{where}: only text is kept from this list")
# TRANSLATORS: {where} is a place in a session file (answers.pack.step.a): keep it as it is.
NUMBERS_ONLY = N_("{where}: only whole numbers from {low} to {high} are kept")
# TRANSLATORS: minutes a week. {where} is a place in a session file (answers.pack.step.tasks[0]
# .minutes): keep it as it is.
CAPPED = N_("{where}: at most {most}; it is read as that")

# What the workbook does about it ({done}).
NOT_GIVEN = N_("it is read as not given")
ROW_LEFT_OUT = N_("its row is left out")
LEFT_OUT = N_("it is left out")
NO_ANSWER = N_("it is read as no answer")

# What is wrong ({what}).
TEXT = N_("must be text")
NOT_EMPTY = N_("must not be empty")
WHOLE = N_("must be a whole number")
NUMBER = N_("must be a number")
TRUE_OR_FALSE = N_("must be true or false")
TABLE = N_("must be a table")
LIST = N_("must be a list")
DATE = N_("must be a date")
MISSING = N_("must be given")
NOT_ALLOWED = N_("is not one of the allowed values")
TOO_FEW = N_("has too few entries")
TOO_MANY = N_("has too many entries")
# TRANSLATORS: {limit} is a number.
AT_LEAST = N_("must be at least {limit}")
# TRANSLATORS: {limit} is a number.
MORE_THAN = N_("must be more than {limit}")
# TRANSLATORS: {limit} is a number.
AT_MOST = N_("must be at most {limit}")
# TRANSLATORS: {limit} is a number.
LESS_THAN = N_("must be less than {limit}")
UNREADABLE = N_("cannot be read")
# Our validators' own errors (``wrong``): a list or a table of a particular kind.
OURS = {
    "list_of_tables": N_("must be a list of tables"),
    "list_of_text": N_("must be a list of text"),
    "table_of_numbers": N_("must be a table of numbers"),
    "text_by_question": N_("must be a table of text by question"),
    "marks_by_question": N_("must be a table of marks by question"),
    "partner_keys": N_("must be a list of partner keys"),
}

# pydantic's error types, by what they say is wrong.
_SAID_BY_TYPE = {
    TEXT: ("string_type", "string_sub_type", "string_unicode"),
    NOT_EMPTY: ("string_too_short",),
    WHOLE: ("int_type", "int_parsing", "int_parsing_size", "int_from_float"),
    NUMBER: ("float_type", "float_parsing", "finite_number", "decimal_type", "decimal_parsing"),
    TRUE_OR_FALSE: ("bool_type", "bool_parsing"),
    TABLE: ("dict_type", "model_type", "model_attributes_type", "mapping_type"),
    LIST: ("list_type", "tuple_type", "iterable_type"),
    DATE: (
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
        "datetime_type",
        "datetime_parsing",
        "datetime_from_date_parsing",
        "datetime_object_invalid",
        "timezone_aware",
        "timezone_naive",
    ),
    MISSING: ("missing",),
    NOT_ALLOWED: ("literal_error", "enum"),
    TOO_FEW: ("too_short",),
    TOO_MANY: ("too_long",),
}
WHAT: dict[str, str] = {
    error_type: said for said, types in _SAID_BY_TYPE.items() for error_type in types
}
WHAT.update(OURS)
# Limits, with the bound pydantic gives in the error's context.
LIMITS = {
    "greater_than_equal": (AT_LEAST, "ge"),
    "greater_than": (MORE_THAN, "gt"),
    "less_than_equal": (AT_MOST, "le"),
    "less_than": (LESS_THAN, "lt"),
}


class Number:
    """A number in a problem: grouped in English ("10,080"), as each language writes it in
    ``said`` ("10.080")."""

    def __init__(self, value: float) -> None:
        # A bound given as 1 to a field of floats is 1.0 by the time pydantic says it.
        self.value = int(value) if isinstance(value, float) and value.is_integer() else value

    def __str__(self) -> str:
        return f"{self.value:,}" if isinstance(self.value, int) else str(self.value)

    def said(self, tr: Translations) -> str:
        return tr.format_number(self.value)


def wrong(kind: str) -> PydanticCustomError:
    """The error our validators raise for a value that is not a ``kind`` (a key of ``OURS``)."""
    return PydanticCustomError(kind, OURS[kind])


def what_is_wrong(error: Mapping[str, Any]) -> Words:
    """What pydantic's ``error`` (one of ``ValidationError.errors()``) says is wrong, in our
    words: chosen by its type, never its message."""
    error_type = str(error.get("type", ""))
    if error_type in LIMITS:
        template, bound = LIMITS[error_type]
        limit = (error.get("ctx") or {}).get(bound)
        if isinstance(limit, (int, float)) and not isinstance(limit, bool):
            return Words(template, limit=Number(limit))
    return Words(WHAT.get(error_type, UNREADABLE))


def problem(where: str, what: Words, done: str) -> Words:
    """A problem at ``where``: what is wrong, and what is done about it (a template above)."""
    return Words(PROBLEM, where=where, what=what, done=Words(done))
