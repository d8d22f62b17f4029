"""``workbook facilitate COUPLE``: the counsellor's console as an app of its own, waiting for a
session to begin when there is none yet. (Home opens it for the highlighted couple through the
app's ``open_console``.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook.data.store import Store
from workbook.service import caseload
from workbook.service.errors import ServiceError
from workbook.tui.actions import bindings
from workbook.tui.app import WorkbookApp
from workbook.tui.served import ServerSaid, seat_names, seats

if TYPE_CHECKING:
    from workbook.data.models import Couple


class ConsoleApp(WorkbookApp):
    """The console alone, for a second window: no Home underneath."""

    BINDINGS = bindings("console-app")

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

    def home_first(self) -> bool:
        return False

    def open_first_screen(self) -> None:
        from workbook.tui.screens.console_open import console_screen

        if self.console_couple is None or self.console_session is None:
            # Nothing to follow yet: wait for the couple (or any couple) to begin.
            from workbook.tui.screens.waiting import WaitingScreen

            def opens(couple: Couple, session_id: str) -> Any:
                return console_screen(self, couple, session_id, self.console_clock)

            self.push_screen(WaitingScreen(self.store, self.console_couple, opens))
            return
        couple = caseload.load(self.store, self.console_couple)
        self.push_screen(console_screen(self, couple, self.console_session, self.console_clock))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new_link":
            # Only a console that workbook serve opened can have new links made.
            return bool(seats())
        return super().check_action(action, parameters)

    def action_new_link(self) -> None:
        from workbook.tui.screens.new_link import NewLinkScreen

        if not isinstance(self.screen, NewLinkScreen):
            self.push_screen(NewLinkScreen(seats(), self.followed_names()))

    def followed_names(self) -> tuple[str, str] | None:
        """The names of the couple this console follows, once it follows one."""
        for screen in reversed(self.screen_stack):
            couple = getattr(screen, "couple", None)
            names = getattr(couple, "names", None)
            if isinstance(names, tuple) and len(names) == 2:
                return (str(names[0]), str(names[1]))
        if self.console_couple is None:
            return seat_names()
        try:
            return caseload.load(self.store, self.console_couple).names
        except ServiceError:
            # Unreadable for now: the names the server gave with its seats, if it gave them.
            return seat_names()

    def on_server_said(self, message: ServerSaid) -> None:
        from workbook.tui.screens.new_link import NewLinkScreen

        if message.what == "workbook_link" and isinstance(self.screen, NewLinkScreen):
            fields = message.fields
            title, url = str(fields.get("title", "")), str(fields.get("url", ""))
            self.screen.show_link(title, url, str(fields.get("seat", "")))
