"""A partner's own answers file in an apart session: ``sessions/<id>.a.toml`` and ``.b.toml``
(DESIGN.md section 5).

In an apart session each partner answers on a seat of their own. Their private and sealed
answers are kept here, in a file only their own seat's process reads, until the step is
revealed; then they move into the session file (``service/apart.py``) and leave this one. The
file has the session file's shape, with only its partner's key:

    format = 1
    partner = "a"
    [answers.respect.meaning]
    a = "Being asked, not told."

Every change is a read-modify-write under the file's own sidecar lock, written durably
(``places.write_atomic``: temp file, fsync, replace, 0600; sealed in an encrypted folder).
Reading is lenient: what cannot be read is left out and stays in the file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from workbook.data import model_files, vault
from workbook.data.durable import SaveError, private_folder
from workbook.data.files import DataError, read_table
from workbook.data.locks import Busy, file_lock, release
from workbook.data.places import write_atomic
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.reading import reason_for

LOCK_WAIT_SECONDS = 10.0
PARTNERS = ("a", "b")
LINK = Words(N_("it is a link, which workbook never writes through"))
BUSY = Words(N_("another window is busy saving; try again"))


def seat_path(session_file: Path, partner: str) -> Path:
    """``<id>.a.toml`` (or ``.b.toml``) beside ``<id>.toml``."""
    if partner not in PARTNERS:
        raise ValueError(f"no partner {partner!r}")
    return session_file.with_name(f"{session_file.stem}.{partner}.toml")


class SeatAnswers:
    """One partner's own answers file."""

    def __init__(self, session_file: Path, partner: str) -> None:
        self.path = seat_path(session_file, partner)
        self.partner = partner

    def read(self) -> dict[str, dict[str, Any]]:
        """The answers kept here, ``answers[pack][step]`` = this partner's value; nothing when
        there is no file, or it cannot be read (it is then left as it is)."""
        if not vault.exists(self.path) or vault.disk(self.path).is_symlink():
            return {}
        try:
            table = read_table(self.path)
        except DataError:
            return {}
        return _answers(table, self.partner)

    def value(self, pack: str, step: str) -> Any:
        """This partner's answer to one step, or None."""
        return self.read().get(pack, {}).get(step)

    def put(self, pack: str, step: str, value: Any) -> None:
        """Keep this partner's answer to one step. Raises ``SaveError``."""

        def change(table: dict[str, Any]) -> None:
            steps = _table(_table(table, "answers"), pack)
            steps[step] = {self.partner: value}

        self.change(change)

    def take(self, keys: list[tuple[str, str]]) -> None:
        """Remove the answers of steps that have been revealed (they are in the session file
        now). Raises ``SaveError``."""
        if not vault.exists(self.path):
            return

        def change(table: dict[str, Any]) -> None:
            answers = _table(table, "answers")
            for pack, step in keys:
                steps = answers.get(pack)
                if isinstance(steps, dict):
                    steps.pop(step, None)
                    if not steps:
                        answers.pop(pack, None)

        self.change(change)

    def change(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply ``change`` to the table on disk and save it, under the file's lock."""
        with self._locked():
            table = self._current()
            change(table)
            table["format"] = table.get("format", FORMAT)
            table["partner"] = self.partner
            write_atomic(self.path, model_files.dumps(self.path, table))

    def _current(self) -> dict[str, Any]:
        if not vault.exists(self.path):
            return {"format": FORMAT}
        if vault.disk(self.path).is_symlink():
            raise SaveError(self.path, LINK)
        try:
            return read_table(self.path)
        except DataError as error:
            raise SaveError(
                self.path, Words(N_("it cannot be read ({problem})"), problem=error.problem)
            ) from error

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock_path = vault.lock_file(self.path)
        try:
            private_folder(self.path.parent)
            lock = file_lock(lock_path, LOCK_WAIT_SECONDS)
        except Busy as error:
            raise SaveError(self.path, BUSY) from error
        except OSError as error:
            unusable = Words(N_("its lock cannot be used: {problem}"), problem=reason_for(error))
            raise SaveError(self.path, unusable) from error
        try:
            yield
        finally:
            release(lock)


def _answers(table: dict[str, Any], partner: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    answers = table.get("answers")
    if not isinstance(answers, dict):
        return found
    for pack, steps in answers.items():
        if not isinstance(steps, dict):
            continue
        for step, kept in steps.items():
            if isinstance(kept, dict) and partner in kept:
                found.setdefault(pack, {})[step] = kept[partner]
    return found


def _table(parent: dict[str, Any], key: str) -> dict[str, Any]:
    found = parent.get(key)
    if not isinstance(found, dict):
        found = parent[key] = {}
    return found
