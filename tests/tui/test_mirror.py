"""On a right-to-left screen, widgets side by side are drawn right to left and Tab takes them
from the right (``tui/mirror.py``); a box's placeholder is laid out as the app's other words,
and a key named in a sentence is whole (``tui/bidi_lines.py``, ``i18n/bidi.py``). An English
screen is as it was (the snapshots)."""

from __future__ import annotations

from typing import Any

import arabic_reshaper
from bidi import get_display
from textual.widget import Widget
from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZE, answer, home_loaded, ready, screen_text, until, walk
from tests.tui.test_pack_languages import arabic_couple
from workbook.data.store import Store
from workbook.i18n.bidi import visual
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.new_couple import NewCoupleScreen
from workbook.tui.widgets.case_table import CaseTable
from workbook.tui.widgets.reveal import Reveal


def row_order(screen: Any, ids: list[str]) -> list[str]:
    """The widgets ``ids`` as they are drawn, from the left."""
    return sorted(ids, key=lambda id_: screen.query_one(f"#{id_}", Widget).region.x)


def tab_order(screen: Any, ids: list[str]) -> list[str]:
    """The widgets ``ids`` in the order Tab takes them."""
    return [widget.id for widget in screen.focus_chain if widget.id in ids]


async def at_reveal(pilot: Any, app: WorkbookApp, couple_id: str, store: Store) -> Any:
    """The reveal of the respect scale (step 4), both having answered."""
    app.begin(store.load_couple(couple_id), ["respect"])
    await pilot.pause()
    screen = walk(app)
    await screen.goto_step(0, 3)
    await pilot.pause()
    for _ in range(2):
        await ready(pilot)
        step = screen.walk.step(screen.place)
        await answer(pilot, dict.fromkeys(step.items, 4))
        await pilot.press("ctrl+n")
        await pilot.pause()
    await until(pilot, lambda: screen.query(Reveal))
    return screen


async def test_an_arabic_walk_is_drawn_right_to_left(store: Store, library: Library) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_reveal(pilot, app, couple.id, store)
        assert screen.has_class("-mirrored")
        # The way forward is to the left: Next on the left, Back on the right; Tab from the
        # right, Back first, as the row is read.
        assert row_order(screen, ["back", "next"]) == ["next", "back"]
        assert tab_order(screen, ["back", "next"]) == ["back", "next"]
        # The first partner where an Arabic reader starts: on the right, in the bar and at
        # the reveal.
        assert row_order(screen, ["partner-a", "partner-b"]) == ["partner-b", "partner-a"]
        cards = {key: screen.query_one(f"Reveal .card.partner-{key}") for key in "ab"}
        assert cards["b"].region.right <= cards["a"].region.x
        assert cards["a"].region.right == screen.query_one("Reveal").content_region.right
        # The footer's keys from the right, the first (Next) at the right edge, the palette's
        # key on the left.
        keys = [key for key in screen.query(FooterKey) if key.region.width]
        first = next(key for key in keys if key.action == "next")
        palette = next(key for key in keys if key.has_class("-command-palette"))
        assert first.region.right == SIZE[0]
        assert palette.region.x == min(key.region.x for key in keys)
        assert first.region.x == max(key.region.x for key in keys)
        # Keys do what they did: Back is still Back.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not screen.query(Reveal)


async def test_an_english_walk_and_bidi_terminal_keep_left_to_right(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    store.save_settings({"bidi": "terminal"})
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_reveal(pilot, app, couple.id, store)
        # The terminal lays out each row itself: the app leaves them left to right.
        assert screen.has_class("-rtl")
        assert not screen.has_class("-mirrored")
        assert row_order(screen, ["back", "next"]) == ["back", "next"]
        # Switched back to the app's layout, the screen is arranged again.
        app.action_toggle_bidi()
        await pilot.pause()
        assert screen.has_class("-mirrored")
        assert row_order(screen, ["back", "next"]) == ["next", "back"]
        assert row_order(screen, ["partner-a", "partner-b"]) == ["partner-b", "partner-a"]


async def test_an_arabic_home_and_form_read_from_the_right(store: Store, library: Library) -> None:
    store.create_couple("ليلى", "سامي", language="ar")
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = "ar"
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        ids = ["new-session", "resume", "new-couple", "export", "review"]
        assert row_order(home, ids) == list(reversed(ids))
        assert tab_order(home, ids) == ids
        # The table's columns from the right: the couple's names first, on the right.
        table = home.query_one(CaseTable)
        rows = screen_text(app).splitlines()
        header, first = (rows[table.content_region.y + y] for y in (0, 1))
        names = visual("ليلى وسامي", True)
        label = visual(table.columns[0].label, True)
        assert first.rstrip(" ▎").endswith(names)
        assert header.rstrip(" ▎").endswith(label)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        await pilot.pause()
        assert row_order(app.screen, ["facilitator", "language"]) == ["language", "facilitator"]
        assert tab_order(app.screen, ["facilitator", "language"]) == ["facilitator", "language"]


def python_bidi(line: str) -> str:
    return str(get_display(arabic_reshaper.reshape(line), base_dir="R"))


def placeholder_row(app: WorkbookApp, box: Widget) -> str:
    """What the box shows on its first line, its padding and edges left out."""
    content = box.content_region
    return screen_text(app).splitlines()[content.y][content.x : content.right]


async def test_an_arabic_placeholder_reads_as_python_bidi_lays_it_out(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        # A box of one line (the New couple form) ...
        app.app_language = "ar"
        await home_loaded(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        await pilot.pause()
        box = app.screen.query_one("#name-a", Input)
        placeholder = str(box.placeholder)
        shown = placeholder_row(app, box)
        # Laid out and set against the right edge, where it starts, as a label is.
        assert shown.rstrip().endswith(python_bidi(placeholder))
        assert len(shown) - len(shown.rstrip()) <= 1
        await pilot.press("escape")
        await pilot.pause()
        # ... and a box of many lines (a text step).
        app.begin(store.load_couple(couple.id), ["values"])
        await pilot.pause()
        await walk(app).goto_step(0, 3)
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.placeholder
        shown = placeholder_row(app, area)
        assert shown.rstrip().endswith(python_bidi(str(area.placeholder)))


async def test_a_key_named_by_a_bracket_reads_as_on_the_keyboard(
    store: Store, library: Library
) -> None:
    _couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        await pilot.pause()
        legend = app.screen.query_one(".legend")
        rows = screen_text(app).splitlines()[legend.region.y : legend.region.bottom]
        shown = "\n".join(rows)
        # "ويغيّر [ و] الترتيب": read from the right, [ then و then ]; drawn left to right,
        # "]و [" (the brackets as typed, not turned round as a pair).
        assert "]ﻭ [" in shown
        assert "[ﻭ ]" not in shown
        # A pack's box, empty, is still a box: "[ ]", not a key's name.
        listing = app.screen.query_one("#packs")
        boxes = screen_text(app).splitlines()[listing.content_region.y]
        assert "[ ]" in boxes
        assert "] [" not in boxes


async def test_an_english_screen_keeps_its_rows_left_to_right(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    couple.language = "en"
    store.save_couple(couple)
    async with app.run_test(size=SIZE) as pilot:
        screen = await at_reveal(pilot, app, couple.id, store)
        assert not screen.has_class("-mirrored")
        assert row_order(screen, ["back", "next"]) == ["back", "next"]
        assert tab_order(screen, ["back", "next"]) == ["back", "next"]
        assert row_order(screen, ["partner-a", "partner-b"]) == ["partner-a", "partner-b"]
