"""A partner's own link on a phone (Chromium's phone emulation: 390 by 844 CSS pixels, touch):
the page fits the phone's width, and a private choice step and a rank step are walked with
taps only: an option, a line moved up with its button, "I'm done", and Next after each reveal.
The other partner answers from the data layer, as their own device would."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.packs_helpers import write_pack
from tests.test_serve_apart_browser import ServedCouple
from tests.test_serve_browser import BROWSER, DRIVER, Browser

if TYPE_CHECKING:
    from workbook.service.apart import Seat

pytestmark = pytest.mark.skipif(
    BROWSER is None or DRIVER is None, reason="no headless browser (chromium, chromedriver)"
)

STEPS = """
[[steps]]
id = "mood"
kind = "choice"
title = "This week"
prompt = "{me}, how was this week for you?"
options = ["Calm", "Busy", "Hard"]

[[steps]]
id = "needs"
kind = "rank"
title = "What helps"
prompt = "{me}, put these in order: what helps you most first."
options = ["Rest", "Friends", "Walking"]

[[steps]]
id = "thanks"
kind = "read"
title = "Thank you"
body = "That is all for today."
"""
MOVE = re.compile(r"\x1b\[(\d+);(\d+)H")


class Phone(Browser):
    def __init__(self, downloads: Path) -> None:
        from selenium import webdriver

        options = webdriver.ChromeOptions()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
            options.add_argument(argument)
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": True}},
        )
        assert BROWSER is not None
        options.binary_location = BROWSER
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        service = webdriver.ChromeService(executable_path=DRIVER)
        self.driver = webdriver.Chrome(service=service, options=options)
        self.frames = []
        self.downloads = downloads
        self._sockets = {}
        self.size = (80, 24)
        self.requested = []
        self.marks = {}

    def where(self, text: str, link: str) -> tuple[int, int]:
        """The cell (column, row, from 0) where ``text`` was last drawn by ``link``'s app: the
        app moves the cursor to each line it draws (CSI row;col H) before writing it. Waits
        until it is drawn: the screen comes in several websocket frames, and one line (even
        one escape) can be split between two of them, so the link's frames are read joined."""
        found: tuple[int, int] | None = None

        def drawn() -> bool:
            nonlocal found
            self.pump()
            raw = "".join(chunk for name, chunk in self.frames if name == link)
            for piece in re.split(r"(?=\x1b\[\d+;\d+H)", raw):
                moved = MOVE.match(piece)
                if moved is None:
                    continue
                plain = re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]", "", piece[moved.end() :])
                at = plain.find(text)
                if at >= 0:
                    found = (int(moved.group(2)) - 1 + at, int(moved.group(1)) - 1)
            return found is not None

        self.until(drawn, f"{text!r} drawn")
        assert found is not None
        return found

    def tap(self, text: str, link: str) -> None:
        """Touch the screen where ``text`` is drawn, as a finger would."""
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.actions.pointer_input import PointerInput
        from selenium.webdriver.common.by import By

        column, row = self.where(text, link)
        self.marks[link] = len(self.frames)
        columns, rows = self.size
        screen = self.driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
        box = screen.rect
        x = box["x"] + (column + 1.5) * box["width"] / columns
        y = box["y"] + (row + 0.5) * box["height"] / rows
        finger = PointerInput("touch", "finger")  # type: ignore[no-untyped-call]
        actions = ActionBuilder(self.driver, mouse=finger)
        moved = actions.pointer_action.move_to_location(int(x), int(y))  # type: ignore[no-untyped-call]
        moved.pointer_down().pointer_up()
        actions.perform()


def answers(ben: Seat, picked: list[str]) -> None:
    """Ben, on his own device, answers the step he is at with ``picked`` and is done."""
    ben.reload()
    place = ben.stage().place
    assert place is not None
    ben.keep(place, {"b": picked})
    ben.finish_turn(place)


def test_a_step_is_walked_with_taps_only_at_a_phones_size(tmp_path: Path) -> None:
    from workbook.data.store import Store
    from workbook.packs.library import load_library
    from workbook.service import apart

    exercises = tmp_path / "packs"
    write_pack(exercises, "week", STEPS)
    data = tmp_path / "data"
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Lia", "Ben")
    couple.care_note_seen = True
    store.save_couple(couple)
    loaded = load_library([exercises], environ={}).packs["week"]
    session_id = apart.begin(store, couple, [loaded])
    assert loaded.pack is not None
    ben = apart.Seat(Store(data), couple, session_id, [loaded.pack], "b", lambda: couple.created)
    server = ServedCouple(data, couple.id, exercises)
    phone = Phone(tmp_path)
    try:
        phone.driver.get(server.links["a"])
        phone.wait_for("how was this week", "I'm done", link="a")
        # The page is as wide as the phone, and the terminal fits in it.
        width = phone.driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390
        columns, _ = phone.size
        assert 30 <= columns <= 60, phone.size
        phone.tap("Busy", "a")
        phone.wait_for("Busy", link="a")
        phone.tap("I'm done", "a")
        phone.wait_for("Waiting for Ben", link="a")
        answers(ben, ["Calm"])
        # The reveal: both picks, on the phone.
        phone.wait_for("Lia", "Ben", "Calm", "Next", link="a")
        phone.tap("Next", "a")
        # A rank: a line tapped, then moved up with its button, twice.
        phone.wait_for("Walking", "Move up", link="a")
        phone.tap("Walking", "a")
        phone.tap("Move up", "a")
        phone.wait_for("2. Walking", link="a")
        phone.tap("Move up", "a")
        phone.wait_for("1. Walking", link="a")
        phone.tap("I'm done", "a")
        phone.wait_for("Waiting for Ben", link="a")
        answers(ben, ["Friends", "Rest", "Walking"])
        phone.wait_for("Friends", "Next", link="a")
        phone.tap("Next", "a")
        phone.wait_for("That is all for today", link="a")
        saved = store.peek_session(couple.id, session_id)
        assert saved.answer("week", "mood") == {"a": ["Busy"], "b": ["Calm"]}
        assert saved.answer("week", "needs") == {
            "a": ["Walking", "Rest", "Friends"],
            "b": ["Friends", "Rest", "Walking"],
        }
    finally:
        phone.quit()
        server.stop()
