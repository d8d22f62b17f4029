"""Home's ways of looking after a caseload: edit a couple's names and facilitator, archive or
bring them back, clear a care flag, delete them (after their names are typed), each done by
``tui/manage.py`` through the caseload service."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual import work

if TYPE_CHECKING:
    from textual.app import App

    from workbook.data.models import Couple
    from workbook.data.overview import Overview
    from workbook.tui.app import WorkbookApp


class _Home(Protocol):
    """What these actions use of ``HomeScreen``."""

    couples: list[Overview]

    @property
    def app(self) -> App[Any]: ...

    @property
    def wb(self) -> WorkbookApp: ...

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
            from workbook.tui.manage import clear_care
            from workbook.tui.screens.clear_care import ClearCareScreen

            reason = await self.app.push_screen_wait(ClearCareScreen(couple))
            if reason:
                clear_care(self.wb, couple, reason)
                self.refresh_couples()
        elif change.what == "archive":
            self.archive(couple, True)
        elif change.what == "unarchive":
            self.archive(couple, False)
        else:
            from workbook.tui.manage import rename

            rename(self.wb, couple, change.names, change.facilitator, folder=change.folder)
            self.refresh_couples()

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
        from workbook.tui.manage import delete
        from workbook.tui.screens.delete_couple import DeleteCoupleScreen

        sessions = len(self.wb.store.session_ids(couple.id))
        folder = self.wb.store.layout.couple_folder(couple.id)
        if await self.app.push_screen_wait(DeleteCoupleScreen(couple.names, sessions, folder)):
            delete(self.wb, couple)
            self.refresh_couples()

    def archive(self: _Home, couple: Couple, archived: bool) -> None:
        """Archive the couple, or bring them back from the archive."""
        from workbook.tui.manage import archive

        archive(self.wb, couple, archived)
        self.refresh_couples()
