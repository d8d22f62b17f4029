"""Every problem found in an answer table is one of our templates, whatever the table holds
(issue 25): pydantic's error types are said in our own words, never pydantic's, and each says
what the workbook does about it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic_core import PydanticCustomError

from tests.test_lenient_answers import tables
from workbook.data.answers import unread
from workbook.data.answers.kinds import ANSWERS
from workbook.i18n.catalog import translations
from workbook.i18n.said import Words, said_in

WHOLE = {unread.PROBLEM, unread.TEXT_ONLY, unread.NUMBERS_ONLY, unread.CAPPED}
DONE = {unread.NOT_GIVEN, unread.ROW_LEFT_OUT, unread.LEFT_OUT, unread.NO_ANSWER}
WHAT = set(unread.WHAT.values()) | {template for template, _bound in unread.LIMITS.values()}


def check(problem: Words) -> None:
    """``problem`` is one of our templates, with words of ours for what is wrong (never "cannot
    be read": a type that reaches it needs words of its own) and for what is done."""
    assert isinstance(problem, Words)
    assert problem.template in WHOLE
    assert str(problem.fields["where"]) in str(problem)
    if problem.template == unread.PROBLEM:
        what, done = problem.fields["what"], problem.fields["done"]
        assert isinstance(what, Words)
        assert isinstance(done, Words)
        assert what.template in WHAT
        assert done.template in DONE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables)
def test_any_table_of_any_kind_gives_problems_in_our_words(table: dict[str, Any]) -> None:
    for kind, model in ANSWERS.items():
        problems: list[Words] = []
        model.read(table, problems, f"answers.p.{kind}")
        for problem in problems:
            check(problem)
            assert str(problem).startswith(f"answers.p.{kind}")
            assert "Input should" not in str(problem)


@pytest.mark.parametrize("error_type", sorted([*unread.WHAT, *unread.LIMITS]))
def test_each_error_type_we_know_has_words_of_ours(error_type: str) -> None:
    said = unread.what_is_wrong({"type": error_type, "ctx": {"ge": 1, "gt": 1, "le": 5, "lt": 5}})
    assert said.template in WHAT
    assert said.template != unread.UNREADABLE
    # And every one of them is in the Spanish and the Arabic catalogs.
    for language in ("es", "ar"):
        assert translations(language).gettext(said.template) != said.template


def test_an_error_type_we_do_not_know_cannot_be_read() -> None:
    said = unread.what_is_wrong({"type": "something_new", "msg": "Input should be new"})
    assert said.template == unread.UNREADABLE
    # A limit without its bound is not a limit we can say.
    assert unread.what_is_wrong({"type": "less_than", "ctx": {}}).template == unread.UNREADABLE


def test_our_own_errors_are_said_by_their_kind() -> None:
    for kind, template in unread.OURS.items():
        error = unread.wrong(kind)
        assert isinstance(error, PydanticCustomError)
        assert unread.what_is_wrong({"type": error.type}).template == template


def test_a_problem_is_said_whole_in_each_language() -> None:
    problems: list[Words] = []
    ANSWERS["scale"].read({"a": "3"}, problems, "answers.p.s")
    (problem,) = problems
    assert str(problem) == "answers.p.s.a: must be a whole number; it is read as not given"
    assert said_in(problem, translations("es")) == (
        "answers.p.s.a: debe ser un número entero; se lee como si faltara"
    )
    assert said_in(problem, translations("ar")) == (
        "قيمة answers.p.s.a: يجب أن تكون عددًا صحيحًا؛ تُقرأ كأنها غير موجودة"
    )
