"""The app's answers to what screens ask about sessions (``tui/messages.py``): a new couple, the
agenda, beginning and resuming a session, the review, export and the console. Each is one call
of a service (``service/sessions.py``), and the screens it opens, in the couple's window
(``screens/pause.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work

from workbook.i18n.said import Listed, Words, said_in
from workbook.service import caseload, sessions
from workbook.service.errors import NotFound, ServiceError
from workbook.tui import messages
from workbook.tui.caseload_flows import CaseloadFlows

if TYPE_CHECKING:
    from workbook.data.models import Couple


class SessionFlows(CaseloadFlows):
    """The flows between screens of a couple's session (and, below, Home's changes)."""

    @on(messages.AddCouple)
    def _add_couple(self) -> None:
        self.new_couple()

    @on(messages.OpenAgenda)
    def _open_agenda(self, message: messages.OpenAgenda) -> None:
        self.open_agenda(message.couple)

    @on(messages.ResumeSession)
    def _resume(self, message: messages.ResumeSession) -> None:
        self.resume(message.couple)

    @on(messages.ExportDocuments)
    def _export(self, message: messages.ExportDocuments) -> None:
        self.export(message.couple)

    @on(messages.ReviewAgreements)
    def _review(self, message: messages.ReviewAgreements) -> None:
        self.review(message.couple)

    @on(messages.OpenConsole)
    def _console(self, message: messages.OpenConsole) -> None:
        self.open_console(message.couple)

    @work
    async def new_couple(self, then: Sequence[str] = ()) -> None:
        """Add a couple, then open their agenda, or walk the packs ``then`` straight away."""
        from workbook.tui.screens.new_couple import NewCoupleScreen

        names = await self.push_screen_wait(NewCoupleScreen())
        if names is None:
            return
        a, b, facilitator, language = names
        try:
            couple = caseload.add(self.store, a, b, facilitator, language)
        except ServiceError as error:
            self.notify(error.said(self.tr), severity="error", markup=False)
            return
        self.refresh_home()
        self.open_agenda(couple, then)

    def open_agenda(self, couple: Couple, packs: Sequence[str] = ()) -> None:
        """The care note if the couple has not seen it, then the agenda, or ``packs`` if named:
        in the couple's window (``enter_couple_window``)."""
        try:
            caseload.require_writable(self.store, couple.id)
        except ServiceError as refused:
            title = self.tr._("Read-only")
            self.notify(
                refused.said(self.tr), title=title, severity="warning", timeout=15, markup=False
            )
            return
        self.enter_couple_window(couple)
        self._agenda(couple, packs)

    def enter_couple_window(self, couple: Couple) -> None:
        """Put the couple's window (``screens/pause.py``) above Home, unless it is there: from
        now on, every screen for this couple comes back to it, never to the caseload."""
        from workbook.tui.screens.pause import PauseScreen

        if not any(isinstance(screen, PauseScreen) for screen in self.screen_stack):
            self.push_screen(PauseScreen(couple), lambda _: self._left_couple_window(couple))

    def _left_couple_window(self, couple: Couple) -> None:
        from workbook.tui.screens.home import HomeScreen

        # Back on the caseload, the couple just seen stays chosen.
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.choose_when_read(couple.id)

    @work
    async def _agenda(self, couple: Couple, packs: Sequence[str] = ()) -> None:
        from workbook.tui.screens.agenda import AgendaScreen
        from workbook.tui.screens.care import CareScreen

        if not couple.care_note_seen:
            await self.push_screen_wait(CareScreen(couple.facilitator))
            try:
                caseload.care_note_seen(self.store, couple)
            except ServiceError as error:
                self.notify(error.said(self.tr), severity="error", markup=False)
        if packs:
            self.begin(couple, list(packs))
            return
        first_time = sessions.first_time(self.store, couple.id)
        agenda = await self.push_screen_wait(
            AgendaScreen(couple, self.library, first_time=first_time)
        )
        if agenda:
            self.begin(couple, agenda)

    def begin(self, couple: Couple, agenda: list[str]) -> None:
        """Start a new session with ``agenda``, each pack in the couple's language where it is
        written in it, and walk it; a check-in reviews the agreements due first."""
        packs = self.library.in_language(couple.language)
        try:
            walked = sessions.begin(self.store, couple, agenda, packs)
        except ServiceError as error:
            self.notify(error.said(self.tr), severity="error", markup=False)
            return
        self._walk(couple, walked)
        self._review_due_first(couple, walked)

    def _review_due_first(self, couple: Couple, walked: sessions.Walked) -> None:
        """At the start of a check-in, and when one is resumed, the agreements still due for
        review come first: how did they go? Each review is kept as part of the session."""
        if not walked.recurring or walked.read_only is not None:
            return
        book = sessions.due_for_review(self.store, couple, self.today)
        if book is not None:
            from workbook.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(book, due_only=True, session=walked.session.id))

    def resume(self, couple: Couple) -> None:
        """Open the couple's latest unfinished session where it was left, with its packs as they
        were when it began."""

        def warn(text: Words, title: str) -> None:
            tr = self.tr
            said = text.said(tr)
            self.notify(
                said, title=tr.gettext(title) if title else "", severity="warning", markup=False
            )

        try:
            walked = sessions.resume(self.store, couple, lambda: self.library.packs, warn)
        except ServiceError as error:
            if isinstance(error, NotFound):
                new = self.keys_for("pause.new-session", "s")
                said = self.tr._("{problem} Start a new one with {keys}.")
                self.notify(said.format(problem=error.said(self.tr), keys=new), markup=False)
            else:
                self.notify(error.said(self.tr), severity="error", markup=False)
            return
        self._walk(couple, walked)
        # A check-in paused during or after its review: what is still due comes first again.
        self._review_due_first(couple, walked)

    def _walk(self, couple: Couple, walked: sessions.Walked) -> None:
        from workbook.tui.screens.walk import WalkScreen

        self.enter_couple_window(couple)
        screen = WalkScreen(self.store, couple, walked.session, walked.packs, walked.read_only)
        self.push_screen(screen)

    def start(self, couple_id: str, pack_ids: list[str]) -> None:
        """``workbook start``: straight into a session, or the agenda if no packs were named."""
        try:
            couple = caseload.load(self.store, couple_id)
        except ServiceError as error:
            self.notify(error.said(self.tr), severity="error", markup=False)
            return
        self.open_agenda(couple, pack_ids)

    def review(self, couple: Couple) -> None:
        """Go through the couple's agreements together: keep, change or let go."""
        from workbook.data.files import DataError
        from workbook.tui.screens.review import ReviewScreen

        try:
            screen = ReviewScreen(sessions.agreements(self.store, couple, self.today))
        except DataError as error:
            self.notify(said_in(error, self.tr), severity="error", markup=False)
            return
        self.push_screen(screen, lambda _: self.refresh_home())

    def export(self, couple: Couple) -> None:
        """Write the agreement document and the latest session's summary, and say where. In an
        encrypted folder, where those are sealed, offer a plain copy in a folder of the couple's
        choosing (or, in a browser, the downloads), and say that it is not encrypted."""
        from workbook.tui.deliver import hand_over

        try:
            written = sessions.write_documents(self.store, couple, self.library.packs, self.today())
        except ServiceError as error:
            self.notify(error.said(self.tr), severity="error", markup=False)
            return
        _ = self.tr._
        if written.problems:
            said = _("Left out, as it could not be read: {problems}")
            # TRANSLATORS: between two things in a list of problems: "x; y".
            left_out = Listed(written.problems[:3]).said(self.tr)
            self.notify(said.format(problems=left_out), severity="warning", markup=False)
        if not written.sealed:
            said = hand_over(self, written.files)
            self.notify(said, title=_("Exported"), timeout=15, markup=False)
            return
        from workbook.export.plain_copy import NOT_ENCRYPTED

        not_encrypted = self.tr.gettext(NOT_ENCRYPTED)
        if self.served:
            said = _("{said}. {not_encrypted}").format(
                said=hand_over(self, written.files), not_encrypted=not_encrypted
            )
            self.notify(said, title=_("Exported"), timeout=20, markup=False)
            return
        from workbook.tui.screens.plain_copy import PlainCopyScreen

        def copied(paths: list[Path] | None) -> None:
            if paths:
                listed = "\n".join(str(path) for path in paths)
                said = _("Written:\n{files}").format(files=listed)
                self.notify(
                    f"{said}\n{not_encrypted}",
                    title=_("Plain copy"),
                    timeout=20,
                    markup=False,
                )

        documents = [(path.name, text) for path, text in written.files]
        self.push_screen(PlainCopyScreen(self.store.root, documents), copied)

    def open_console(self, couple: Couple) -> None:
        """Home's Facilitate: the console for the couple's latest unfinished session."""
        from workbook.tui.screens.console_open import NO_SESSION, console_screen

        session_id = sessions.current_session(self.store, couple.id)
        if session_id is None:
            tr = self.app_translations
            names = tr._("{a} and {b}").format(a=couple.names[0], b=couple.names[1])
            said = tr.gettext(NO_SESSION).format(names=names)
            self.notify(said, severity="warning", markup=False)
            return
        self.push_screen(console_screen(self, couple, session_id))
