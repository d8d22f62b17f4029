"""The bar under the stage: Back, what to do now, and Next (or Finish on the last place)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from workbook.i18n.catalog import N_
from workbook.logic.phases import SEALED
from workbook.logic.walk import HANDBACK, HANDOVER, LOOKAWAY, REVEAL, Place, Walk
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import update
from workbook.tui.widgets.button import Button

HINTS = {
    LOOKAWAY: N_("Only the partner named above goes on, with {ready}."),
    HANDOVER: N_("Hand the screen over, then press {ready}."),
    HANDBACK: N_("Hand the screen back, then press {ready}."),
    # True at every reveal, also one that keeps an optional step's answers back (logic/skips.py).
    REVEAL: N_("Both of you: look at this together."),
    SEALED: N_("Both of you: your answers stay private."),
}


class NavBar(Horizontal):
    """Its buttons run the screen's own actions, as the keys do."""

    def compose(self) -> ComposeResult:
        _ = tr_of(self)._
        yield Button(_("◀ Back"), id="back", compact=True, action="screen.back")
        yield Static(id="hint", markup=False)
        yield Button(_("Next ▶"), id="next", variant="primary", compact=True, action="screen.next")

    def show(self, walk: Walk, place: Place) -> None:
        tr = tr_of(self)
        hint = HINTS.get(place.phase)
        ready = key_of(self, "walk.ready")
        said = tr.gettext(hint).format(ready=ready) if hint else ""
        update(self.query_one("#hint", Static), said)
        self.query_one("#back", Button).disabled = walk.back(place) is None
        last = walk.next(place) is None
        following = self.query_one("#next", Button)
        following.label = tr._("Finish ✓") if last else tr._("Next ▶")
        # A hand-over is passed by the named partner's own button, never by Next.
        following.disabled = walk.is_handoff(place)
