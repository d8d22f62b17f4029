"""A partner's own link, before the apart walk exists: it says so plainly, names the partner
as text (never markup), shows no answer, and closes with a tap."""

from __future__ import annotations

from tests.tui.conftest import screen_text
from workbook.tui.seat_notice import SeatNotice
from workbook.tui.widgets.button import Button


async def test_a_partners_own_link_says_it_is_not_ready_and_closes_with_a_tap() -> None:
    app = SeatNotice("[b]Lia[/b]")
    async with app.run_test(size=(40, 24)) as pilot:
        drawn = screen_text(app)  # type: ignore[arg-type]
        shown = " ".join(line.strip() for line in drawn.splitlines() if line.strip())
        assert "[b]Lia[/b]'s own" in shown
        assert "not ready" in shown
        await pilot.click(Button)
        await pilot.pause()
    assert app.return_code == 0
