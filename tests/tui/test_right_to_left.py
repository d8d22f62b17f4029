"""An Arabic reveal reads right in a terminal that does no layout: each line on screen is
python-bidi's order of the logical line, letters joined, set against the right of its card;
with bidi = "terminal" the text goes out in logical order."""

from __future__ import annotations

import arabic_reshaper
from bidi import get_display
from textual.app import App, ComposeResult
from textual.content import Content

from workbook.i18n.bidi import TERMINAL
from workbook.text import wrap
from workbook.tui.widgets.laid_out import LaidOut
from workbook.tui.widgets.reveal import Reveal

ANSWER = "أن يسألني الطرف الآخر عن رأيي قبل أن يقرر، وأن يصغي حتى أنتهي من كلامي"


class RevealApp(App[None]):
    def __init__(self, bidi: str) -> None:
        super().__init__()
        self.bidi = bidi

    def compose(self) -> ComposeResult:
        cards = {"a": Content(ANSWER), "b": Content("Being asked, not told.")}
        yield Reveal({"a": "سلمى", "b": "Sam"}, "a", cards, Content(""))


def shown(app: App[None]) -> list[str]:
    return [
        "".join(segment.text for segment in strip).rstrip()
        for strip in app.screen._compositor.render_strips()
    ]


async def test_an_arabic_answer_is_laid_out_line_by_line() -> None:
    app = RevealApp("app")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        card = app.query(LaidOut).first()
        width = card.content_region.width
        expected = [
            get_display(arabic_reshaper.reshape(line), base_dir="R") for line in wrap(ANSWER, width)
        ]
        assert len(expected) > 1
        screen = "\n".join(shown(app))
        for line in expected:
            assert line in screen
        # Set against the right edge of its card: the last line ends where the card's text does.
        assert card.lines(width)[-1].endswith(expected[-1])
        assert ANSWER not in screen


async def test_with_bidi_terminal_the_text_goes_out_in_logical_order() -> None:
    app = RevealApp(TERMINAL)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = "".join(line.strip("│ ") for line in shown(app))
        assert "أن يسألني" in screen
