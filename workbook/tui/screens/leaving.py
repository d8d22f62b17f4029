"""The ways out of a walk: finishing at the end of the agenda, ending the session now, and
pausing. Each saves first, and asks before anything unsaved would be lost.

"End the session now" asks once, then finishes the session where it stands: the recorder marks
the steps not reached on the trail, agreements already confirmed stay, and the couple sees the
Done screen, the same however the session was ended.
"""

from __future__ import annotations

from textual import work
from textual.content import Content

from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.i18n.catalog import N_, SOURCE_TRANSLATIONS, Translations
from workbook.service import sessions
from workbook.service.recorder import SessionRecorder
from workbook.tui.autosave import Autosave
from workbook.tui.host import WorkbookScreen
from workbook.tui.screens.confirm import ConfirmScreen

END_QUESTION = N_(
    "End the session here for today?\n\n"
    "What you have not reached yet is marked as not reached, and you can choose it another "
    "time. Agreements you have both confirmed stay."
)


def ask_to_end(tr: Translations = SOURCE_TRANSLATIONS) -> ConfirmScreen:
    return ConfirmScreen(
        Content(tr.gettext(END_QUESTION)),
        tr._("End here for today"),
        tr._("Go on with the session"),
    )


class LeavableScreen(WorkbookScreen[None]):
    """A screen that walks a session: the walk screen is one."""

    store: Store
    couple: Couple
    recorder: SessionRecorder
    autosave: Autosave

    @work(exclusive=True, group="leave")
    async def finish(self) -> None:
        self.recorder.finish()
        await self._close()

    @work(exclusive=True, group="leave")
    async def action_end_now(self) -> None:
        """End the session here, once asked; the steps not reached are marked as such."""
        if await self.app.push_screen_wait(ask_to_end(self.tr)):
            self.recorder.end_now()
            await self._close()

    async def _close(self) -> None:
        from workbook.tui.screens.done import DoneScreen

        if not await self.settle("Finish"):
            self.recorder.unfinish()
            return
        session = self.recorder.session
        sessions.release(self.store, self.couple.id, session.id)
        # Not awaited: this worker belongs to the screen being replaced.
        self.app.switch_screen(DoneScreen(self.store, self.couple, session))

    def may_pause(self) -> bool:
        """False when something is said first (the walk: what would stay behind)."""
        return True

    @work(exclusive=True, group="leave")
    async def action_pause(self) -> None:
        if not self.may_pause():
            return
        self.recorder.leave()
        if await self.settle("Leave"):
            sessions.release(self.store, self.couple.id, self.recorder.session.id)
            resume = self.wb.keys_for("pause.resume")
            said = self.tr._("Paused, and all saved. Press {keys} to carry on where you left off.")
            self.app.notify(said.format(keys=resume), markup=False)
            self.dismiss()

    async def settle(self, leaving: str) -> bool:
        """Save before leaving; True when it is all right to leave (see ``ask_before_leaving``)."""
        from workbook.tui.screens.unsaved import ask_before_leaving

        return await ask_before_leaving(self.app, self.autosave, leaving)
