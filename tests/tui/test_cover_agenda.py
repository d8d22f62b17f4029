"""The agenda's other paths: Start with nothing chosen, a pack moved before it is added, the
order changed by keys and by the Earlier and Later buttons, a pack taken off again, Start and
Back, and a library with a pack file that cannot be read (said quietly, details on d)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, app_for, home_loaded, make_couple, said, screen_text
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.screens.agenda import AgendaScreen, PackList
from workbook.tui.screens.broken_packs import BrokenPacksScreen
from workbook.tui.widgets.button import Button


def small_library(folder: Path) -> Library:
    for pack_id in ("one", "two", "three"):
        write_pack(folder, pack_id)
    (folder / "bad.toml").write_text("format = [ this is not TOML\n", encoding="utf-8")
    return load_library([folder], environ={}, builtin=False)


async def open_agenda(pilot: Any, store: Store, library: Library) -> tuple[AgendaScreen, list[Any]]:
    """The agenda pushed over Home, and the list it is dismissed with (once it is)."""
    await home_loaded(pilot)
    couple = make_couple(store, "Ana", "Ben")
    dismissed: list[Any] = []
    screen = AgendaScreen(couple, library, first_time=False)
    pilot.app.push_screen(screen, dismissed.append)
    await pilot.pause()
    return screen, dismissed


def ids(screen: AgendaScreen) -> list[str]:
    return [loaded.pack.id for loaded in screen.packs if loaded.pack]


async def test_choosing_and_ordering_packs(store: Store, tmp_path: Path) -> None:
    library = small_library(tmp_path / "packs")
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, dismissed = await open_agenda(pilot, store, library)
        heard = said(app)
        listing = screen.query_one(PackList)
        assert screen.query_one("#start", Button).disabled
        assert not screen.query("#suggested")
        screen.action_start()
        assert heard == ["Choose at least one pack first."]
        # Moving a pack that is not in the agenda says how to add it.
        listing.highlighted = 0
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert heard[-1].startswith("Add the pack first (")
        first, second, third = ids(screen)
        # Add the first and the second (enter), then the third.
        await pilot.press("enter")
        await pilot.press("down", "enter")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.agenda == [first, second, third]
        assert not screen.query_one("#start", Button).disabled
        assert "Today:" in str(screen.query_one("#total", Static).render())
        # The third, earlier by its key; then later by the button.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.agenda == [first, third, second]
        assert listing.highlighted == 2
        screen.query_one("#later", Button).press()
        await pilot.pause()
        assert screen.agenda == [first, second, third]
        screen.query_one("#earlier", Button).press()
        await pilot.pause()
        assert screen.agenda == [first, third, second]
        # Later than last changes nothing.
        screen.move(1, 1)
        assert screen.agenda == [first, third, second]
        screen.move(2, 1)
        assert screen.agenda == [first, second, third]
        # The first taken off again.
        listing.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert screen.agenda == [second, third]
        assert "[ ]" in str(listing.get_option_at_index(0).prompt)
        assert "1." in str(listing.get_option_at_index(1).prompt)
        screen.query_one("#start", Button).press()
        await pilot.pause()
        assert dismissed == [[second, third]]


async def test_back_and_a_pack_file_that_cannot_be_read(store: Store, tmp_path: Path) -> None:
    library = small_library(tmp_path / "packs")
    assert len(library.broken) == 1
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, dismissed = await open_agenda(pilot, store, library)
        text = " ".join(screen_text(app).split())
        assert "1 pack file could not be read (d: details)" in text
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, BrokenPacksScreen)
        details = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "bad.toml" in details
        await pilot.press("escape")
        await pilot.pause()
        back: Any = app.screen
        assert back is screen
        await pilot.press("escape")
        await pilot.pause()
        assert dismissed == [None]


async def test_details_with_nothing_wrong_opens_nothing(store: Store, tmp_path: Path) -> None:
    write_pack(tmp_path / "packs", "one")
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await open_agenda(pilot, store, library)
        assert not screen.query("#broken")
        screen.action_broken()
        await pilot.pause()
        assert app.screen is screen


async def test_an_empty_library_shows_no_pack_and_cannot_start(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "packs").mkdir()
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, dismissed = await open_agenda(pilot, store, library)
        assert screen.query_one(PackList).option_count == 0
        assert str(screen.query_one("#summary", Static).render()) == ""
        assert screen.query_one("#start", Button).disabled
        heard = said(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert heard == ["Choose at least one pack first."]
        assert dismissed == []
