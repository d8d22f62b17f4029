"""The counsellor's forms at 80×24 in the pseudo-language (``en-XA``): New couple (and its two
problems), Edit couple (with the care flag up, and archived) and the two dialogs it leads to
(deleting the couple, clearing the care flag), and the console's New link (its question, both
status lines and the link). No word on screen that did not come from the
catalog, and no line cut (``language_walk.py``)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, WHEN, home_loaded, until
from tests.tui.language_walk import Looker, english_runs
from workbook.data.models import CareFlag
from workbook.data.store import Store
from workbook.i18n.catalog import PSEUDO
from workbook.packs.library import Library
from workbook.serve.links import SEATS, couple_links
from workbook.tui.app import WorkbookApp
from workbook.tui.console import ConsoleApp
from workbook.tui.screens.clear_care import ClearCareScreen
from workbook.tui.screens.delete_couple import DeleteCoupleScreen
from workbook.tui.screens.edit_couple import EditCoupleScreen
from workbook.tui.screens.new_couple import NewCoupleScreen
from workbook.tui.screens.new_link import NewLinkScreen
from workbook.tui.served import ServerSaid
from workbook.tui.widgets.button import Button

# Each language in the form's list is named in itself ("English", "Español"): never translated.
LANGUAGE_NAMES = ["English", "Español"]


def looker_for(app: Any, store: Store) -> Looker:
    literals = [str(store.root), *store.couple_ids(), *LANGUAGE_NAMES]
    return Looker(app, lambda line: english_runs(line, literals))


def off_screen(app: Any) -> list[str]:
    """The buttons pushed past the screen's right edge by a row too long for it (a row of
    buttons does not wrap), which ``cut_widgets`` cannot see: each button itself fits."""
    return [
        f"#{button.id}: {button.label}"
        for button in app.screen.query(Button)
        if button.display and button.region.right > app.size.width
    ]


def found(looker: Looker) -> dict[str, list[str]]:
    return {run: [looker.example[run], *sorted(where)[:2]] for run, where in looker.english.items()}


async def test_the_couple_forms_speak_the_pseudo_language(store: Store, library: Library) -> None:
    couple = store.create_couple("Àñà", "Ɓéñ", "Đŕ Ļéé", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    flagged = couple.model_copy(update={"care": CareFlag(raised=WHEN, session="s1")})
    archived = flagged.model_copy(update={"archived": True})
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO
    looker = looker_for(app, store)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        app.push_screen(NewCoupleScreen())
        await until(pilot, lambda: isinstance(app.screen, NewCoupleScreen))
        await pilot.pause()
        looker.look("new couple")
        assert off_screen(app) == []
        form = app.screen
        form.query_one("#continue", Button).press()
        await pilot.pause()
        looker.look("new couple: no names")
        form.query_one("#name-a", Input).value = "Àñà"
        form.query_one("#name-b", Input).value = "àñà"
        form.query_one("#continue", Button).press()
        await pilot.pause()
        looker.look("new couple: the same name")
        for where, shown in (("edit couple", flagged), ("edit archived couple", archived)):
            app.pop_screen()
            app.push_screen(EditCoupleScreen(shown))
            await until(pilot, lambda: isinstance(app.screen, EditCoupleScreen))
            await pilot.pause()
            assert app.screen.query("#clear-care")
            looker.look(where)
            assert off_screen(app) == [], where
        # Where Edit couple leads: deleting them, and clearing the care flag.
        app.pop_screen()
        app.push_screen(DeleteCoupleScreen(couple.names, 2, store.root))
        await until(pilot, lambda: isinstance(app.screen, DeleteCoupleScreen))
        await pilot.pause()
        looker.look("delete couple")
        app.pop_screen()
        app.push_screen(ClearCareScreen(flagged))
        await until(pilot, lambda: isinstance(app.screen, ClearCareScreen))
        await pilot.pause()
        looker.look("clear the care flag")
        assert off_screen(app) == []
    assert len(looker.seen) == 7
    assert found(looker) == {}
    assert looker.cut == {}


@pytest.mark.parametrize("served", [True, False])
async def test_new_link_speaks_the_pseudo_language(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch, served: bool
) -> None:
    # The server's titles are English (its terminal's); the console names the seats itself.
    couple = store.create_couple("Àñà", "Ɓéñ", when=WHEN)
    links = couple_links(store.root, couple.id, couple.names)
    monkeypatch.setenv(SEATS, links[-1].environment[SEATS])
    monkeypatch.setattr("workbook.tui.screens.new_link.tell_server", lambda *_a, **_k: served)
    app = ConsoleApp(store, library, couple.id, None, theme="textual-dark")
    app.app_language = PSEUDO
    looker = looker_for(app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, NewLinkScreen))
        await pilot.pause()
        looker.look("new link")
        assert off_screen(app) == []
        app.screen.query_one("#seat-a", Button).press()
        await pilot.pause()
        looker.look("new link: asked" if served else "new link: not served")
        if served:
            url = "http://127.0.0.1:8000/a?token=NEW"
            title = "Àñà, on their own device"
            app.post_message(ServerSaid("workbook_link", {"seat": "a", "title": title, "url": url}))
            await until(pilot, lambda: app.screen.query_one("#new-link-url", Input).display)
            await pilot.pause()
            looker.look("new link: the link")
    assert len(looker.seen) == (3 if served else 2)
    assert found(looker) == {}
    assert looker.cut == {}
