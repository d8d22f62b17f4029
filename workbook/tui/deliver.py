"""Documents for the person at the screen: in a terminal they are files in the data folder; in
a browser (``workbook serve``) each also goes to the browser as a download, since the server's
disk is out of the browser user's reach. The one place that knows the difference."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from textual.app import App

from workbook.tui.host import tr_of


def hand_over(app: App[Any], written: list[tuple[Path, str]]) -> str:
    """Tell the person where ``written`` (path, text) went, delivering it first in a browser;
    returns the notice's text."""
    tr = tr_of(app)
    if not getattr(app, "served", False):
        listed = "\n".join(str(path) for path, _text in written)
        return tr._("Written:\n{files}").format(files=listed)
    for path, text in written:
        # A StringIO has no name, so the name is given; the text is sent as it was written.
        app.deliver_text(io.StringIO(text), save_filename=path.name, encoding="utf-8")
    names = ", ".join(path.name for path, _text in written)
    return tr._("Sent to your browser as downloads: {files}").format(files=names)
