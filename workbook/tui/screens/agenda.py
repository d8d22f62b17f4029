"""The agenda: choose and order the packs for this sitting, or take the suggested path, under
the couple's names in a box across the screen, so that a wrong couple is noticed at once."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.homework import Homework
from workbook.data.models import Couple
from workbook.i18n.catalog import speaking
from workbook.i18n.said import Listed
from workbook.logic.clock import Budget, total_text
from workbook.packs.library import SUGGESTED_PATH, Library, other_language
from workbook.packs.load import LoadedPack
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import fill, line, plain
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter
from workbook.tui.widgets.homework_line import homework_line, open_homework

# Offered at intake when the couple has a counsellor: the validated measure (exercises/csi-4.toml).
INTAKE_MEASURE = "csi-4"


class PackList(OptionList):
    BINDINGS = bindings("packs")

    @dataclass
    class Moved(Message):
        """Move the highlighted pack ``step`` places earlier (-1) or later (1) in the agenda."""

        index: int
        step: int

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Moved(self.highlighted, step))


class AgendaScreen(WorkbookScreen[list[str] | None]):
    """Dismisses with the chosen pack ids in order, or None when cancelled."""

    BINDINGS = bindings("agenda")

    def __init__(self, couple: Couple, library: Library, *, first_time: bool = True) -> None:
        super().__init__()
        self.couple = couple
        self.library = library
        # Each pack in the couple's language where it is written in it; the others as they are,
        # each row saying which language that is.
        self.packs: list[LoadedPack] = library.ordered(couple.language)
        self.agenda: list[str] = []
        # The suggested first path is for a first session only.
        self.first_time = first_time
        # Homework from their counsellor: shown first, its packs first and chosen.
        self.homework: list[Homework] = []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "suggested":
            return self.first_time
        return True

    def compose(self) -> ComposeResult:
        tr = self.tr
        _ = tr._
        a, b = self.couple.names
        with Vertical(id="agenda"):
            # The couple, in a box across the screen: a wrong couple is seen before a step.
            yield Static(fill(_("$a and $b"), a=a, b=b), classes="couple-banner")
            yield Static(_("What would you like to do today?"), classes="step-title", markup=False)
            yield Static("", id="homework-first")
            keys = {k: self.wb.keys_for(f"packs.{k}") for k in ("select", "earlier", "later")}
            yield Static(
                _(
                    "{enter} or {select} adds or removes a pack; {earlier} and {later} change "
                    "the order."
                ).format(enter=self.wb.keys_for("list.select", first=True), **keys),
                classes="legend",
                markup=False,
            )
            yield PackList(id="packs")
            # The order by a tap too: a phone has no [ or ] (the same moves as the keys).
            with Horizontal(id="agenda-moves"):
                yield Button(_("Earlier"), id="earlier", compact=True)
                yield Button(_("Later"), id="later", compact=True)
            yield Static(id="total", markup=False)
            yield Static(id="summary", classes="dir-auto")
            broken, warned = len(self.library.broken), len(self._warned())
            if broken or warned:
                # Quiet on purpose: the couple may be looking; the author finds the details.
                said = []
                if broken:
                    said.append(
                        tr.ngettext(
                            "{count} pack file could not be read",
                            "{count} pack files could not be read",
                            broken,
                        ).format(count=broken)
                    )
                if warned:
                    said.append(
                        tr.ngettext(
                            "{count} pack with warnings", "{count} packs with warnings", warned
                        ).format(count=warned)
                    )
                details = self.wb.keys_for("agenda.broken")
                shown = _("{problems} ({keys}: details)").format(
                    problems=Listed(said).said(tr), keys=details
                )
                yield Static(shown, id="broken", markup=False)
            with Horizontal(id="agenda-buttons"):
                if self.first_time:
                    yield Button(_("Suggested first path"), id="suggested")
                yield Button(_("Start ▶"), id="start", variant="primary")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._homework_first()
        self._refresh(0)
        self.query_one(PackList).focus()

    def _homework_first(self) -> None:
        """Their homework, first: said at the top, its packs first in the list and chosen."""
        today = self.wb.today()
        self.homework = open_homework(self.wb.store, self.couple.id)
        self.homework = [item for item in self.homework if item.pack in self.library.packs]
        said = self.query_one("#homework-first", Static)
        said.display = bool(self.homework)
        if not self.homework:
            return
        titles = {loaded.pack.id: loaded.pack.title for loaded in self.packs if loaded.pack}
        said.update(
            Content("\n").join(
                homework_line(item, titles[item.pack], self.couple.facilitator, today, self.tr)
                for item in self.homework
            )
        )
        first = [item.pack for item in self.homework]
        self.agenda = list(dict.fromkeys(first))
        self.packs.sort(
            key=lambda p: first.index(p.pack.id) if p.pack and p.pack.id in first else len(first)
        )

    def _refresh(self, highlight: int | None = None) -> None:
        listing = self.query_one(PackList)
        keep = listing.highlighted if highlight is None else highlight
        listing.clear_options()
        listing.add_options([Option(self._row(loaded)) for loaded in self.packs])
        if self.packs:
            listing.highlighted = max(0, min(keep or 0, len(self.packs) - 1))
        self.query_one("#start", Button).disabled = not self.agenda
        chosen = [self.library.pack(pack_id, self.couple.language) for pack_id in self.agenda]
        with speaking(self.tr):
            total = total_text(Budget.of(chosen), len(chosen))
        today = self.tr._("Today: {total}").format(total=total)
        self.query_one("#total", Static).update(today if chosen else total)
        self._show_summary()

    def _row(self, loaded: LoadedPack) -> Content:
        assert loaded.pack is not None
        pack = loaded.pack
        place = f"{self.agenda.index(pack.id) + 1}." if pack.id in self.agenda else "  "
        mark = "[x]" if pack.id in self.agenda else "[ ]"
        minutes = self.tr._("{minutes} min").format(minutes=pack.minutes) if pack.minutes else ""
        other = other_language(self.library, pack.id, self.couple.language)
        details = "  ".join(part for part in (minutes, ", ".join(pack.topics), other) if part)
        return Content.assemble(
            f"{mark} {place:>3} ", line(pack.title), Content.styled(f"  {details}", "dim")
        )

    @on(OptionList.OptionHighlighted, "#packs")
    def _show_summary(self) -> None:
        listing = self.query_one(PackList)
        if listing.highlighted is None or not self.packs:
            return
        pack = self.packs[listing.highlighted].pack
        assert pack is not None
        self.query_one("#summary", Static).update(plain(pack.summary))

    @on(OptionList.OptionSelected, "#packs")
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        pack = self.packs[event.option_index].pack
        assert pack is not None
        if pack.id in self.agenda:
            self.agenda.remove(pack.id)
        else:
            self.agenda.append(pack.id)
        self._refresh(event.option_index)

    @on(PackList.Moved)
    def _moved(self, event: PackList.Moved) -> None:
        event.stop()
        self.move(event.index, event.step)

    @on(Button.Pressed, "#earlier, #later")
    def _move_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        listing = self.query_one(PackList)
        if listing.highlighted is not None:
            self.move(listing.highlighted, -1 if event.button.id == "earlier" else 1)

    def move(self, index: int, step: int) -> None:
        pack = self.packs[index].pack
        assert pack is not None
        if pack.id not in self.agenda:
            enter = self.wb.keys_for("list.select", first=True)
            said = self.tr._("Add the pack first ({enter}), then move it.").format(enter=enter)
            self.notify(said, markup=False)
            return
        at = self.agenda.index(pack.id)
        target = at + step
        if 0 <= target < len(self.agenda):
            self.agenda[at], self.agenda[target] = self.agenda[target], self.agenda[at]
            self._refresh(index)

    @on(Button.Pressed, "#suggested")
    def action_suggested(self) -> None:
        path = list(SUGGESTED_PATH)
        if self.couple.facilitator and INTAKE_MEASURE in self.library.packs:
            # With a counsellor, the first session also takes the measure, after the safety
            # check, so later sittings have a start to compare with.
            path.insert(1 if path[0] == "before-we-begin" else 0, INTAKE_MEASURE)
        self.agenda = [p for p in path if p in self.library.packs]
        self._refresh()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if not self.agenda:
            self.notify(self.tr._("Choose at least one pack first."), markup=False)
            return
        self.dismiss(list(self.agenda))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _warned(self) -> list[LoadedPack]:
        return [loaded for loaded in self.library.ordered() if loaded.warnings]

    def action_broken(self) -> None:
        from workbook.tui.screens.broken_packs import BrokenPacksScreen

        if self.library.broken or self._warned():
            self.app.push_screen(BrokenPacksScreen(self.library.broken, self._warned()))
