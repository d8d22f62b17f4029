"""A wrong value in a pack author's words: each kind of pydantic error said in TOML's terms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from workbook.packs import wording
from workbook.packs.said import Said


def said(error_type: str, value: Any, path: tuple[str | int, ...] = ("x",), **ctx: Any) -> str:
    return wording.value_message(error_type, ctx, value, path, "Value error, fallback words")


@pytest.mark.parametrize(
    ("error_type", "value", "path", "ctx", "message", "fix"),
    [
        ("string_type", 14, ("x",), {}, "must be text in quotes, not a number (14)", '"14"'),
        ("string_type", True, ("x",), {}, "must be text in quotes, not true or false", None),
        ("int_type", 2.5, ("x",), {}, "must be a whole number, like 2 or 3, not 2.5", None),
        ("int_parsing", " 20 ", ("x",), {}, "must be a number without quotes: write 20", "20"),
        ("int_type", [1], ("x",), {}, "must be a whole number, like 20, not a list ([1])", None),
        ("finite_number", float("nan"), ("x",), {}, "must be an ordinary number", None),
        ("float_parsing", "2.5", ("x",), {}, "must be a number without quotes: write 2.5", "2.5"),
        (
            "float_parsing",
            "nan",
            ("x",),
            {},
            'must be a number, like 14 or 2.5, not text ("nan")',
            None,
        ),
        ("bool_parsing", " True", ("x",), {}, "must be true or false without quotes", "true"),
        ("bool_type", 3, ("x",), {}, "must be true or false, not a number (3)", None),
        ("list_type", {"a": 1}, ("steps",), {}, "", None),
        ("list_type", "a", ("x",), {}, "must be a list in square brackets", '["a"]'),
        ("dict_type", 3, ("x",), {}, "must be a table, not a number (3)", None),
        ("model_type", 3, ("steps", 1), {}, "each step must be a table", None),
        ("model_type", "x", ("steps", 0, "tasks", 2), {}, "each task must be a table", None),
        (
            "literal_error",
            "each-privat",
            ("steps", 0, "answer"),
            {},
            "must be one of",
            '"each-private"',
        ),
        ("string_pattern_mismatch", "xx_", ("language",), {}, "must be a language tag", None),
        ("string_pattern_mismatch", "My Pack", ("id",), {}, 'like "my-pack"', '"my-pack"'),
        ("string_pattern_mismatch", "--", ("id",), {}, "lowercase letters", None),
        ("format_newer", 9, ("format",), {}, "Value error, fallback words", None),
        ("greater_than_equal", 0, ("x",), {"ge": 1}, "must be at least 1, not 0", None),
        ("greater_than", 0, ("x",), {"gt": 0}, "must be more than 0, not 0", None),
        ("less_than_equal", 9, ("x",), {"le": 5}, "must be at most 5, not 9", None),
        ("less_than", 9, ("x",), {"lt": 5}, "must be less than 5, not 9", None),
        ("too_short", [], ("steps",), {}, "add at least one step", None),
        (
            "too_short",
            [],
            ("options",),
            {"min_length": 2, "actual_length": 0},
            "needs at least 2 options, not 0",
            None,
        ),
        (
            "too_long",
            [1],
            ("x",),
            {"max_length": 1, "actual_length": 3},
            "may have at most one entry, not 3",
            None,
        ),
        ("too_long", [1], (), {"max_length": 4, "actual_length": 9}, "at most 4 entries", None),
        ("string_too_short", "", ("x",), {}, "must not be empty", None),
        (
            "string_too_long",
            "x",
            ("x",),
            {"max_length": 80},
            "must be at most 80 characters long",
            None,
        ),
        ("something_else", 1, ("x",), {}, "fallback words", None),
    ],
)
def test_each_error_is_said_in_toml_terms(
    error_type: str,
    value: Any,
    path: tuple[str | int, ...],
    ctx: dict[str, Any],
    message: str,
    fix: str | None,
) -> None:
    out = said(error_type, value, path, **ctx)
    assert message in out
    change = out.change if isinstance(out, Said) else None
    assert (change.text if change else None) == fix


def test_a_list_given_as_a_steps_table_says_to_use_double_brackets() -> None:
    out = said("list_type", {"a": 1}, ("steps",))
    assert isinstance(out, Said)
    assert out.help == "write [[steps]] in place of [steps]"


def test_a_misspelt_answer_mode_gets_the_nearest_one() -> None:
    out = said("literal_error", "each-privat", ("steps", 0, "answer"))
    assert isinstance(out, Said)
    assert out.change is not None
    assert out.change.text == '"each-private"'


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (True, "true or false"),
        (1.5, "a number"),
        ("t", "text"),
        ([], "a list"),
        ({}, "a table"),
        (date(2026, 1, 1), "a date or time"),
        (None, "a value of another type"),
    ],
)
def test_toml_type_names_each_type(value: Any, kind: str) -> None:
    assert wording.toml_type(value) == kind


def test_toml_value_is_short_and_on_one_line() -> None:
    assert wording.toml_value({"a b": [1, 2], "c": {}}) == '{ "a b" = [1, 2], c = {} }'
    assert wording.toml_value([[[[["deep"]]]]]) == "[[[[...]]]]"
    assert wording.toml_value("x" * 60) == '"' + "x" * 36 + "..."
    assert wording.toml_value(None) == "None"


def test_join_and_dotted() -> None:
    assert wording.join(["a"]) == "a"
    assert wording.join(["a", "b", "c"]) == "a, b and c"
    assert wording.dotted(("steps", 2, "two words")) == 'steps[2]."two words"'
