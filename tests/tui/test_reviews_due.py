"""Reviews at a check-in: resuming one comes back to the agreements still due, and keeping an
agreement sets its next review after its own period, whatever a hand edit left in the file."""

from __future__ import annotations

from datetime import date, timedelta

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.service.agreements import AgreementBook
from workbook.tui.screens.pause import PauseScreen
from workbook.tui.screens.review import ReviewScreen
from workbook.tui.screens.walk import WalkScreen

MADE = date(2026, 11, 22)


def _agree(store: Store, text: str, days: int) -> str:
    book = AgreementBook(store, store.load_couple("sam-and-alex"), lambda: MADE)
    made = book.agree(
        text=text,
        who="both",
        review_on=MADE + timedelta(days=days),
        session=None,
        source="check-in.agree",
        source_title="Weekly check-in",
    )
    return made.id


async def test_a_resumed_check_in_shows_the_review_still_due_first(
    store: Store, library: Library
) -> None:
    make_couple(store)
    _agree(store, "Walk on Sundays", 7)
    _agree(store, "Phones away at dinner", 7)
    app = app_for(store, library)
    app.today = lambda: MADE + timedelta(days=7)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(store.load_couple("sam-and-alex"), ["check-in"])
        await settled(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        # One kept, then on to the check-in, and a pause; then Resume on the couple's window.
        await at_once(app, pilot, "k", "escape")
        assert isinstance(app.screen, WalkScreen)
        await at_once(app, pilot, "escape")
        assert isinstance(app.screen, PauseScreen)
        await at_once(app, pilot, "r")
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "Phones away at dinner" in shown
        assert "Walk on Sundays" not in shown
        # Esc goes on to the check-in, where it was left.
        await at_once(app, pilot, "escape")
        assert walk(app).walk.packs[0].id == "check-in"


async def test_keep_sets_the_next_review_a_period_from_today(
    store: Store, library: Library
) -> None:
    """An agreement of a weekly check-in whose review date was moved by hand to the day it was
    made (to talk about it sooner): Keep gives a week from today, never tomorrow."""
    make_couple(store)
    _agree(store, "Walk on Sundays", 7)
    path = store.layout.couple_folder("sam-and-alex") / "agreements.toml"
    table = tomlio.loads(path.read_text(encoding="utf-8"))
    table["agreements"][0]["review_on"] = MADE
    path.write_text(tomlio.dumps(table), encoding="utf-8")
    today = MADE + timedelta(days=3)
    app = app_for(store, library)
    app.today = lambda: today
    async with app.run_test(size=SIZE) as pilot:
        app.begin(store.load_couple("sam-and-alex"), ["check-in"])
        await settled(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        await at_once(app, pilot, "k")
    (kept,) = AgreementBook(store, store.load_couple("sam-and-alex")).load().agreements
    assert kept.review_on == today + timedelta(days=7)
    assert kept.reviews[0].due == MADE
