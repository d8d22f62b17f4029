"""The kinds' rules on their answer models, without a screen: confirming a term, who does it,
its review date and its words; who asks the next request; unique task names and the one cap on
a task's minutes."""

from __future__ import annotations

from datetime import date

from workbook.data.answers.agreement import Term, listed, new_term
from workbook.data.answers.chores import (
    MAX_MINUTES,
    ChoresAnswer,
    Task,
    repeated_names,
    typed_minutes,
)
from workbook.data.answers.requests import Request, RequestsAnswer, next_asker
from workbook.i18n.said import Words
from workbook.packs.models import Task as StarterTask

TODAY = date(2026, 12, 7)


def test_each_partner_confirms_a_term_for_themselves() -> None:
    term = Term(text="Walk on Sundays")
    assert term.confirm("a") is False
    assert term.confirmed_by == ["a"]
    assert term.confirm("a") is False  # a second press takes it back
    assert term.confirmed_by == []
    term.confirm("b")
    assert term.confirm("a") is True
    assert term.confirmed_by == ["a", "b"]


def test_an_agreed_term_does_not_change() -> None:
    term = Term(text="Walk", who="a", confirmed_by=["a", "b"], agreement="s1-1", review_on=TODAY)
    assert term.confirm("a") is False
    term.next_who()
    term.shift_review(7, TODAY)
    assert (term.confirmed_by, term.who, term.review_on) == (["a", "b"], "a", TODAY)


def test_who_does_it_goes_round_and_takes_confirmations_back() -> None:
    term = Term(text="Walk", who="both", confirmed_by=["a"])
    seen = []
    for _ in range(3):
        term.next_who()
        seen.append(term.who)
    assert seen == ["a", "b", "both"]
    assert term.confirmed_by == []
    odd = Term.model_construct(text="Walk", who="nobody", confirmed_by=[], agreement=None)  # type: ignore[arg-type]
    odd.next_who()
    assert odd.who == "a"


def test_new_words_take_confirmations_back() -> None:
    term = Term(text="Walk", confirmed_by=["a", "b"])
    term.reword("Walk twice")
    assert (term.text, term.confirmed_by) == ("Walk twice", [])


def test_a_review_date_is_never_before_tomorrow() -> None:
    term = Term(text="Walk", review_on=date(2026, 12, 10))
    term.shift_review(-7, TODAY)
    assert term.review_on == date(2026, 12, 8)
    term.shift_review(7, TODAY)
    assert term.review_on == date(2026, 12, 15)
    unset = Term(text="Walk")
    unset.shift_review(7, TODAY)
    assert unset.review_on is None


def test_a_new_term_is_cleaned_and_done_by_a_partner_or_both() -> None:
    term = new_term("  Walk\x07 on Sundays \n", "p.s", "b", TODAY)
    assert term is not None
    assert (term.text, term.who, term.source, term.review_on) == (
        "Walk on Sundays",
        "b",
        "p.s",
        TODAY,
    )
    odd = new_term("Walk", None, "someone", TODAY)
    assert odd is not None
    assert odd.who == "both"
    assert new_term(" \n\t", None, "both", TODAY) is None


def test_no_two_drafts_have_the_same_words() -> None:
    terms = [Term(text="Walk on Sundays"), Term(text="Cook")]
    assert listed(terms, "walk ON sundays")
    assert not listed(terms, "Walk on Saturdays")
    # A draft reworded keeps its own words without meeting itself.
    assert not listed(terms, "Walk on Sundays", but=terms[0])
    assert listed(terms, "cook", but=terms[0])


def test_whoever_has_asked_less_asks_next_starting_with_the_first() -> None:
    asked: list[Request] = []
    assert next_asker(asked, "b", 2) == "b"
    asked.append(Request(by="b", text="x"))
    assert next_asker(asked, "b", 2) == "a"
    asked.append(Request(by="a", text="y"))
    assert next_asker(asked, "b", 2) == "b"
    asked += [Request(by="b", text="z"), Request(by="b", text="w")]
    # The second partner has asked their most: the first goes on alone.
    assert next_asker(asked, "b", 2) == "a"
    asked.append(Request(by="a", text="v"))
    assert next_asker(asked, "b", 2) is None
    assert RequestsAnswer(requests=asked).asker("a", 3) == "a"


def test_task_names_must_differ() -> None:
    assert repeated_names([Task(name="Cook"), Task(name="Cook")])
    assert not repeated_names([Task(name="Cook"), Task(name="Shop")])
    # A hand edit that repeats a name is read with a number, so no row is lost.
    read = ChoresAnswer.read({"tasks": [{"name": "Cook"}, {"name": "Cook"}]})
    assert [t.name for t in read.tasks] == ["Cook", "Cook (2)"]
    assert not repeated_names(read.tasks)


def test_one_cap_on_a_tasks_minutes() -> None:
    # The pack format's starter list and a couple's own task have the same cap: a week.
    assert MAX_MINUTES == 10_080
    assert StarterTask.model_fields["minutes"].metadata[-1].le == MAX_MINUTES
    assert typed_minutes("20000") == MAX_MINUTES
    assert typed_minutes("420") == 420
    assert typed_minutes("") == typed_minutes("4²") == 0
    # A hand-edited 20,000 reads as the cap wherever it is read, and the problem is said.
    problems: list[Words] = []
    read = ChoresAnswer.read({"tasks": [{"name": "Cook", "minutes": 20_000}]}, problems, "here")
    assert read.tasks[0].minutes == MAX_MINUTES
    said = [str(problem) for problem in problems]
    assert said == ["here.tasks[0].minutes: at most 10,080; it is read as that"]
    low: list[Words] = []
    assert ChoresAnswer.read({"tasks": [{"name": "C", "minutes": -1}]}, low).tasks[0].minutes == 0
    assert low
