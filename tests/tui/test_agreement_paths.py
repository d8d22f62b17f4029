"""``agreement.md`` is the same, byte for byte, whichever path wrote it: a term confirmed in the
walk, a review (keep, change, let go), Export on Home, or ``workbook export COUPLE --out FILE``.

Each path that changes the agreements writes the document; then the two export paths write it
again from the same agreements, and all three must agree. The day is fixed everywhere, so
"Written on" cannot differ.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tests.tui.conftest import (
    SIZE,
    add_and_confirm_term,
    app_for,
    make_couple,
    to_home,
    until,
    walk,
)
from workbook.cli import main
from workbook.data.models import Agreement, Agreements, Couple, PackUse
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.review import ReviewScreen

DAY = date(2026, 11, 22)


class _Day(date):
    @classmethod
    def today(cls) -> _Day:
        return cls(DAY.year, DAY.month, DAY.day)


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line asks date.today(); the app asks app.today (set in each test).
    monkeypatch.setattr("workbook.cli.documents.date", _Day)


def _document(store: Store, couple: Couple) -> bytes:
    return store.layout.agreement_document(couple.id).read_bytes()


async def _same_from_every_export(
    pilot: Pilot[Any], app: WorkbookApp, couple: Couple, out: Path
) -> bytes:
    """The document as the last path wrote it, after checking that Export on Home and the
    command line write exactly the same bytes."""
    store = app.store
    written = _document(store, couple)
    store.layout.agreement_document(couple.id).unlink()
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("e")
    # Home's export waits for its reading worker: wait for the file, written whole (replaced).
    await until(pilot, store.layout.agreement_document(couple.id).exists)
    assert _document(store, couple) == written, "Export on Home wrote another document"
    code = main(["--data-dir", str(store.root), "export", couple.id, "--out", str(out)])
    assert code == 0
    assert out.read_bytes() == written, "the command line wrote another document"
    return written


async def _confirm_in_a_walk(
    pilot: Pilot[Any], app: WorkbookApp, couple: Couple, text: str
) -> None:
    app.begin(couple, ["compromise"])
    await pilot.pause()
    screen = walk(app)
    agree = [step.id for step in screen.walk.packs[0].steps].index("agree")
    await screen.goto_step(0, agree)
    await pilot.pause()
    await add_and_confirm_term(pilot, text)
    # The second confirmation makes the agreement: on a loaded machine, after one more frame.
    await until(
        pilot,
        lambda: "Agreed by both of you" in "".join(str(n.message) for n in app._notifications),
    )
    await pilot.press("escape")
    await pilot.pause()
    await to_home(pilot)


async def _review(pilot: Pilot[Any], app: WorkbookApp, text: str, *keys: str) -> ReviewScreen:
    """Open the review, highlight the agreement that reads ``text``, and press ``keys``."""
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("v")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    listing = screen.query_one(OptionList)
    listing.highlighted = [a.text for a in screen._shown()].index(text)
    await pilot.press(*keys)
    await pilot.pause()
    return screen


async def _leave(pilot: Pilot[Any], app: WorkbookApp) -> None:
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, HomeScreen)


def _older_agreements(store: Store, couple: Couple) -> None:
    """Two agreements saved before agreements kept their pack's title: one from a session that
    recorded the pack's title then, one from a session whose file is gone."""
    earlier = store.new_session(
        couple.id, ["respect"], when=datetime(2026, 9, 1, 19, 0, tzinfo=UTC)
    )
    earlier.packs["respect"] = PackUse(title="Defining respect", digest="sha256:" + "0" * 64)
    store.save_session(couple.id, earlier)
    store.release_session(couple.id, earlier.id)

    def change(agreements: Agreements) -> Agreements:
        for number, (session, text) in enumerate(
            [(earlier.id, "Phones away at dinner"), ("2026-08-01-1900", "Ask before plans")], 1
        ):
            agreements.agreements.append(
                Agreement(
                    id=f"{session}-{number}",
                    text=text,
                    made=date(2026, 9, 1),
                    session=session,
                    source="respect.agree",
                    review_on=date(2026, 9, 29 - number),
                    confirmed_by=["a", "b"],
                )
            )
        return agreements

    store.update_agreements(couple.id, change, lambda a: "")


async def test_agreement_md_is_the_same_whichever_path_wrote_it(
    store: Store, library: Library, tmp_path: Path
) -> None:
    couple = make_couple(store, "Sam", "[@click=app.quit]Alex[/]")
    _older_agreements(store, couple)
    app = app_for(store, library)
    app.today = lambda: DAY
    documents = []
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _confirm_in_a_walk(pilot, app, couple, "Walk on *Sundays* [/]")
        documents.append(await _same_from_every_export(pilot, app, couple, tmp_path / "1.md"))
        await _review(pilot, app, "Phones away at dinner", "k")
        await _leave(pilot, app)
        documents.append(await _same_from_every_export(pilot, app, couple, tmp_path / "2.md"))
        screen = await _review(pilot, app, "Walk on *Sundays* [/]", "c")
        screen.query_one("#new-text", Input).value = "Walk on Saturdays"
        await pilot.press("enter", "1", "2")
        await pilot.pause()
        await _leave(pilot, app)
        documents.append(await _same_from_every_export(pilot, app, couple, tmp_path / "3.md"))
        await _confirm_in_a_walk(pilot, app, couple, "Cook together on Fridays")
        documents.append(await _same_from_every_export(pilot, app, couple, tmp_path / "4.md"))
        await _review(pilot, app, "Phones away at dinner", "l", "l")
        await _leave(pilot, app)
        documents.append(await _same_from_every_export(pilot, app, couple, tmp_path / "5.md"))
        assert app.is_running
    texts = [d.decode("utf-8") for d in documents]
    assert all("Written on 22 November 2026." in t for t in texts)
    assert "Walk on \\*Sundays\\* \\[/\\]" in texts[0]
    assert "Phones away at dinner" in texts[0]
    assert "From “Finding a fair compromise”" in texts[0]
    assert "From “respect”" in texts[0]
    assert "From “Defining respect”" in texts[0]
    assert "Ask before plans" in texts[0]
    assert "Walk on Saturdays" in texts[2]
    assert "Cook together on Fridays" in texts[3]
    assert len(set(texts)) == len(texts), "each change was meant to change the document"
