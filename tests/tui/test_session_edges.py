"""The edges of a session: pausing says what happened, a check-in starts with the agreements
that are due, the suggested first path is for a first session only, and the Done screen says
what was agreed."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Button, Static

from tests.tui.conftest import SIZE, app_for, make_couple, paused, screen_text, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.service.agreements import AgreementBook
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.review import ReviewScreen
from workbook.tui.screens.walk import WalkScreen

TODAY = date(2026, 11, 22)


def _agree(store: Store, couple_id: str, session_id: str, text: str, days: int) -> None:
    book = AgreementBook(store, store.load_couple(couple_id), lambda: TODAY)
    book.agree(
        text=text,
        who="both",
        review_on=TODAY + timedelta(days=days),
        session=session_id,
        source="respect.agree",
        source_title="Defining respect",
    )


async def test_esc_pauses_and_says_everything_is_saved(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.begin(couple, ["respect"])
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        # The couple's window: it names them alone, and says so too (docs/screens.md).
        door = await paused(pilot)
        assert "Paused: everything is saved." in screen_text(app)
        assert door.couple.id == couple.id
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("Paused, and all saved") for m in messages)


async def test_a_check_in_first_reviews_the_agreements_that_are_due(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    earlier = store.new_session(couple.id, ["respect"])
    store.close()
    _agree(store, couple.id, earlier.id, "Due already", 14)
    _agree(store, couple.id, earlier.id, "Not due for months", 120)
    app = app_for(store, library)
    app.today = lambda: TODAY + timedelta(days=28)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(store.load_couple(couple.id), ["check-in"])
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "Due already" in shown
        assert "Not due for months" not in shown
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)
        assert walk(app).walk.packs[0].id == "check-in"
    kept = {a.text: a for a in AgreementBook(store, couple, app.today).load().agreements}
    assert kept["Due already"].review_on > TODAY + timedelta(days=28)


async def test_a_check_in_with_nothing_due_starts_at_once(store: Store, library: Library) -> None:
    couple = make_couple(store)
    earlier = store.new_session(couple.id, ["respect"])
    store.close()
    _agree(store, couple.id, earlier.id, "Not due yet", 60)
    app = app_for(store, library)
    app.today = lambda: TODAY + timedelta(days=7)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(store.load_couple(couple.id), ["check-in"])
        await pilot.pause()
        assert isinstance(app.screen, WalkScreen)


async def test_the_suggested_first_path_is_offered_only_before_any_session(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.screen.query("#suggested")
        await pilot.press("escape")
        await pilot.pause()
        store.new_session(couple.id, ["respect"])
        store.close()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert not app.screen.query("#suggested")
        assert "Suggested first path" not in [str(b.label) for b in app.screen.query(Button)]


async def test_done_lists_the_agreements_made_and_the_next_review(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["respect"])
        await pilot.pause()
        screen = walk(app)
        _agree(store, couple.id, screen.session.id, "Say thank you", 14)
        screen.finish()
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "Both of you: Say thank you" in shown
        assert "Your next review: 6 December 2026." in shown
        assert "couples/sam-and-alex/agreement.md" in shown


async def test_start_with_a_pack_and_no_couple_asks_the_names_then_walks_it(
    store: Store, library: Library
) -> None:
    from textual.widgets import Input

    from workbook.tui.screens.care import CareScreen
    from workbook.tui.screens.new_couple import NewCoupleScreen

    app = app_for(store, library, packs=["respect"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NewCoupleScreen)
        app.screen.query_one("#name-a", Input).value = "Sam"
        app.screen.query_one("#name-b", Input).value = "Alex"
        await pilot.click("#continue")
        await pilot.pause()
        # The care note still comes first, even when the packs were named.
        assert isinstance(app.screen, CareScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert [p.id for p in walk(app).walk.packs] == ["respect"]
