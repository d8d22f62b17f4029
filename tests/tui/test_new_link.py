"""The console's "New link" (served only): it lists the seats workbook serve told it about,
asks the server for a new link for the one chosen, and shows the link the server sends back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.tui.conftest import SIZE, screen_text
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.serve.links import SEATS
from workbook.tui.console import ConsoleApp
from workbook.tui.screens.new_link import NewLinkScreen
from workbook.tui.served import ServerSaid
from workbook.tui.widgets.button import Button

SEAT_TITLES = [
    ["couple", "Lia and Ben, both at one screen"],
    ["a", "Lia, on [b]her[/b] own device"],
]


async def test_the_console_asks_for_a_new_link_and_shows_it(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SEATS, json.dumps(SEAT_TITLES))
    asked: list[dict[str, Any]] = []

    def tell_server(app: Any, kind: str, **fields: Any) -> bool:
        asked.append({"kind": kind, **fields})
        return True

    monkeypatch.setattr("workbook.tui.screens.new_link.tell_server", tell_server)
    app = ConsoleApp(store, library, None, None, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        assert app.check_action("new_link", ()) is True
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewLinkScreen)
        # The names are shown as they are, never read as markup.
        assert "Lia, on [b]her[/b] own device" in screen_text(app)
        screen.query_one("#seat-a", Button).press()
        await pilot.pause()
        assert asked == [{"kind": "new_link", "seat": "a"}]
        url = "http://127.0.0.1:8000/a?token=NEW"
        fields = {"seat": "a", "title": SEAT_TITLES[1][1], "url": url}
        app.post_message(ServerSaid("workbook_link", fields))
        await pilot.pause()
        assert url in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NewLinkScreen)


async def test_a_console_not_opened_by_serve_offers_no_new_link(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SEATS, raising=False)
    app = ConsoleApp(store, library, None, None, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        assert app.check_action("new_link", ()) is False
        await pilot.press("f6")
        await pilot.pause()
        assert not isinstance(app.screen, NewLinkScreen)
