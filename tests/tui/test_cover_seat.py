"""A partner's seat on the paths the two-seat walks leave: a couple that cannot be read,
and a session whose
file or packs cannot be read (said, never a crash)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import said, until
from tests.tui.test_apart_walk import made
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.service import apart
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.apart import ApartScreen
from workbook.tui.seat import SeatApp

STEPS = """
[[steps]]
id = "meaning"
kind = "text"
prompt = "{me}, what does respect look like?"
"""


def seat(store: Store, library: Library, couple_id: str) -> SeatApp:
    return SeatApp(store, library, couple_id=couple_id, partner="a", theme="textual-dark")


def test_before_the_couple_is_read_the_seat_speaks_the_apps_language(
    tmp_path: Path, data_dir: Path
) -> None:
    app = seat(*made(tmp_path, data_dir, STEPS, begun=False))
    # None: no couple's language yet, so each screen speaks the app's.
    assert app.couple_translations() is None


async def test_a_couple_that_cannot_be_read_is_said_and_nothing_opens(
    tmp_path: Path, data_dir: Path
) -> None:
    store, library, _ = made(tmp_path, data_dir, STEPS, begun=False)
    app = seat(store, library, "no-such-couple")
    heard = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: heard)
        assert not isinstance(app.screen, AgendaScreen | ApartScreen)
        assert app.seat is None


async def agenda_again(pilot: Pilot[Any], before: AgendaScreen) -> AgendaScreen:
    """The agenda, once a new one has taken the place of ``before``."""
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, AgendaScreen) and app.screen is not before)
    assert isinstance(app.screen, AgendaScreen)
    return app.screen


async def start(pilot: Pilot[Any], agenda: AgendaScreen) -> ApartScreen:
    """Start ``agenda`` with the one pack, and wait for the seat it opens."""
    agenda.agenda = ["respect"]
    agenda.action_start()
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, ApartScreen))
    assert isinstance(app.screen, ApartScreen)
    return app.screen


async def test_an_agenda_left_empty_comes_back_and_then_starts_the_seat(
    tmp_path: Path, data_dir: Path
) -> None:
    store, library, couple_id = made(tmp_path, data_dir, STEPS, begun=False)
    app = seat(store, library, couple_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        first = app.screen
        assert isinstance(first, AgendaScreen)
        first.action_cancel()
        # This window is for the couple's session only: the agenda again, as often as left.
        second = await agenda_again(pilot, first)
        second.action_cancel()
        third = await agenda_again(pilot, second)
        assert not store.session_ids(couple_id)
        opened = await start(pilot, third)
        assert opened.seat.session_id in store.session_ids(couple_id)


async def test_a_start_that_cannot_be_saved_is_said_and_the_agenda_comes_back(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, library, couple_id = made(tmp_path, data_dir, STEPS, begun=False)
    real = apart.begin
    refused: list[str] = []

    def begin(*args: Any, **kwargs: Any) -> str:
        if not refused:
            refused.append("once")
            raise SaveError(data_dir, "the disk is full")
        return real(*args, **kwargs)

    monkeypatch.setattr(apart, "begin", begin)
    app = seat(store, library, couple_id)
    heard = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        first = app.screen
        assert isinstance(first, AgendaScreen)
        first.agenda = ["respect"]
        first.action_start()
        await until(pilot, lambda: any("could not be started" in h for h in heard))
        assert any("the disk is full" in h for h in heard)
        again = await agenda_again(pilot, first)
        assert not store.session_ids(couple_id)
        opened = await start(pilot, again)
        assert store.session_ids(couple_id) == [opened.seat.session_id]


async def test_a_session_whose_packs_cannot_be_read_is_said_once_and_the_agenda_offered(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.logic import session_packs as module

    store, library, couple_id = made(tmp_path, data_dir, STEPS, begun=True)
    (unreadable,) = store.session_ids(couple_id)
    real = module.session_packs

    def session_packs(session: Any, *args: Any, **kwargs: Any) -> Any:
        return {} if session.id == unreadable else real(session, *args, **kwargs)

    monkeypatch.setattr(module, "session_packs", session_packs)
    app = seat(store, library, couple_id)
    heard = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        # Said, and the agenda offers a session this seat can open (before: nothing opened).
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        assert heard == ["None of this session's packs can be read."]
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        opened = await start(pilot, agenda)
        assert opened.seat.session_id != unreadable
        # The seat looks for the couple's session twice a second: the one it could not open
        # is not tried (nor said) again.
        assert heard == ["None of this session's packs can be read."]
