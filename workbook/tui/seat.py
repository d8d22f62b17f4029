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
        open; True when the seat is open."""
        if self.seat is not None:
            return True
        if self._chosen:
            return False
        session_id = apart.find(self.store, self.couple.id)
        if session_id is None:
            return False
        self.open_seat(session_id)
        return True

    @work(exclusive=True, group="agenda")
    async def _choose(self) -> None:
        from workbook.tui.screens.agenda import AgendaScreen

        first_time = not self.store.session_ids(self.couple.id)
        agenda = await self.push_screen_wait(
            AgendaScreen(self.couple, self.library, first_time=first_time)
        )
        self._chosen = bool(agenda)
        if self.seat is not None:
            return
        if not agenda:
            # This window is for this couple's session only: the agenda again.
            self._choose()
            return
        loaded = [self.library.version(pack_id, self.couple.language) for pack_id in agenda]
        try:
            session_id = apart.begin(self.store, self.couple, loaded)
        except SaveError as error:
            said = self.tr._("The session could not be started: {problem}")
            self.notify(said.format(problem=said_in(error, self.tr)), markup=False)
            self._chosen = False
            self._choose()
            return
        self.open_seat(session_id)

    def open_seat(self, session_id: str) -> None:
        if self.seat is not None:
            return
        from workbook.logic.session_packs import session_packs
        from workbook.tui.screens.agenda import AgendaScreen
        from workbook.tui.screens.apart import ApartScreen

        try:
            session = self.store.peek_session(self.couple.id, session_id)
            found = session_packs(session, self.store, self.library.packs)
        except DataError as error:
            self.notify(said_in(error, self.tr), severity="error", markup=False)
            return
        packs = [used.pack for used in found.values() if used.pack is not None]
        if not packs:
            self.notify(self.tr._("None of this session's packs can be read."), markup=False)
            return
        self.seat = apart.Seat(self.store, self.couple, session_id, packs, self.partner, self.now)
        if isinstance(self.screen, AgendaScreen) and not self._chosen:
            # The other seat began the session: this one's agenda gives way to it.
            self.screen.dismiss(None)
        self.push_screen(ApartScreen(self.seat))
