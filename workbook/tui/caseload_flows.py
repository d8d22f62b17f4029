"""The app's answers to Home's changes to a caseload (``tui/messages.py``): new names, the
archive, deleting a couple and clearing a care flag, each one call of the caseload service
(``service/caseload.py``), said in a notice, success or failure; Home then reads the couples
again."""

from __future__ import annotations

from textual import on

from workbook.i18n.said import said_in
from workbook.service import caseload
from workbook.service.errors import ServiceError
from workbook.tui import messages
from workbook.tui.host import Host


class CaseloadFlows(Host):
    """Home's changes to the couples."""

    def refresh_home(self) -> None:
        """Home reads the couples again, if it is open."""
        from workbook.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_couples()

    @on(messages.RenameCouple)
    def _rename(self, message: messages.RenameCouple) -> None:
        """Save the couple's new names and facilitator; their agreement document, which names
        them, is written again; with ``folder``, their folder follows the new names."""
        names = message.names
        _ = self.app_translations._
        try:
            renamed = caseload.rename(
                self.store,
                message.couple.id,
                names,
                message.facilitator,
                self.today,
                folder=message.folder,
                language=message.language,
            )
        except ServiceError as error:
            self.notify(error.said(self.app_translations), severity="error", markup=False)
        else:
            if renamed.document_problem is not None:
                said = _(
                    "The names are saved, but the agreement document still has the old ones: "
                    "{problem}"
                )
                self.notify(
                    said.format(problem=said_in(renamed.document_problem, self.app_translations)),
                    severity="warning",
                    markup=False,
                )
            if renamed.folder_problem is not None:
                said = _("The names are saved, but {problem}")
                self.notify(
                    said.format(problem=renamed.folder_problem),
                    severity="warning",
                    markup=False,
                )
            elif renamed.couple.id != message.couple.id:
                said = _("Their folder is now {folder}.").format(folder=renamed.couple.id)
                self.notify(said, title=_("Couple"), markup=False)
            said = _("Saved: {a} and {b}.").format(a=names[0], b=names[1])
            self.notify(said, title=_("Couple"), markup=False)
        self.refresh_home()

    @on(messages.ArchiveCouple)
    def _archive(self, message: messages.ArchiveCouple) -> None:
        """Archive the couple (hidden from Home unless asked for), or bring them back."""
        a, b = message.couple.names
        _ = self.app_translations._
        try:
            caseload.archive(self.store, message.couple.id, message.archived)
        except ServiceError as error:
            self.notify(error.said(self.app_translations), severity="error", markup=False)
        else:
            if message.archived:
                edit = self.keys_for("home.edit", "f2")
                said = _(
                    "{a} and {b} are archived: Show › Archived lists them, and {keys} brings "
                    "them back."
                ).format(a=a, b=b, keys=edit)
            else:
                said = _("{a} and {b} are back among the current couples.").format(a=a, b=b)
            self.notify(said, title=_("Couple"), markup=False)
        self.refresh_home()

    @on(messages.DeleteCouple)
    def _delete(self, message: messages.DeleteCouple) -> None:
        """Delete every file of the couple, and their entry in the index."""
        a, b = message.couple.names
        _ = self.app_translations._
        try:
            caseload.delete(self.store, message.couple.id)
        except ServiceError as error:
            said = _("Deleting {a} and {b} did not finish: {problem}.")
            self.notify(
                said.format(a=a, b=b, problem=error.said(self.app_translations)),
                title=_("Delete"),
                severity="error",
                timeout=20,
                markup=False,
            )
        else:
            self.notify(
                _("{a} and {b} are deleted, with every file of theirs.").format(a=a, b=b),
                title=_("Deleted"),
                markup=False,
            )
        self.refresh_home()

    @on(messages.ClearCare)
    def _clear_care(self, message: messages.ClearCare) -> None:
        """Clear the couple's care flag, the reason kept first in the notes."""
        from workbook.data.models import now

        a, b = message.couple.names
        _ = self.app_translations._
        try:
            caseload.clear_care(self.store, message.couple.id, message.reason, now())
        except ServiceError as error:
            self.notify(
                _("The care flag is still up: {problem}").format(
                    problem=error.said(self.app_translations)
                ),
                title=_("Care flag"),
                severity="error",
                markup=False,
            )
        else:
            said = _("The care flag of {a} and {b} is cleared; the reason is kept in the notes.")
            self.notify(
                said.format(a=a, b=b),
                title=_("Care flag"),
                markup=False,
            )
        self.refresh_home()
