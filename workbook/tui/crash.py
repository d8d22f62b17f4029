"""A served app's crash, told without the couple's words (DESIGN.md section 9b).

Textual prints an unexpected error as a traceback with each frame's local variables; served,
that text reaches the terminal where ``workbook serve`` runs, and an answer being typed is one
of those variables. A served app says instead what failed and where (file, line, function):
never a value, never the error's message (which may quote what was typed).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App

from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations


def plain_error(error: BaseException | None, tr: Translations = SOURCE_TRANSLATIONS) -> str:
    """The error's type and the places it passed through, nothing of its values; in the
    words of ``tr`` (the file, line and function names are the code's, in English)."""
    if error is None:
        return tr._("workbook stopped on an unexpected error.")
    frames = traceback.extract_tb(error.__traceback__)
    places = [f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}" for frame in frames]
    if not places:
        said = tr._("workbook stopped on an unexpected error: {error}.")
        return said.format(error=type(error).__name__)
    said = tr._("workbook stopped on an unexpected error: {error}, at {places}.")
    return said.format(error=type(error).__name__, places=" < ".join(reversed(places[-6:])))


def _words(app: App[Any]) -> Translations:
    """The words of the screen the app was showing, or English when they cannot be had."""
    try:
        tr = getattr(app, "tr", SOURCE_TRANSLATIONS)
    except Exception:  # a crash may leave the screens in any state
        return SOURCE_TRANSLATIONS
    return tr if isinstance(tr, Translations) else SOURCE_TRANSLATIONS


def plain_crashes(app: App[Any]) -> None:
    """Make ``app`` tell an unexpected error plainly (its own instance only)."""

    def fatal_error() -> None:
        error = sys.exc_info()[1] or app._exception
        app.bell()
        app._exit_renderables.append(Text(plain_error(error, _words(app))))
        app._close_messages_no_wait()

    # Textual's own method, replaced on this instance only: the one that renders the locals.
    app._fatal_error = fatal_error  # type: ignore[method-assign]
