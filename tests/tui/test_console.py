"""The counsellor's console: it follows the couple's moves from the session file, never shows a
private answer before its reveal, saves notes and the DAP note as they are typed, stamped, into
the notes file only, and takes a half-written session file calmly. Notes typed with Ctrl+O on the
couple's screen go to the same file."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.conftest import SIZE, WHEN, app_for, screen_text, until, walk
from workbook.cli import main
from workbook.data import trail
from workbook.data.models import Couple, FacilitatorNotes, Position, Session
from workbook.data.store import Store
from workbook.i18n.said import Words
from workbook.logic.session_packs import begin_packs
from workbook.packs.library import Library
from workbook.tui.console import ConsoleApp
from workbook.tui.screens.console import ConsoleScreen
from workbook.tui.screens.notes import NotesScreen
from workbook.tui.screens.waiting import WaitingScreen
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.notes_pane import NotesPane

# The console's clock: five minutes into the session.
NOW = WHEN + timedelta(minutes=5, seconds=7)


def couple_walking(
    store: Store, library: Library, agenda: tuple[str, ...] = ("respect", "values")
) -> tuple[Couple, Session]:
    """Sam and Alex, with Dr. Lee, at the start of a session of ``agenda``."""
    couple = store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, list(agenda), when=WHEN)
    begin_packs(session, store, [library.packs[pack_id] for pack_id in agenda])
    store.save_session(couple.id, session, stamp=False)
    store.close()
    return couple, session


def move(
    store: Store,
    couple: Couple,
    session: Session,
    step: str,
    phase: str,
    minutes: float,
    answers: dict[str, Any] | None = None,
) -> None:
    """What the couple's window saves on a move: the position, the trail, and the answers."""
    at = WHEN + timedelta(minutes=minutes)
    session.trail.append(trail.entry(at, "respect", step, phase))
    session.position = Position(pack="respect", step=step, phase=phase)
    for step_id, table in (answers or {}).items():
        session.set_answer("respect", step_id, table)
    store.save_session(couple.id, session, stamp=False)


class WatchOnly(Store):
    """A store that records any attempt to lock or write a session, couple or agreements."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.writes: list[str] = []

    def lock_session(self, couple_id: str, session_id: str) -> Words | None:
        self.writes.append(f"lock {session_id}")
        return None

    def _write(self, path: Path, data: bytes) -> None:
        self.writes.append(str(path))


def console_for(
    store: Store, library: Library, couple: Couple, session: Session, clock: Any = None
) -> ConsoleApp:
    return ConsoleApp(
        WatchOnly(store.root),
        library,
        couple.id,
        session.id,
        theme="textual-dark",
        clock=clock or (lambda: NOW),
    )


def console(app: Any) -> ConsoleScreen:
    screen = app.screen
    assert isinstance(screen, ConsoleScreen), type(screen)
    return screen


def shows(app: Any, words: str) -> bool:
    return words in screen_text(app)


async def test_the_console_follows_each_move_and_never_shows_a_private_answer_early(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library)
    move(store, couple, session, "why", "only", 0)
    app = console_for(store, library, couple, session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = console(app)
        await until(pilot, lambda: screen.shown)
        text = screen_text(app)
        assert "Defining respect (pack 1 of 2)" in text
        assert "Both at the screen" in text
        assert "5 of 55 min" in text
        steps = [
            ("lookaway", "The screen passes to Sam; Alex looks away"),
            ("first", "Sam's turn, in private"),
            ("handover", "The screen passes to Alex; Sam looks away"),
            ("second", "Alex's turn, in private"),
        ]
        answers = {"meaning": {"a": "SECRET-SAM"}}
        for number, (phase, words) in enumerate(steps, 1):
            if phase == "second":
                answers = {"meaning": {"a": "SECRET-SAM", "b": "SECRET-ALEX"}}
            move(store, couple, session, "meaning", phase, number, answers)
            await until(pilot, partial(shows, app, words))
            assert "SECRET" not in screen_text(app)
            assert "SECRET" not in screen.query_one("#answers").source  # type: ignore[attr-defined]
        assert "Written so far: Sam and Alex" in screen_text(app)
        assert "4:07 on this step" in screen_text(app)  # since the look-away at minute 1
        move(store, couple, session, "meaning", "reveal", 4.5)
        await until(pilot, lambda: "SECRET-ALEX" in screen_text(app))
        assert "Both see the answers" in screen_text(app)
        # Back in a private turn: hidden again until the next reveal.
        move(store, couple, session, "meaning", "second", 4.8)
        await until(pilot, lambda: "Alex's turn, in private" in screen_text(app))
        assert "SECRET" not in screen_text(app)
        # A sealed answer, kept in the notes file by the couple's window: shown, marked private.
        store.notes(couple.id, session.id).seal("respect", "meaning", "b", "unsure")
        await until(pilot, lambda: "Private to you: sealed answers" in screen_text(app))
        assert "Alex: unsure" in screen_text(app)
        session.finished = WHEN + timedelta(minutes=50)
        store.save_session(couple.id, session, stamp=False)
        await until(pilot, lambda: "The session finished at 19:55." in screen_text(app))
    # The console neither locked nor wrote the session (nor any file but the notes).
    assert app.store.writes == []  # type: ignore[attr-defined]


async def test_notes_are_saved_as_typed_stamped_with_the_time_and_step(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library)
    move(store, couple, session, "meaning", "first", 1)
    app = console_for(store, library, couple, session)
    notes = store.notes(couple.id, session.id)
    async with app.run_test(size=SIZE) as pilot:
        screen = console(app)
        await until(pilot, lambda: screen.shown)
        await pilot.press(*"Alex quiet")
        # Saved as typed: no key to press.
        await until(pilot, lambda: [n.text for n in notes.read().notes] == ["Alex quiet"])
        await pilot.press(*" at work")
        await until(pilot, lambda: notes.read().notes[0].text == "Alex quiet at work")
        await pilot.press("ctrl+n")
        move(store, couple, session, "felt-respected", "first", 2)
        await until(pilot, lambda: "A time you felt respected" in screen_text(app))
        await pilot.press(*"Second")
        await until(pilot, lambda: [n.text for n in notes.read().notes][1:] == ["Second"])
        await until(pilot, lambda: "Alex quiet at work" in screen_text(app))
        assert "19:10  What respect means to you" in screen_text(app)
        found = notes.read().notes
        assert [(n.at, n.pack, n.step, n.text) for n in found] == [
            (NOW, "respect", "meaning", "Alex quiet at work"),
            (NOW, "respect", "felt-respected", "Second"),
        ]
        # The DAP note, saved as typed too.
        await pilot.press("f3")
        assert app.focused is screen.query_one("#dap-data")
        await pilot.press(*"Calm")
        screen.query_one("#dap-plan", AnswerArea).load_text("Return to work next time.")
        await until(
            pilot,
            lambda: (
                notes.read().dap
                == {"data": "Calm", "assessment": "", "plan": "Return to work next time."}
            ),
        )
    assert app.store.writes == []  # type: ignore[attr-defined]


async def test_a_half_written_session_file_is_said_calmly_and_the_last_view_stays(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library)
    move(store, couple, session, "meaning", "first", 1)
    path = store.layout.session_file(couple.id, session.id)
    whole = path.read_bytes()
    app = console_for(store, library, couple, session)
    async with app.run_test(size=SIZE) as pilot:
        screen = console(app)
        await until(pilot, lambda: screen.shown)
        path.write_bytes(whole[: len(whole) // 2] + b"\n[[trail]\nat = ")
        await until(pilot, lambda: "cannot be read just now" in screen_text(app))
        assert "Sam's turn, in private" in screen_text(app)
        path.write_bytes(whole)
        await until(pilot, lambda: "cannot be read just now" not in screen_text(app))
        path.unlink()
        await until(pilot, lambda: "cannot be read just now" in screen_text(app))


async def test_ctrl_o_on_the_couples_screen_opens_an_empty_note_and_never_an_earlier_one(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    session.facilitator = FacilitatorNotes(notes="OLDER-NOTE from an older workbook")
    store.save_session(couple.id, session, stamp=False)
    notes = store.notes(couple.id, session.id)
    notes.add_note("IPV screen: plan an individual check-in", "respect", "why", WHEN)
    app = app_for(Store(store.root), library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await walk(app).goto_step(0, 1)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        # The couple's screen: no earlier note, however it was kept.
        assert "IPV" not in screen_text(app)
        assert "OLDER-NOTE" not in screen_text(app)
        assert "A note for Dr. Lee" in screen_text(app)
        await pilot.press(*"Pace [b]")
        await pilot.press("escape")  # closing saves at once
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
        # Opened again, it is empty: not even the note just typed shows.
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Pace" not in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    earlier, typed = notes.read().notes
    assert (earlier.origin, typed.origin) == ("console", "couple-window")
    assert (typed.pack, typed.step, typed.text) == ("respect", "meaning", "Pace [b]")
    assert abs(typed.at - datetime.now().astimezone()) < timedelta(minutes=5)
    assert 'origin = "couple-window"' in notes.path.read_text(encoding="utf-8")
    # The console says where each note was written.
    console_app = console_for(store, library, couple, session)
    async with console_app.run_test(size=(120, 40)) as pilot:
        console(console_app)
        await until(pilot, lambda: shows(console_app, "Pace [b]"))
        said = " ".join(screen_text(console_app).split())
        assert said.count("on the couple's screen") == 1
        assert said.index("on the couple's screen") > said.index("IPV screen")


def test_export_with_notes_is_the_counsellors_own_document(
    store: Store, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    notes = store.notes(couple.id, session.id)
    notes.add_note("Alex went *quiet*", "respect", "meaning", WHEN + timedelta(minutes=9))
    notes.add_note("Typed here", "respect", "why", WHEN + timedelta(minutes=3), "couple-window")
    notes.set_dap("plan", "Come back to work.")
    notes.seal("before-we-begin", "afraid", "a", ["Yes"], WHEN + timedelta(minutes=2))
    notes.seal("before-we-begin", "afraid", "a", ["No"], WHEN + timedelta(minutes=4))
    base = ["--data-dir", str(store.root), "export", couple.id, "--session", session.id]
    assert main(base) == 0
    summary = capsys.readouterr().out
    assert "quiet" not in summary
    assert "onfidential" not in summary
    assert main([*base, "--include-notes"]) == 0
    out = capsys.readouterr().out
    # Its own document: "Confidential" in its first lines, and nothing of the summary's.
    assert "Confidential" in "\n".join(out.splitlines()[:3])
    assert out.startswith("# Session notes: Sam and Alex, 22 November 2026")
    assert "Agreements made in this session" not in out
    stamp = "- **19:14 (UTC+01:00), written in the console, at Defining respect, "
    assert stamp in out
    assert "Alex went \\*quiet\\*" in out
    assert "written on the couple's screen (Ctrl+O)" in out
    assert "**Plan:** Come back to work." in out
    assert "**Sam:** Yes at 19:07, then No at 19:09 ⚑ asked for care: “Yes”" in out
    assert main([*base, "--include-notes", "--format", "html"]) == 0
    assert "Confidential" in capsys.readouterr().out


async def test_facilitate_from_home_and_from_the_command_line(
    store: Store, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    app = app_for(Store(store.root), library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ConsoleScreen)
        session.finished = WHEN
        store.save_session(couple.id, session, stamp=False)
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, ConsoleScreen)
        assert any("no unfinished session" in n.message for n in app._notifications)
    assert main(["--data-dir", str(store.root), "facilitate", "nobody"]) == 2
    assert main(["--data-dir", str(store.root), "facilitate", couple.id, "--session", "x"]) == 2
    assert 'has no session "x"' in capsys.readouterr().err


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_console_snapshot(
    snap_compare: Any, store: Store, library: Library, size: tuple[int, int]
) -> None:
    """The console for Sam and Alex with Dr. Lee, at 80×24 and at 120×40: the top lines say
    "Defining respect (pack 1 of 2) · Respect in seven areas (step 4 of
    7)", "▶ Alex's turn, in
    private", and "2:07 on this step · 5 of 55 min". Left: "Now: Respect in seven areas" with
    its answers private until the reveal, "Written so far: Sam", and the step revealed before
    it with both answers (Sam's and Alex's words on respect). Right: the Notes tab with one
    earlier note stamped "19:07  What respect means to you", a half-typed note in the box, and
    "Note of 19:10 · saved" under it.
    The footer lists New note, Notes, DAP note."""
    couple, session = couple_walking(store, library)
    for minute, (step, phase) in enumerate(
        [
            ("why", "only"),
            ("meaning", "lookaway"),
            ("meaning", "first"),
            ("meaning", "handover"),
            ("meaning", "second"),
            ("meaning", "reveal"),
        ]
    ):
        move(store, couple, session, step, phase, minute * 0.5)
    answers = {
        "meaning": {"a": "Being asked, not told.", "b": "Being listened to."},
        "areas": {"a": {"Beliefs": 4}},
    }
    move(store, couple, session, "areas", "lookaway", 3, answers)
    move(store, couple, session, "areas", "second", 3.5)
    store.notes(couple.id, session.id).add_note(
        "Alex went quiet.", "respect", "meaning", WHEN + timedelta(minutes=2)
    )
    app = console_for(store, library, couple, session)

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = console(pilot.app)
        await until(pilot, lambda: screen.shown and shows(app, "Alex went quiet"))
        pane = screen.query_one(NotesPane)
        pane.box.load_text("Sam leans in")
        await until(
            pilot, lambda: pane.pad.current and not pane.pad.dirty and not pane.saver.saving
        )
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_facilitate_without_a_couple_follows_the_one_walking_now(
    store: Store, library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    from workbook.tui import console

    opened: list[tuple[str | None, str | None]] = []
    monkeypatch.setattr(
        console.ConsoleApp,
        "run",
        lambda self: opened.append((self.console_couple, self.console_session)),
    )
    # Nobody walking yet: a script is told at once; a person watching gets a console that waits.
    assert main(["--data-dir", str(store.root), "facilitate"]) == 2
    assert "no couple has an unfinished session to follow" in capsys.readouterr().err
    monkeypatch.setattr("workbook.cli.app.watched", lambda: True)
    assert main(["--data-dir", str(store.root), "facilitate"]) == 0
    couple, session = couple_walking(store, library, ("respect",))
    assert main(["--data-dir", str(store.root), "facilitate"]) == 0
    assert main(["--data-dir", str(store.root), "facilitate", "--session", session.id]) == 2
    assert "--session needs the couple" in capsys.readouterr().err
    session.finished = WHEN
    store.save_session(couple.id, session, stamp=False)
    assert main(["--data-dir", str(store.root), "facilitate", couple.id]) == 0
    assert opened == [(None, None), (couple.id, session.id), (couple.id, None)]


async def test_a_console_opened_first_waits_and_follows_the_session_that_begins(
    store: Store, library: Library
) -> None:
    """The counsellor opens the console before the couple begins (the console link of
    ``workbook serve``): it says it is waiting, and opens on the session as soon as it begins."""
    other = store.create_couple("Kim", "Lou", when=WHEN)
    app = ConsoleApp(WatchOnly(store.root), library, None, None, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        waiting = app.screen
        assert isinstance(waiting, WaitingScreen)
        await until(pilot, lambda: waiting.looked >= 1)
        assert shows(app, "Waiting for a couple to begin a session.")
        # A finished session is not one to follow.
        finished = store.new_session(other.id, ["respect"], when=WHEN)
        finished.finished = WHEN
        store.save_session(other.id, finished, stamp=False)
        store.close()
        seen = waiting.looked
        await until(pilot, lambda: waiting.looked > seen + 1)
        assert app.screen is waiting
        couple, session = couple_walking(store, library, ("respect",))
        await until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        screen = console(app)
        assert (screen.couple.id, screen.session_id) == (couple.id, session.id)
        await until(pilot, lambda: screen.shown and shows(app, "The couple has not begun yet."))


async def test_a_console_for_a_named_couple_waits_for_that_couple_only(
    store: Store, library: Library
) -> None:
    named = store.create_couple("Kim", "Lou", when=WHEN)
    app = ConsoleApp(WatchOnly(store.root), library, named.id, None, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        waiting = app.screen
        assert isinstance(waiting, WaitingScreen)
        assert shows(app, "Waiting for Kim and Lou to begin a session.")
        couple_walking(store, library, ("respect",))
        seen = waiting.looked
        await until(pilot, lambda: waiting.looked > seen + 1)
        assert app.screen is waiting
        session = store.new_session(named.id, ["respect"], when=WHEN)
        store.save_session(named.id, session, stamp=False)
        store.close()
        await until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
        screen = console(app)
        assert screen.session_id == session.id
        await until(pilot, lambda: screen.shown and shows(app, "Console · Kim and Lou"))


async def test_the_console_says_when_the_couple_has_paused_and_stops_the_step_clock(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    move(store, couple, session, "why", "only", 0)
    # Two minutes on the first step, then Esc in the couple's window.
    session.trail.append(trail.pause_entry(WHEN + timedelta(minutes=2), "respect", "why", "only"))
    store.save_session(couple.id, session, stamp=False)
    app = console_for(store, library, couple, session, clock=lambda: WHEN + timedelta(minutes=9))
    async with app.run_test(size=SIZE) as pilot:
        screen = console(app)
        await until(pilot, lambda: screen.shown and shows(app, "Paused at 19:07"))
        assert "the couple has left the session for now" in screen_text(app)
        assert shows(app, "2:00 on this step")
        # They come back: the console follows them again.
        move(store, couple, session, "why", "only", 9)
        await until(pilot, lambda: shows(app, "Both at the screen"))
        assert not shows(app, "Paused at")


async def test_after_the_session_finishes_the_console_offers_to_follow_the_next(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    move(store, couple, session, "why", "only", 0)
    session.finished = WHEN + timedelta(minutes=20)
    store.save_session(couple.id, session, stamp=False)
    app = console_for(store, library, couple, session)
    async with app.run_test(size=SIZE) as pilot:
        screen = console(app)
        await until(pilot, lambda: screen.shown and shows(app, "The session finished at"))
        assert not shows(app, "Follow their new session")
        screen.query_one(NotesPane).box.load_text("Worked well today")
        nextweek = store.new_session(couple.id, ["respect"], when=WHEN + timedelta(days=7))
        store.save_session(couple.id, nextweek, stamp=False)
        store.close()
        await until(pilot, lambda: shows(app, "Follow their new session"))
        # From the keyboard (F4), as from the button.
        await pilot.press("f4")
        await until(
            pilot, lambda: isinstance(app.screen, ConsoleScreen) and app.screen is not screen
        )
        following = console(app)
        assert following.session_id == nextweek.id
        await until(pilot, lambda: following.shown and shows(app, "The couple has not begun yet."))
    # The notes typed about the finished session were saved with it.
    assert "Worked well today" in store.notes(couple.id, session.id).path.read_text("utf-8")


async def test_signing_the_progress_note_and_adding_an_addendum(
    store: Store, library: Library
) -> None:
    couple, session = couple_walking(store, library)
    move(store, couple, session, "meaning", "first", 1)
    store.save_settings({"notes_template": "SOAP"})
    later = [NOW]
    app = console_for(store, library, couple, session, clock=lambda: later[0])
    notes = store.notes(couple.id, session.id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = console(app)
        await until(pilot, lambda: screen.shown)
        await pilot.press("f3")
        # The template from settings: its parts, the first focused.
        assert app.focused is screen.query_one("#dap-subjective")
        assert [area.id for area in screen.query(".note-part")] == [
            "dap-subjective",
            "dap-objective",
            "dap-assessment",
            "dap-plan",
        ]
        await pilot.press(*"Calmer")
        await pilot.pause()
        screen.query_one("#note-sign", Button).press()
        await until(pilot, lambda: notes.read().progress.signed == NOW)
        found = notes.read().progress
        assert (found.template, found.parts["subjective"]) == ("SOAP", "Calmer")
        await until(pilot, lambda: screen.query_one("#dap-subjective", AnswerArea).read_only)
        await pilot.pause()
        assert shows(app, "Signed 22 November 2026 at 19:10: read-only")
        # Typing into a signed part changes nothing.
        screen.query_one("#dap-subjective", AnswerArea).focus()
        await pilot.press(*"X")
        assert notes.read().progress.parts["subjective"] == "Calmer"
        later[0] = NOW + timedelta(days=1)
        screen.query_one("#note-addendum", AnswerArea).load_text("Alex phoned.")
        screen.query_one("#note-add", Button).press()
        await until(pilot, lambda: notes.read().progress.addenda)
        (addendum,) = notes.read().progress.addenda
        assert (addendum.at, addendum.text) == (NOW + timedelta(days=1), "Alex phoned.")
        await until(pilot, lambda: shows(app, "Addendum, 23 November 2026 at 19:10: Alex phoned."))
        assert notes.read().progress.signed == NOW
