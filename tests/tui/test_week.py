"""The counsellor's week from Home: goals (g) and the next appointment and homework (h) of the
highlighted couple, saved through the services and shown on Home at once; and the couple's
agenda with their homework first."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from textual.screen import Screen
from textual.widgets import Checkbox, Input, OptionList, Select

from tests.tui.conftest import SIZE, app_for, home_loaded, make_couple, screen_text
from workbook.data.dates import now
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.service import goals, homework
from workbook.service.when import parse_day
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.edit_couple import EditCoupleScreen
from workbook.tui.screens.goals import GoalsScreen
from workbook.tui.screens.homework import HomeworkScreen
from workbook.tui.widgets.button import Button

# Homework is given now (a day gone by is refused), so the app's today is the real one.
TODAY = date.today()
T = TypeVar("T", bound=Screen[Any])


async def from_home(pilot: Any, key: str, kind: type[T]) -> T:
    """The screen ``key`` on Home opens, once it is up."""
    await pilot.press(key)
    await pilot.pause()
    opened = pilot.app.screen
    assert isinstance(opened, kind)
    return opened


async def test_goals_from_home(store: Store, library: Library) -> None:
    couple = make_couple(store, "Sam", "Alex")
    app = app_for(store, library)
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        dialog = await from_home(pilot, "g", GoalsScreen)
        dialog.query_one("#goal-text", Input).value = "Argue without shouting"
        dialog.query_one("#goal-measure", Select).value = "csi-4.satisfaction"
        dialog.query_one("#goal-target", Input).value = "16"
        await pilot.pause()
        assert await pilot.click("#goal-add")
        await pilot.pause()
        (goal,), _ = goals.goals(store.load_couple(couple.id))
        assert (goal.text, goal.measure, goal.target, goal.set) == (
            "Argue without shouting",
            "csi-4.satisfaction",
            16,
            TODAY,
        )
        listed = dialog.query_one("#goal-list", OptionList)
        listed.highlighted = 0
        assert await pilot.click("#goal-met")
        await pilot.pause()
        (goal,), _ = goals.goals(store.load_couple(couple.id))
        assert goal.status == "met"
        assert "(met;" in str(listed.get_option_at_index(0).prompt)
        await pilot.press("escape")
        await home.loaded()
        await pilot.pause()
        assert app.screen is home


async def test_homework_and_the_next_appointment_from_home(store: Store, library: Library) -> None:
    couple = make_couple(store, "Sam", "Alex")
    app = app_for(store, library)
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        dialog = await from_home(pilot, "h", HomeworkScreen)
        dialog.query_one("#appointment", Input).value = "2026-12-01 18:00"
        assert await pilot.click("#appointment-save")
        dialog.query_one("#homework-pack", Select).value = "check-in"
        dialog.query_one("#homework-due", Input).value = "friday"
        dialog.query_one("#homework-note", Input).value = "On Sunday evening"
        await pilot.pause()
        assert await pilot.click("#homework-give")
        await pilot.pause()
        (item,) = homework.read(store, couple.id).items
        friday = parse_day("friday", TODAY)
        assert (item.pack, item.due, item.note) == ("check-in", friday, "On Sunday evening")
        assert f"Weekly check-in, by {friday.isoformat()}" in screen_text(app)
        when = store.load_couple(couple.id).next_session
        assert when.strftime("%Y-%m-%d %H:%M") == "2026-12-01 18:00"
        await pilot.press("escape")
        await pilot.pause()
        await home.loaded()
        await pilot.pause()
        text = screen_text(app)
        assert "Sam and Alex: 0 sessions · next 2026-12-01 18:00 · homework 1 open" in text
        shown = home.view.by_id(couple.id)
        assert shown is not None
        assert (shown.homework_open, shown.homework_overdue) == (1, 0)


async def test_the_couples_agenda_shows_their_homework_first(
    store: Store, library: Library
) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Ade")
    couple.care_note_seen = True
    store.save_couple(couple)
    due = TODAY + timedelta(days=3)
    homework.assign(store, couple.id, "check-in", ["check-in"], now(), due, "Sunday evening")
    app = app_for(store, library)
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        agenda = await from_home(pilot, "s", AgendaScreen)
        said = f"From Dr. Ade, by {due.strftime('%A')}: Weekly check-in (Sunday evening)"
        assert said in screen_text(app)
        # Its pack is first in the list, and already chosen.
        assert agenda.agenda == ["check-in"]
        assert agenda.packs[0].pack is not None
        assert agenda.packs[0].pack.id == "check-in"


async def test_renaming_a_couple_from_home_can_rename_their_folder(
    store: Store, library: Library, data_dir: Path
) -> None:
    make_couple(store, "Sma", "Alex")
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        home = await home_loaded(pilot)
        form = await from_home(pilot, "f2", EditCoupleScreen)
        form.query_one("#name-a", Input).value = "Sam"
        form.query_one("#rename-folder", Checkbox).value = True
        form.query_one("#continue", Button).press()
        await pilot.pause()
        await home.loaded()
        await pilot.pause()
        assert store.couple_ids() == ["sam-and-alex"]
        assert [c.id for c in home.couples] == ["sam-and-alex"]
        assert "Their folder is now sam-and-alex." in screen_text(app)
    assert not (data_dir / "couples" / "sma-and-alex").exists()


async def test_with_a_counsellor_the_suggested_first_path_takes_the_csi_4(
    store: Store, library: Library
) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Ade")
    couple.care_note_seen = True
    store.save_couple(couple)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        agenda = await from_home(pilot, "s", AgendaScreen)
        await pilot.press("p")
        assert agenda.agenda[:2] == ["before-we-begin", "csi-4"]


HOSTILE_PACK = """format = 1
id = "hostile"
title = "[/] [@click=app.quit]x[/] [link=x]"
summary = "Odd text."

[[steps]]
id = "rate"
kind = "scale"
prompt = "How?"

[[scores]]
id = "s"
title = "[b]bold?[/b]"
from = ["rate"]
"""


async def test_pack_text_in_the_weeks_dialogs_stays_text(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "hostile.toml").write_text(HOSTILE_PACK, encoding="utf-8")
    library = load_library([folder], environ={})
    couple = make_couple(store, "Sam", "Alex")
    homework.assign(store, couple.id, "hostile", ["hostile"], now())
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        dialog = await from_home(pilot, "g", GoalsScreen)
        dialog.query_one("#goal-measure", Select).value = "hostile.s"
        await pilot.pause()
        # Cut to fit, but literal: never read as markup.
        assert "[@click=app.quit]x[/]" in screen_text(app)
        assert "[b]bold?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HomeworkScreen)
        assert "[/] [@click=app.quit]x[/] [link=x]" in screen_text(app)
        assert app.is_running
