"""``workbook facilitate COUPLE``: the counsellor's console as an app of its own (waiting for a
session to begin when there is none yet), and the way Home opens it for the highlighted couple."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook.data.store import Store
from workbook.tui.app import WorkbookApp

if TYPE_CHECKING:
    from workbook.data.models import Couple

NO_SESSION = (
    "{names} have no unfinished session to follow. Start one in the couple's window, then open "
    "the console again."
)


class ConsoleApp(WorkbookApp):
    """The console alone, for a second window: no Home underneath."""

    def __init__(
        self,
        store: Store,
        library: Any,
        couple_id: str | None,
        session_id: str | None,
        *,
        theme: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(store, library, theme=theme)
        self.console_couple = couple_id
        self.console_session = session_id
        self.console_clock = clock

    def open_first_screen(self) -> None:
        if self.console_couple is None or self.console_session is None:
            # Nothing to follow yet: wait for the couple (or any couple) to begin.
            from workbook.tui.screens.waiting import WaitingScreen

            def opens(couple: Couple, session_id: str) -> Any:
                return console_screen(self, couple, session_id, self.console_clock)

            self.push_screen(WaitingScreen(self.store, self.console_couple, opens))
            return
        couple = self.store.load_couple(self.console_couple)
        self.push_screen(console_screen(self, couple, self.console_session, self.console_clock))


def console_screen(
    app: WorkbookApp,
    couple: Couple,
    session_id: str,
    clock: Callable[[], datetime] | None = None,
) -> Any:
    from workbook.tui.screens.console import ConsoleScreen

    def library() -> Any:
        return app.library.packs

    if clock is None:
        return ConsoleScreen(app.store, couple, session_id, library)
    return ConsoleScreen(app.store, couple, session_id, library, clock=clock)


def open_console(app: WorkbookApp, couple: Couple) -> None:
    """Home's Facilitate: the console for the couple's latest unfinished session."""
    from workbook.service.sessions import current_session

    session_id = current_session(app.store, couple.id)
    if session_id is None:
        names = " and ".join(couple.names)
        app.notify(NO_SESSION.format(names=names), severity="warning", markup=False)
        return
    app.push_screen(console_screen(app, couple, session_id))
