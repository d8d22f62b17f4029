"""At 80×24 the footer of every kind of step in the built-in packs still says Next, Back, Quit
and Help, whatever on the step has the focus: a list's own keys once pushed them off the end (the
rank step ended at "^q", the terms list at "Del Remove draft"). Keys a step explains in its own
words stay out of the footer."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp

NEEDED = ("^n Next", "^b Back", "^q Quit", "f1 Help")


def _one_step_of_each_kind() -> dict[str, set[str]]:
    """For each built-in pack, the steps that are the first of their kind and answer mode in
    the library: the footer depends on the focused widget, which those decide, not the pack."""
    chosen: dict[str, set[str]] = {}
    seen: set[tuple[str, str]] = set()
    for pack_id, loaded in sorted(load_library(environ={}).packs.items()):
        if loaded.pack is None:
            continue
        for step in loaded.pack.steps:
            shape = (step.kind, str(getattr(step, "answer", "")))
            if shape not in seen:
                seen.add(shape)
                chosen.setdefault(pack_id, set()).add(step.id)
    return chosen


STEPS = _one_step_of_each_kind()
PACKS = sorted(STEPS)


def footer(app: WorkbookApp) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("pack_id", PACKS)
async def test_the_footer_keeps_the_walk_keys_on_every_step(
    pack_id: str, store: Store, library: Library
) -> None:
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(app.store.load_couple("sam-and-alex"), [pack_id])
        await pilot.pause()
        screen = walk(app)
        steps = screen.walk.packs[0].steps
        # Every answer given, so that lists that show picked items (a ranking) are full.
        for step in steps:
            if step.kind == "choice":
                picks = list(step.options[:3])
                screen.session.answers.setdefault(pack_id, {})[step.id] = {"a": picks, "b": picks}
        cut = []
        for number, step in enumerate(steps):
            if step.id not in STEPS[pack_id]:
                continue
            await screen.goto_step(0, number)
            await pilot.pause()
            if screen.walk.is_handoff(screen.place):
                await pilot.press("enter")
                await pilot.pause()
            stage = screen.query_one("#stage")
            # One of each kind of widget: the footer shows the keys of the focused one's kind.
            targets: dict[type, Widget] = {}
            for widget in stage.query("*"):
                if widget.focusable:
                    targets.setdefault(type(widget), widget)
            for target in targets.values():
                screen.set_focus(target)
                await pilot.pause()
                shown = footer(app)
                if not all(key in shown for key in NEEDED):
                    cut.append(f"{step.id} ({type(target).__name__}): {shown.strip()}")
        assert cut == []


def test_a_phones_footer_rows_keep_every_key_whole_and_fill_the_width() -> None:
    from workbook.tui.widgets.footer import rows_of

    # The agenda's keys at 40 columns: "p Suggested path" (18) would not fit a third (13).
    needed = [11, 9, 10, 18, 10, 9, 9, 10]
    rows = rows_of(needed, 40)
    assert [len(row) for row in rows] == [3, 3, 2]
    assert all(sum(row) == 40 for row in rows)
    given = [cells for row in rows for cells in row]
    assert all(got >= need for got, need in zip(given, needed, strict=True))
    # A key wider than the screen takes a row of its own, as wide as the screen.
    assert rows_of([50, 5], 40) == [[40], [40]]
