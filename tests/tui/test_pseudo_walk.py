"""Every screen of a couple's session, Home and the console at 80×24 in the pseudo-language
(``en-XA``): no word on screen that did not come from the catalog, and no line cut.

Pack text is the pack's: the walk uses built-in packs written in the pseudo-language
(``language_walk.pseudo_pack``), and names with no ASCII letter. Strings of the screens another
piece of work moves into the catalog (the steps' own words, the apart walk's screens, the two
forms that gain a language field) are listed in ``NOT_YET_IN_THE_CATALOG``, one set, which is
emptied as they are wrapped; a run listed there and no longer seen fails too, so the set only
ever shrinks.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import SIZE, WHEN
from tests.tui.language_walk import Looker, english_runs, look_at_console, pseudo_pack, walk_session
from workbook.data.store import Store
from workbook.i18n.catalog import PSEUDO
from workbook.packs.library import load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.console import ConsoleApp

PACKS = ("values", "respect")

# The visible English still to be moved into the catalog by the work that owns those files, as
# the screens show it (keys taken out). The lead empties this set after merging; a run that is
# no longer seen must leave it (the last assertion).
NOT_YET_IN_THE_CATALOG: set[str] = set()


async def test_every_screen_speaks_the_pseudo_language(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    for name in PACKS:
        pseudo_pack(name, folder)
    library = load_library([folder], environ={}, builtin=False)
    couple = store.create_couple("Àñà", "Ɓéñ", "Đŕ Ļéé", when=WHEN, language=PSEUDO)
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO

    def literals() -> list[str]:
        sessions = store.session_ids(couple.id)
        return [str(store.root), couple.id, *sessions, ".toml", ".md"]

    looker = Looker(app, lambda line: english_runs(line, literals()))
    async with app.run_test(size=SIZE) as pilot:
        await walk_session(pilot, looker, list(PACKS), "Àñšŵéŕ", "Ŧéŕɱ")
    session_id = store.session_ids(couple.id)[-1]
    console = ConsoleApp(
        Store(store.root), library, couple.id, session_id, theme="textual-dark", clock=lambda: WHEN
    )
    console.app_language = PSEUDO
    await look_at_console(looker, console)

    assert len(looker.seen) > 30
    english = {
        run: [looker.example[run], *sorted(where)[:2]] for run, where in looker.english.items()
    }
    unexpected = {run: where for run, where in english.items() if run not in NOT_YET_IN_THE_CATALOG}
    assert unexpected == {}
    assert NOT_YET_IN_THE_CATALOG - set(english) == set()
    assert looker.cut == {}
