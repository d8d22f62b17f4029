"""A data file's problems on a Spanish or an Arabic screen (issue 25): the file's path placed as
the language places it (an Arabic line never begins with a Latin path), the TOML parser's
refusal in our words with its line and column (whatever the parser says, and never a crash),
index.toml's notes and why a couple could not be taken out of it, the notes file's and the
progress note's problems, and Home's problems joined as the language joins them. The English is
the command line's, word for word as before."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.test_said import ARABIC, PSEUDO_WORDS, SPANISH
from tests.tui.language_walk import without_literals
from tests.tui.test_language_walks import english_only, words
from workbook import tomlio
from workbook.data import couple_problems as kinds
from workbook.data import files, index, notes, progress_note, vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError, NotToml, read_table
from workbook.data.index import load_caseload
from workbook.data.store import Store
from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations
from workbook.i18n.said import Words, said_in
from workbook.reading import reason_for
from workbook.tui.screens.home_rows import description

AT = datetime(2026, 3, 4, 10, 30)
# The parser's own words for "a = ": never on a translated screen.
PARSER = ("Invalid", "value")
LANGUAGES = ((SPANISH, "es"), (ARABIC, "ar"))


def english_left(said: str, language: str, *keys: str) -> list[str]:
    """The app's English words in ``said``, but in paths, file names and ``keys`` (a file's
    own keys, such as ``note.parts.plan``)."""
    return sorted(words(without_literals(said, list(keys))) & english_only(language))


def _not_toml(tmp_path: Path) -> DataError:
    path = tmp_path / "couple.toml"
    path.write_text("a = \n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_table(path)
    return raised.value


def test_a_file_that_is_not_toml_is_said_in_our_words_with_where_the_parser_stopped(
    tmp_path: Path,
) -> None:
    error = _not_toml(tmp_path)
    path = error.path
    english = f"{path}: line 1, column 5: not valid TOML: Invalid value"
    # The command line's English, and an English screen's, keep the parser's words.
    assert str(error) == error.said(SOURCE_TRANSLATIONS) == english
    assert error.said(SPANISH) == f"{path}: no es TOML válido (línea 1, columna 5)"
    arabic = error.said(ARABIC)
    assert arabic == f"الملف {path}: صيغة TOML غير صالحة (السطر 1، العمود 5)"
    for tr, language in LANGUAGES:
        said = error.said(tr)
        assert not any(word in said for word in PARSER), said
        assert english_left(said, language) == [], said
    assert not any(word in error.said(PSEUDO_WORDS) for word in PARSER)


@pytest.mark.parametrize("how", ["missing", "not UTF-8", "too deep"])
def test_an_arabic_line_begins_with_a_word_never_with_the_path(tmp_path: Path, how: str) -> None:
    path = tmp_path / "agreements.toml"
    if how == "not UTF-8":
        path.write_bytes(b"\xff\xfe")
    elif how == "too deep":
        path.write_text("a = " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_table(path)
    error = raised.value
    said = said_in(error, ARABIC)
    assert not said.startswith(str(path)), said
    assert said.startswith("الملف ")
    assert str(path) in said
    # Spanish and English put the path first, as before.
    assert said_in(error, SPANISH).startswith(f"{path}: ")
    assert str(error).startswith(f"{path}: ")


class OddError(Exception):
    """What a parser might raise: its words and its place as it likes."""

    def __init__(self, message: str, **given: Any) -> None:
        super().__init__(message)
        for name, value in given.items():
            setattr(self, name, value)


@pytest.mark.parametrize(
    ("error", "place", "parser"),
    [
        # Python 3.11-3.13's tomllib: the place only at the end of its message.
        (OddError("Invalid value (at line 3, column 7)"), (3, 7), "Invalid value"),
        (OddError("Unclosed array (at end of document)"), None, "Unclosed array"),
        (OddError("x", msg="Invalid key", lineno=2, colno=9), (2, 9), "Invalid key"),
        (OddError("x", msg="a", lineno=True, colno=1), None, "a"),
        (OddError("x", msg="a", lineno="4", colno=None), None, "a"),
        (OddError("x", msg="a", lineno=0, colno=3), None, "a"),
        (OddError("x", msg="a", lineno=10**12, colno=3), None, "a"),
        (OddError("b (at line ², column 7)"), None, "b (at line ², column 7)"),
        (OddError("b (at line 9999999999, column 7)"), None, "b (at line 9999999999, column 7)"),
        (OddError("b (at line 0, column 7)"), None, "b"),
        (OddError("x", msg=3), None, "x"),
        (OddError("{0.__class__} {line} \x1b[31m"), None, "{0.__class__} {line} \x1b[31m"),
        # Long and nearly a place: read in one pass, not one per character.
        (OddError(" " * 20_000 + "(at"), None, " " * 20_000 + "(at"),
    ],
    ids=lambda value: str(value)[:24],
)
def test_whatever_the_parser_says_is_said_without_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OddError, place: Any, parser: str
) -> None:
    assert (tomlio.place(error), tomlio.words(error)) == (place, parser)

    def refuse(text: str) -> dict[str, Any]:
        raise error

    # The files' reader catches what the parser raises.
    monkeypatch.setattr(tomlio, "TOMLDecodeError", OddError)
    monkeypatch.setattr(tomlio, "loads", refuse)
    path = tmp_path / "couple.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_table(path)
    said = said_in(raised.value, SPANISH)
    if place is None:
        assert said == f"{path}: no es TOML válido"
        assert str(raised.value).startswith(f"{path}: not valid TOML: ")
    else:
        assert said == f"{path}: no es TOML válido (línea {place[0]}, columna {place[1]})"
        assert str(raised.value).startswith(f"{path}: line {place[0]}, column {place[1]}: ")
    assert "\x1b" not in str(raised.value) + said + said_in(raised.value, ARABIC)


def _kept(problem: Words, tr: Translations) -> str:
    """``problem`` as Home says it once index.toml has kept it and it is read back."""
    (kept,) = kinds.from_tables(kinds.tables([problem])) or ()
    assert kept.message == problem.message
    return said_in(kept, tr)


def test_a_file_s_problem_kept_in_index_toml_is_said_as_when_it_was_met(tmp_path: Path) -> None:
    refused = Words(kinds.AGREEMENTS, problem=_not_toml(tmp_path).words)
    folder = tmp_path / "a-folder.toml"
    folder.mkdir()
    with pytest.raises(DataError) as unread:
        read_table(folder)
    missing = Words(kinds.HOMEWORK, problem=unread.value.words)
    full = reason_for(OSError(errno.ENOSPC, "No space left on device"))
    os_words = Words(kinds.HOMEWORK, problem=Words("cannot read the file: {reason}", reason=full))
    for tr, language in LANGUAGES:
        said = _kept(refused, tr)
        assert said == said_in(refused, tr)
        assert not any(word in said for word in PARSER)
        assert english_left(said, language) == [], said
        said = _kept(missing, tr)
        assert said == said_in(missing, tr)
        assert english_left(said, language) == [], said
        # An OS error's own words are kept as they are given.
        assert _kept(os_words, tr).endswith("No space left on device")


def test_every_reason_a_reader_has_words_for_is_kept_in_index_toml_as_words() -> None:
    for code in errno.errorcode:
        template = reason_for(OSError(code, "")).template
        assert template is None or template in kinds.READING, template


@pytest.mark.parametrize(
    "fields",
    [
        {"line": "²", "column": "1", "problem": "x"},
        {"line": "9" * 5000, "column": "1", "problem": "x"},
        {"line": "1", "column": "-1", "problem": "x"},
        {"line": "1", "problem": "x"},
        {"line": "1", "column": "1", "problem": "x", "more": "y"},
        {"line": "1", "column": "1", "problem": {"said": kinds.OTHER_ID, "fields": {}}},
        {"line": "1", "column": "{0.__class__}", "problem": "x"},
        {"problem": {"said": kinds.NEWER, "fields": {}}},
    ],
)
def test_an_index_s_parser_refusal_that_is_not_ours_is_not_used(fields: dict[str, Any]) -> None:
    template = files.NOT_TOML if "line" in fields else files.NOT_TOML_SOMEWHERE
    assert kinds.from_tables([{"said": template, "fields": fields}]) is None
    assert kinds.from_tables([{"said": files.NOT_TOML_SOMEWHERE, "fields": {"problem": "x"}}])


def _with_problems(store: Store) -> None:
    """A couple with two problems in couple.toml (archived is not true or false, and the next
    session is not a date)."""
    couple = store.create_couple("ليلى", "سامي")
    path = store.layout.couple_file(couple.id)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("archived = false\n", "") + 'archived = 3\nnext_session = "soon"\n',
        encoding="utf-8",
    )


def test_home_joins_a_couple_s_problems_as_the_language_joins_them(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.prepare()
    _with_problems(store)
    # Read from the files, then from index.toml: the same words both times.
    for _time in range(2):
        (couple,) = load_caseload(store, date(2026, 3, 4)).couples
        assert "; " in (couple.problem or "")
        arabic = str(description(couple, lambda action: "e", ARABIC))
        assert "؛ " in arabic
        assert ";" not in arabic
        assert english_left(arabic, "ar", "next_session", "archived") == []
        assert "; " in str(description(couple, lambda action: "e", SPANISH))


def test_index_toml_s_notes_and_why_a_couple_is_still_named_are_said(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.prepare()
    store.create_couple("Sam", "Alex")
    today = date(2026, 3, 4)
    load_caseload(store, today)
    path = index.index_file(store)
    # Written by a newer workbook: left as it is.
    table = tomlio.loads(path.read_text(encoding="utf-8"))
    path.write_text(tomlio.dumps({**table, "format": 9}), encoding="utf-8")
    newer = load_caseload(store, today)
    assert newer.note == "index.toml was written by a newer workbook, so it is left as it is"
    assert newer.note_in(SOURCE_TRANSLATIONS) == newer.note
    path.unlink()
    path.symlink_to(tmp_path / "elsewhere.toml")
    linked = load_caseload(store, today)
    assert linked.note == "index.toml is a link, so workbook neither reads nor writes it"
    path.unlink()
    (couple,) = load_caseload(store, today).couples
    # Its lock file a link: the couple cannot be taken out of it, and it is not saved.
    vault.lock_file(path).unlink(missing_ok=True)
    vault.lock_file(path).symlink_to(tmp_path / "lock-elsewhere")
    reason = index.forget(store, couple.id)
    assert str(reason) == "it or its lock file is a link"
    path.unlink()
    unsaved = load_caseload(store, today)
    assert unsaved.note == (
        "index.toml could not be saved (it or its lock file is a link); the couples are read "
        "from their files instead, which is slower"
    )
    for tr, language in LANGUAGES:
        for said in (
            newer.note_in(tr),
            linked.note_in(tr),
            said_in(reason, tr),
            unsaved.note_in(tr),
            said_in(index.NOT_HERE, tr),
        ):
            assert english_left(said, language, "index.toml") == [], said


def _notes_problems() -> list[tuple[Words, str, tuple[str, ...]]]:
    """Each problem of a notes file, made as the code makes it, with main's English and the
    file's keys it names."""
    found = notes.parse({"notes": "odd"}).problems
    found += notes.parse({"notes": [3]}).problems
    found += progress_note.read_note({"dap": 3}).problems
    found += progress_note.read_note({"note": 3}).problems
    found += progress_note.read_note({"note": {"parts": 3}}).problems
    found += progress_note.read_note(
        {"note": {"parts": {"plan": 3}, "signed": "soon", "addenda": [3]}}
    ).problems
    english = [
        ("notes: not a list of notes; left as it is", ("notes",)),
        ("note 1 cannot be read; it stays in the file", ()),
        ("dap: not a table; left as it is", ("dap",)),
        ("note: not a table; left as it is", ("note",)),
        ("note.parts: not a table; left as it is", ("note.parts",)),
        ("note.parts.plan: not text; left as it is", ("note.parts.plan",)),
        ("note.signed: not a date and time; the note is kept as signed", ("note.signed",)),
        ("addendum 1 cannot be read; it stays in the file", ()),
    ]
    return [(problem, *said) for problem, said in zip(found, english, strict=True)]


@pytest.mark.parametrize(
    ("problem", "english", "keys"), _notes_problems(), ids=lambda value: str(value)[:24]
)
def test_each_problem_of_a_notes_file_is_said_in_spanish_and_arabic(
    problem: Words, english: str, keys: tuple[str, ...]
) -> None:
    assert str(problem) == english
    for tr, language in LANGUAGES:
        said = said_in(problem, tr)
        assert said != english
        assert english_left(said, language, *keys) == [], said


def test_a_linked_or_broken_notes_file_and_a_signed_note_s_refusals_are_said(
    tmp_path: Path,
) -> None:
    session = tmp_path / "2026-03-04-1030.toml"
    linked = notes.NotesFile(session)
    os.symlink(tmp_path / "elsewhere.toml", linked.path)
    (link,) = linked.read().problems
    linked.path.unlink()
    linked.path.write_text("a = \n", encoding="utf-8")
    (broken,) = linked.read().problems
    assert str(broken) == "line 1, column 5: not valid TOML: Invalid value"
    linked.path.unlink()
    linked.sign_note(AT)
    refusals = []
    changes: list[Callable[[], None]] = [
        lambda: linked.set_dap("plan", "More"),
        lambda: linked.add_addendum("  ", AT),
    ]
    for change in changes:
        with pytest.raises(SaveError) as refused:
            change()
        refusals.append(refused.value.why)
    fresh = notes.NotesFile(tmp_path / "2026-03-05-1030.toml")
    with pytest.raises(SaveError) as unsigned:
        fresh.add_addendum("Later", AT)
    refusals.append(unsigned.value.why)
    assert [str(why) for why in refusals] == [
        progress_note.SIGNED,
        progress_note.NO_WORDS,
        progress_note.NOT_SIGNED,
    ]
    for tr, language in LANGUAGES:
        for problem in (link, broken, *refusals):
            said = said_in(problem, tr)
            assert english_left(said, language) == [], said
            assert not any(word in said for word in PARSER)


def test_a_not_toml_error_made_by_hand_says_where_or_only_what(tmp_path: Path) -> None:
    assert NotToml("x", 2, 3).said(SPANISH) == "no es TOML válido (línea 2, columna 3)"
    assert NotToml("x").said(ARABIC) == "صيغة TOML غير صالحة"
    assert NotToml("x").message == "not valid TOML: x"
