"""What cannot be read of a Spanish or an Arabic couple's session file is said in their language
(issue 25): the problems of an export, and the case record's row of a session file that cannot
be read, hold no English word but the file's own key paths; the command line keeps its English.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import builtin_library
from workbook.data.answers.chores import ChoresAnswer
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.i18n.catalog import translations
from workbook.i18n.said import said_in

WHEN = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
WORD = re.compile(r"[^\W\d_]+")
# Words of a file's own (TOML's true and false) and words of the other language as well.
SHARED = {"es": {"true", "false", "no"}, "ar": {"true", "false"}}
# A session file's answers, broken every way a hand edit can break them: values of the wrong
# type, answers and rows that are not tables or lack what they need, and numbers out of range.
BROKEN: dict[str, Any] = {
    "share": {
        "tasks": [
            {"name": 3},
            {"name": "Cocinar", "minutes": 99_999},
            {"name": "Colegio", "minutes": -5, "now": "nadie"},
            5,
            {"minutes": 10},
        ],
        "weights": {"a": {"Cocinar": 9}, "b": "x"},
        "split": {"shared_part_a": 7, "owner": "a"},
    },
    "checking": {"a": {"words": "Sí"}, "b": 4, "together": True},
    "agree": {
        "terms": [{"text": "Cenar", "who": "nadie", "review_on": "mañana", "confirmed_by": "a"}],
        "draft": 4,
    },
}


def broken_session(store: Store, language: str) -> tuple[str, str]:
    couple = store.create_couple("Lucía", "Mateo", when=WHEN)
    couple.language = language
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, ["chores"], when=WHEN)
    session.answers["chores"] = dict(BROKEN)
    store.save_session(couple.id, session, stamp=False)
    store.release_session(couple.id, session.id)
    return couple.id, session.id


def english_left(english: str, said: str, places: list[str], language: str) -> set[str]:
    """The words of ``english`` (a key path taken out) that are in ``said`` as well."""
    for place in sorted(places, key=len, reverse=True):
        english, said = english.replace(place, " "), said.replace(place, " ")
    words = {w for w in WORD.findall(english) if len(w) > 1}
    return (words & set(WORD.findall(said))) - SHARED[language]


@pytest.mark.parametrize("language", ["es", "ar"])
def test_an_export_s_problems_are_said_in_the_couple_s_language(
    data_dir: Path, language: str
) -> None:
    store = Store(data_dir)
    store.prepare()
    couple_id, session_id = broken_session(store, language)
    document = export(
        store, couple_id, builtin_library().packs, date(2026, 12, 2), session_id=session_id
    )
    tr = translations(language)
    assert len(document.problems) >= 10
    for problem in document.problems:
        english, said = str(problem), said_in(problem, tr)
        place = english.partition(": ")[0]
        assert place.startswith("answers.chores."), english
        # The place in the file, as the file names it, in every language (Arabic puts a word
        # of its own before it, so that the line begins right to left).
        assert place in said, said
        assert english_left(english, said, [place], language) == set(), (english, said)


def test_the_command_line_keeps_its_english(data_dir: Path) -> None:
    store = Store(data_dir)
    store.prepare()
    couple_id, session_id = broken_session(store, "es")
    document = export(
        store, couple_id, builtin_library().packs, date(2026, 12, 2), session_id=session_id
    )
    said = [str(problem) for problem in document.problems]
    assert "answers.chores.checking.a: must be text; it is read as not given" in said
    assert "answers.chores.share.split.owner: must be a table; it is read as not given" in said
    assert "answers.chores.share.tasks[0].name: must be text; its row is left out" in said
    assert "answers.chores.share.tasks[1].minutes: at most 10,080; it is read as that" in said
    assert (
        "answers.chores.share.tasks[2].minutes: must be at least 0; it is read as not given" in said
    )
    assert "answers.chores.share.tasks[3]: must be a table; it is left out" in said
    assert "answers.chores.share.tasks[4].name: must be given; its row is left out" in said
    assert (
        "answers.chores.share.split.shared_part_a: must be at most 1; it is read as not given"
        in said
    )
    assert "answers.chores.agree.draft: must be text; it is read as not given" in said
    # No words of pydantic's own.
    assert not [s for s in said if "Input should" in s or "Field required" in s]


def test_a_number_in_a_problem_is_written_as_the_language_writes_it() -> None:
    problems: list[Any] = []
    ChoresAnswer.read({"tasks": [{"name": "Cocinar", "minutes": 20_000}]}, problems, "here")
    (problem,) = problems
    assert str(problem) == "here.tasks[0].minutes: at most 10,080; it is read as that"
    assert said_in(problem, translations("es")) == (
        "here.tasks[0].minutes: como máximo 10.080; se lee como 10.080"
    )


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_case_record_says_why_a_session_file_cannot_be_read_in_its_language(
    data_dir: Path, language: str
) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Lucía", "Mateo", when=WHEN)
    path = store.layout.session_file(couple.id, "2026-12-01-1800")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"started = \xff\xfe\n")
    document = export(
        store, couple.id, builtin_library().packs, date(2026, 12, 2), case=True, language=language
    )
    tr = translations(language)
    cannot = tr.gettext("This session file cannot be read: {problem}").partition("{problem}")[0]
    reason = tr.gettext("the file is not UTF-8 text")
    assert cannot + reason in document.text
    assert "UTF-8 text" not in document.text
    # The command line says it in English.
    assert [str(problem) for problem in document.problems] == [
        f"{path}: the file is not UTF-8 text"
    ]
