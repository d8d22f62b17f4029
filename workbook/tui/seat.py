"""A partner's own seat (``serve --couple``'s link for one partner): the workbook that shows one
couple's apart session as this partner sees it, and nothing else (no Home, no caseload).

It joins the couple's unfinished apart session; with none, it offers the agenda, and the
first seat to start one begins it (the other seat, at its agenda or not, joins it at once).
An encrypted folder asks for its passphrase first, as the workbook does.
"""

from __future__ import annotations

from typing import Any

from textual import work

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.i18n.catalog import Translations, translations
from workbook.i18n.said import said_in
from workbook.service import apart
from workbook.tui.app import WorkbookApp

JOIN_POLL = 0.5


class SeatApp(WorkbookApp):
    def __init__(self, store: Any, library: Any, *, couple_id: str, partner: str, **kw: Any):
        super().__init__(store, library, couple_id=couple_id, **kw)
        self.partner = partner
        self.seat: apart.Seat | None = None
        # The agenda has been answered: this window begins (or joins) the session itself.
        self._chosen = False
        # Sessions found that could not be opened: not tried again by this window.
        self._unreadable: set[str] = set()

    def couple_translations(self) -> Translations | None:
        """This window is the couple's: every screen in it speaks their language, the agenda
        before the session included (the app's until the couple is read)."""
        couple = getattr(self, "couple", None)
        if couple is None:
            return super().couple_translations()
        return translations(couple.language) if couple.language else self.app_translations

    def open_first_screen(self) -> None:
        try:
            self.couple = self.store.load_couple(self.start_couple or "")
        except (DataError, ValueError) as error:
            self.notify(said_in(error, self.tr), severity="error", markup=False)
            return
        if not self._join():
            self._choose()
            self.set_interval(JOIN_POLL, self._join)

    def _join(self) -> bool:
        """Open the couple's unfinished apart session, if there is one and this seat has none
        open; True when the seat is open. A session that could not be opened is not tried
        again (it was said once; the agenda can begin another)."""
        if self.seat is not None:
            return True
        if self._chosen:
            return False
        session_id = apart.find(self.store, self.couple.id, self._unreadable)
        if session_id is None:
            return False
        return self.open_seat(session_id)

    @work(exclusive=True, group="agenda")
    async def _choose(self) -> None:
        """The agenda, again and again until this seat is open: this window is for this
        couple's session only. Left empty, it comes back; a session that cannot be begun (or
        opened) is said, and it comes back. One worker for all of it (a worker that started
        itself again would cancel itself, being of the same exclusive group)."""
        from workbook.tui.screens.agenda import AgendaScreen

        while self.seat is None:
            first_time = not self.store.session_ids(self.couple.id)
            agenda = await self.push_screen_wait(
                AgendaScreen(self.couple, self.library, first_time=first_time)
            )
            self._chosen = bool(agenda)
            if self.seat is not None or not agenda:
                # Open: the other seat began the session meanwhile. Empty: the agenda again.
                continue
            session_id = self._begin(agenda)
            if session_id is None or not self.open_seat(session_id):
                self._chosen = False

    def _begin(self, agenda: list[str]) -> str | None:
        """Begin the apart session of ``agenda``; None, and said, when it cannot be saved."""
        loaded = [self.library.version(pack_id, self.couple.language) for pack_id in agenda]
        try:
            return apart.begin(self.store, self.couple, loaded, self._unreadable)
        except SaveError as error:
            said = self.tr._("The session could not be started: {problem}")
            problem = said_in(error, self.tr)
            self.notify(said.format(problem=problem), severity="error", timeout=10, markup=False)
            return None

    def open_seat(self, session_id: str) -> bool:
        """Open this seat at ``session_id``; False, and said, when it cannot be read."""
        if self.seat is not None:
            return True
        from workbook.logic.session_packs import session_packs
        from workbook.tui.screens.agenda import AgendaScreen
        from workbook.tui.screens.apart import ApartScreen

        try:
            session = self.store.peek_session(self.couple.id, session_id)
            found = session_packs(session, self.store, self.library.packs)
        except DataError as error:
            self._unreadable.add(session_id)
            self.notify(said_in(error, self.tr), severity="error", markup=False)
            return False
        packs = [used.pack for used in found.values() if used.pack is not None]
        if not packs:
            self._unreadable.add(session_id)
            self.notify(self.tr._("None of this session's packs can be read."), markup=False)
            return False
        self.seat = apart.Seat(self.store, self.couple, session_id, packs, self.partner, self.now)
        if isinstance(self.screen, AgendaScreen) and not self._chosen:
            # The other seat began the session: this one's agenda gives way to it.
            self.screen.dismiss(None)
        self.push_screen(ApartScreen(self.seat))
        return True
