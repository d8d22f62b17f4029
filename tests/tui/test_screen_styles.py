"""A screen shown the first time is styled once, as its widgets mount; resumed again (pushed
again), over a change that may have come meanwhile, it is styled again, as Textual does
(``WorkbookScreen.post_message``)."""

from __future__ import annotations

from typing import Any

import pytest
from textual import events

from tests.tui.conftest import SIZE, app_for, home_loaded, make_couple, screen_text
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.help import HelpScreen
from workbook.tui.screens.home import HomeScreen


async def test_home_is_styled_once_at_first_and_again_when_shown_again(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_couple(store)
    # What each ScreenResume Home is sent asks for: a restyle or not. Counting the restyles
    # themselves would also count those a loaded machine brings for other reasons.
    asked: list[bool] = []
    post = HomeScreen.post_message

    def counted(self: HomeScreen, message: Any) -> bool:
        posted = post(self, message)
        if isinstance(message, events.ScreenResume):
            asked.append(message.refresh_styles)
        return posted

    monkeypatch.setattr(HomeScreen, "post_message", counted)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert asked == [False]
        assert "Sam and Alex" in screen_text(app)
        # Back from a screen above, Home is not styled again, by Textual's own rule.
        app.push_screen(HelpScreen())
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert app.screen is home
        assert asked == [False, False]
        # Resumed as a pushed screen is, a second time: styled again.
        home.post_message(events.ScreenResume())
        await pilot.pause()
        assert asked == [False, False, True]
        assert "Sam and Alex" in screen_text(app)
