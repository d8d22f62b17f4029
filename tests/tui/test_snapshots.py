"""Screenshots of the main screens at 80×24, compared with the stored SVGs.

Each test's docstring says what a reviewer should see. Update them with
``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate change.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, WHEN, answer, home_loaded, make_caseload, make_couple, ready
from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.chores_table import TaskRow, WhoCell


@pytest.fixture
def library() -> Library:
    return load_library(environ={})


def fixed_app(store: Store, library: Library) -> WorkbookApp:
    app = WorkbookApp(store, library, theme="textual-dark")
    app.today = lambda: date(2026, 11, 22)
    # The clock of the walk reads the time of day too: fixed, so the screenshots stay the same.
    app.now = lambda: WHEN
    return app


def walking(store: Store, library: Library, agenda: list[str]) -> WorkbookApp:
    couple = make_couple(store)
    session = store.new_session(couple.id, agenda, when=WHEN)
    for pack_id in agenda:
        loaded = library.packs[pack_id]
        session.packs[pack_id] = PackUse(title=library.pack(pack_id).title, digest=loaded.digest)
    store.save_session(couple.id, session, stamp=False)
    store.close()
    return fixed_app(store, library)


async def go_to(pilot: Any, pack: int, step: int, *, past_lookaway: bool = True) -> WalkScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    await screen.goto_step(pack, step)
    await pilot.pause()
    if past_lookaway:
        await ready(pilot)
    return screen


async def scroll_stage(
    pilot: Any, screen: WalkScreen, to: Any = None, *, top: bool = False
) -> None:
    """Scroll the stage to ``to`` (or its end) once the stage has settled: the stage follows the
    focus after each refresh, and a scroll made before that would be undone on a busy machine."""
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    await pilot.pause()
    stage = screen.query_one("#stage")
    if to is None:
        stage.scroll_end(animate=False, immediate=True)
    else:
        # From the top, so the scroll is the same whatever place the stage had followed to.
        stage.scroll_home(animate=False, immediate=True)
        stage.scroll_to_widget(to, top=top, animate=False, immediate=True)
    await pilot.pause()
    await pilot.pause()


async def _home_loaded(pilot: Any) -> None:
    await home_loaded(pilot)


def test_home(snap_compare: Any, store: Store, library: Library) -> None:
    """Home of a couple: the title and its line, a table of one couple (Sam and Alex, last
    session 2026-11-22, no review, unfinished) with no search or filters, the line below
    naming their 1 session and 0 agreements with r, F2 and Del, and five buttons, Export and
    Review naming their keys; the footer lists n, s, r, e, v, quit and help."""
    app = walking(store, library, ["respect"])
    assert snap_compare(app, terminal_size=SIZE, run_before=_home_loaded)


@pytest.mark.parametrize("size", [SIZE, (120, 40)], ids=["80x24", "120x40"])
def test_home_caseload(
    snap_compare: Any, store: Store, library: Library, size: tuple[int, int]
) -> None:
    """Home of a counsellor with five couples, today 2026-11-22: the search box, "Current
    couples" and "Sort: name" in one line; the table of the four current couples (Zoë and
    Chris are archived) by name, with the last session's day, the next review ("due
    2026-11-20" for Sam and Alex) and "unfinished" for Jo and Kim; at 120 columns also who
    facilitates (Dr. Lee) and the number of sessions. The line below describes Ana and Ben."""
    make_caseload(store)
    store.close()
    assert snap_compare(fixed_app(store, library), terminal_size=size, run_before=_home_loaded)


def test_couple_window(snap_compare: Any, store: Store, library: Library) -> None:
    """The couple's window after Esc in Jo and Kim's session, in a caseload of five: "Jo and
    Kim" in a box across the top, "Paused: everything is saved.", the buttons Resume (focused),
    New session and Quit (no Home: no lock is set and other couples are here), and the line
    that says to quit and open workbook again to reach the others. No other name shows."""
    make_caseload(store)
    store.close()
    app = fixed_app(store, library)

    async def run_before(pilot: Any) -> None:
        home = await home_loaded(pilot)
        assert home.choose("jo-and-kim")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_agenda(snap_compare: Any, store: Store, library: Library) -> None:
    """The agenda for Sam and Alex, their names in a box across the top: the built-in packs
    with minutes and topics (the suggested path first, then by title), values and respect
    ticked as 1. and 2., the summary of the highlighted pack, and the Start button."""
    app = fixed_app(store, library)
    make_couple(store)

    async def run_before(pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()
        pilot.app.screen.agenda = ["values", "respect"]
        pilot.app.screen._refresh(0)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_private_text_step(snap_compare: Any, store: Store, library: Library) -> None:
    """A private text step: Sam's turn marked with ▶, the prompt with Sam's and Alex's names,
    the help, and a text box holding Sam's half-typed answer."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        await go_to(pilot, 0, 1)
        await answer(pilot, "Being asked before plans are made")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_lookaway(snap_compare: Any, store: Store, library: Library) -> None:
    """Before the first private answer: a framed message saying this one is private, asking
    Alex to look away and Sam to press Enter, the "I'm Sam, and I'm ready" button focused, and
    Next greyed out, since only Sam's own button goes on."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        await go_to(pilot, 0, 1, past_lookaway=False)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_sealed_turn_that_asks_for_care(snap_compare: Any, store: Store, library: Library) -> None:
    """Sam's private turn of "Before we begin", having picked "No": the line saying only Dr. Lee
    sees the answer, [x] No still in view, and below it a framed note with the emergency
    number, a domestic abuse helpline, Dr. Lee, and an "End here for today" button. The clock
    reads 0 of 30 min."""
    app = walking(store, library, ["before-we-begin", "values"])
    couple = store.load_couple("sam-and-alex")
    couple.facilitator = "Dr. Lee"
    store.save_couple(couple)

    async def run_before(pilot: Any) -> None:
        await go_to(pilot, 0, 1)
        await pilot.press("down", "enter")
        # The note is scrolled into view once it is drawn.
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_handover(snap_compare: Any, store: Store, library: Library) -> None:
    """The hand-over: a framed message asking Sam to pass the screen to Alex and look away,
    the "I'm Alex, and I'm ready" button, and no trace of Sam's answer."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        await go_to(pilot, 0, 1)
        await answer(pilot, "A private answer")
        await pilot.press("ctrl+n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_scale_reveal(snap_compare: Any, store: Store, library: Library) -> None:
    """The reveal of the respect scale: two equal columns with each partner's ratings, flags
    (⚑) on the items two or more apart, and the flagged lines spelled out below as what each
    answered and "You feel this differently: worth talking about" (never "N apart")."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 3)
        step = screen.walk.step(screen.place)
        first = dict.fromkeys(step.items, 4)
        second = dict.fromkeys(step.items, 4)
        first[step.items[0]], second[step.items[0]] = 5, 2
        second[step.items[4]] = 2
        await answer(pilot, first)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        await answer(pilot, second)
        await pilot.press("ctrl+n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_agreement_step(snap_compare: Any, store: Store, library: Library) -> None:
    """The agreement step: the term box, the legend under it saying that ↓ or Tab goes to the
    terms and naming 1 for Sam and 2 for Alex, and one draft term that Sam has confirmed and
    Alex not yet, to review on 20 December 2026."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 6)
        widget = screen.query_one(AgreementInput)
        widget.add("Ask before making plans for both of us")
        widget.confirm(0, "a")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


async def _chores_split(pilot: Any) -> WalkScreen:
    screen = await go_to(pilot, 0, 1)
    listing = screen.query_one("ChoresList")
    for index, row in enumerate(listing.query("TaskRow")):
        row.chore.now = "a" if index % 3 else "b"  # type: ignore[attr-defined]
    listing.report()  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    await ready(pilot)
    for index, row in enumerate(screen.query("ScaleRow")):
        row.value = 1 + index % 5  # type: ignore[attr-defined]
    await pilot.press("ctrl+n")
    await pilot.pause()
    await ready(pilot)
    await pilot.pause()
    for index, row in enumerate(screen.query("ScaleRow")):
        row.value = 5 - index % 3  # type: ignore[attr-defined]
    await pilot.press("ctrl+n")
    await pilot.pause()
    return screen


def test_chores_task_table(snap_compare: Any, store: Store, library: Library) -> None:
    """The chores task table at 80×24, as the keys leave it: a three-line legend (the arrows,
    typing and Enter, ✕, and in the who now column 1 Sam, 2 Alex, b both, n nobody, the keys in
    bold), the column titles over the rows, and each row's name (whole), minutes a week, who
    does it now (Alex, Sam, both, Alex, Sam, ...), the done placeholder and ✕, then Add a task.
    The cursor is on who does Cleaning the home: its row is marked ▶ and it reads [Alex] in
    brackets, so colour is never the only sign."""
    app = walking(store, library, ["chores"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 1)
        rows = list(screen.query(TaskRow))
        for index, row in enumerate(rows):
            who = "both" if index == 2 else "a" if index % 3 else "b"
            row.query_one(WhoCell).action_choose(who)
        rows[3].focus_cell(2)  # who does Cleaning the home
        await scroll_stage(pilot, screen, screen.query_one("ChoresList .legend"), top=True)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_chores_balance(snap_compare: Any, store: Store, library: Library) -> None:
    """The chores split phase: balance bars for Sam and Alex now, by their own ratings and in
    minutes a week, the Suggest a fair split button, and the tasks, none decided yet."""
    app = walking(store, library, ["chores"])
    assert snap_compare(app, terminal_size=SIZE, run_before=_chores_split)


def test_chores_split_explanation(snap_compare: Any, store: Store, library: Library) -> None:
    """After Suggest a fair split, scrolled to the end: the last tasks given to Sam or Alex, and
    each partner's explanation: what they carry now and with this split by their own ratings,
    without their heaviest task, what the other carries by the other's ratings (36% each), that
    each carries less than half because each takes on work they mind less, and their part of
    the one shared task (82% and 18%)."""
    app = walking(store, library, ["chores"])

    async def run_before(pilot: Any) -> None:
        screen = await _chores_split(pilot)
        await pilot.click("#suggest")
        await pilot.pause()
        await scroll_stage(pilot, screen)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_request_advice(snap_compare: Any, store: Store, library: Library) -> None:
    """A request from Sam rated benefit 5 and cost 1: the advice "an easy yes", the four
    decisions, and the prompt asking Alex for a request next."""
    app = walking(store, library, ["requests"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 1)
        widget = screen.query_one("RequestsInput")
        widget.query_one("#ask").value = "Call me when you are running late"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        widget.query_one("#benefit").value = 5  # type: ignore[attr-defined]
        widget.query_one("#cost").value = 1  # type: ignore[attr-defined]
        await scroll_stage(pilot, screen, widget.query_one("#advice"))

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_listen_floor(
    snap_compare: Any, store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listen step: Sam has the floor and Alex listens, round 1 of 1, a 3-minute countdown,
    the speaker's instructions, and the I have said it and Time-out buttons."""
    monkeypatch.setattr("workbook.tui.steps.listen.TICK_SECONDS", 3600.0)
    app = walking(store, library, ["listening"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 2)
        await scroll_stage(pilot, screen, screen.query_one("ListenInput"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_guess_reveal(snap_compare: Any, store: Store, library: Library) -> None:
    """The reveal of the first guess step of Knowing each other's world: the legend with the
    keys on one line, then for each question a card for Sam (left, blue name) and one for Alex
    (right, orange name), each with their own answer in bold, the other's guess under it, and
    the three marks. Sam marked Alex's guess "Priya" as "got it"; the pointer (▸) is on Alex's
    row, where Sam's guess "Jo" for "Kim from the choir" is marked "not quite". The second
    question shows below, unmarked."""
    app = walking(store, library, ["knowing"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 1)
        turns = [  # Sam's own answers and guesses of Alex's, then Alex's
            (
                ["Priya from work", "My mother's operation", "The Friday deadline"],
                ["Jo", "Money", "Driving the kids everywhere"],
            ),
            (
                ["Kim from the choir", "Whether to change jobs", "Driving the kids everywhere"],
                ["Priya", "Your mother's operation", "Work"],
            ),
        ]
        for own, guess in turns:
            for number, (mine, theirs) in enumerate(zip(own, guess, strict=True)):
                screen.query_one(f"#own-{number}", Input).value = mine
                screen.query_one(f"#guess-{number}", Input).value = theirs
            for number in range(3, 5):
                screen.query_one(f"#own-{number}", Input).value = "Something"
                screen.query_one(f"#guess-{number}", Input).value = "Something else"
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
            await ready(pilot)
        await pilot.press("1", "tab", "3")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_home_narrow(snap_compare: Any, store: Store, library: Library) -> None:
    """Home at 60×20: the title, Sam and Alex, the five buttons on two rows (New session, Resume
    and New couple; Export (e) and Review (v)) with nothing cut off, and a footer of whole keys
    that names every key of Home, v Review included, and f1 Help (^q Quit, which does not fit
    whole beside them, is left out: it is in help)."""
    app = walking(store, library, ["respect"])
    assert snap_compare(app, terminal_size=(60, 20), run_before=_home_loaded)


def _agreed(store: Store, session_id: str) -> None:
    from workbook.service.agreements import AgreementBook

    book = AgreementBook(store, store.load_couple("sam-and-alex"), lambda: date(2026, 11, 22))
    for text, who, days in (
        ("Ask before making plans for both of us", "both", 28),
        ("Text when running late", "b", 14),
    ):
        book.agree(
            text=text,
            who=who,
            review_on=date(2026, 11, 22) + timedelta(days=days),
            session=session_id,
            source="respect.agree",
            source_title="Defining respect",
        )


# A data folder whose name never changes, so that the Done screen, which names it, draws the
# same every run; only this test uses it.
FIXED_DATA = Path("/tmp/workbook-snapshot-done/data")


def test_done_with_agreements(snap_compare: Any, library: Library) -> None:
    """The Done screen: "Well done, Sam and Alex.", what they agreed (Both of you: Ask before
    making plans for both of us; Alex will: Text when running late), the next review on 6
    December 2026, the data folder, the agreement document and session file inside it, and
    the export commands split with a shell line break."""
    shutil.rmtree(FIXED_DATA.parent, ignore_errors=True)
    store = Store(FIXED_DATA)
    store.prepare()
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 6)
        _agreed(store, screen.session.id)
        screen.finish()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_check_in_reviews_last_weeks_agreements(
    snap_compare: Any, store: Store, library: Library
) -> None:
    """Starting a check-in four weeks on: before it, "Before this check-in, Sam and Alex: how did
    these go?", the legend (k keeps, c changes, l lets go, Esc goes on to the check-in), and the
    two agreements due, soonest first: Alex will: Text when running late (due 6 December 2026)
    and Both of you: Ask before making plans for both of us (due 20 December 2026)."""
    couple = make_couple(store)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    store.close()
    _agreed(store, session.id)
    app = fixed_app(store, library)
    app.today = lambda: date(2026, 12, 20)

    async def run_before(pilot: Any) -> None:
        pilot.app.begin(store.load_couple(couple.id), ["check-in"])
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
