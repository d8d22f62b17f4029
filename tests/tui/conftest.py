"""Pilot test helpers: an app over a temporary data folder, and quick ways to answer steps."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot, WaitForScreenTimeout

from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.choice import ChoiceInput
from workbook.tui.steps.rank import RankInput
from workbook.tui.steps.scale import ScaleInput, ScaleRow
from workbook.tui.steps.text import TextInput

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_CURSOR_BLINK", "0")


@functools.cache
def _marked() -> frozenset[str]:
    from workbook.i18n import extract

    ids: set[str] = set()
    for message in extract.template():
        ids.update([message.id] if isinstance(message.id, str) else message.id)
    return frozenset(ids)


@pytest.fixture(autouse=True)
def _only_marked_messages(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """In the pseudo-language tests, every message given to the catalog must be marked in the
    source: one that is not (a label kept in a list, shown with ``tr.gettext(label)``) looks
    translated in the pseudo-language, yet stays English in every real catalog."""
    if not request.module.__name__.rpartition(".")[2].startswith("test_pseudo"):
        yield
        return
    from workbook.i18n import pseudo

    unmarked: set[str] = set()
    accent = pseudo.pseudo

    def recorded(message: str) -> str:
        if message not in _marked():
            unmarked.add(message)
        return accent(message)

    monkeypatch.setattr(pseudo, "pseudo", recorded)
    yield
    assert unmarked == set(), "given to the catalog but never marked for it"


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


@pytest.fixture
def library(_builtin_library: Library) -> Library:
    """The built-in packs, as ``load_library(environ={})`` gives them. They are read once for the
    run (tests/conftest.py; a tenth of a second a test before); each test gets its own library
    around them, so that what one test adds to or drops from it no other test sees (the packs
    themselves are frozen)."""
    return Library(
        packs=dict(_builtin_library.packs),
        broken=list(_builtin_library.broken),
        notes=list(_builtin_library.notes),
        versions={key: dict(value) for key, value in _builtin_library.versions.items()},
    )


def make_couple(store: Store, a: str = "Sam", b: str = "Alex", seen: bool = True) -> Couple:
    couple = store.create_couple(a, b, when=WHEN)
    if seen:
        couple.care_note_seen = True
        store.save_couple(couple)
    return couple


def app_for(store: Store, library: Library, **kwargs: Any) -> WorkbookApp:
    return WorkbookApp(store, library, theme="textual-dark", **kwargs)


def walk(app: WorkbookApp) -> WalkScreen:
    screen = app.screen
    assert isinstance(screen, WalkScreen), type(screen)
    return screen


async def ready(pilot: Pilot[Any]) -> None:
    """Pass a look-away or hand-over screen as the partner it names does: Enter on their
    button. Nothing happens elsewhere."""
    screen = walk(pilot.app)  # type: ignore[arg-type]
    if screen.walk.is_handoff(screen.place):
        await step_on(pilot, "enter")


@contextlib.asynccontextmanager
async def at_step(
    store: Store, library: Library, pack: str, step_id: str, **run: Any
) -> AsyncIterator[tuple[WorkbookApp, Pilot[Any]]]:
    """A new app at ``step_id`` of a session of ``pack`` begun for Sam and Alex (made first,
    with ``make_couple``): (app, pilot)."""
    app = app_for(store, library)
    async with app.run_test(size=SIZE, **run) as pilot:
        app.begin(store.load_couple("sam-and-alex"), [pack])
        await pilot.pause()
        screen = walk(app)
        await screen.goto_step(0, [s.id for s in screen.walk.packs[0].steps].index(step_id))
        await pilot.pause()
        yield app, pilot


async def walk_drawn(pilot: Pilot[Any]) -> WalkScreen:
    """The walk, once its stage shows its first place."""
    await until(pilot, lambda: isinstance(pilot.app.screen, WalkScreen) and pilot.app.screen.shown)
    return walk(pilot.app)  # type: ignore[arg-type]


async def step_on(pilot: Pilot[Any], *keys: str) -> None:
    """Press ``keys`` in the walk, and wait until its stage shows the place they lead to."""
    screen = walk(pilot.app)  # type: ignore[arg-type]
    before = screen.shown
    await pilot.press(*keys)
    await until(pilot, lambda: screen.shown not in (None, before))


def step_input(app: WorkbookApp) -> StepInput:
    return walk(app).query_one(StepInput)


async def answer(pilot: Pilot[Any], value: Any) -> None:
    """Put ``value`` into the current step's input the way a person would end up with it
    (past a look-away screen first, as the partner it names would)."""
    await ready(pilot)
    widget = step_input(pilot.app)  # type: ignore[arg-type]
    if isinstance(widget, TextInput):
        widget.query_one("TextArea").load_text(value)  # type: ignore[attr-defined]
    elif isinstance(widget, ScaleInput):
        rows = list(widget.query(ScaleRow))
        if isinstance(value, dict):
            for row in rows:
                row.value = value[row.item]
        else:
            rows[0].value = value
    elif isinstance(widget, ChoiceInput):
        widget.picked = list(value)
        widget.report()
    elif isinstance(widget, RankInput):
        widget.order = list(value)
        widget.report()
    await pilot.pause()


def auto_answer(app: WorkbookApp) -> Any:
    """A valid answer for the current step, for walking quickly through packs."""
    widget = step_input(app)
    step = widget.step
    if isinstance(widget, TextInput):
        return f"An answer to {step.id}"
    if isinstance(widget, ScaleInput):
        return dict.fromkeys(step.items, step.max) if step.items else step.min
    if isinstance(widget, ChoiceInput):
        return list(step.options[: max(step.pick_min, 1)])
    if isinstance(widget, RankInput):
        return list(reversed(widget.order))
    raise AssertionError(type(widget))


async def add_and_confirm_term(pilot: Pilot[Any], text: str) -> None:
    widget = step_input(pilot.app)  # type: ignore[arg-type]
    assert isinstance(widget, AgreementInput)
    widget.add(text)
    terms = widget.query_one("#terms")
    terms.focus()
    terms.highlighted = len(widget.terms) - 1  # type: ignore[attr-defined]
    await pilot.press("1", "2")
    await pilot.pause()


async def until(pilot: Pilot[Any], check: Callable[[], Any]) -> None:
    """Wait, with the app running, until ``check()`` holds: the work it names is done.

    No deadline of its own: a busy machine may take as long as it takes, and a hang is ended by
    the suite's overall timeout (``timeout`` in pyproject.toml). The check runs after each short
    pause. Pilot's pause also waits for the screen's widgets to handle what they were sent; that
    wait gives up after 30 s if the screen is switched meanwhile (as the console's is), which
    says nothing about the check: it is asked again."""
    app = pilot.app
    while not check():
        # The app stopped (an exception, or it quit): leaving run_test says why.
        assert app.is_running, "the app stopped before the check held"
        with contextlib.suppress(WaitForScreenTimeout):
            await pilot.pause(0.05)


class ScreenHost(App[None]):
    """A bare app that pushes the one screen ``make`` gives and keeps what it was dismissed
    with, for a screen tried on its own."""

    def __init__(self, make: Callable[[], Any]) -> None:
        super().__init__()
        self.make = make
        self.result: list[Any] = []

    def on_mount(self) -> None:
        self.push_screen(self.make(), self.result.append)


def said(app: App[Any]) -> list[str]:
    """Every notification ``app`` gives from now on, in order. Kept here because toasts expire,
    so a count of ``app._notifications`` can go down on a slow machine."""
    heard: list[str] = []
    given = app.notify

    def notify(message: Any, *args: Any, **kwargs: Any) -> None:
        heard.append(str(message))
        given(message, *args, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return heard


def screen_text(app: WorkbookApp) -> str:
    """Everything the screen shows, as plain text."""
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )


async def home_loaded(pilot: Pilot[Any]) -> HomeScreen:
    """Home, once its table shows the couples (they are read in a worker)."""
    home = pilot.app.screen
    assert isinstance(home, HomeScreen), type(home)
    await home.loaded()
    await pilot.pause()
    return home


def make_caseload(store: Store) -> None:
    """Five couples, with fixed dates for a today of 2026-11-22: Sam and Alex (Dr. Lee, a
    finished session on 2026-11-01, an agreement due on 2026-11-20), Jo and Kim (an unfinished
    session on 2026-11-15, a review on 2026-12-10), Ana and Ben (a session on 2026-10-01),
    Robin and Lee (nothing yet), and Zoë and Chris (archived)."""
    from workbook.logic.agreements import add_agreement

    def couple(a: str, b: str, facilitator: str | None = None) -> Couple:
        made = store.create_couple(a, b, facilitator, when=WHEN)
        made.care_note_seen = True
        store.save_couple(made)
        return made

    def session(made: Couple, day: datetime, finished: bool = True) -> None:
        started = store.new_session(made.id, ["check-in"], when=day)
        if finished:
            started.finished = day + timedelta(minutes=40)
        store.save_session(made.id, started, stamp=False)
        store.release_session(made.id, started.id)

    def agreement(made: Couple, on: date, days: int) -> None:
        def change(agreements: Any) -> Any:
            add_agreement(
                agreements,
                text="Walk on Sundays",
                made=on,
                session=None,
                source=None,
                review_days=days,
                confirmed_by=["a", "b"],
            )
            return agreements

        store.update_agreements(made.id, change, lambda _: "Our agreements\n")

    sam = couple("Sam", "Alex", "Dr. Lee")
    session(sam, WHEN.replace(month=11, day=1))
    agreement(sam, date(2026, 10, 23), 28)
    jo = couple("Jo", "Kim")
    session(jo, WHEN.replace(month=11, day=15), finished=False)
    agreement(jo, date(2026, 11, 12), 28)
    ana = couple("Ana", "Ben")
    session(ana, WHEN.replace(month=10, day=1))
    couple("Robin", "Lee")
    zoe = couple("Zoë", "Chris")
    zoe.archived = True
    store.save_couple(zoe)


async def paused(pilot: Pilot[Any]) -> Any:
    """The couple's window, where Esc in a walk (or the end of a session) leaves the couple."""
    from workbook.tui.screens.pause import PauseScreen

    screen = pilot.app.screen
    assert isinstance(screen, PauseScreen), type(screen)
    return screen


async def to_home(pilot: Pilot[Any]) -> HomeScreen:
    """From the couple's window to Home, as a folder with one couple and no lock allows."""
    await paused(pilot)
    await pilot.click("#home")
    await pilot.pause()
    home = pilot.app.screen
    assert isinstance(home, HomeScreen), type(home)
    return home
