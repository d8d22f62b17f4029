"""A couple who only pass by a step whose answer a hand edit left partly unreadable leave the
session file's table as it is: the walk's warning ("Kept as it is in the file, but not read")
stays true (data/answers/as_found.py)."""

from __future__ import annotations

from tests.test_unread_said import BROKEN, broken_session
from tests.tui.conftest import SIZE, app_for, home_loaded, said, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.packs.library import Library


async def passed_by(store: Store, library: Library, couple_id: str) -> list[str]:
    """The session resumed, every place of the chores pack (its only one) visited, each step in
    each phase, and the app quit; what the app told on the way."""
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        heard = said(app)
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        assert screen.couple.id == couple_id
        for place in screen.walk.places:
            await screen.go(place)
            await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await app.workers.wait_for_complete()
    return heard


async def test_passing_by_a_broken_answer_leaves_it_as_it_is(
    store: Store, library: Library
) -> None:
    couple_id, session_id = broken_session(store, "en")
    path = store.layout.session_file(couple_id, session_id)
    await passed_by(store, library, couple_id)
    session = tomlio.loads(path.read_text(encoding="utf-8"))
    assert session["answers"]["chores"] == BROKEN
    assert session["trail"]  # the walk did save its moves


async def test_an_answer_that_is_not_a_table_is_warned_about_and_kept(
    store: Store, library: Library
) -> None:
    couple_id, session_id = broken_session(store, "en")
    session = store.load_session(couple_id, session_id)
    session.answers["chores"]["checking"] = "a hand edit"
    store.save_session(couple_id, session, stamp=False)
    store.release_session(couple_id, session_id)
    path = store.layout.session_file(couple_id, session_id)
    heard = await passed_by(store, library, couple_id)
    assert [t for t in heard if "answers.chores.checking: must be a table" in t], heard
    answers = tomlio.loads(path.read_text(encoding="utf-8"))["answers"]["chores"]
    assert answers["checking"] == "a hand edit"
