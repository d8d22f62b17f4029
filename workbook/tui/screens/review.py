"""Reviewing agreements together: keep each one going, change it, or let it go.

The list keeps its order while the review lasts, so the highlight never jumps to another
agreement under a key press. Letting go asks for the key again; a change is written first,
then each partner confirms it with their own key (1 and 2), as when it was made. Every review is
recorded with the agreement (``AgreementBook``).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.models import Agreement
from workbook.export.markdown import long_date
from workbook.i18n.catalog import speaking
from workbook.i18n.said import said_in
from workbook.logic.agreements import for_review
from workbook.service.agreements import AgreementBook
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import fill, plain
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.footer import KeysFooter


class ReviewScreen(WorkbookScreen[None]):
    BINDINGS = bindings("review")

    def __init__(
        self, book: AgreementBook, *, due_only: bool = False, session: str | None = None
    ) -> None:
        super().__init__()
        self.book = book
        # The session this review is part of (a check-in's), kept with each review.
        self.session = session
        self.couple = book.couple
        self.today = book.today()
        self.agreements = book.load()
        # Before a check-in: only the agreements due, to talk about how they went.
        self.due_only = due_only
        # Fixed for the whole review: the order the couple started with.
        self.order = [
            a.id
            for a in for_review(self.agreements, self.today)
            if a.is_due(self.today) or not due_only
        ]
        self.read_only = book.read_only
        self._letting_go: str | None = None
        self._change: tuple[str, str] | None = None  # agreement id, new text
        self._confirmed: set[str] = set()

    def compose(self) -> ComposeResult:
        _ = self.tr._
        a, b = self.couple.names
        with Vertical(id="review"):
            if self.due_only:
                yield Static(
                    fill(_("Before this check-in, $a and $b: how did these go?"), a=a, b=b),
                    classes="step-title",
                )
            else:
                title = fill(_("Your agreements, $a and $b"), a=a, b=b)
                yield Static(title, classes="step-title")
            key = self._key
            keys = {
                name.replace("-", "_"): key(name)
                for name in ("keep", "change", "confirm-1st", "confirm-2nd", "retire", "back")
            }
            if self.due_only:
                legend = _(
                    "Talk about each one together. {keep} keeps it going until its next "
                    "review; {change} changes it (then each of you confirms, {confirm_1st} and "
                    "{confirm_2nd}); {retire} lets it go. {back} goes on to the check-in."
                )
            else:
                legend = _(
                    "Talk about each one together. {keep} keeps it going until its next "
                    "review; {change} changes it (then each of you confirms, {confirm_1st} and "
                    "{confirm_2nd}); {retire} lets it go. "
                )
            yield Static(legend.format(**keys), classes="legend", markup=False)
            if self.read_only:
                said = _("Read-only: {reason}").format(reason=said_in(self.read_only, self.tr))
                yield Static(plain(said), classes="legend read-only")
            yield Static(id="status", markup=False)
            field = Box(id="new-text", max_length=500, placeholder=_("The changed agreement"))
            field.display = False
            yield field
            yield OptionList(*self._rows(), id="agreements")
        yield KeysFooter()

    def _key(self, action: str) -> str:
        return self.wb.keys_for(f"review.{action}")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Read-only agreements offer no keys that would change them.
        if action in ("keep", "change", "retire", "confirm"):
            return self.read_only is None
        return True

    def _shown(self) -> list[Agreement]:
        by_id = {a.id: a for a in self.agreements.agreements}
        return [by_id[i] for i in self.order if i in by_id]

    def _rows(self) -> list[Option]:
        _ = self.tr._
        shown = self._shown()
        if not shown:
            return [Option(_("No active agreements."), disabled=True)]
        names = dict(zip("ab", self.couple.names, strict=True))
        rows = []
        for agreement in shown:
            if agreement.who in names:
                who = _("{name} will:").format(name=names[agreement.who])
            else:
                who = _("Both of you:")
            with speaking(self.tr):
                day = long_date(agreement.review_on)
            if agreement.status == "retired":
                when = _("let go")
            elif agreement.is_due(self.today):
                when = _("due now: {date}").format(date=day)
            else:
                when = _("next review: {date}").format(date=day)
            origin = (
                _(" · from {title}").format(title=agreement.source_title)
                if agreement.source_title
                else ""
            )
            rows.append(
                Option(
                    fill(
                        "$who $text\n   $when$origin",
                        who=who,
                        text=agreement.text,
                        when=when,
                        origin=origin,
                    )
                )
            )
        return rows

    def _chosen(self) -> Agreement | None:
        listing = self.query_one(OptionList)
        shown = self._shown()
        if listing.highlighted is None or not shown:
            return None
        chosen = shown[listing.highlighted]
        if chosen.status == "retired":
            self.notify(self.tr._("This one was let go already."), markup=False)
            return None
        return chosen

    def _record(self, agreement_id: str, outcome: str, text: str | None, said: str) -> None:
        try:
            self.agreements = self.book.review(agreement_id, outcome, text, self.session)
        except (SaveError, OSError, DataError) as error:
            said = self.tr._("Not saved: {problem}").format(problem=said_in(error, self.tr))
            self.notify(said, severity="error", markup=False)
            return
        listing = self.query_one(OptionList)
        keep_at = listing.highlighted
        listing.clear_options()
        listing.add_options(self._rows())
        if keep_at is not None and listing.option_count:
            listing.highlighted = min(keep_at, listing.option_count - 1)
        self.query_one("#status", Static).update("")
        self.notify(said, markup=False)

    def action_keep(self) -> None:
        self._letting_go = None
        chosen = self._chosen()
        if chosen is not None:
            said = self.tr._("Kept: its next review date is set.")
            self._record(chosen.id, "kept", None, said)

    def action_retire(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if self._letting_go != chosen.id:
            self._letting_go = chosen.id
            said = self.tr._(
                "Let this agreement go? Press {keys} again to let it go; any other key keeps it."
            )
            self.query_one("#status", Static).update(said.format(keys=self._key("retire")))
            return
        self._letting_go = None
        said = self.tr._("Let go: it leaves your agreement document.")
        self._record(chosen.id, "retired", None, said)

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        # A let-go asked for on one agreement is never carried to another.
        if self._letting_go is not None:
            self._letting_go = None
            self.query_one("#status", Static).update("")

    def action_change(self) -> None:
        self._letting_go = None
        chosen = self._chosen()
        if chosen is None:
            return
        field = self.query_one("#new-text", Input)
        field.value = chosen.text
        field.display = True
        field.focus()
        self._change = (chosen.id, chosen.text)
        self._confirmed = set()
        enter = self.wb.keys_for("input.submit")
        said = self.tr._("Write the changed agreement, then press {keys}.").format(keys=enter)
        self.query_one("#status", Static).update(said)

    @on(Input.Submitted, "#new-text")
    def _written(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean_line(event.value)
        if self._change is None or not text:
            return
        self._change = (self._change[0], text)
        self.query_one(OptionList).focus()
        a, b = self.couple.names
        said = self.tr._(
            "{a} presses {first} and {b} presses {second} to confirm the change; {back} leaves "
            "it as it was."
        )
        self.query_one("#status", Static).update(
            said.format(
                a=a,
                b=b,
                first=self._key("confirm-1st"),
                second=self._key("confirm-2nd"),
                back=self._key("back"),
            )
        )

    def action_confirm(self, key: str) -> None:
        if self._change is None:
            return
        self._confirmed ^= {key}
        if self._confirmed != {"a", "b"}:
            names = dict(zip("ab", self.couple.names, strict=True))
            _ = self.tr._
            if len(self._confirmed) == 1:
                said = _("{name} confirmed the change so far.").format(
                    name=names[next(iter(self._confirmed))]
                )
            else:
                said = _("Nobody confirmed the change so far.")
            self.query_one("#status", Static).update(said)
            return
        agreement_id, text = self._change
        self._change = None
        self.query_one("#new-text", Input).display = False
        said = self.tr._("Changed: both of you confirmed it.")
        self._record(agreement_id, "changed", text, said)

    def action_back(self) -> None:
        if self._change is not None:
            self._change = None
            self.query_one("#new-text", Input).display = False
            self.query_one("#status", Static).update(self.tr._("The change was left out."))
            self.query_one(OptionList).focus()
            return
        self.dismiss()
