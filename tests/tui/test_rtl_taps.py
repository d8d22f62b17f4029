"""On a mirrored (right-to-left) screen a row of choices drawn inside one widget (a scale's
numbers, a guess's marks) is drawn from the right by the widget itself: a tap takes what is
drawn under it, ← and → move the way they point, and every row's numbers are in one column
(``tui/mirror.py``: ``arrow``, ``pointing``). An English scale is as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, at_step, make_couple, ready, screen_text, until, walk
from tests.tui.test_guess import PACK, fill
from tests.tui.test_pack_languages import arabic_couple
from workbook.data.answers.guess import MARKS
from workbook.data.store import Store
from workbook.i18n.bidi import visual
from workbook.packs.library import Library, load_library
from workbook.tui.host import tr_of
from workbook.tui.steps.chores_cells import COLUMNS
from workbook.tui.steps.chores_table import TaskRow
from workbook.tui.steps.guess import MARK_WORDS, MarkRow
from workbook.tui.steps.scale import ScaleInput, ScaleRow


async def at_scale(pilot: Any, app: Any, couple_id: str, store: Store) -> list[ScaleRow]:
    """The respect pack's scale (step 4) for the first partner."""
    app.begin(store.load_couple(couple_id), ["respect"])
    await pilot.pause()
    screen = walk(app)
    await screen.goto_step(0, 3)
    await pilot.pause()
    await ready(pilot)
    await pilot.pause()
    return list(screen.query_one(ScaleInput).query(ScaleRow))


def drawn_at(app: Any, row: ScaleRow, number: int) -> int:
    """The column, within ``row``, of ``number`` as the screen shows it."""
    line = screen_text(app).splitlines()[row.region.y + row._numbers_at()[0]]
    region = row.region
    text = line[region.x : region.right]
    found = [at for at, char in enumerate(text) if char == str(number)]
    assert len(found) == 1, (number, text)
    return found[0]


async def test_an_arabic_scale_is_tapped_where_each_number_is_drawn(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        rows = await at_scale(pilot, app, couple.id, store)
        assert len(rows) > 2
        # From the right: the label on the right, then 1, 2 ... 5 to the left.
        row = rows[0]
        columns = [drawn_at(app, row, number) for number in range(row.low, row.high + 1)]
        assert columns == sorted(columns, reverse=True)
        for number in range(row.low, row.high + 1):
            await pilot.click(row, offset=(drawn_at(app, row, number), 0))
            await pilot.pause()
            assert row.value == number


async def test_every_arabic_scale_row_s_numbers_are_in_one_column(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        rows = await at_scale(pilot, app, couple.id, store)
        # Every row's numbers in one column, whatever its label's width once joined.
        visible = [other for other in rows if other.region.bottom <= SIZE[1] - 2]
        assert len(visible) >= 3
        starts = {
            tuple(drawn_at(app, other, n) + other.region.x for n in (1, 5)) for other in visible
        }
        assert len(starts) == 1, starts


async def test_arrows_move_an_arabic_scale_s_mark_the_way_they_point(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        rows = await at_scale(pilot, app, couple.id, store)
        row = rows[0]
        row.focus()
        row.value = 3
        await pilot.pause()
        before = drawn_at(app, row, 3)
        await pilot.press("left")
        await pilot.pause()
        assert row.value == 4
        assert drawn_at(app, row, 4) < before
        await pilot.press("right", "right")
        await pilot.pause()
        assert row.value == 2
        # The legend names the key that makes the number less first: → on this screen.
        legend = next(
            line
            for line in screen_text(app).splitlines()
            if "1" in line and "5" in line and "→" in line
        )
        assert legend.index("→") > legend.index("←")


async def test_an_arabic_scale_on_a_phone_is_tapped_where_each_number_is(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=(40, 30)) as pilot:
        rows = await at_scale(pilot, app, couple.id, store)
        row = rows[0]
        line = row._numbers_at()[0]
        assert line > 0
        columns = [drawn_at(app, row, number) for number in range(row.low, row.high + 1)]
        assert columns == sorted(columns, reverse=True)
        for number in range(row.low, row.high + 1):
            await pilot.click(row, offset=(drawn_at(app, row, number), line))
            await pilot.pause()
            assert row.value == number


async def test_an_english_scale_is_tapped_and_moved_as_before(
    store: Store, library: Library
) -> None:
    make_couple(store)
    async with at_step(store, library, "respect", "areas") as (app, pilot):
        await ready(pilot)
        await pilot.pause()
        row = walk(app).query(ScaleRow).first()
        columns = [drawn_at(app, row, number) for number in range(row.low, row.high + 1)]
        assert columns == [30 + 4 * n + 1 for n in range(5)]
        for number in range(row.low, row.high + 1):
            await pilot.click(row, offset=(columns[number - 1], 0))
            await pilot.pause()
            assert row.value == number
        row.focus()
        await pilot.press("left")
        await pilot.pause()
        assert row.value == 4


async def test_an_arabic_guess_mark_is_tapped_where_it_is_drawn(
    store: Store, tmp_path: Path
) -> None:
    write_pack(tmp_path / "packs", "guessing", PACK)
    guessing = load_library([tmp_path / "packs"], environ={}, builtin=False)
    couple, app = arabic_couple(store, guessing)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["guessing"])
        await pilot.pause()
        screen = walk(app)
        for boxes in ({"own-0": "Priya", "guess-0": "Jo", "own-1": "x", "guess-1": "y"},) * 2:
            await ready(pilot)
            fill(screen, boxes)
            await pilot.pause()
            await pilot.press("ctrl+n")
            await pilot.pause()
        await until(pilot, lambda: screen.query(MarkRow))
        row = screen.query(MarkRow).first()
        assert screen.has_class("-mirrored")
        line = screen_text(app).splitlines()[row.region.y][row.region.x : row.region.right]
        tr = tr_of(row)
        words = [visual(tr.gettext(MARK_WORDS[mark]), True) for mark in MARKS]
        # From the right: the first mark nearest the right edge.
        columns = [line.index(word) for word in words]
        assert columns == sorted(columns, reverse=True)
        for mark, column in zip(MARKS, columns, strict=True):
            await pilot.click(row, offset=(column + 1, 0))
            await pilot.pause()
            assert row.mark == mark
        row.focus()
        await pilot.press("left")
        await pilot.pause()
        assert row.mark == MARKS[-1]
        await pilot.press("right")
        await pilot.pause()
        assert row.mark == MARKS[-2]


async def test_arrows_move_across_an_arabic_chores_table_the_way_they_point(
    store: Store, library: Library
) -> None:
    couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["chores"])
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        row = walk(app).query(TaskRow).first()
        now = row.cells()[COLUMNS.index("now")]
        assert app.focused is now
        await pilot.press("left")
        assert app.focused is not None
        assert app.focused.region.x < now.region.x
        await pilot.press("right", "right")
        assert app.focused.region.x > now.region.x
        # A tap finds the cell drawn under it.
        minutes = row.cells()[COLUMNS.index("minutes")]
        await pilot.click(minutes)
        await pilot.pause()
        assert app.focused is minutes
