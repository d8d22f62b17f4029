"""A one-pick choice with a write-in keeps one value: what is written in replaces the option
picked, and an option picked replaces what was written in."""

from __future__ import annotations

from pathlib import Path

from tests.packs_helpers import write_pack
from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.store import Store
from workbook.packs.library import load_library

ONE_PICK = """
[[steps]]
id = "one"
kind = "choice"
answer = "together"
prompt = "Where shall we go?"
options = ["The park", "The sea"]
pick_max = 1
other = true
"""


async def test_a_write_in_replaces_the_pick_on_a_one_pick_step(
    store: Store, tmp_path: Path
) -> None:
    write_pack(tmp_path / "packs", "one-pick", ONE_PICK)
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["one-pick"])
        await settled(app, pilot)
        screen = walk(app)

        def chosen() -> object:
            return screen.session.answer("one-pick", "one").get("together")

        await at_once(app, pilot, "enter", "tab", *"The hills")
        assert chosen() == ["The hills"]
        assert "[x]" not in screen_text(app)
        await at_once(app, pilot, "shift+tab", "down", "enter")
        assert chosen() == ["The sea"]
        assert screen.query_one("Box").value == ""  # type: ignore[attr-defined]
        assert "[x] The sea" in screen_text(app)
