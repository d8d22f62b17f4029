"""Screenshots of the main screens at 80×24, compared with the stored SVGs.

Each test's docstring says what a reviewer should see. Update them with
``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.tui.conftest import SIZE, WHEN, answer, make_couple
from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.agreement import AgreementInput


@pytest.fixture
def library() -> Library:
    return load_library(environ={})


def fixed_app(store: Store, library: Library) -> WorkbookApp:
    app = WorkbookApp(store, library, theme="textual-dark")
    app.today = lambda: date(2026, 11, 22)
    return app


def walking(store: Store, library: Library, agenda: list[str]) -> WorkbookApp:
    couple = make_couple(store)
    session = store.new_session(couple.id, agenda, when=WHEN)
    for pack_id in agenda:
        session.packs[pack_id] = PackUse(title=library.pack(pack_id).title, digest="x")
    store.save_session(couple.id, session, stamp=False)
    store.close()
    return fixed_app(store, library)


async def go_to(pilot: Any, pack: int, step: int) -> WalkScreen:
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WalkScreen)
    await screen.goto_step(pack, step)
    await pilot.pause()
    return screen


def test_home(snap_compare: Any, store: Store, library: Library) -> None:
    """Home: the title, one couple (Sam and Alex, 1 session, 0 agreements), and the four
    buttons with New session highlighted; the footer lists n, s, r, e, quit and help."""
    app = walking(store, library, ["respect"])
    assert snap_compare(app, terminal_size=SIZE)


def test_agenda(snap_compare: Any, store: Store, library: Library) -> None:
    """The agenda for Sam and Alex: five packs with minutes and topics, values and respect
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
    (⚑) on the items two or more apart, and the flagged lines spelled out below."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 3)
        step = screen.walk.step(screen.place)
        first = dict.fromkeys(step.items, 4)
        second = dict.fromkeys(step.items, 4)
        first[step.items[0]], second[step.items[0]] = 5, 2
        second[step.items[4]] = 2
        await answer(pilot, first)
        await pilot.press("ctrl+n", "enter")
        await pilot.pause()
        await answer(pilot, second)
        await pilot.press("ctrl+n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_agreement_step(snap_compare: Any, store: Store, library: Library) -> None:
    """The agreement step: the term box, the legend naming 1 for Sam and 2 for Alex, and one
    draft term that Sam has confirmed and Alex not yet, to review on 20 December 2026."""
    app = walking(store, library, ["respect"])

    async def run_before(pilot: Any) -> None:
        screen = await go_to(pilot, 0, 6)
        widget = screen.query_one(AgreementInput)
        widget.add("Ask before making plans for both of us")
        widget.confirm(0, "a")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
