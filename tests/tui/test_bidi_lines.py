"""The app's own right-to-left words are laid out on every widget (``tui/bidi_lines.py``), and
a box being typed into keeps its text in logical order with the line laid out beneath it
(``widgets/echo.py``); with bidi = "terminal" everything goes out in logical order."""

from __future__ import annotations

from textual.geometry import Offset
from textual.widgets import Input, Label, Static

from tests.tui.conftest import (
    SIZE,
    WHEN,
    home_loaded,
    screen_text,
    until,
)
from tests.tui.test_pack_languages import arabic_couple
from workbook.data.store import Store
from workbook.i18n.bidi import visual
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.new_couple import NewCoupleScreen
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.case_table import CaseTable
from workbook.tui.widgets.echo import Echo


async def test_the_app_s_words_and_a_couple_s_names_are_in_visual_order(
    store: Store, library: Library
) -> None:
    store.create_couple("ليلى", "سامي", when=WHEN, language="ar")
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = "ar"
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        label = str(app.screen.query(Button).first().label)
        names = "ليلى وسامي"
        screen = screen_text(app)
        assert visual(label) in screen
        assert visual(names) in screen
        assert label not in screen
        assert names not in screen
        app.action_toggle_bidi()
        await pilot.pause()
        screen = screen_text(app)
        assert label in screen
        assert names in screen
    assert store.load_settings()["bidi"] == "terminal"


async def test_a_latin_name_first_in_an_arabic_row_reads_right_to_left(
    store: Store, library: Library
) -> None:
    store.create_couple("Lia", "سامي", when=WHEN, language="ar")
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = "ar"
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        names = "Lia وسامي"
        assert visual(names, True) != visual(names)
        table = app.screen.query_one(CaseTable)
        first_row = screen_text(app).splitlines()[table.content_region.y + 1]
        assert visual(names, True) in first_row


async def test_a_box_keeps_the_typed_order_and_shows_the_line_laid_out_beneath(
    store: Store, library: Library
) -> None:
    app = WorkbookApp(store, library, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        box = app.screen.query_one("#name-a", Input)
        box.focus()
        await pilot.press("S", "a", "m")
        await pilot.pause()
        assert not app.screen.query(Echo)
        await pilot.press("backspace", "backspace", "backspace", *"ليلى")
        await pilot.pause()
        # Logical order in the box, the cursor after the last letter typed.
        assert box.value == "ليلى"
        assert box.cursor_position == 4
        echo = app.screen.query_one(Echo)
        assert echo.display
        assert echo.region.y > box.region.y
        assert visual("ليلى") in screen_text(app).splitlines()[echo.region.y]
        await pilot.press("left", "left", "ن")
        await pilot.pause()
        assert box.value == "لينلى"
        assert visual("لينلى") in screen_text(app)
        box.value = "Sam"
        await pilot.pause()
        assert not echo.display


async def test_with_bidi_terminal_a_box_shows_no_laid_out_line(
    store: Store, library: Library
) -> None:
    store.save_settings({"bidi": "terminal"})
    app = WorkbookApp(store, library, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        app.screen.query_one("#name-a", Input).focus()
        await pilot.press(*"ليلى")
        await pilot.pause()
        assert not app.screen.query(Echo)
        assert "ليلى" in screen_text(app)


async def test_an_arabic_form_s_labels_and_words_start_at_the_right_edge(
    store: Store, library: Library
) -> None:
    # The app's paragraphs on a right-to-left screen are set where they start, on the right;
    # the boxes being typed into keep their place and their order.
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = "ar"
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        await pilot.pause()
        assert app.screen.has_class("-rtl")
        rows = screen_text(app).splitlines()
        label = next(label for label in app.screen.query(Label) if label.region.y > 0)
        words = visual(str(label.render()))
        row = rows[label.region.y]
        assert row.rstrip().endswith(words)
        assert row.index(words) > label.region.x
        box = app.screen.query_one("#name-a", Input)
        assert box.region.x < label.region.x + 3
        assert box.region.right > label.region.right - 3


async def test_an_english_form_keeps_its_labels_on_the_left(store: Store, library: Library) -> None:
    app = WorkbookApp(store, library, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        assert not app.screen.has_class("-rtl")
        label = next(label for label in app.screen.query(Label) if label.region.y > 0)
        row = screen_text(app).splitlines()[label.region.y]
        assert row.index(str(label.render())) == label.region.x


async def test_the_mouse_finds_the_letter_under_it_in_a_laid_out_line(
    store: Store, library: Library
) -> None:
    # A mouse selection takes the letters under the pointer: on a line drawn right to left,
    # the rightmost letter is the text's first, the leftmost its last.
    _couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        question = next(
            widget for widget in app.screen.query(Static) if str(widget.render()).startswith("ماذا")
        )
        words = str(question.render())
        y = question.region.y
        row = screen_text(app).splitlines()[y]
        right = len(row.rstrip()) - 1
        left = row.index(visual(words))
        compositor = app.screen._compositor
        assert compositor.get_widget_and_offset_at(right, y) == (question, Offset(0, 0))
        last = len(words) - 1
        assert compositor.get_widget_and_offset_at(left, y) == (question, Offset(last, 0))
        # Dragged over the four rightmost letters: the first word, as it is written.
        await pilot.mouse_down(offset=(right, y))
        await pilot.hover(offset=(right - 3, y))
        await pilot.mouse_up(offset=(right - 3, y))
        await pilot.pause()
        assert app.screen.get_selected_text() == "ماذا"
