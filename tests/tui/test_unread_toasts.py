"""A Spanish or an Arabic couple hears what cannot be read of their session file in their own
language (issue 25): the walk's warning at a step whose answer is broken, and Export's, say
each problem in the couple's words, joined as their language joins a list; only the file's key
paths stay as the file has them."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.test_unread_said import SHARED, WORD, broken_session
from tests.tui.conftest import SIZE, app_for, home_loaded, said, walk
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.i18n.catalog import translations
from workbook.packs.library import Library

PLACE = re.compile(r"answers\.[\w.\[\]-]+")


def english_words(store: Store, couple_id: str, session_id: str, library: Library) -> set[str]:
    """The words of the session's problems as the command line says them, key paths left out."""
    found = export(store, couple_id, library.packs, date(2026, 12, 2), session_id=session_id)
    english = " ".join(str(problem) for problem in found.problems)
    return {w for w in WORD.findall(PLACE.sub(" ", english)) if len(w) > 1}


@pytest.mark.parametrize("language", ["es", "ar"])
async def test_the_walk_and_export_say_what_cannot_be_read_in_the_couple_s_language(
    store: Store, library: Library, language: str
) -> None:
    couple_id, session_id = broken_session(store, language)
    english = english_words(store, couple_id, session_id, library)
    tr = translations(language)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        heard = said(app)
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        share = next(p for p in screen.walk.places if screen.walk.step(p).id == "share")
        await screen.go(share)
        await pilot.pause()
        app.export(screen.couple)
        await pilot.pause()
    told = [toast for toast in heard if "answers.chores." in toast]
    walked = tr.gettext("Kept as it is in the file, but not read: {problems}").split("{")[0]
    left_out = tr.gettext("Left out, as it could not be read: {problems}").split("{")[0]
    assert [toast for toast in told if toast.startswith(walked)], heard
    (exported,) = [toast for toast in told if toast.startswith(left_out)]
    # Three problems, joined as the language joins a list ("؛ " in Arabic).
    assert len(PLACE.findall(exported)) == 3
    assert exported.count(tr.gettext("; ")) >= 2
    for toast in told:
        words = set(WORD.findall(PLACE.sub(" ", toast)))
        assert words & english - SHARED[language] == set(), toast
