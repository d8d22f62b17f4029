"""What is wrong with a couple's files, beside the couple on Home (issue 25): each problem is
English as before (``Overview.problem``, the command line), said in Spanish and in Arabic with
none of the app's English words left; ``index.toml`` keeps their words, read back only when they
are ours, else the English is shown as given and never formatted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_said import ARABIC, SPANISH
from tests.test_said_reasons import _english_left
from workbook.data import couple_problems as kinds
from workbook.data import homework, index, places
from workbook.data.files import DataError
from workbook.data.goals import appointment, read_goals
from workbook.i18n.said import Words, said_in

MOVED = places.misplaced("couples/x/agreements.toml", "couples/y/agreements.toml")
SESSION_MOVED = places.misplaced("couples/x/sessions/a.toml", "couples/y/sessions/a.toml")
NOT_A_LIST = "agreements must be a list of tables ([[agreements]])"
BROKEN = DataError(Path("/d/agreements.toml"), Words(NOT_A_LIST))


def _problems() -> list[tuple[Words, str]]:
    """Every kind of problem, made as the code makes it, and what main's literal made of it."""
    (goal,) = read_goals([{}])[1]
    (entry,) = homework.parse({"homework": [3]}).problems
    unusable = appointment("soon")[1]
    assert unusable is not None
    return [
        (
            Words(kinds.FLAGGED, name="agreements.toml", reason=MOVED),
            f"agreements.toml: {MOVED.message}",
        ),
        (
            Words(kinds.FLAGGED_SESSION, id="a", reason=SESSION_MOVED),
            f"session a: {SESSION_MOVED.message}",
        ),
        (Words(kinds.OTHER_ID, folder="x7k"), "couple.toml names another id than its folder (x7k)"),
        (Words(kinds.NEWER), "written by a newer workbook"),
        (Words(kinds.ARCHIVED), "archived in couple.toml is not true or false"),
        (Words(kinds.CARE), "[care] in couple.toml cannot be read; the care flag is shown as up"),
        (
            Words(kinds.AGREEMENTS, problem=BROKEN.words),
            f"agreements.toml cannot be read: {NOT_A_LIST}",
        ),
        (
            Words(kinds.HOMEWORK, problem=BROKEN.words),
            f"homework.toml cannot be read: {NOT_A_LIST}",
        ),
        (
            Words(kinds.IN_HOMEWORK, problem=entry),
            "homework.toml: homework 1 cannot be read; it stays in the file",
        ),
        (goal, "goal 1 in couple.toml cannot be read; it stays in the file"),
        (unusable, "next_session in couple.toml is not a date and time; it is left as it is"),
        (kinds.unreadable(1), "1 session file cannot be read"),
        (kinds.unreadable(3), "3 session files cannot be read"),
    ]


@pytest.mark.parametrize(("problem", "english"), _problems(), ids=lambda x: str(x)[:30])
def test_each_problem_is_english_as_before_and_said_in_spanish_and_arabic(
    problem: Words, english: str
) -> None:
    assert problem.message == english
    for tr, language in ((SPANISH, "es"), (ARABIC, "ar")):
        said = said_in(problem, tr)
        assert _english_left(said, language) == [], said
        # What index.toml keeps of it says the same, in English and in the screen's language.
        (kept,) = kinds.from_tables(kinds.tables([problem])) or ()
        assert (kept.message, said_in(kept, tr)) == (english, said)


def _entry(problem: str, problems: Any) -> dict[str, Any]:
    """An index entry of a couple with ``problem``, and ``problems`` as its words."""
    return {
        "names": ["Sam", "Alex"],
        "reviews": [],
        "archived": False,
        "unfinished": False,
        "sessions": 0,
        "agreements_active": 0,
        "care": [],
        "homework": [],
        "goals_open": 0,
        "problem": problem,
        "problems": problems,
    }


@pytest.mark.parametrize(
    "problems",
    [
        [{"said": "{name.__class__}", "fields": {"name": "x"}}],
        [{"said": "{0.__class__}", "fields": {}}],
        [{"said": "an unknown {thing}", "fields": {"thing": "x"}}],
        [{"said": kinds.OTHER_ID, "fields": {"folder": 3}}],
        [{"said": kinds.OTHER_ID, "fields": {}}],
        [{"said": kinds.UNREADABLE[1], "fields": {"count": "{0.__class__}"}}],
        [{"said": kinds.UNREADABLE[1], "fields": {"count": "²"}}],
        [{"said": kinds.UNREADABLE[1], "fields": {"count": "9" * 5000}}],
        [{"said": kinds.FLAGGED, "fields": {"name": "a", "reason": {"said": "{r.x}"}}}],
        [{"said": kinds.OTHER_ID, "fields": {"folder": "sam"}}, "x"],
        [{"said": kinds.OTHER_ID, "fields": {"folder": "not what problem says"}}],
        "not a list",
    ],
)
def test_an_index_s_words_that_are_not_ours_show_the_english_as_given(problems: Any) -> None:
    english = "couple.toml names another id than its folder (sam) {name.__class__}"
    facts = index._facts("sam", _entry(english, problems))
    assert facts is not None
    assert facts.problems == ()
    assert kinds.said(facts.problem, facts.problems, SPANISH) == english


def test_an_index_s_own_words_are_said_and_an_old_one_is_english() -> None:
    english = "couple.toml names another id than its folder (sam)"
    kept = kinds.tables([Words(kinds.OTHER_ID, folder="sam")])
    facts = index._facts("sam", _entry(english, kept))
    assert facts is not None
    said = kinds.said(facts.problem, facts.problems, SPANISH)
    assert said == "couple.toml indica un id distinto del de su carpeta (sam)"
    old = _entry(english, None)
    del old["problems"]
    facts = index._facts("sam", old)
    assert facts is not None
    assert kinds.said(facts.problem, facts.problems, SPANISH) == english
