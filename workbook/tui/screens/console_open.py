"""Opening the counsellor's console for a couple's session, in the app's data folder: from
Home's Facilitate, from ``workbook facilitate``, and when a waited-for session begins."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from workbook.data.models import Couple
from workbook.i18n.catalog import N_
from workbook.packs.load import LoadedPack
from workbook.tui.host import Host
from workbook.tui.screens.console import ConsoleScreen

NO_SESSION = N_(
    "{names} have no unfinished session to follow. Start one in the couple's window, then open "
    "the console again."
)


def console_screen(
    host: Host,
    couple: Couple,
    session_id: str,
    clock: Callable[[], datetime] | None = None,
) -> ConsoleScreen:
    """The console for ``session_id`` of ``couple``, in ``host``'s data folder, reading the
    pack library only when a session needs it."""

    def library() -> Mapping[str, LoadedPack]:
        return host.library.packs

    if clock is None:
        return ConsoleScreen(host.store, couple, session_id, library)
    return ConsoleScreen(host.store, couple, session_id, library, clock=clock)
