"""The closeness pack, walked with every optional step skipped: nothing on the reveal, at the
agreement step or in the session summary says who left what empty.

At the first step both partners skip; at every later one the first partner writes and the other
skips (who goes first alternates, so each of them is the one who skips). The couple sees the
same neutral line either way, and never the words of whoever did write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import SIZE, answer, app_for, make_couple, screen_text, walk
from workbook.cli import main
from workbook.logic.skips import KEPT_LINE
from workbook.logic.walk import FIRST, REVEAL
from workbook.packs.library import Library
from workbook.tui.screens.done import DoneScreen
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.widgets.reveal import Reveal

# What would tell the couple that an answer is missing, or whose it was.
TELLS = ("(no answer)", "no answer", "skipped", "empty", "Waiting for both")


async def test_closeness_skipped_everywhere_never_says_who_skipped(
    store: object, library: Library, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    couple = make_couple(store)  # type: ignore[arg-type]
    pack = library.pack("closeness")
    optional = [s.id for s in pack.steps if getattr(s, "optional", False)]
    assert len(optional) >= 6
    assert all(pack.step(s).answer == "each-private" for s in optional)
    written: list[str] = []
    revealed: list[str] = []
    app = app_for(store, library)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["closeness"])
        await pilot.pause()
        screen = walk(app)
        for _ in range(80):
            place = screen.place
            step = screen.walk.step(place)
            if screen.walk.is_handoff(place):
                await pilot.press("enter")
                await pilot.pause()
                continue
            if place.phase == FIRST and step.id != optional[0]:
                words = f"Private words at {step.id}"
                written.append(words)
                await answer(pilot, words)
            elif place.phase == REVEAL:
                revealed.append(step.id)
                text = screen_text(app)
                assert KEPT_LINE in text, step.id
                assert not screen.query(Reveal), step.id
                for tell in (*TELLS, *written):
                    assert tell not in text, (step.id, tell)
            elif step.kind == "agreement":
                # Words kept back at the reveal are not offered as terms either.
                assert screen.query_one(AgreementInput).offers == []
            last = screen.walk.next(place) is None
            await pilot.press("ctrl+n")
            await pilot.pause()
            if last:
                break
        assert isinstance(app.screen, DoneScreen)
        session_id = screen.session.id

    assert revealed == optional
    assert len(written) == len(optional) - 1
    code = main(["export", couple.id, "--session", session_id])
    summary = capsys.readouterr().out
    assert code == 0
    assert summary.count(KEPT_LINE) == len(optional)
    for tell in (*TELLS, *written):
        assert tell not in summary, tell
    for name in ("Sam", "Alex"):
        # The names head the summary and nothing else: no answer stands under either of them.
        assert summary.count(name) == 1, name
