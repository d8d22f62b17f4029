"""The goals dialog's other paths, on a host app of its own: a target that is not a number or has
no measure, an empty goal refused, a status with no goal chosen, a change or a reading that
fails, the measure without a target, Let go, Open again and Close."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, Select, Static

from tests.tui.conftest import SIZE, ScreenHost, make_couple
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.service import caseload
from workbook.service import goals as service
from workbook.service.errors import NotSaved
from workbook.tui.screens.goals import GoalsScreen
from workbook.tui.widgets.button import Button

MEASURES = [(Text("Satisfaction"), "csi-4.satisfaction")]
TODAY = "2026-03-04"


def problem(screen: Any) -> str:
    return " ".join(str(screen.query_one("#goal-problem", Static).render()).split())


def rows(screen: Any) -> list[str]:
    listed = screen.query_one("#goal-list", OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


def fill(screen: Any, text: str = "", target: str = "", measure: str = "none") -> None:
    screen.query_one("#goal-text", Input).value = text
    screen.query_one("#goal-target", Input).value = target
    screen.query_one("#goal-measure", Select).value = measure


def press(screen: Any, button: str) -> None:
    screen.query_one(f"#{button}", Button).press()


@pytest.fixture
def couple(store: Store) -> Couple:
    return make_couple(store, "Sam", "Alex")


def dialog(store: Store, couple: Couple) -> ScreenHost:
    return ScreenHost(lambda: GoalsScreen(store, couple, MEASURES, TODAY))


async def test_targets_and_empty_goals_are_refused(store: Store, couple: Couple) -> None:
    app = dialog(store, couple)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert rows(screen) == ["No goals yet."]
        fill(screen, "Talk on Sundays", target="lots", measure="csi-4.satisfaction")
        press(screen, "goal-add")
        await pilot.pause()
        assert problem(screen) == "The target is a number, not “lots”."
        fill(screen, "Talk on Sundays", target="16")
        press(screen, "goal-add")
        await pilot.pause()
        assert problem(screen) == "A target needs a measure: choose the score it is for."
        fill(screen, "   ")
        press(screen, "goal-add")
        await pilot.pause()
        assert problem(screen) == "a goal needs a few words"
        assert service.goals(store.load_couple(couple.id))[0] == []


async def test_a_measure_without_a_target_and_the_other_statuses(
    store: Store, couple: Couple
) -> None:
    app = dialog(store, couple)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        fill(screen, "Talk on Sundays", measure="csi-4.satisfaction")
        press(screen, "goal-add")
        await pilot.pause()
        fill(screen, "Walk together")
        screen.query_one("#goal-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert rows(screen) == [
            "Talk on Sundays (open; Satisfaction)",
            "Walk together (open)",
        ]
        assert screen.query_one("#goal-text", Input).value == ""
        screen.query_one("#goal-list", OptionList).highlighted = 1
        press(screen, "goal-let-go")
        await pilot.pause()
        assert rows(screen)[1] == "Walk together (let go)"
        assert screen.query_one("#goal-list", OptionList).highlighted == 1
        press(screen, "goal-open")
        await pilot.pause()
        assert rows(screen)[1] == "Walk together (open)"
        (first, second), _ = service.goals(store.load_couple(couple.id))
        assert (first.measure, first.target, second.status) == ("csi-4.satisfaction", None, "open")
        press(screen, "goal-close")
        await pilot.pause()
        assert app.result == [None]


async def test_a_status_with_no_goal_chosen_asks_for_one(store: Store, couple: Couple) -> None:
    app = dialog(store, couple)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        press(screen, "goal-met")
        await pilot.pause()
        assert problem(screen).startswith("Choose a goal in the list first (")
        assert service.goals(store.load_couple(couple.id))[0] == []


async def test_a_change_or_a_reading_that_fails_is_said(
    store: Store, couple: Couple, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.add_goal(store, couple.id, "Talk on Sundays", date.fromisoformat(TODAY))
    app = dialog(store, couple)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert rows(screen) == ["Talk on Sundays (open)"]

        def refuse(*args: Any, **kwargs: Any) -> None:
            raise NotSaved("The couple could not be changed: the disk is full")

        monkeypatch.setattr(service, "change_goal", refuse)
        monkeypatch.setattr(service, "add_goal", refuse)
        screen.query_one("#goal-list", OptionList).highlighted = 0
        press(screen, "goal-met")
        await pilot.pause()
        assert problem(screen) == "The couple could not be changed: the disk is full"
        assert rows(screen) == ["Talk on Sundays (open)"]
        fill(screen, "Walk together")
        press(screen, "goal-add")
        await pilot.pause()
        assert problem(screen) == "The couple could not be changed: the disk is full"
        # What was typed is kept for another try.
        assert screen.query_one("#goal-text", Input).value == "Walk together"

        def unreadable(*args: Any) -> Couple:
            raise NotSaved("couple.toml cannot be read")

        monkeypatch.setattr(caseload, "load", unreadable)
        assert isinstance(screen, GoalsScreen)
        screen.show_goals()
        await pilot.pause()
        assert problem(screen) == "couple.toml cannot be read"
