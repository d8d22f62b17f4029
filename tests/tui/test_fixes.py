"""The fixes of the registry issue, each with a test that fails without it (real keys where the
keys are the point)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, app_for, at_step, make_couple, ready, screen_text, walk
from workbook.cli import main
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.screens.care import CareScreen
from workbook.tui.screens.done import DoneScreen
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.listen import ListenInput
from workbook.tui.steps.requests import RequestsInput


def _step_index(app: object, step_id: str) -> int:
    screen = walk(app)  # type: ignore[arg-type]
    return [s.id for s in screen.walk.packs[0].steps].index(step_id)


async def test_a_requests_step_shows_its_prompt_and_help(store: Store, library: Library) -> None:
    make_couple(store)
    async with at_step(store, library, "check-in", "asks") as (app, _pilot):
        text = screen_text(app)
        assert "is there one thing you would like to ask" in text
        assert "Asking is not demanding" in text


async def test_after_one_request_the_next_partner_types_theirs(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "requests", "asks") as (app, pilot):
        await pilot.press(*"Call me", "enter")
        await pilot.pause()
        await pilot.press(*"2 walks")
        await pilot.pause()
        widget = walk(app).query_one(RequestsInput)
        assert widget.rows[0].benefit is None
        assert widget.query_one("#ask").value == "2 walks"  # type: ignore[attr-defined]


async def test_a_time_out_names_the_button_to_press(store: Store, library: Library) -> None:
    make_couple(store)
    async with at_step(store, library, "listening", "practice") as (app, pilot):
        widget = walk(app).query_one(ListenInput)
        widget.time_out()
        await pilot.pause()
        said = str(widget.query_one("#say").render())
        assert "press Go on" in said
        assert "Time-out again" not in said
        assert str(widget.query_one("#timeout").label) == "Go on"  # type: ignore[attr-defined]


async def test_leaving_unconfirmed_drafts_warns_once(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.begin(couple, ["values", "respect"])
        await pilot.pause()
        screen = walk(app)
        await screen.goto_step(0, _step_index(app, "protect"))
        await pilot.pause()
        screen.query_one(AgreementInput).add("A term only Sam confirmed")
        await pilot.pause()
        await pilot.press("1", "ctrl+n")
        await pilot.pause()
        assert screen.walk.step(screen.place).id == "protect"
        assert any("not confirmed by both of you" in n.message for n in app._notifications)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.walk.packs[screen.place.pack].id == "respect"


async def test_a_long_scale_label_is_shown_whole(tmp_path: Path, store: Store) -> None:
    label = "Feeling that my work outside the home counts as much as yours does"
    write_pack(
        tmp_path / "packs",
        "long",
        f'[[steps]]\nid = "s"\nkind = "scale"\nprompt = "How?"\nitems = ["{label}"]\n',
    )
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["long"])
        await pilot.pause()
        await ready(pilot)
        words = " ".join(screen_text(app).split())
        # The label wraps beside the numbers: every part of it is on screen.
        assert "Feeling that my work outside" in words
        assert "the home counts as much as yours does" in words


async def test_the_care_note_names_the_counsellor_in_the_room(
    store: Store, library: Library
) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Lee")
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.open_agenda(couple)
        await pilot.pause()
        assert isinstance(app.screen, CareScreen)
        text = " ".join(screen_text(app).split())
        assert "Dr. Lee is working with you" in text
        assert "talk with a counsellor as well" not in text
        assert "local emergency number" in text


async def test_the_done_screen_names_the_data_folder_in_use(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=(120, 30)) as pilot:
        app.begin(couple, ["respect"])
        await pilot.pause()
        walk(app).finish()
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        shown = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert f"workbook --data-dir {store.root} \\\n    export {couple.id}" in shown


def test_include_notes_without_a_session_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], store: Store
) -> None:
    couple = make_couple(store)
    code = main(["--data-dir", str(store.root), "export", couple.id, "--include-notes"])
    assert code == 2
    assert "--include-notes goes with --session" in capsys.readouterr().err
