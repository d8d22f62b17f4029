"""Why a file is read-only, or a save is refused (issue 25): each reason is English for the
command line and the logs, word for word as before, and said in Spanish and in Arabic with none
of the app's English words (``english_only``: the words of the English messages that no
translation uses) left but paths and names."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.test_said import ARABIC, SPANISH
from tests.tui.language_walk import without_literals
from tests.tui.test_language_walks import english_only, words
from workbook.data import (
    folder_files,
    homework,
    moving,
    notes,
    places,
    read_only_reasons,
    store,
    vault,
)
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.i18n.said import Words, said_in
from workbook.service import recorder, sessions

SAVED = datetime(2026, 11, 29, 18, 5)
NEWER = "was written by a newer workbook (format 7); it is shown read-only so that nothing in it"
LINK_NOTE = "never writes through links"


def _places() -> list[tuple[str, str]]:
    """Each kind of place, and the words main put after "this"."""
    sessions_of = "couples/sam-and-alex/sessions/2026-11-29-1805"
    return [
        (f"{sessions_of}.toml", "session file"),
        (f"{sessions_of}.notes.toml", "notes file"),
        (f"{sessions_of}.a.toml", "partner's file"),
        ("couples/sam-and-alex/couple.toml", "couple file"),
        ("couples/sam-and-alex/agreements.toml", "agreements file"),
        ("couples/sam-and-alex/homework.toml", "homework.toml"),
    ]


def _reasons() -> list[tuple[Words, str]]:
    """Every kind of reason, made as the code makes it, and what main printed for it."""
    there = "couples/jo-and-kim/sessions/2026-11-29-1805.toml"
    made: list[tuple[Words, str]] = []
    for place, what in _places():
        made.append(
            (
                places.misplaced(place, there),
                f"this {what} was sealed as {there}: it was moved or copied from there, so it is "
                f"not read as the one that belongs here, and is left as it is. Move it back to "
                f"{there}, or out of the data folder",
            )
        )
        made.append(
            (
                read_only_reasons.older(place, SAVED),
                f"this {what} is older than the one saved on 2026-11-29 at 18:05: an older copy "
                "was put back (from a backup or a sync?). It is shown read-only, so the newer "
                "state is never saved over. Put the newer copy back; or, to keep this one, "
                "delete index.toml.age (a cache: nothing else is lost)",
            )
        )
    session_file = Path("/d/couples/x/sessions/2026-11-29-1805.toml")
    made += [
        (
            read_only_reasons.newer_format(Path("/d/couples/x/couple.toml"), 7),
            f"couple.toml {NEWER} is lost. Update workbook to change it.",
        ),
        (homework.parse({"format": 7}).read_only, f"homework.toml {NEWER} is lost"),  # type: ignore[list-item]
        (
            notes.parse({"format": 7}).read_only,  # type: ignore[list-item]
            "The notes were written by a newer workbook (format 7); they are shown read-only so "
            "that nothing in them is lost.",
        ),
        (
            read_only_reasons.through_link("x"),
            "x is reached through a link to another place, so it is shown read-only: workbook "
            f"{LINK_NOTE}.",
        ),
        (
            read_only_reasons.GONE,
            "This couple has been deleted, with every file of theirs, so nothing more is saved "
            "for them.",
        ),
        (
            notes.GONE,
            "the couple has been deleted, with every file of theirs; nothing is saved for them now",
        ),
        (
            read_only_reasons.mismatch(session_file, "session", "2026-01-01-0900", "2026-11-29"),
            '2026-11-29-1805.toml says its id is "2026-01-01-0900", but its file is named '
            '"2026-11-29". It is shown read-only, so that nothing of another session is touched. '
            'To use it, set id = "2026-11-29" in the file.',
        ),
        (
            read_only_reasons.mismatch(Path("/d/x/couple.toml"), "couple", "jo-y-kim", "x"),
            'couple.toml says its id is "jo-y-kim", but its folder is named "x". It is shown '
            "read-only, so that nothing of another couple is touched. To use it, set id = "
            '"x" in the file.',
        ),
        (
            store.SESSION_IN_USE,
            "This session is open in another workbook window, so it is shown here read-only. "
            "Close the other window to make changes here.",
        ),
        (store.NEWER_HOMEWORK, "a newer workbook wrote it; it is left as it is (update workbook)"),
        (
            sessions.APART,
            "This session is being walked on your own devices (each partner's own link), so it "
            "is shown here read-only. Go on with it from your own links.",
        ),
        (
            moving.OPEN,
            "a session of this couple is open in another workbook window; close it there first, "
            "then rename the folder",
        ),
        (moving.ENCRYPTED, "in an encrypted folder a couple's folder name says nothing"),
        (moving.LINKED, "it is reached through a link; workbook never renames through links"),
        (notes.NEWER, "a newer workbook wrote these notes; update to change them"),
        (notes.LINK, f"it is a link, and workbook {LINK_NOTE}"),
        (notes.BUSY, "another window is busy saving the notes"),
        (folder_files.BUSY, "another workbook window is busy saving; try again"),
        (recorder.NOT_YET, "not saved yet"),
    ]
    return made


def _english_left(said: str, language: str) -> list[str]:
    """The app's English words in ``said``, but in paths and file names."""
    return sorted(words(without_literals(said, [])) & english_only(language))


@pytest.mark.parametrize(("reason", "english"), _reasons(), ids=lambda x: str(x)[:30])
def test_each_reason_is_english_as_before_and_said_in_spanish_and_arabic(
    reason: Words, english: str
) -> None:
    assert reason.message == str(reason) == english
    for tr, language in ((SPANISH, "es"), (ARABIC, "ar")):
        said = said_in(reason, tr)
        assert _english_left(said, language) == [], said


def test_a_save_refused_for_a_reason_says_the_reason_in_the_screen_s_language(
    tmp_path: Path,
) -> None:
    made = Store(tmp_path / "data")
    made.prepare()
    couple = made.create_couple("Sam", "Alex")
    first = made.new_session(couple.id, ["values"])
    other = Store(made.root)
    reason = other.lock_session(couple.id, first.id)
    assert reason is store.SESSION_IN_USE
    path = made.layout.session_file(couple.id, first.id)
    with pytest.raises(SaveError) as refused:
        other.save_session(couple.id, first)
    assert str(refused.value) == f"could not save {path}: {store.SESSION_IN_USE.message}"
    said = refused.value.said(SPANISH)
    assert said.startswith(f"no se pudo guardar {path}: Esta sesión está abierta")
    assert _english_left(said_in(refused.value.why, ARABIC), "ar") == []
    # A lock file that cannot be used: the OS's words, in a sentence said in Spanish.
    lock = vault.lock_file(made.layout.session_file(couple.id, "2026-01-01-0900"))
    lock.mkdir()
    shut = Store(made.root).lock_session(couple.id, "2026-01-01-0900")
    assert shut is not None
    assert shut.message.startswith(f"The session's lock file ({lock.name}) cannot be used: ")
    assert shut.message.endswith(
        "The session is shown read-only; remove that file to make changes."
    )
    assert "No se puede usar el archivo de bloqueo de la sesión" in said_in(shut, SPANISH)
