"""Home's ways of looking after a caseload: edit a couple's names and facilitator, archive or
bring them back, clear a care flag, delete them (after their names are typed), each asked of
the app in a message (``tui/messages.py``), which the caseload service does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual import work
from textual.message import Message

from workbook.tui import messages

if TYPE_CHECKING:
    from textual.app import App

    from workbook.data.models import Couple
    from workbook.data.overview import Overview
    from workbook.tui.host import Host


class _Home(Protocol):
    """What these actions use of ``HomeScreen``."""

    couples: list[Overview]

    @property
    def app(self) -> App[Any]: ...

    @property
    def wb(self) -> Host: ...

    def post_message(self, message: Message) -> bool: ...

    async def chosen(self) -> Couple | None: ...

    def refresh_couples(self) -> None: ...

    def _chosen_id(self) -> str | None: ...

    async def _delete(self, couple: Couple) -> None: ...

    def archive(self, couple: Couple, archived: bool) -> None: ...


class CaseloadActions:
    """The caseload's actions of ``HomeScreen``."""

    @work(exclusive=True, group="manage")
    async def action_edit(self: _Home) -> None:
        """Edit the names and the facilitator; archive, bring back, or delete."""
        from workbook.tui.screens.edit_couple import EditCoupleScreen

        couple = await self.chosen()
        if couple is None:
            return
        change = await self.app.push_screen_wait(
            EditCoupleScreen(couple, encrypted=self.wb.store.encrypted)
        )
        if change is None:
            return
        if change.what == "delete":
            await self._delete(couple)
        elif change.what == "clear-care":
            from workbook.tui.screens.clear_care import ClearCareScreen

            reason = await self.app.push_screen_wait(ClearCareScreen(couple))
            if reason:
                self.post_message(messages.ClearCare(couple, reason))
        elif change.what == "archive":
            self.archive(couple, True)
        elif change.what == "unarchive":
            self.archive(couple, False)
        else:
            self.post_message(
                messages.RenameCouple(
                    couple,
                    change.names,
                    change.facilitator,
                    folder=change.folder,
                    language=change.language,
                )
            )

    @work(exclusive=True, group="manage")
    async def action_archive(self: _Home) -> None:
        """Archive the highlighted couple, or bring them back."""
        couple = await self.chosen()
        if couple is not None:
            self.archive(couple, not couple.archived)

    def highlighted_archived(self: _Home) -> bool:
        chosen = self._chosen_id()
        return any(c.archived for c in self.couples if c.id == chosen)

    @work(exclusive=True, group="manage")
    async def action_delete(self: _Home) -> None:
        couple = await self.chosen()
        if couple is not None:
            await self._delete(couple)

    async def _delete(self: _Home, couple: Couple) -> None:
        from workbook.tui.screens.delete_couple import DeleteCoupleScreen

        sessions = len(self.wb.store.session_ids(couple.id))
        folder = self.wb.store.layout.couple_folder(couple.id)
        if await self.app.push_screen_wait(DeleteCoupleScreen(couple.names, sessions, folder)):
            self.post_message(messages.DeleteCouple(couple))

    def archive(self: _Home, couple: Couple, archived: bool) -> None:
        """Archive the couple, or bring them back from the archive."""
        self.post_message(messages.ArchiveCouple(couple, archived))
