"""The counsellor's note pad: a note begins with its first key, stamped then; typing changes it;
a new note starts with the next key; the DAP note is saved as typed; and kill -9 in the middle
of a save leaves a complete notes file holding every note saved before it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workbook import tomlio
from workbook.data.debounce import MAX_WAIT, QUIET
from workbook.data.notepad import NotePad
from workbook.data.notes import NotesFile

AT = datetime(2026, 11, 22, 19, 14, 2, tzinfo=timezone(timedelta(hours=1)))


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_note_is_stamped_at_its_first_key_and_updated_as_typed(tmp_path: Path) -> None:
    notes = NotesFile(tmp_path / "2026-11-22-1905.toml")
    clock = Clock()
    pad = NotePad(notes, clock)
    places = iter([("respect", "areas", AT), ("values", "values", AT + timedelta(minutes=5))])
    pad.type_note("", lambda: next(places))
    # An empty box begins nothing.
    assert pad.current is None
    assert pad.due_in() is None
    pad.type_note("Alex went", lambda: next(places))
    assert abs((pad.due_in() or 0) - QUIET) < 1e-9
    clock.now += 0.6
    pad.type_note("Alex went quiet", lambda: next(places))
    # Never later than MAX_WAIT after the first unsaved key, however the typing goes on.
    assert abs((pad.due_in() or 0) - (MAX_WAIT - 0.6)) < 1e-9
    assert pad.save()
    assert pad.due_in() is None
    pad.type_note("Alex went quiet at 'work'.", lambda: next(places))
    pad.new_note()
    pad.type_note("Values next time.", lambda: next(places))
    pad.type_dap("plan", "Come back to work.")
    assert pad.save()
    found = notes.read()
    assert [(n.at, n.pack, n.step, n.text) for n in found.notes] == [
        (AT, "respect", "areas", "Alex went quiet at 'work'."),
        (AT + timedelta(minutes=5), "values", "values", "Values next time."),
    ]
    assert found.dap["plan"] == "Come back to work."


def test_a_failed_save_keeps_what_was_typed_and_says_why(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    pad = NotePad(NotesFile(blocked / "2026-11-22-1905.toml"))
    pad.type_note("kept", lambda: ("p", "s", AT))
    assert not pad.save()
    assert pad.failure
    assert pad.dirty
    blocked.unlink()
    assert pad.save()
    assert pad.failure is None
    assert [n.text for n in pad.notes.read().notes] == ["kept"]


WRITER = """
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from workbook.data.notepad import NotePad
from workbook.data.notes import NotesFile

pad = NotePad(NotesFile(Path(sys.argv[1])))
at = datetime(2026, 11, 22, 19, 0, tzinfo=timezone.utc)
number = 0
while True:
    text = f"note {number} " + "words " * 200
    pad.type_note(text, lambda: ("respect", "areas", at + timedelta(seconds=number)))
    assert pad.save(), pad.failure
    pad.new_note()
    print(number, flush=True)
    number += 1
"""


def test_kill_9_while_saving_a_note_leaves_a_complete_file(tmp_path: Path) -> None:
    session_file = tmp_path / "sessions" / "2026-11-22-1905.toml"
    notes = NotesFile(session_file)
    for round_number, after in enumerate((0.4, 0.9)):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(session_file)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        printed = [writer.stdout.readline()]  # it has saved its first note
        time.sleep(after)
        writer.send_signal(signal.SIGKILL)
        printed += writer.stdout.read().split()
        writer.wait(10)
        last = int(printed[-1])
        table = tomlio.loads(notes.path.read_text(encoding="utf-8"))  # complete: it parses
        numbers = [int(note["text"].split()[1]) for note in table["notes"]]
        # Each round numbers its notes from 0: this round's are from its 0 on. Every note up to
        # the last save that completed is there, and at most one more (killed after its save).
        this_round = numbers[[i for i, n in enumerate(numbers) if n == 0][round_number] :]
        assert this_round[: last + 1] == list(range(last + 1)), (round_number, last)
        assert len(this_round) in (last + 1, last + 2)
    leftovers = [p for p in os.listdir(notes.path.parent) if p.endswith(".tmp")]
    assert len(leftovers) <= 3  # a killed save may leave its temp file, swept later
