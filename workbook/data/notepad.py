"""What a counsellor is typing into the notes file, saved as it is typed (DESIGN.md section 3.8).

A note begins with its first key: it is stamped then with the time and the couple's place, and
further typing changes that note. ``new_note`` ends it, and the next key begins another. The
progress note's parts (DAP, SOAP or BIRP) are saved the same way. Saving follows the one rule of
``data/debounce.py``, as the session recorder does.

A window saves from a background thread so that typing never waits for the disk or for the other
window's hold on the notes file's lock: the pad's state is guarded by a lock, a save works on a
copy, and a key typed during a save is saved by the next one.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from workbook.data.debounce import Debounce
from workbook.data.durable import SaveError
from workbook.data.notes import CONSOLE, NotesFile
from workbook.data.progress_note import DEFAULT_TEMPLATE, TEMPLATES
from workbook.reading import reason_for


@dataclass
class Draft:
    """One note as it is being written: its stamp, and what is typed so far."""

    at: datetime
    pack: str
    step: str
    text: str = ""
    # Where the note is in the file, once it is there.
    index: int | None = None
    version: int = 0
    saved_version: int = 0


class NotePad:
    """The note being written and the DAP note, for one session's notes file."""

    def __init__(
        self, notes: NotesFile, clock: Callable[[], float] = time.monotonic, origin: str = CONSOLE
    ) -> None:
        self.notes = notes
        # Where the notes are written: the console, or the couple's screen (``notes.ORIGINS``).
        self.origin = origin
        self._clock = clock
        self._state = threading.Lock()
        self._one_save = threading.Lock()
        self.current: Draft | None = None
        self._drafts: list[Draft] = []
        self._dap: dict[str, tuple[str, int]] = {}
        self._dap_saved: dict[str, int] = {}
        self._versions = 0
        self._debounce = Debounce(clock)
        # The progress note's template: its parts are what ``type_dap`` takes.
        self.template = DEFAULT_TEMPLATE
        # Why the last save failed, while it keeps failing; None once a save succeeds.
        self.failure: str | None = None
        self.saved_at: float | None = None

    # Typing

    def type_note(self, text: str, place: Callable[[], tuple[str, str, datetime]]) -> None:
        """The note box now holds ``text``. The first key of a note stamps it with ``place()``:
        the couple's pack and step, and the time."""
        with self._state:
            if self.current is None:
                if not text.strip():
                    return
                pack, step, at = place()
                self.current = Draft(at, pack, step)
                self._drafts.append(self.current)
            if self.current.text == text:
                return
            self.current.text = text
            self.current.version = self._bump()

    def new_note(self) -> Draft | None:
        """End the note being written (it is still saved); the next key begins another.
        Returns the note that was ended, if any."""
        with self._state:
            ended, self.current = self.current, None
        return ended

    def type_dap(self, part: str, text: str) -> None:
        """A part of the progress note, in the pad's template, now holds ``text``."""
        if part not in TEMPLATES[self.template]:
            raise ValueError(f"no {self.template} part {part!r}")
        with self._state:
            if part in self._dap and self._dap[part][0] == text:
                return
            self._dap[part] = (text, self._bump())

    def load_dap(self, dap: dict[str, str], template: str = DEFAULT_TEMPLATE) -> None:
        """What the file's progress note holds, in ``template``, as the starting point:
        nothing to save yet."""
        with self._state:
            self.template = template if template in TEMPLATES else DEFAULT_TEMPLATE
            self._dap.clear()
            self._dap_saved.clear()
            for part in TEMPLATES[self.template]:
                self._dap[part] = (dap.get(part, ""), 0)
                self._dap_saved[part] = 0

    def _bump(self) -> int:
        # Called with the state lock held.
        self._versions += 1
        self._debounce.changed()
        return self._versions

    # Saving

    @property
    def dirty(self) -> bool:
        with self._state:
            return self._dirty()

    def _dirty(self) -> bool:
        return any(d.version != d.saved_version for d in self._drafts) or any(
            version != self._dap_saved.get(part) for part, (_, version) in self._dap.items()
        )

    def due_in(self) -> float | None:
        """Seconds until the next save is due (0 or less: now), or None when all is saved."""
        with self._state:
            return self._debounce.due_in()

    def save(self) -> bool:
        """Save what changed since the last save. True when all of it is saved; False when a
        save failed, and ``failure`` says why. Safe to call from any thread."""
        with self._one_save:
            with self._state:
                drafts = [
                    (d, d.text, d.version) for d in self._drafts if d.version != d.saved_version
                ]
                dap = {
                    part: (text, version)
                    for part, (text, version) in self._dap.items()
                    if version != self._dap_saved.get(part)
                }
            try:
                for draft, text, version in drafts:
                    if draft.index is None:
                        if not text.strip():
                            draft.saved_version = version
                            continue
                        draft.index = self.notes.add_note(
                            text, draft.pack, draft.step, draft.at, self.origin
                        )
                    else:
                        self.notes.set_note_text(draft.index, draft.at, text)
                    draft.saved_version = version
                for part, (text, version) in dap.items():
                    self.notes.set_part(self.template, part, text)
                    self._dap_saved[part] = version
            except SaveError as error:
                self.failure = error.reason
                return False
            except OSError as error:
                self.failure = str(reason_for(error))
                return False
            with self._state:
                self.failure = None
                self.saved_at = self._clock()
                # Drafts that were ended and are saved need not be kept.
                self._drafts = [
                    d for d in self._drafts if d is self.current or d.version != d.saved_version
                ]
                # Keys typed while this save ran: the next one is due on the usual rule.
                self._debounce.saved(more=self._dirty())
            return True
