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
    restyled: list[str] = []
    update = HomeScreen.update_node_styles

    def counted(self: HomeScreen, *args: Any, **kwargs: Any) -> None:
        restyled.append(type(self).__name__)
        update(self, *args, **kwargs)

    monkeypatch.setattr(HomeScreen, "update_node_styles", counted)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert restyled == []
        assert "Sam and Alex" in screen_text(app)
        # Back from a screen above, Home is not styled again, by Textual's own rule.
        app.push_screen(HelpScreen())
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        assert app.screen is home
        assert restyled == []
        # Resumed as a pushed screen is, a second time: styled again.
        home.post_message(events.ScreenResume())
        await pilot.pause()
        assert restyled == ["HomeScreen"]
        assert "Sam and Alex" in screen_text(app)
