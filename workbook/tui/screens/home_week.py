"""Home's ways into the counsellor's week for the highlighted couple: their goals (g), and
their next appointment and homework (h). Each opens a dialog of its own; Home reads the couple
again when it closes, so the table and the line below it say what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from rich.text import Text
from textual import work

if TYPE_CHECKING:
    from textual.app import App

    from workbook.data.models import Couple
    from workbook.tui.host import Host


class _Home(Protocol):
    """What these actions use of ``HomeScreen``."""

    @property
    def app(self) -> App[Any]: ...

    @property
    def wb(self) -> Host: ...

    async def chosen(self) -> Couple | None: ...

    def refresh_couples(self) -> None: ...


def measures(app: Host) -> list[tuple[Text, str]]:
    """Every score of the library's packs, as (title, "pack.score"); pack text is never read as
    markup."""
    found = []
    for pack_id, loaded in sorted(app.library.packs.items()):
        if loaded.pack is None:
            continue
        for score in loaded.pack.scores:
            title = Text(f"{loaded.pack.title}: {score.title}"[:44])
            found.append((title, f"{pack_id}.{score.id}"))
    return found


def packs(app: Host) -> list[tuple[Text, str]]:
    """The library's packs, as (title, id)."""
    return [
        (Text(loaded.pack.title[:50]), pack_id)
        for pack_id, loaded in sorted(app.library.packs.items())
        if loaded.pack is not None
    ]


class CaseloadWeek:
    """The week's actions of ``HomeScreen``."""

    @work(exclusive=True, group="manage")
    async def action_goals(self: _Home) -> None:
        """The highlighted couple's goals."""
        from workbook.tui.screens.goals import GoalsScreen

        couple = await self.chosen()
        if couple is None:
            return
        today = self.wb.today().isoformat()
        await self.app.push_screen_wait(
            GoalsScreen(self.wb.store, couple, measures(self.wb), today)
        )
        self.refresh_couples()

    @work(exclusive=True, group="manage")
    async def action_homework(self: _Home) -> None:
        """The highlighted couple's next appointment and homework."""
        from workbook.tui.screens.homework import HomeworkScreen

        couple = await self.chosen()
        if couple is None:
            return
        await self.app.push_screen_wait(
            HomeworkScreen(self.wb.store, couple, packs(self.wb), self.wb.today())
        )
        self.refresh_couples()
