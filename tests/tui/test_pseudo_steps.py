"""The steps with words of their own, and a partner's own seat, at 80×24 in the pseudo-language
(``en-XA``): the chores step (the weights of each partner, the split, a fair split suggested),
the guess step (each turn and the reveal with its marks), the requests step (asking, rating,
the advice, the question before Next), and a seat of an apart session (its own turn, waiting for
the other, the reveal, the agreement step's terms); then the console waiting for a couple. No
word on screen that did not come from the catalog, and no line cut (``language_walk.py``).

The chores task table's words are in the catalog too (``NOT_YET_IN_THE_CATALOG`` is empty).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input

from tests.tui.conftest import SIZE, WHEN, ready, until, walk
from tests.tui.language_walk import Looker, english_runs, pseudo_pack
from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.i18n.catalog import PSEUDO
from workbook.packs.library import Library, load_library
from workbook.service import apart
from workbook.tui.app import WorkbookApp
from workbook.tui.console import ConsoleApp
from workbook.tui.screens.apart import ApartScreen
from workbook.tui.screens.apart_terms import ApartTerms
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.screens.waiting import WaitingScreen
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.seat import SeatApp
from workbook.tui.steps.text import TextInput

NAMES = ("Àñà", "Ɓéñ")
# Every word of these screens is in the catalog now; a word added in English fails the walk.
NOT_YET_IN_THE_CATALOG: set[str] = set()


def pseudo_library(tmp_path: Path, *names: str) -> Library:
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    for name in names:
        pseudo_pack(name, folder)
    return load_library([folder], environ={}, builtin=False)


def looker_for(app: Any, store: Store) -> Looker:
    def literals() -> list[str]:
        ids = store.couple_ids()
        sessions = [s for c in ids for s in store.session_ids(c)]
        return [str(store.root), *ids, *sessions]

    return Looker(app, lambda line: english_runs(line, literals()))


def found(looker: Looker) -> dict[str, list[str]]:
    return {run: [looker.example[run], *sorted(where)[:2]] for run, where in looker.english.items()}


async def next_place(pilot: Any) -> WalkScreen:
    await pilot.press("ctrl+n")
    await pilot.pause()
    await ready(pilot)
    await pilot.pause()
    return walk(pilot.app)


async def own_step(pilot: Any, pack: int) -> None:
    """To the pack's second step (its own kind, past the reading), past any hand-over."""
    await walk(pilot.app).goto_step(pack, 1)
    await pilot.pause()
    await ready(pilot)


async def chores(pilot: Any, looker: Looker, pack: int) -> None:
    screen = walk(pilot.app)
    await screen.goto_step(pack, 1)
    await pilot.pause()
    listing = screen.query_one("ChoresList")
    for index, row in enumerate(listing.query("TaskRow")):
        row.chore.now = "a" if index % 3 else "b"  # type: ignore[attr-defined]
    listing.report()  # type: ignore[attr-defined]
    await pilot.pause()
    looker.look("chores list")
    for turn in ("first", "second"):
        screen = await next_place(pilot)
        looker.look(f"chores weights, {turn}")
        for index, row in enumerate(screen.query("ScaleRow")):
            row.value = 1 + index % 5  # type: ignore[attr-defined]
    screen = await next_place(pilot)
    looker.look("chores split")
    await pilot.click("#suggest")
    await pilot.pause()
    looker.look("chores split suggested")
    screen.query_one("#stage").scroll_end(animate=False, immediate=True)
    await pilot.pause()
    looker.look("chores split explained")


async def guess(pilot: Any, looker: Looker, pack: int) -> None:
    await own_step(pilot, pack)
    for turn in ("first", "second"):
        screen = walk(pilot.app)
        looker.look(f"guess, {turn} turn")
        for field in screen.query(Input):
            field.value = "Ŵöŕđš"
        await pilot.pause()
        await next_place(pilot)
    looker.look("guess reveal")
    await pilot.press("1", "tab", "3")
    await pilot.pause()
    looker.look("guess marked")


async def requests(pilot: Any, looker: Looker, pack: int) -> None:
    await own_step(pilot, pack)
    looker.look("requests, asking")
    widget = walk(pilot.app).query_one("RequestsInput")
    for _ in range(6):
        box = widget.query_one("#ask", Input)
        if not box.display:
            break
        box.value = "Ƥéţîţîöñ"
        box.focus()
        await pilot.press("enter")
        await pilot.pause()
    looker.look("requests, asked")
    widget.query_one("#benefit").value = 5  # type: ignore[attr-defined]
    widget.query_one("#cost").value = 1  # type: ignore[attr-defined]
    await pilot.pause()
    widget.query_one("#advice").scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    looker.look("requests, advice")
    await pilot.press("ctrl+n")
    await until(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
    looker.look("requests, none decided")
    await pilot.press("escape")


async def test_the_steps_words_are_the_catalogs(tmp_path: Path, store: Store) -> None:
    packs = ("chores", "knowing", "requests")
    library = pseudo_library(tmp_path, *packs)
    couple = store.create_couple(*NAMES, when=WHEN, language=PSEUDO)
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, list(packs), when=WHEN)
    for pack_id in packs:
        loaded = library.packs[pack_id]
        session.packs[pack_id] = PackUse(title=library.pack(pack_id).title, digest=loaded.digest)
    store.save_session(couple.id, session, stamp=False)
    store.close()
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO
    app.now = lambda: WHEN
    looker = looker_for(app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        await chores(pilot, looker, 0)
        await guess(pilot, looker, 1)
        await requests(pilot, looker, 2)

    assert len(looker.seen) >= 14
    english = found(looker)
    assert {run: w for run, w in english.items() if run not in NOT_YET_IN_THE_CATALOG} == {}
    assert NOT_YET_IN_THE_CATALOG - set(english) == set()
    assert looker.cut == {}


# A pack of a private step and an agreement step, written in the pseudo-language.
SEAT_PACK = """format = 1
id = "seat"
language = "en-XA"
title = "À ƥàçķ"
summary = "Ƒöŕ ţéšţš."

[[steps]]
id = "meaning"
kind = "text"
prompt = "{me}, ŵĥàţ đöéš ŕéšƥéçţ ļööķ ļîķé?"

[[steps]]
id = "agree"
kind = "agreement"
prompt = "Ŵĥàţ ŵîļļ ýöû ţŕý?"
"""


def on_seat(app: SeatApp) -> Callable[[], bool]:
    return lambda: isinstance(app.screen, ApartScreen)


def drawn(screen: ApartScreen, mode: str) -> Callable[[], bool]:
    return lambda: (
        not screen._drawing.locked() and screen.shown is not None and screen.shown.mode == mode
    )


async def test_a_seat_and_the_waiting_console_speak_the_catalog(
    tmp_path: Path, store: Store
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "seat.toml").write_text(SEAT_PACK, encoding="utf-8")
    library = load_library([folder], environ={}, builtin=False)
    couple = store.create_couple(*NAMES, when=WHEN, language=PSEUDO)
    couple.care_note_seen = True
    store.save_couple(couple)
    # The console opened before the couple begins waits for them, in the app's language.
    console = ConsoleApp(Store(store.root), library, couple.id, None, theme="textual-dark")
    console.app_language = PSEUDO
    looker = looker_for(console, store)
    async with console.run_test(size=SIZE) as pilot:
        waiting = console.screen
        assert isinstance(waiting, WaitingScreen)
        await until(pilot, lambda: waiting.looked >= 1)
        looker.look("console waiting")

    loaded = library.packs["seat"]
    assert loaded.pack is not None
    session_id = apart.begin(store, couple, [loaded])
    store.close()
    # The other partner, on their own device (the service, as their seat's app would call it).
    theirs = apart.Seat(Store(store.root), couple, session_id, [loaded.pack], "b", lambda: WHEN)
    seat = SeatApp(
        Store(store.root), library, couple_id=couple.id, partner="a", theme="textual-dark"
    )
    # The seat speaks the couple's language, whatever the app's.
    seat.app_language = "en"
    looker.app = seat
    async with seat.run_test(size=SIZE) as pilot:
        await until(pilot, on_seat(seat))
        screen = seat.screen
        assert isinstance(screen, ApartScreen)
        await until(pilot, drawn(screen, apart.ANSWER))
        screen.query_one(TextInput).query_one("TextArea").load_text("Àñšŵéŕ")  # type: ignore[attr-defined]
        await pilot.pause()
        looker.look("seat, own turn")
        await screen.action_next()
        await until(pilot, drawn(screen, apart.WAITING))
        await pilot.pause()
        looker.look("seat, waiting for the other")
        theirs.reload()
        place = theirs.stage().place
        assert place is not None
        theirs.keep(place, {"b": "Ŵöŕđš"})
        theirs.finish_turn(place)
        await until(pilot, drawn(screen, apart.REVEALED))
        await pilot.pause()
        looker.look("seat, reveal")
        await screen.action_next()
        await until(pilot, drawn(screen, apart.TERMS))
        await pilot.pause()
        looker.look("seat, terms")
        screen.query_one(ApartTerms).post_message(ApartTerms.Add("Ŧéŕɱ"))
        await until(pilot, lambda: bool(screen.query(".acts")))
        await pilot.pause()
        looker.look("seat, a term")
    assert found(looker) == {}
    assert looker.cut == {}
