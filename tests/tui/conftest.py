"""Pilot test helpers: an app over a temporary data folder, and quick ways to answer steps."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
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


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


@pytest.fixture
def library() -> Library:
    return load_library(environ={})


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
        await pilot.press("enter")
        await pilot.pause()


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


def screen_text(app: WorkbookApp) -> str:
    """Everything the screen shows, as plain text."""
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )
