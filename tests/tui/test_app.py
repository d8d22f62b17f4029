"""The app around the walk: broken packs, help, theme, command palette, narrow screens, export."""

from __future__ import annotations

import os
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import Static

from tests.packs_helpers import write_pack
from tests.tui.conftest import (
    SIZE,
    answer,
    app_for,
    home_loaded,
    make_couple,
    screen_text,
    step_on,
    until,
    walk,
    walk_drawn,
)
from workbook.data.store import Store
from workbook.logic.session_packs import SessionPack
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.broken_packs import BrokenPacksScreen
from workbook.tui.screens.help import HelpScreen
from workbook.tui.widgets.reveal import Reveal


async def test_broken_packs_show_discreetly_in_the_agenda_and_the_rest_work(
    tmp_path: Path, store: Store
) -> None:
    write_pack(tmp_path / "packs", "fine")
    (tmp_path / "packs" / "broken.toml").write_text('format = 1\nid = "broken"\n')
    os.mkfifo(tmp_path / "packs" / "pipe.toml")
    (tmp_path / "packs" / "deep.toml").write_text("format = 1\nid = " + "[" * 900 + "]" * 900)
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        text = screen_text(app)
        assert "3 pack files could not be read (d: details)" in text
        assert "broken.toml" not in text
        assert not app._notifications
        assert "A pack" in text
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, BrokenPacksScreen)
        details = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert 'broken.toml:1:1: title: missing required key "title"' in details
        assert "pipe.toml:1:1: cannot read the file: it is not a regular file" in details
        assert "deep.toml:2:1: this is not valid TOML: values or keys are nested" in details
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert walk(app).walk.packs[0].id == "fine"


async def test_help_opens_with_f1_and_question_mark(store: Store, library: Library) -> None:
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("f1", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = screen_text(app)
            # It opens at the top, not scrolled down to the Close button.
            assert "Moving around" in shown
            assert app.screen.query_one("#help").scroll_y == 0
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_the_chosen_theme_is_remembered(store: Store, library: Library) -> None:
    app = WorkbookApp(Store(store.root), library)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in (store.root / "settings.toml").read_text()
    again = WorkbookApp(Store(store.root), library)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_go_to_step_from_the_command_palette(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["respect"])
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"seven areas")
        # The palette searches in a worker: Enter goes once the hit is listed.
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0)
        await pilot.press("enter")
        screen = walk(app)
        await until(pilot, lambda: screen.walk.step(screen.place).id == "areas")


async def test_the_reveal_stacks_on_a_narrow_terminal(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=(50, 40)) as pilot:
        app.begin(couple, ["respect"])
        screen = await walk_drawn(pilot)
        await screen.goto_step(0, 1)
        await answer(pilot, "one")
        await step_on(pilot, "ctrl+n")
        await answer(pilot, "two")
        await step_on(pilot, "ctrl+n")
        # Stacked once the reveal knows its size (its resize, after the first layout). The
        # reveal is looked up at each check: the stage may be drawn again meanwhile.

        def stacked() -> bool:
            reveals = list(screen.query(Reveal))
            if not reveals or not reveals[0].has_class("narrow"):
                return False
            first, second = reveals[0].query(".card")
            return first.region.y < second.region.y

        await until(pilot, stacked)


async def test_export_from_home_writes_the_files(store: Store, library: Library) -> None:
    couple = make_couple(store)
    session = store.new_session(couple.id, ["respect"])
    session.set_answer("respect", "meaning", {"a": "x", "b": "y"})
    store.save_session(couple.id, session)
    store.close()
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        # Home's export waits for its reading worker; the notice says it is done.
        await until(pilot, lambda: "Written:" in screen_text(app))
    folder = store.layout.couple_folder(couple.id)
    assert (folder / "agreement.md").read_text().startswith("# Our agreements")
    assert "**Sam:** x" in (folder / "exports" / f"{session.id}.md").read_text()


async def test_facilitator_notes_are_saved_and_kept_out_of_exports(
    store: Store, library: Library
) -> None:
    from workbook.export.summary import summary_markdown
    from workbook.tui.screens.notes import NotesScreen

    couple = store.create_couple("Sam", "Alex", "Dr. Lee")
    couple.care_note_seen = True
    store.save_couple(couple)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["respect"])
        await pilot.pause()
        assert "with Dr. Lee" in screen_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        app.screen.query_one("AnswerArea").load_text("Watch the pace [b]here[/b]")  # type: ignore[attr-defined]
        # Saved as typed, into the notes file: no key to press, and Esc closes the notes.
        session = app.screen_stack[-2].session  # type: ignore[attr-defined]
        notes = store.notes(couple.id, session.id)
        await until(pilot, lambda: [n.text for n in notes.read().notes] != [])
        assert [n.text for n in notes.read().notes] == ["Watch the pace [b]here[/b]"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
    saved = store.load_session(couple.id, session.id)
    assert saved.facilitator is None
    agreements = store.load_agreements(couple.id)
    used = {pid: SessionPack(pid, loaded.pack) for pid, loaded in library.packs.items()}
    assert "Watch the pace" not in summary_markdown(couple, saved, used, agreements)


async def test_no_notes_key_without_a_facilitator(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["respect"])
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, type(walk(app)))
        assert "Notes" not in screen_text(app).splitlines()[-1]


async def test_reviewing_agreements_keeps_one_and_lets_one_go(
    store: Store, library: Library
) -> None:
    from datetime import date

    from workbook.logic.agreements import add_agreement
    from workbook.tui.screens.review import ReviewScreen

    couple = make_couple(store)

    def change(agreements):
        add_agreement(
            agreements,
            text="Walk on Sundays",
            made=date(2026, 10, 1),
            session="s",
            source="respect.agree",
            review_days=14,
            confirmed_by=["a", "b"],
        )
        add_agreement(
            agreements,
            text="Phones away at dinner",
            made=date(2026, 11, 20),
            session="s",
            source=None,
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple.id, change, lambda a: "")
    app = app_for(store, library)
    app.today = lambda: date(2026, 11, 22)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await home_loaded(pilot)
        assert "1 due for review" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert text.index("Walk on Sundays") < text.index("Phones away at dinner")
        assert "due now: 15 October 2026" in text
        await pilot.press("k")
        await pilot.pause()
        assert "next review: 6 December 2026" in screen_text(app)
        # Keeping it did not move it: Down is the other agreement, and letting go asks first.
        await pilot.press("down", "l")
        await pilot.pause()
        assert "Press l again to let it go" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "0 due for review" not in screen_text(app)
    saved = {a.text: a for a in store.load_agreements(couple.id).agreements}
    assert saved["Walk on Sundays"].review_on == date(2026, 12, 6)
    assert saved["Walk on Sundays"].status == "active"
    assert saved["Phones away at dinner"].status == "retired"
    document = store.layout.agreement_document(couple.id).read_text()
    assert "Walk on Sundays" in document
    assert "Phones away" not in document
