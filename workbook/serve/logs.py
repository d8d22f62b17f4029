"""What ``workbook serve`` writes to its terminal: its links, warnings, and errors told without
the couple's words (DESIGN.md section 9b).

textual-serve logs through a rich handler that prints each traceback with its local variables,
where an answer being typed can sit; the counsellor's scrollback would keep it. Here an error is
its type and where it happened (file, line, function), never its message or a variable.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def where(error: BaseException) -> str:
    """An error as its type and the places it passed through: no message, no values."""
    frames = traceback.extract_tb(error.__traceback__)
    places = [f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}" for frame in frames]
    said = type(error).__name__
    return said if not places else f"{said}, at " + " < ".join(reversed(places[-6:]))


class PlainFormatter(logging.Formatter):
    """A log line, and for an error its type and places only."""

    def formatException(self, ei: Any) -> str:
        error = ei[1] if isinstance(ei, tuple) and len(ei) == 3 else None
        return "  " + (where(error) if isinstance(error, BaseException) else "an error")

    def format(self, record: logging.LogRecord) -> str:
        # The message of a library's log record may quote what it was given; only the format
        # string is the library's own, so the arguments are left out where an error is told.
        if record.exc_info and record.args:
            record = logging.makeLogRecord({**record.__dict__, "args": None})
            record.msg = str(record.msg).split("%", 1)[0].rstrip(" :")
        return super().format(record)


def plain_logging() -> None:
    """Log warnings and errors to the terminal, each error told plainly."""
    handler = logging.StreamHandler()
    handler.setFormatter(PlainFormatter("workbook serve: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
