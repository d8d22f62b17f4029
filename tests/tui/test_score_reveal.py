"""Scores in the app: a pack's score shows at the reveal of its last step, and only there."""

from __future__ import annotations

from tests.tui.conftest import SIZE, WHEN, answer, app_for, make_couple, ready, screen_text, walk
from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.logic.phases import REVEAL
from workbook.packs.library import Library
from workbook.tui.widgets.scores import ScoreCard

SCORE = "How things feel between us"


async def test_the_check_in_score_shows_at_the_overall_reveal(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    session = store.new_session(couple.id, ["check-in"], when=WHEN)
    pack = library.pack("check-in")
    session.packs["check-in"] = PackUse(title=pack.title, digest=library.packs["check-in"].digest)
    store.save_session(couple.id, session, stamp=False)
    store.close()
    items = pack.step("self-check").items
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        await screen.goto_step(0, 3)
        await pilot.pause()
        first = screen.walk.answering(screen.place)
        assert first is not None
        # The first to answer rates every line 5, the other every line 2.
        await answer(pilot, dict.fromkeys(items, 5))
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        await answer(pilot, dict.fromkeys(items, 2))
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        # The self-check is not the score's last step: nothing yet.
        assert not screen.query(ScoreCard)
        assert SCORE not in screen_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.walk.step(screen.place).id == "satisfaction"
        overall = {screen.walk.answering(screen.place): 4}
        await answer(pilot, 4)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        overall[screen.walk.answering(screen.place)] = 3
        await answer(pilot, 3)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        (card,) = screen.query(ScoreCard)
        screen.query_one("#stage").scroll_to_widget(card, animate=False)
        await pilot.pause()
        text = screen_text(app)
        names = {"a": "Sam", "b": "Alex"}
        other = "b" if first == "a" else "a"
        # 6 lines of 5 and the overall answer; 6 lines of 2 and theirs, over 7 answers.
        high = (30 + overall[first]) / 7
        low = (12 + overall[other]) / 7
        assert SCORE in text
        assert f"{names[first]} {high:.1f} (Going well)" in text
        assert f"{names[other]} {low:.1f} (A hard stretch)" in text
        assert "The mean of your answers to Self-check and Overall, from 1 to 5." in text
