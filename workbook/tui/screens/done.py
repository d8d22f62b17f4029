"""The end of a session: what the couple agreed and when they will look again, where the files
are, and the exact command to export them.

Paths are given inside the data folder, which is named once, so that no line breaks a name in
two on a narrow screen; the command is split with a shell line break, so it still pastes. In an
encrypted folder the files there are sealed and of no use to the couple as they are, so the
screen says so and offers a plain copy where they choose, which it says is not encrypted.
"""

from __future__ import annotations

import contextlib
import shlex

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from workbook.data.models import Couple, Session
from workbook.data.store import Store
from workbook.data.trail import ending
from workbook.export.markdown import long_date
from workbook.i18n.catalog import N_, speaking
from workbook.service import sessions
from workbook.tui import messages
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import fill, plain
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter

EARLY = N_(
    "You ended this session before the end of its agenda. What you did not reach is marked in "
    "its summary, and you can choose it again another time."
)


def command(store: Store) -> str:
    """The command that reaches this data folder, ready to paste (the folder quoted if needed)."""
    return f"workbook --data-dir {shlex.quote(str(store.root))}"


class DoneScreen(WorkbookScreen[None]):
    BINDINGS = bindings("done")

    def __init__(self, store: Store, couple: Couple, session: Session) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.session = session

    def _agreed(self) -> Content:
        _ = self.tr._
        found = sessions.made_in(self.store, self.couple, self.session.id)
        made, soonest = found.agreements, found.soonest
        names = dict(zip("ab", self.couple.names, strict=True))
        if not made:
            lines = [Content(_("You made no agreements this time."))]
        else:
            lines = [Content(_("What you agreed:"))]
            for agreement in made:
                if agreement.who in names:
                    said = fill(
                        _("  • $name will: $text"), name=names[agreement.who], text=agreement.text
                    )
                else:
                    said = fill(_("  • Both of you: $text"), text=agreement.text)
                lines.append(said)
        if soonest is not None:
            with speaking(self.tr):
                day = long_date(soonest.review_on)
            lines.append(Content("\n" + _("Your next review: {date}.").format(date=day)))
        return Content("\n").join(lines)

    def compose(self) -> ComposeResult:
        _ = self.tr._
        a, b = self.couple.names
        with VerticalScroll(id="done"):
            # An early end reads the same however it came about, and never says why.
            early = ending(self.session.trail) is not None
            title = _("That is all for today, $a and $b.") if early else _("Well done, $a and $b.")
            yield Static(fill(title, a=a, b=b), classes="step-title")
            if early:
                yield Static(self.tr.gettext(EARLY), classes="gap", markup=False)
            yield Static(self._agreed(), id="agreed")
            yield from self._sealed() if self.store.encrypted else self._files()
            yield Button(_("Back to the start"), id="home", variant="primary")
        yield KeysFooter()

    def _files(self) -> ComposeResult:
        layout, root = self.store.layout, self.store.root

        def inside(path: object) -> str:
            return str(path).removeprefix(str(root)).lstrip("/")

        _ = self.tr._
        for label, path in (
            (_("Your files are in the data folder:"), str(root)),
            (_("Your agreement document:"), inside(layout.agreement_document(self.couple.id))),
            (
                _("This session, with all your answers:"),
                inside(layout.session_file(self.couple.id, self.session.id)),
            ),
        ):
            yield Static(label, markup=False)
            yield Static(plain(path), classes="path dir-auto")
        if self.wb.served:
            # In a browser the files are on the server's disk: they come as downloads.
            yield Static(
                _(
                    "Your agreement document and this session's summary can come to this "
                    "browser as downloads:"
                ),
                classes="gap",
                markup=False,
            )
            yield Button(_("Download the documents"), id="download")
        else:
            yield Static(
                _("To print a summary of this session, or make a web page:"),
                classes="gap",
                markup=False,
            )
            for rest in (
                f"export {self.couple.id} --session {self.session.id}",
                f"export {self.couple.id} --format html --out agreement.html",
            ):
                yield Static(
                    plain(f"{command(self.store)} \\\n    {rest}"), classes="path dir-auto"
                )

    def _sealed(self) -> ComposeResult:
        from workbook.export.plain_copy import NOT_ENCRYPTED

        _ = self.tr._
        # The export's words (marked there), in this couple's language.
        not_encrypted = self.tr.gettext(NOT_ENCRYPTED)
        yield Static(
            _(
                "Your agreement document and this session are encrypted in the data folder: "
                "they open only in this workbook, with the passphrase."
            ),
            classes="gap",
            markup=False,
        )
        if self.wb.served:
            said = _("They can come to this browser as downloads. {not_encrypted}")
            yield Static(said.format(not_encrypted=not_encrypted), markup=False)
            yield Button(_("Download the documents"), id="download")
        else:
            said = _(
                "To read or print them, save a plain copy in a folder you choose. {not_encrypted}"
            )
            yield Static(said.format(not_encrypted=not_encrypted), markup=False)
            yield Button(_("Save a plain copy…"), id="download")

    def on_mount(self) -> None:
        self.query_one("#home", Button).focus(scroll_visible=False)
        # Homework this session did is written down as done by it, away from the screen.
        self.run_worker(self._settle, thread=True, group="homework", exit_on_error=False)

    def _settle(self) -> None:
        from workbook.service import homework
        from workbook.service.errors import ServiceError

        with contextlib.suppress(ServiceError):
            homework.settle(self.store, self.couple.id)

    def action_home(self) -> None:
        self.dismiss()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "download":
            self.post_message(messages.ExportDocuments(self.couple))
            return
        self.dismiss()
