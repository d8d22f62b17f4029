"""The apart walk in two seats at once: two apps on one data folder, one per partner, as two
browsers would run them. Each waits on the other's saved file, never on time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.packs_helpers import write_pack
from tests.tui.conftest import WHEN, screen_text, until
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.service import apart
from workbook.tui.screens.apart import ApartScreen
from workbook.tui.seat import SeatApp
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.text import TextInput

STEPS = """
[[steps]]
id = "meaning"
kind = "text"
prompt = "{me}, what does respect look like?"

[[steps]]
id = "open"
kind = "text"
answer = "each-open"
prompt = "{me}, say it openly."

[[steps]]
id = "both"
kind = "text"
answer = "together"
prompt = "One answer for you both."
"""
LIA_WORDS = "Lia-private-words"
BEN_WORDS = "Ben-private-words"


AGREE = """
[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you each try until next time?"
"""


@pytest.fixture
def setup(tmp_path: Path, data_dir: Path) -> tuple[Store, Library, str]:
    return made(tmp_path, data_dir, STEPS)


def made(
    tmp_path: Path, data_dir: Path, steps: str, begun: bool = True
) -> tuple[Store, Library, str]:
    """A pack "respect" of ``steps``, a couple Lia and Ben in ``data_dir``, and (if ``begun``)
    an apart session of it begun: (store, library, couple id)."""
    packs = tmp_path / "packs"
    write_pack(packs, "respect", steps)
    library = load_library([packs], environ={})
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Lia", "Ben", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    if begun:
        apart.begin(store, couple, [library.packs["respect"]])
    return store, library, couple.id


def seat_app(setup: tuple[Store, Library, str], partner: str) -> SeatApp:
    store, library, couple_id = setup
    return SeatApp(
        Store(store.root), library, couple_id=couple_id, partner=partner, theme="textual-dark"
    )


def drawn(app: Any, selector: str) -> Callable[[], bool]:
    """The stage is drawn (no redraw under way) and ``selector`` is laid out on it."""

    def check() -> bool:
        screen = app.screen
        if isinstance(screen, ApartScreen) and screen._drawing.locked():
            return False
        found = screen.query(selector)
        return bool(found) and bool(found.first().region)

    return check


async def seated(pilot: Pilot[Any]) -> None:
    """The seat's screen is up and its first stage drawn."""
    await until(pilot, lambda: isinstance(pilot.app.screen, ApartScreen))
    await until(pilot, drawn(pilot.app, "#stage > *"))


def seat_screen(app: SeatApp) -> ApartScreen:
    screen = app.screen
    assert isinstance(screen, ApartScreen), type(screen)
    return screen


def shown(app: SeatApp) -> str:
    return " ".join(screen_text(app).split())


async def type_answer(pilot: Pilot[Any], words: str) -> None:
    widget = seat_screen(pilot.app).query_one(StepInput)  # type: ignore[arg-type]
    assert isinstance(widget, TextInput)
    widget.query_one("TextArea").load_text(words)  # type: ignore[attr-defined]
    await pilot.pause()


async def press_next(pilot: Pilot[Any]) -> None:
    await until(pilot, drawn(pilot.app, "#next"))
    assert await pilot.click("#next")


def says(app: SeatApp, words: str) -> Callable[[], bool]:
    return lambda: words in shown(app)


def both_words(app: SeatApp) -> Callable[[], bool]:
    return lambda: LIA_WORDS in shown(app) and BEN_WORDS in shown(app)


def mode(app: SeatApp) -> str | None:
    stage = seat_screen(app).shown
    return stage.mode if stage else None


async def test_two_seats_answer_at_once_and_see_the_reveal_only_when_both_are_done(
    setup: tuple[Store, Library, str],
) -> None:
    lia_app, ben_app = seat_app(setup, "a"), seat_app(setup, "b")
    async with lia_app.run_test(size=(80, 24)) as lia, ben_app.run_test(size=(80, 24)) as ben:
        await seated(lia)
        await seated(ben)
        # Both at their own turn at the same time: no look-away, no hand-over.
        assert mode(lia_app) == mode(ben_app) == apart.ANSWER
        assert "look away" not in shown(lia_app).lower()
        await type_answer(lia, LIA_WORDS)
        await type_answer(ben, BEN_WORDS)
        await press_next(lia)
        assert mode(lia_app) == apart.WAITING
        assert "Waiting for Ben" in shown(lia_app)
        await until(ben, lambda: "Lia is done" in shown(ben_app))
        # Neither screen holds the other's words before the reveal.
        assert BEN_WORDS not in shown(lia_app)
        assert LIA_WORDS not in shown(ben_app)
        # Back is not offered while waiting, and does nothing.
        await lia.press("ctrl+b")
        await lia.pause()
        assert BEN_WORDS not in shown(lia_app)
        await press_next(ben)
        await until(lia, lambda: mode(lia_app) == apart.REVEALED)
        assert mode(ben_app) == apart.REVEALED
        for app in (lia_app, ben_app):
            await until(lia, both_words(app))
        # Next on one device moves both to the open step.
        await press_next(ben)
        await until(lia, lambda: mode(lia_app) == apart.ANSWER)
        await type_answer(ben, "said openly")
        ben_screen = seat_screen(ben_app)
        assert ben_screen.keep_now()
        await until(
            lia, lambda: "Ben answered" in shown(lia_app) and "said openly" in shown(lia_app)
        )
        # Back from the open step shows the revealed step again, never a private turn.
        await lia.press("ctrl+b")
        await until(ben, lambda: mode(ben_app) == apart.REVEALED and LIA_WORDS in shown(ben_app))


async def test_a_together_answer_written_on_one_seat_shows_on_the_other_when_saved(
    setup: tuple[Store, Library, str],
) -> None:
    store, library, couple_id = setup
    seat = apart.Seat(
        store,
        store.load_couple(couple_id),
        apart.find(store, couple_id) or "",
        [library.packs["respect"].pack],  # type: ignore[list-item]
        "a",
        lambda: WHEN,
    )
    seat.arrive()
    start = seat.stage().place
    assert start is not None
    together = seat._at(seat.walk.start_of_step(0, 2), seat.session)
    seat._change(lambda s: seat._arrive(s, together))
    lia_app, ben_app = seat_app(setup, "a"), seat_app(setup, "b")
    async with lia_app.run_test(size=(80, 24)) as lia, ben_app.run_test(size=(80, 24)) as ben:
        await seated(lia)
        await seated(ben)
        assert mode(lia_app) == apart.SHARED
        await type_answer(lia, "our one answer")
        assert seat_screen(lia_app).keep_now()
        await until(ben, lambda: "our one answer" in shown(ben_app))
        await type_answer(ben, "our one answer, and more")
        assert seat_screen(ben_app).keep_now()
        await until(lia, lambda: "and more" in shown(lia_app))
        # The last Next finishes the session on both seats.
        await press_next(lia)
        for app in (lia_app, ben_app):
            await until(ben, says(app, "This session is finished"))


async def test_each_partner_confirms_a_term_on_their_own_device(
    tmp_path: Path, data_dir: Path
) -> None:
    from workbook.tui.screens.apart_terms import ApartTerms

    setup = made(tmp_path, data_dir, AGREE)
    store, _, couple_id = setup
    lia_app, ben_app = seat_app(setup, "a"), seat_app(setup, "b")
    async with lia_app.run_test(size=(80, 24)) as lia, ben_app.run_test(size=(80, 24)) as ben:
        await seated(lia)
        await seated(ben)
        assert mode(lia_app) == apart.TERMS
        box = seat_screen(lia_app).query_one("#new-term")
        box.value = "Walk together on Sundays"  # type: ignore[attr-defined]
        await lia.click("#add-term")
        await until(ben, says(ben_app, "Walk together on Sundays"))
        # Each device has only its own partner's button: Ben confirms for Ben.
        assert len(seat_screen(ben_app).query(ApartTerms).first().query("Button#agree-0")) == 1
        await ben.click("#agree-0")
        await until(lia, says(lia_app, "Ben agrees"))
        assert "Lia has not confirmed yet" in shown(lia_app)
        assert not store.load_agreements(couple_id).agreements
        await lia.click("#agree-0")
        await until(ben, says(ben_app, "Agreed by both of you"))
        (agreement,) = store.load_agreements(couple_id).agreements
        assert agreement.text == "Walk together on Sundays"
        assert not seat_screen(lia_app).query("#agree-0")


async def test_the_first_seat_to_start_begins_the_session_and_the_other_joins_it(
    tmp_path: Path, data_dir: Path
) -> None:
    from workbook.tui.screens.agenda import AgendaScreen

    packs = tmp_path / "packs"
    write_pack(packs, "respect", STEPS)
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Lia", "Ben", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    setup = (store, load_library([packs], environ={}), couple.id)
    lia_app, ben_app = seat_app(setup, "a"), seat_app(setup, "b")
    async with lia_app.run_test(size=(80, 24)) as lia, ben_app.run_test(size=(80, 24)) as ben:
        await until(lia, lambda: isinstance(lia_app.screen, AgendaScreen))
        await until(ben, lambda: isinstance(ben_app.screen, AgendaScreen))
        agenda = lia_app.screen
        assert isinstance(agenda, AgendaScreen)
        agenda.agenda = ["respect"]
        agenda.action_start()
        await seated(lia)
        # Ben, still at his agenda, joins the session Lia began.
        await seated(ben)
        assert seat_screen(ben_app).seat.session_id == seat_screen(lia_app).seat.session_id
        assert len(store.session_ids(couple.id)) == 1
        await until(ben, says(ben_app, "what does respect look like"))


async def test_resumed_at_one_screen_an_apart_session_is_shown_read_only(
    setup: tuple[Store, Library, str],
) -> None:
    from workbook.service.sessions import APART
    from workbook.tui.app import WorkbookApp
    from workbook.tui.screens.home import HomeScreen
    from workbook.tui.screens.walk import WalkScreen

    store, library, couple_id = setup
    couple = store.load_couple(couple_id)
    app = WorkbookApp(Store(store.root), library, theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.screen.loaded()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        walk = app.screen
        assert isinstance(walk, WalkScreen)
        assert walk.read_only == APART
        # The seats still save: the one-screen window holds no lock on the session.
        seat = apart.Seat(
            Store(store.root),
            couple,
            walk.session.id,
            walk.walk.packs,
            "a",
            lambda: WHEN,
        )
        seat.arrive()
        place = seat.stage().place
        assert place is not None
        seat.finish_turn(place)
        assert apart.done_of(seat.reload()) == ["a"]


async def test_two_redraws_at_once_draw_the_stage_once(
    setup: tuple[Store, Library, str],
) -> None:
    """The watch (on a timer of its own) and a move can redraw the stage at the same moment:
    one after the other, never interleaved, which left it empty or filled twice."""
    import asyncio

    app = seat_app(setup, "a")
    async with app.run_test(size=(80, 24)) as pilot:
        await seated(pilot)
        screen = seat_screen(app)
        await screen.show_stage()
        once = [type(w) for w in screen.query_one("#stage").children]
        await asyncio.gather(screen.show_stage(), screen.show_stage(), screen.show_stage())
        assert [type(w) for w in screen.query_one("#stage").children] == once
        assert len(screen.query(StepInput)) == 1
